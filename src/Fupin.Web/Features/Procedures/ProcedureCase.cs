using Fupin.Web.Data;
using Fupin.Web.Features.Households;
using Fupin.Web.Features.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fupin.Web.Features.Procedures;

/// <summary>
/// One run of a procedure: a household's identification or exit, or a village's exit. It stands at one
/// step at a time; every act on a step is a <see cref="ProcedureStep"/> line, never an edit of an old one.
/// </summary>
public sealed class ProcedureCase : IRegionScoped, IVersioned, IAudited
{
    public Guid Id { get; set; }
    public ProcedureKind Kind { get; set; }
    /// <summary>The village (12 digits) the case belongs to: the household's village, or the exiting village.</summary>
    public required string RegionCode { get; set; }
    public Guid? HouseholdId { get; set; }
    /// <summary>Who or what the case is about, for lists: the head's name or the village's name.</summary>
    public required string Subject { get; set; }
    /// <summary>识别年度, 脱贫年度 or 出列年度 the case decides.</summary>
    public int Year { get; set; }

    public int StepIndex { get; set; }
    public required string StepCode { get; set; }
    public CaseState State { get; set; }
    public DateOnly StepEnteredOn { get; set; }
    /// <summary>Set while a publicity step is current: the day it began, and the minimum length that applied then.</summary>
    public DateOnly? PublicityStartedOn { get; set; }
    public int? PublicityMinDays { get; set; }

    public DateOnly StartedOn { get; set; }
    public required string StartedBy { get; set; }
    public DateOnly? ClosedOn { get; set; }
    /// <summary>Why the case ended without approval (the rejecting step's opinion or the upheld objection).</summary>
    public string? Outcome { get; set; }

    // Monitoring entry and risk removal
    public Monitoring.MonitoringType? MonitoringType { get; set; }
    public Monitoring.MonitoringSource? MonitoringSource { get; set; }
    /// <summary>致贫/返贫风险 as entered.</summary>
    public string? Risks { get; set; }
    /// <summary>The comparison finding that proposed the entry (部门筛查预警).</summary>
    public Guid? FindingId { get; set; }
    public Monitoring.RiskRemovalMode? RemovalMode { get; set; }
    /// <summary>歇帮 or restoring assistance: the reason given.</summary>
    public string? Reason { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>An act on a step: who, when, the decision, the opinion and what the step type records.</summary>
public sealed class ProcedureStep : IRegionScoped, IAudited
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public required string RegionCode { get; set; }
    public int Seq { get; set; }
    public required string StepCode { get; set; }
    public required string StepName { get; set; }
    public StepDecision Decision { get; set; }
    public string? Opinion { get; set; }
    public string? ActorId { get; set; }
    public required string ActorName { get; set; }
    public required string ActorRole { get; set; }
    public DateTime At { get; set; }
    public DateOnly On { get; set; }

    // Meeting (村民评议, 民主评议)
    public DateOnly? MeetingDate { get; set; }
    public int? Attendance { get; set; }
    public int? VotesFor { get; set; }
    public int? VotesAgainst { get; set; }
    // Agreement (贫困户认可)
    public bool? HouseholdAgreed { get; set; }
    // Publicity: the period it ran
    public DateOnly? PublicityFrom { get; set; }
    public DateOnly? PublicityTo { get; set; }
    // Comparison: what the checks found, one finding per line
    public string? Findings { get; set; }
    // Review: a sample check (乡镇抽查、县级抽查) and what it found
    public bool SampleChecked { get; set; }
    public string? SampleFinding { get; set; }
}

/// <summary>异议: raised during publicity, it holds the case until resolved with a recorded outcome.</summary>
public sealed class ProcedureObjection : IRegionScoped, IVersioned, IAudited
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public required string RegionCode { get; set; }
    public required string StepCode { get; set; }
    /// <summary>Who objected (a villager's name, or "匿名").</summary>
    public required string RaisedBy { get; set; }
    public required string Content { get; set; }
    public DateOnly RaisedOn { get; set; }
    public required string RecordedBy { get; set; }
    public bool Resolved { get; set; }
    /// <summary>Whether the objection was found to hold: if so, the case ends unapproved.</summary>
    public bool? Upheld { get; set; }
    public string? Resolution { get; set; }
    public DateOnly? ResolvedOn { get; set; }
    public string? ResolvedBy { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A stored file of a case (会议记录, 公示照片, 申请书…); the bytes live in the data folder by their hash.</summary>
public sealed class ProcedureAttachment : IRegionScoped, IAudited
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public required string RegionCode { get; set; }
    public string? StepCode { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public required string UploadedBy { get; set; }
    public DateTime UploadedAt { get; set; }
}

internal sealed class ProcedureConfiguration :
    IEntityTypeConfiguration<ProcedureCase>, IEntityTypeConfiguration<ProcedureStep>,
    IEntityTypeConfiguration<ProcedureObjection>, IEntityTypeConfiguration<ProcedureAttachment>
{
    public void Configure(EntityTypeBuilder<ProcedureCase> b)
    {
        b.Property(c => c.RegionCode).HasMaxLength(12);
        b.Property(c => c.Subject).HasMaxLength(60);
        b.Property(c => c.StepCode).HasMaxLength(40);
        b.Property(c => c.StartedBy).HasMaxLength(64);
        b.Property(c => c.Outcome).HasMaxLength(500);
        b.Property(c => c.Risks).HasMaxLength(200);
        b.Property(c => c.Reason).HasMaxLength(200);
        b.Property(c => c.MonitoringType).HasConversion<string>().HasMaxLength(24);
        b.Property(c => c.MonitoringSource).HasConversion<string>().HasMaxLength(24);
        b.Property(c => c.RemovalMode).HasConversion<string>().HasMaxLength(24);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => new { c.RegionCode, c.State, c.Kind });
        b.HasIndex(c => new { c.HouseholdId, c.Kind });
        b.HasOne<Region>().WithMany().HasForeignKey(c => c.RegionCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Household>().WithMany().HasForeignKey(c => c.HouseholdId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ProcedureStep> b)
    {
        b.Property(s => s.RegionCode).HasMaxLength(12);
        b.Property(s => s.StepCode).HasMaxLength(40);
        b.Property(s => s.StepName).HasMaxLength(40);
        b.Property(s => s.Opinion).HasMaxLength(1000);
        b.Property(s => s.ActorId).HasMaxLength(64);
        b.Property(s => s.ActorName).HasMaxLength(64);
        b.Property(s => s.ActorRole).HasMaxLength(64);
        b.Property(s => s.Findings).HasMaxLength(4000);
        b.Property(s => s.SampleFinding).HasMaxLength(1000);
        b.HasIndex(s => new { s.CaseId, s.Seq }).IsUnique();
        b.HasOne<ProcedureCase>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ProcedureObjection> b)
    {
        b.Property(o => o.RegionCode).HasMaxLength(12);
        b.Property(o => o.StepCode).HasMaxLength(40);
        b.Property(o => o.RaisedBy).HasMaxLength(60);
        b.Property(o => o.Content).HasMaxLength(1000);
        b.Property(o => o.RecordedBy).HasMaxLength(64);
        b.Property(o => o.Resolution).HasMaxLength(1000);
        b.Property(o => o.ResolvedBy).HasMaxLength(64);
        b.Property(o => o.Version).IsConcurrencyToken();
        b.HasIndex(o => new { o.CaseId, o.Resolved });
        b.HasIndex(o => new { o.RegionCode, o.Resolved });
        b.HasOne<ProcedureCase>().WithMany().HasForeignKey(o => o.CaseId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ProcedureAttachment> b)
    {
        b.Property(a => a.RegionCode).HasMaxLength(12);
        b.Property(a => a.StepCode).HasMaxLength(40);
        b.Property(a => a.FileName).HasMaxLength(200);
        b.Property(a => a.ContentType).HasMaxLength(100);
        b.Property(a => a.Sha256).HasMaxLength(64);
        b.Property(a => a.UploadedBy).HasMaxLength(64);
        b.HasIndex(a => a.CaseId);
        b.HasOne<ProcedureCase>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
