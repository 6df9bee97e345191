using Fupin.Web.Data;
using Fupin.Web.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fupin.Web.Features.Regions;

/// <summary>An administrative region by its 12-digit 统计用区划代码.</summary>
public sealed class Region
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public RegionLevel Level { get; set; }
    public string? ParentCode { get; set; }

    /// <summary>农村户籍人口: the denominator of 贫困发生率 for a village; null when not known.</summary>
    public int? RuralPopulation { get; set; }

    /// <summary>贫困村: a village on the registered list of poor villages.</summary>
    public bool IsPovertyVillage { get; set; }

    /// <summary>出列年度: set when a poor village's exit procedure is announced.</summary>
    public int? ExitYear { get; set; }

    public int SortOrder { get; set; }

    /// <summary>城乡分类代码 (111–220) from the statistics bureau's list; null when the file did not give it.</summary>
    public string? UrbanRuralCode { get; set; }

    /// <summary>撤销 / 撤并: the day the unit stopped existing; its records stay readable, nothing new is filed under it.</summary>
    public DateOnly? RetiredOn { get; set; }

    /// <summary>The village a merged (撤并) village went into; its code stays an alias imports accept.</summary>
    public string? MergedInto { get; set; }
}

public enum RegionChangeKind
{
    Created, // 新增
    Renamed, // 更名
    Retired, // 撤销
    Merged, // 撤并（并入另一村）
    Received, // 接收撤并村
}

/// <summary>The history of a unit of the region tree: created, renamed, retired, merged (who, when, old and new).</summary>
public sealed class RegionChange
{
    public Guid Id { get; set; }
    public required string RegionCode { get; set; }
    public DateTime At { get; set; }
    public RegionChangeKind Kind { get; set; }
    public string? OldName { get; set; }
    public string? NewName { get; set; }
    public string? Detail { get; set; }
    public required string UserName { get; set; }
}

/// <summary>自然村 / 村民小组 under an administrative village; no national code of its own.</summary>
public sealed class VillageGroup
{
    public Guid Id { get; set; }
    public required string RegionCode { get; set; }
    public required string Name { get; set; }
    public int SortOrder { get; set; }
}

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> b)
    {
        b.HasKey(r => r.Code);
        b.Property(r => r.Code).HasMaxLength(12).IsFixedLength(false);
        b.Property(r => r.ParentCode).HasMaxLength(12);
        b.Property(r => r.Name).HasMaxLength(60);
        b.HasIndex(r => r.ParentCode);
        b.Property(r => r.UrbanRuralCode).HasMaxLength(3);
        b.Property(r => r.MergedInto).HasMaxLength(12);
    }
}

internal sealed class RegionChangeConfiguration : IEntityTypeConfiguration<RegionChange>
{
    public void Configure(EntityTypeBuilder<RegionChange> b)
    {
        b.Property(c => c.RegionCode).HasMaxLength(12);
        b.Property(c => c.OldName).HasMaxLength(60);
        b.Property(c => c.NewName).HasMaxLength(60);
        b.Property(c => c.Detail).HasMaxLength(500);
        b.Property(c => c.UserName).HasMaxLength(100);
        b.HasIndex(c => new { c.RegionCode, c.At });
        ModelConventions.StoreEnumsAsText(b);
    }
}

internal sealed class VillageGroupConfiguration : IEntityTypeConfiguration<VillageGroup>
{
    public void Configure(EntityTypeBuilder<VillageGroup> b)
    {
        b.Property(g => g.RegionCode).HasMaxLength(12);
        b.Property(g => g.Name).HasMaxLength(60);
        b.HasIndex(g => g.RegionCode);
        b.HasOne<Region>().WithMany().HasForeignKey(g => g.RegionCode).OnDelete(DeleteBehavior.Restrict);
    }
}
