using Fupin.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fupin.Web.Features.Policy;

/// <summary>
/// A policy number (a line, a rate, a standard, a period) as data: it holds from <see cref="Year"/> on, for
/// the regions under <see cref="RegionPrefix"/> ("" = nationwide), until a more specific or later value.
/// Values are never deleted; a change of policy is a new value for a later year.
/// </summary>
public sealed class PolicyValue : IVersioned, IAudited
{
    public Guid Id { get; set; }
    public required string Key { get; set; }
    /// <summary>Significant prefix of a region code: "" nationwide, "46" a province, "460105" a county.</summary>
    public string RegionPrefix { get; set; } = "";
    public int Year { get; set; }
    public decimal Value { get; set; }
    /// <summary>Where the figure comes from (a document, a seed report), and how sure it is.</summary>
    public string? Source { get; set; }
    public bool Verified { get; set; } = true;

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class PolicyValueConfiguration : IEntityTypeConfiguration<PolicyValue>
{
    public void Configure(EntityTypeBuilder<PolicyValue> b)
    {
        b.Property(p => p.Key).HasMaxLength(60);
        b.Property(p => p.RegionPrefix).HasMaxLength(12);
        b.Property(p => p.Value).HasPrecision(18, 4);
        b.Property(p => p.Source).HasMaxLength(300);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => new { p.Key, p.RegionPrefix, p.Year }).IsUnique();
    }
}
