using Fupin.Web.Data;
using Fupin.Web.Features.Households;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Assistance;

/// <summary>
/// The write half of the pairing scope (AppDbContext's query filter is the read half): an assistance cadre writes only
/// rows of households it is paired with now. A past pairing's household stays readable and is no longer writable.
/// Checked in every save, below pages and API alike.
/// </summary>
public static class PairingScope
{
    public const string Refusal = "帮扶干部只能为本人当前结对的农户登记和修改信息";

    public sealed class Violation() : InvalidOperationException(Refusal);

    public static void EnsureWritable(AppDbContext db)
    {
        if (!db.User.PairedOnly)
        {
            return;
        }
        var households = new HashSet<Guid>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || entry.Entity is Audit.AuditEntry)
            {
                continue;
            }
            if (entry.Entity is Household h)
            {
                households.Add(h.Id);
            }
            else if (entry.Metadata.FindProperty("HouseholdId") is { } p && entry.Property(p.Name).CurrentValue is Guid id)
            {
                households.Add(id);
            }
        }
        if (households.Count == 0)
        {
            return;
        }
        var cadres = db.PairedCadres;
        var open = db.Set<Pairing>().AsNoTracking()
            .Where(p => households.Contains(p.HouseholdId) && p.ToOn == null && cadres.Contains(p.CadreId))
            .Select(p => p.HouseholdId).Distinct().Count();
        if (open != households.Count)
        {
            throw new Violation();
        }
    }
}
