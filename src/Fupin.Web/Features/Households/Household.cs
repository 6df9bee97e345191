using Fupin.Web.Data;
using Fupin.Web.Features.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fupin.Web.Features.Households;

/// <summary>户: a registered household (建档立卡户). Never deleted; it leaves through its status.</summary>
public sealed class Household : IRegionScoped, IVersioned, IAudited
{
    public Guid Id { get; set; }

    /// <summary>The village (12-digit code) the household belongs to; the scope and distribution key.</summary>
    public required string RegionCode { get; set; }
    public Guid? GroupId { get; set; }

    /// <summary>户编号 (national household number).</summary>
    public required string HouseholdNumber { get; set; }

    /// <summary>户主姓名, kept in step with the head member for lists and search.</summary>
    public required string HeadName { get; set; }

    public string? Phone { get; set; }
    public string? Address { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? BankName { get; set; }
    public string? BankAccount { get; set; }

    public HouseholdAttribute Attribute { get; set; }
    public PovertyCause MainCause { get; set; }
    public PovertyCause? OtherCause1 { get; set; }
    public PovertyCause? OtherCause2 { get; set; }
    public IdentificationStandard Standard { get; set; }

    public int YearIdentified { get; set; }
    public int? PlannedExitYear { get; set; }
    public int? YearLifted { get; set; }
    public int? YearReturned { get; set; }

    public HouseholdStatus Status { get; set; }
    public DateOnly? StatusChangedOn { get; set; }
    public string? StatusReason { get; set; }

    public HousingGrade HousingGrade { get; set; }
    /// <summary>危房改造已完成.</summary>
    public bool HousingRenovated { get; set; }
    public decimal? HousingAreaM2 { get; set; }
    public WaterStatus Water { get; set; }
    public decimal? ArableLandMu { get; set; }

    public bool IsMilitaryFamily { get; set; }
    public bool IsOnlyChildFamily { get; set; }
    public bool IsTwoDaughterFamily { get; set; }

    /// <summary>监测对象类别 once entered through the monitoring procedure (null: never monitored).</summary>
    public Monitoring.MonitoringType? MonitoringType { get; set; }
    public Monitoring.MonitoringSource? MonitoringSource { get; set; }
    /// <summary>致贫/返贫风险, as entered (labels joined by 、).</summary>
    public string? MonitoringRisks { get; set; }
    /// <summary>识别监测时间.</summary>
    public DateOnly? MonitoringSince { get; set; }
    /// <summary>消除监测时间: set by the risk-removal procedure; the record is kept.</summary>
    public DateOnly? RiskRemovedOn { get; set; }
    public Monitoring.RiskRemovalMode? RiskRemovalMode { get; set; }

    /// <summary>A monitoring object whose risk is not yet removed.</summary>
    public bool IsMonitored => MonitoringType is not null && RiskRemovedOn is null;

    /// <summary>歇帮 (seed 003): assistance paused since this day, through the pause procedure; cleared when restored.</summary>
    public DateOnly? AssistancePausedOn { get; set; }
    public string? AssistancePauseReason { get; set; }

    /// <summary>Active members, maintained with every member change, so counts need no join.</summary>
    public int MemberCount { get; set; }

    /// <summary>
    /// 两不愁三保障 items the registry shows as not secured (flags), maintained with every change of the
    /// household or its members, so lists can filter on them without reading members.
    /// </summary>
    public Assurance.AssuranceItem AssuranceGaps { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public List<Member> Members { get; set; } = [];
}

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> b)
    {
        b.Property(h => h.RegionCode).HasMaxLength(12);
        b.Property(h => h.HouseholdNumber).HasMaxLength(30);
        b.Property(h => h.HeadName).HasMaxLength(50);
        b.Property(h => h.Phone).HasMaxLength(20);
        b.Property(h => h.Address).HasMaxLength(200);
        b.Property(h => h.BankName).HasMaxLength(60);
        b.Property(h => h.BankAccount).HasMaxLength(30);
        b.Property(h => h.StatusReason).HasMaxLength(200);
        b.Property(h => h.HousingAreaM2).HasPrecision(10, 2);
        b.Property(h => h.ArableLandMu).HasPrecision(10, 2);
        b.Property(h => h.MonitoringRisks).HasMaxLength(200);
        b.Property(h => h.AssistancePauseReason).HasMaxLength(200);
        b.Ignore(h => h.IsMonitored);
        b.Property(h => h.Version).IsConcurrencyToken();
        b.HasIndex(h => h.HouseholdNumber).IsUnique();
        // Covers the registry list by region and status and every dashboard group-by without a table read.
        b.HasIndex(h => new { h.RegionCode, h.Status, h.MainCause, h.MemberCount });
        // The list reads its first page straight from the first two, in its default order (village, then
        // number), with or without a status filter; the third lets it sort a region by head name over index
        // entries alone and fetch only the page's rows (see ListHouseholds).
        b.HasIndex(h => new { h.RegionCode, h.HouseholdNumber });
        b.HasIndex(h => new { h.Status, h.RegionCode, h.HouseholdNumber });
        b.HasIndex(h => new { h.RegionCode, h.Status, h.HeadName, h.HouseholdNumber, h.Id });
        b.HasOne<Region>().WithMany().HasForeignKey(h => h.RegionCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<VillageGroup>().WithMany().HasForeignKey(h => h.GroupId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(h => h.Members).WithOne().HasForeignKey(m => m.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        ModelConventions.StoreEnumsAsText(b);
    }
}
