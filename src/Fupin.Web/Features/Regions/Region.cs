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
