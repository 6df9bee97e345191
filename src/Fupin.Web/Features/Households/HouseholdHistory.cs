using Fupin.Web.Data;
using Fupin.Web.Features.Audit;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Households;

/// <summary>The change history of one household and its members, newest first.</summary>
public static class HouseholdHistory
{
    public sealed record Line(DateTime At, string UserName, AuditAction Action, string Entity, string? EntityKey, string? Field, string? OldValue, string? NewValue);

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
            AuditMasking.Field(a.Field, a.OldValue), AuditMasking.NewValue(a.Action, a.Field, a.NewValue))).ToList(), total);
    }
}
