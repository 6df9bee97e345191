using Fupin.Web.Data;
using Fupin.Web.Features.Households;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fupin.Web.Features.Monitoring;

/// <summary>监测对象类别 (NATIONAL_FIELDS.md, Monitoring).</summary>
public enum MonitoringType
{
    UnstableLifted, // 脱贫不稳定户
    Marginal, // 边缘易致贫户
    SuddenHardship, // 突发严重困难户
}

/// <summary>Where a monitoring entry came from (DOMAIN.md §7).</summary>
public enum MonitoringSource
{
    SelfReport, // 农户自主申报
    CadreCheck, // 干部排查
    DepartmentAlert, // 部门筛查预警
}

/// <summary>风险消除方式.</summary>
public enum RiskRemovalMode
{
    Assisted, // 帮扶消除
    Natural, // 自然消除
}

/// <summary>Events that put a household at risk for a while (seed 003: 受到新冠肺炎、非洲猪瘟等影响).</summary>
public enum RiskEventKind
{
    NaturalDisaster, // 自然灾害
    AnimalDisease, // 动物疫病
    Epidemic, // 疫情
    Accident, // 意外事故
    IndustryFailure, // 产业项目失败
}

/// <summary>The computed light of a household and why; replaced on every recompute, never edited by hand.</summary>
public sealed class HouseholdLight : IRegionScoped
{
    public Guid HouseholdId { get; set; }
    public required string RegionCode { get; set; }
    public Light Light { get; set; }
    /// <summary>The reasons that fired, comma-separated codes.</summary>
    public required string Reasons { get; set; }
    /// <summary>The reasons with their figures, one per line.</summary>
    public required string Detail { get; set; }
    public DateTime ComputedAt { get; set; }
    /// <summary>The light (as shown, override included) after the previous comparison round, for "change since the last round".</summary>
    public Light? PreviousLight { get; set; }
    public DateTime? PreviousAt { get; set; }
}

/// <summary>
/// A cadre's word on a household's light: an override with its reason, and the follow-up measure due.
/// Audited row by row; the computed light stays beside it.
/// </summary>
public sealed class LightNote : IRegionScoped, IVersioned, IAudited
{
    public Guid HouseholdId { get; set; }
    public required string RegionCode { get; set; }
    public Light? Override { get; set; }
    public string? OverrideReason { get; set; }
    public string? OverrideBy { get; set; }
    public DateOnly? OverrideOn { get; set; }
    public string? FollowUp { get; set; }
    public DateOnly? FollowUpDue { get; set; }
    public string? FollowUpBy { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A disaster, livestock disease, epidemic or accident that hit a household on a day.</summary>
public sealed class RiskEvent : IRegionScoped, IAudited
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public required string RegionCode { get; set; }
    public RiskEventKind Kind { get; set; }
    public DateOnly OccurredOn { get; set; }
    public required string Note { get; set; }
    public required string RecordedBy { get; set; }
    public DateTime RecordedAt { get; set; }
}

internal sealed class MonitoringConfiguration :
    IEntityTypeConfiguration<HouseholdLight>, IEntityTypeConfiguration<LightNote>, IEntityTypeConfiguration<RiskEvent>
{
    public void Configure(EntityTypeBuilder<HouseholdLight> b)
    {
        b.HasKey(x => x.HouseholdId);
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.Reasons).HasMaxLength(300);
        b.Property(x => x.Detail).HasMaxLength(2000);
        b.HasIndex(x => new { x.RegionCode, x.Light });
        b.HasOne<Household>().WithOne().HasForeignKey<HouseholdLight>(x => x.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        ModelConventions.StoreEnumsAsText(b);
    }

    public void Configure(EntityTypeBuilder<LightNote> b)
    {
        b.HasKey(x => x.HouseholdId);
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.OverrideReason).HasMaxLength(500);
        b.Property(x => x.OverrideBy).HasMaxLength(100);
        b.Property(x => x.FollowUp).HasMaxLength(500);
        b.Property(x => x.FollowUpBy).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.RegionCode);
        b.HasOne<Household>().WithOne().HasForeignKey<LightNote>(x => x.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        ModelConventions.StoreEnumsAsText(b);
    }

    public void Configure(EntityTypeBuilder<RiskEvent> b)
    {
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.Note).HasMaxLength(500);
        b.Property(x => x.RecordedBy).HasMaxLength(100);
        b.HasIndex(x => new { x.HouseholdId, x.OccurredOn });
        b.HasOne<Household>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        ModelConventions.StoreEnumsAsText(b);
    }
}
