using Fupin.Web.Data;
using Fupin.Web.Features.Audit;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Households;

/// <summary>The change history of one household and its members, newest first.</summary>
public static class HouseholdHistory
{
    public sealed record Line(DateTime At, string UserName, AuditAction Action, string Entity, string? EntityKey, string? Field, string? OldValue, string? NewValue);

    // Personal numbers never appear in history in full.
    private static readonly HashSet<string> Masked = ["IdNumber", "Phone", "BankAccount"];

    public static async Task<Paged<Line>?> Handle(AppDbContext db, Guid householdId, int page, int pageSize, CancellationToken ct)
    {
        // The household's own scope check: out of scope reads as not found.
        if (!await db.Households.AnyAsync(h => h.Id == householdId, ct))
        {
            return null;
        }
        var query = db.AuditEntries.AsNoTracking().Where(a => a.HouseholdId == householdId);
        var total = await query.CountAsync(ct);
        var (skip, take) = Paging.Window(page, pageSize);
        var rows = await query.OrderByDescending(a => a.Id).Skip(skip).Take(take).ToListAsync(ct);
        return new Paged<Line>(rows.Select(a => new Line(a.At, a.UserName, a.Action, a.Entity, a.EntityKey, a.Field,
            Mask(a.Field, a.OldValue), a.Action == AuditAction.Created ? MaskCreated(a.NewValue) : Mask(a.Field, a.NewValue))).ToList(), total);
    }

    private static string? Mask(string? field, string? value) => field switch
    {
        "IdNumber" => Rules.Masking.IdNumber(value),
        "Phone" => Rules.Masking.Phone(value),
        "BankAccount" => Rules.Masking.BankAccount(value),
        _ => value,
    };

    private static string? MaskCreated(string? json)
    {
        if (json is null)
        {
            return null;
        }
        var values = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string?>>(json) ?? [];
        foreach (var key in values.Keys.Where(Masked.Contains).ToList())
        {
            values[key] = Mask(key, values[key]);
        }
        return string.Join("；", values.Select(kv => $"{kv.Key}={kv.Value}"));
    }
}
