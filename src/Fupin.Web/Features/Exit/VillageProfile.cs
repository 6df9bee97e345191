using Fupin.Web.Data;
using Fupin.Web.Features.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fupin.Web.Features.Exit;

/// <summary>A village's figures of one year for the exit criteria (村集体经济, 主导产业, 基础设施和公共服务).</summary>
public sealed class VillageProfile : IRegionScoped, IVersioned, IAudited
{
    public Guid Id { get; set; }
    /// <summary>The village's own 12-digit code.</summary>
    public required string RegionCode { get; set; }
    public int Year { get; set; }
    public decimal? CollectiveIncome { get; set; }
    public string? LeadingIndustry { get; set; }
    public bool HardenedRoad { get; set; }
    public bool PowerGrid { get; set; }
    public bool Broadband { get; set; }
    public bool Clinic { get; set; }
    public bool CultureCenter { get; set; }
    public bool SafeWater { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class VillageProfileConfiguration : IEntityTypeConfiguration<VillageProfile>
{
    public void Configure(EntityTypeBuilder<VillageProfile> b)
    {
        b.Property(p => p.RegionCode).HasMaxLength(12);
        b.Property(p => p.CollectiveIncome).HasPrecision(14, 2);
        b.Property(p => p.LeadingIndustry).HasMaxLength(60);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => new { p.RegionCode, p.Year }).IsUnique();
        b.HasOne<Region>().WithMany().HasForeignKey(p => p.RegionCode).OnDelete(DeleteBehavior.Restrict);
    }
}
