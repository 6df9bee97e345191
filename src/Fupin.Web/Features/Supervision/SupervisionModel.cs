using Fupin.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fupin.Web.Features.Supervision;

public enum UnitLight
{
    Green, // 绿灯
    Yellow, // 黄灯
    Red, // 红灯
}

public enum ProblemSource
{
    NationalAssessment, // 国家考核反馈
    ProvincialAssessment, // 省考核反馈
    CityAssessment, // 市考核反馈
    Inspection, // 督查
    Undercover, // 暗访
    ThirdParty, // 第三方评估
    Audit, // 审计
    Comparison, // 数据比对
}

public enum ProblemStatus
{
    Open, // 整改中
    Closed, // 已销号
}

/// <summary>工作要点: one task of a year's work plan, with its lead and co-units, deadline and monthly milestones (cumulative percent due by each month's end).</summary>
public sealed class PlanTask : IRegionScoped, IVersioned, IAudited
{
    public Guid Id { get; set; }
    public required string RegionCode { get; set; }
    public int Year { get; set; }
    public required string Number { get; set; }
    public required string Title { get; set; }
    public string? Content { get; set; }
    public required string LeadUnit { get; set; }
    public string? CoUnits { get; set; }
    public DateOnly Deadline { get; set; }
    /// <summary>Twelve cumulative percentages, comma-separated ("0,0,10,20,…,100"): where the task should stand at each month's end.</summary>
    public required string Milestones { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A unit's fortnightly report on a task: progress, percent done, problems, and a file (Word accepted).</summary>
public sealed class TaskReport : IRegionScoped, IAudited
{
    public Guid Id { get; set; }
    public Guid TaskId { get; set; }
    public required string RegionCode { get; set; }
    public required string Unit { get; set; }
    public DateOnly ReportedOn { get; set; }
    public int Percent { get; set; }
    public required string Progress { get; set; }
    public string? Problems { get; set; }
    public string? FileName { get; set; }
    public string? ContentType { get; set; }
    public string? Sha256 { get; set; }
    public required string ReportedBy { get; set; }
}

/// <summary>A unit's light for a month, with the reasons; the history is these rows.</summary>
public sealed class UnitLightRecord : IRegionScoped
{
    public Guid Id { get; set; }
    public required string RegionCode { get; set; }
    public int Year { get; set; }
    public int Month { get; set; }
    public required string Unit { get; set; }
    public UnitLight Light { get; set; }
    public required string Reasons { get; set; }
    public DateTime ComputedAt { get; set; }
}

/// <summary>约谈: a red-light unit's talk — who, when, outcome.</summary>
public sealed class Interview : IRegionScoped, IAudited
{
    public Guid Id { get; set; }
    public required string RegionCode { get; set; }
    public required string Unit { get; set; }
    public int Year { get; set; }
    public int Month { get; set; }
    public DateOnly On { get; set; }
    public required string Interviewer { get; set; }
    public required string Outcome { get; set; }
    public required string RecordedBy { get; set; }
}

/// <summary>问题整改台账: a problem found by an assessment, inspection, audit or comparison, its unit, measures, deadline and closure (销号).</summary>
public sealed class RectificationItem : IRegionScoped, IVersioned, IAudited
{
    public Guid Id { get; set; }
    public required string RegionCode { get; set; }
    public ProblemSource Source { get; set; }
    public required string Problem { get; set; }
    public required string Unit { get; set; }
    public string? Measures { get; set; }
    public DateOnly FoundOn { get; set; }
    public DateOnly Deadline { get; set; }
    public ProblemStatus Status { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public string? ClosedBy { get; set; }
    public string? Evidence { get; set; }
    public Guid? FindingId { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A periodic work report: its region and period, and the narrative sections people write (the figures are filled from the data when it is generated).</summary>
public sealed class WorkReport : IRegionScoped, IVersioned, IAudited
{
    public Guid Id { get; set; }
    public required string RegionCode { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public required string Title { get; set; }
    public string? Progress { get; set; }
    public string? Problems { get; set; }
    public string? NextSteps { get; set; }
    public required string CreatedBy { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A run of a scheduled job for a key (the month, the week, the day): at most one per job, region and key.</summary>
public sealed class ScheduledRun : IRegionScoped
{
    public Guid Id { get; set; }
    public required string RegionCode { get; set; }
    public required string Job { get; set; }
    public required string Key { get; set; }
    public DateTime RanAt { get; set; }
    public required string Result { get; set; }
}

internal sealed class SupervisionConfiguration :
    IEntityTypeConfiguration<PlanTask>, IEntityTypeConfiguration<TaskReport>, IEntityTypeConfiguration<UnitLightRecord>, IEntityTypeConfiguration<Interview>,
    IEntityTypeConfiguration<RectificationItem>, IEntityTypeConfiguration<WorkReport>, IEntityTypeConfiguration<ScheduledRun>
{
    public void Configure(EntityTypeBuilder<PlanTask> b)
    {
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.Number).HasMaxLength(20);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Content).HasMaxLength(2000);
        b.Property(x => x.LeadUnit).HasMaxLength(60);
        b.Property(x => x.CoUnits).HasMaxLength(200);
        b.Property(x => x.Milestones).HasMaxLength(60);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.RegionCode, x.Year, x.Number }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<TaskReport> b)
    {
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.Unit).HasMaxLength(60);
        b.Property(x => x.Progress).HasMaxLength(2000);
        b.Property(x => x.Problems).HasMaxLength(1000);
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.ReportedBy).HasMaxLength(100);
        b.HasIndex(x => new { x.TaskId, x.ReportedOn });
        b.HasOne<PlanTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<UnitLightRecord> b)
    {
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.Unit).HasMaxLength(60);
        b.Property(x => x.Reasons).HasMaxLength(2000);
        b.HasIndex(x => new { x.RegionCode, x.Year, x.Month, x.Unit }).IsUnique();
        ModelConventions.StoreEnumsAsText(b);
    }

    public void Configure(EntityTypeBuilder<Interview> b)
    {
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.Unit).HasMaxLength(60);
        b.Property(x => x.Interviewer).HasMaxLength(100);
        b.Property(x => x.Outcome).HasMaxLength(1000);
        b.Property(x => x.RecordedBy).HasMaxLength(100);
        b.HasIndex(x => new { x.RegionCode, x.Unit });
    }

    public void Configure(EntityTypeBuilder<RectificationItem> b)
    {
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.Problem).HasMaxLength(1000);
        b.Property(x => x.Unit).HasMaxLength(60);
        b.Property(x => x.Measures).HasMaxLength(1000);
        b.Property(x => x.ClosedBy).HasMaxLength(100);
        b.Property(x => x.Evidence).HasMaxLength(1000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.RegionCode, x.Status, x.Unit });
        ModelConventions.StoreEnumsAsText(b);
    }

    public void Configure(EntityTypeBuilder<WorkReport> b)
    {
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.Title).HasMaxLength(100);
        b.Property(x => x.Progress).HasMaxLength(4000);
        b.Property(x => x.Problems).HasMaxLength(4000);
        b.Property(x => x.NextSteps).HasMaxLength(4000);
        b.Property(x => x.CreatedBy).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.RegionCode, x.To });
    }

    public void Configure(EntityTypeBuilder<ScheduledRun> b)
    {
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.Job).HasMaxLength(40);
        b.Property(x => x.Key).HasMaxLength(20);
        b.Property(x => x.Result).HasMaxLength(500);
        b.HasIndex(x => new { x.RegionCode, x.Job, x.Key }).IsUnique();
    }
}
