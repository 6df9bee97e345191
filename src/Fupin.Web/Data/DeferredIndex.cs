using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fupin.Web.Data;

/// <summary>
/// An index a PostgreSQL bulk load set aside and left to be built after its commit (see
/// <see cref="BulkWriter.DropIndexesAsync"/>): written in the load's own transaction, so a committed load always
/// leaves a row here for each such index until <see cref="BulkLoadMaintenance"/> (after the commit, or at the
/// next start-up) has built it. Only non-unique indexes are left for later; what an index enforces is back
/// before the commit. SQLite builds every index inside the load and never writes here.
/// </summary>
public sealed class DeferredIndex
{
    /// <summary>The index's name in the catalogue.</summary>
    public required string Name { get; set; }

    /// <summary>Its definition as the catalogue gave it (<c>pg_indexes.indexdef</c>).</summary>
    public required string Definition { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal sealed class DeferredIndexConfiguration : IEntityTypeConfiguration<DeferredIndex>
{
    public void Configure(EntityTypeBuilder<DeferredIndex> b)
    {
        b.HasKey(d => d.Name);
        b.Property(d => d.Name).HasMaxLength(128);
        b.Property(d => d.Definition).HasMaxLength(4000);
    }
}
