using Fupin.Web.Data;
using Fupin.Web.Features.Households;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fupin.Web.Features.Assurance;

/// <summary>A checked item of 两不愁三保障: what a cadre found, with evidence and date.</summary>
public sealed class AssuranceRecord : IRegionScoped, IVersioned, IAudited
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public required string RegionCode { get; set; }
    public AssuranceItem Item { get; set; }
    public AssuranceStatus Status { get; set; }
    public string? Evidence { get; set; }
    public DateOnly CheckedOn { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class AssuranceRecordConfiguration : IEntityTypeConfiguration<AssuranceRecord>
{
    public void Configure(EntityTypeBuilder<AssuranceRecord> b)
    {
        b.Property(r => r.RegionCode).HasMaxLength(12);
        b.Property(r => r.Item).HasConversion<string>().HasMaxLength(24);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(24);
        b.Property(r => r.Evidence).HasMaxLength(500);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => new { r.HouseholdId, r.Item }).IsUnique();
        b.HasIndex(r => new { r.RegionCode, r.Item, r.Status });
        b.HasOne<Household>().WithMany().HasForeignKey(r => r.HouseholdId).OnDelete(DeleteBehavior.Restrict);
    }
}
