using System.Globalization;
using System.Text.Json;
using Fupin.Web.Data;
using Fupin.Web.Features.Households;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Fupin.Web.Features.Audit;

/// <summary>
/// Writes the row-level trail (old → new, per field) in the same SaveChanges as the change itself, stamps
/// versions and times, and refuses hard deletes of county data: people leave the registry by status.
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Stamp(DbContext? context)
    {
        if (context is not AppDbContext db)
        {
            return;
        }
        db.ChangeTracker.DetectChanges();
        Assistance.PairingScope.EnsureWritable(db);
        var now = clock.GetUtcNow().UtcDateTime;
        var user = db.User;
        var trail = new List<AuditEntry>();

        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.State == EntityState.Deleted && entry.Entity is IRegionScoped)
            {
                throw new InvalidOperationException("登记数据不可删除，请通过状态变更（如清退、死亡、迁出）处理。");
            }
            if (entry.Entity is IVersioned v)
            {
                if (entry.State == EntityState.Added)
                {
                    v.CreatedAt = now;
                    v.UpdatedAt = now;
                    v.Version = 1;
                }
                else if (entry.State == EntityState.Modified)
                {
                    v.UpdatedAt = now;
                    v.Version++;
                }
            }
            if (entry.Entity is not IAudited || entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }
            var name = entry.Metadata.ClrType.Name;
            var key = KeyOf(entry);
            var householdId = entry.Entity switch
            {
                Household h => h.Id,
                Member m => m.HouseholdId,
                Income.IncomeRecord r => r.HouseholdId,
                Assurance.AssuranceRecord r => r.HouseholdId,
                Procedures.ProcedureCase c => c.HouseholdId,
                // Any other record of a household (plans, measures, visits, pairings…) is part of its history too.
                _ => entry.Metadata.FindProperty("HouseholdId") is { } p && entry.Property(p.Name).CurrentValue is Guid g ? g : (Guid?)null,
            };
            var region = (entry.Entity as IRegionScoped)?.RegionCode;
            AuditEntry Line(AuditAction action, string? field, string? oldValue, string? newValue) => new()
            {
                At = now,
                UserId = user.UserId,
                UserName = user.UserName,
                Role = user.Role,
                ClientIp = user.ClientIp,
                Action = action,
                Entity = name,
                EntityKey = key,
                HouseholdId = householdId,
                RegionCode = region,
                Field = field,
                OldValue = oldValue,
                NewValue = newValue,
            };

            if (entry.State == EntityState.Added)
            {
                var values = entry.Properties
                    .Where(p => !Skipped(p.Metadata.Name) && p.CurrentValue is not null)
                    .ToDictionary(p => p.Metadata.Name, p => Text(p.CurrentValue));
                trail.Add(Line(AuditAction.Created, null, null, JsonSerializer.Serialize(values, JsonOptions)));
                continue;
            }
            foreach (var p in entry.Properties)
            {
                if (!p.IsModified || Skipped(p.Metadata.Name))
                {
                    continue;
                }
                var oldText = Text(p.OriginalValue);
                var newText = Text(p.CurrentValue);
                if (oldText != newText)
                {
                    trail.Add(Line(AuditAction.Updated, p.Metadata.Name, oldText, newText));
                }
            }
        }
        db.AuditEntries.AddRange(trail);
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static bool Skipped(string property) => property is "Version" or "CreatedAt" or "UpdatedAt";

    private static string? KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Text(entry.Property(p.Name).CurrentValue)));

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
