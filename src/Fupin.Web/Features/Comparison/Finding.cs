using Fupin.Web.Data;
using Fupin.Web.Features.Households;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fupin.Web.Features.Comparison;

/// <summary>
/// 比对轮次: one run of the rules over the registry in the runner's scope against the rosters chosen.
/// Seed 003 asks for at least five a year.
/// </summary>
public sealed class ComparisonRound : IRegionScoped, IAudited
{
    public Guid Id { get; set; }
    /// <summary>The runner's region: the scope the round compared.</summary>
    public required string RegionCode { get; set; }
    public int Year { get; set; }
    /// <summary>第几次 within the year and region.</summary>
    public int Seq { get; set; }
    public required string Name { get; set; }
    /// <summary>The roster batches compared, comma-separated ids.</summary>
    public required string Batches { get; set; }
    /// <summary>The rules run, comma-separated codes.</summary>
    public required string Rules { get; set; }
    public required string RunBy { get; set; }
    public DateTime RunAt { get; set; }
    public int Households { get; set; }
    public int Members { get; set; }
    public int FindingsNew { get; set; }
    /// <summary>Mismatches found again that already had an open finding (not written twice).</summary>
    public int FindingsRepeated { get; set; }
    public int ElapsedMs { get; set; }
}

public enum FindingState
{
    Open, // 待核实
    Confirmed, // 属实，待整改
    Unfounded, // 核实不属实
    Rectified, // 已整改
    Closed, // 已销号
}

/// <summary>
/// 比对问题: a mismatch tied to a household (and member), with the rule, the evidence from both sides and a
/// severity, worked to closure: 核实 → 整改 → 销号, with who, when and a note at each step.
/// </summary>
public sealed class ComparisonFinding : IRegionScoped, IVersioned, IAudited
{
    public Guid Id { get; set; }
    public Guid RoundId { get; set; }
    /// <summary>The household's village.</summary>
    public required string RegionCode { get; set; }
    public Guid HouseholdId { get; set; }
    public Guid? MemberId { get; set; }
    public ComparisonRule Rule { get; set; }
    public FindingSeverity Severity { get; set; }
    /// <summary>Who it is about: the member (relation) or the household head.</summary>
    public required string Subject { get; set; }
    public required string RegistryEvidence { get; set; }
    public required string RosterEvidence { get; set; }
    public FindingState State { get; set; }
    public DateOnly FoundOn { get; set; }
    /// <summary>整改时限: open or confirmed after this day is overdue.</summary>
    public DateOnly DueOn { get; set; }

    public bool? Verified { get; set; }
    public string? VerifyNote { get; set; }
    public string? VerifiedBy { get; set; }
    public DateOnly? VerifiedOn { get; set; }
    public string? Measure { get; set; }
    public string? RectifiedBy { get; set; }
    public DateOnly? RectifiedOn { get; set; }
    public string? CloseNote { get; set; }
    public string? ClosedBy { get; set; }
    public DateOnly? ClosedOn { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class FindingConfiguration : IEntityTypeConfiguration<ComparisonRound>, IEntityTypeConfiguration<ComparisonFinding>
{
    public void Configure(EntityTypeBuilder<ComparisonRound> b)
    {
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.Name).HasMaxLength(60);
        b.Property(x => x.Batches).HasMaxLength(2000);
        b.Property(x => x.Rules).HasMaxLength(1000);
        b.Property(x => x.RunBy).HasMaxLength(100);
        b.HasIndex(x => new { x.RegionCode, x.Year, x.Seq });
    }

    public void Configure(EntityTypeBuilder<ComparisonFinding> b)
    {
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.Subject).HasMaxLength(60);
        b.Property(x => x.RegistryEvidence).HasMaxLength(500);
        b.Property(x => x.RosterEvidence).HasMaxLength(1000);
        b.Property(x => x.VerifyNote).HasMaxLength(500);
        b.Property(x => x.VerifiedBy).HasMaxLength(100);
        b.Property(x => x.Measure).HasMaxLength(500);
        b.Property(x => x.RectifiedBy).HasMaxLength(100);
        b.Property(x => x.CloseNote).HasMaxLength(500);
        b.Property(x => x.ClosedBy).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.RegionCode, x.State, x.Rule });
        b.HasIndex(x => new { x.HouseholdId, x.State });
        b.HasIndex(x => x.RoundId);
        b.HasOne<ComparisonRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Household>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        ModelConventions.StoreEnumsAsText(b);
    }
}
