using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fupin.Web.Features.Audit;

public enum AuditAction
{
    Created,
    Updated,
    Event,
}

/// <summary>One line of the audit trail (痕迹): a changed field, a created record, or a business event.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public required string UserName { get; set; }
    public string? Role { get; set; }
    public string? ClientIp { get; set; }
    public AuditAction Action { get; set; }
    public required string Entity { get; set; }
    public string? EntityKey { get; set; }
    /// <summary>The household a change belongs to, so a household page can show its own history.</summary>
    public Guid? HouseholdId { get; set; }
    public string? RegionCode { get; set; }
    public string? Field { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }

    /// <summary>A business action (sign-in, reveal, export, role change…); null for row changes.</summary>
    public string? Event { get; set; }

    /// <summary>Position in the hash chain, set once by <see cref="AuditSealer"/>.</summary>
    public long? Seq { get; set; }

    /// <summary>SHA-256 over the previous row's hash and this row's content, set once with <see cref="Seq"/>.</summary>
    public string? Hash { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        // A row with an action this version does not know (written by hand, or by something else) is read, not a crash:
        // it becomes an unnamed value the sealer leaves unsealed and audit-verify reports (AuditSealer.Foreign).
        b.Property(a => a.Action).HasConversion(
            v => v.ToString(),
            v => Enum.IsDefined(typeof(AuditAction), v) ? Enum.Parse<AuditAction>(v) : AuditSealer.UnknownAction).HasMaxLength(16);
        b.Property(a => a.UserName).HasMaxLength(100);
        b.Property(a => a.Role).HasMaxLength(200);
        b.Property(a => a.ClientIp).HasMaxLength(64);
        b.Property(a => a.Entity).HasMaxLength(60);
        b.Property(a => a.EntityKey).HasMaxLength(60);
        b.Property(a => a.RegionCode).HasMaxLength(12);
        b.Property(a => a.Field).HasMaxLength(60);
        b.Property(a => a.Event).HasMaxLength(40);
        b.Property(a => a.Hash).HasMaxLength(64);
        b.HasIndex(a => new { a.HouseholdId, a.Id });
        b.HasIndex(a => a.At);
        b.HasIndex(a => a.Seq).IsUnique();
    }
}
