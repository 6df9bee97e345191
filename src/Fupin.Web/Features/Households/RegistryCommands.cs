using Fupin.Web.Data;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Households;

/// <summary>What the registry's commands share: saving with conflict detection, and the ID-number check.</summary>
internal static class RegistryCommands
{
    public static async Task<Outcome<T>> SaveAsync<T>(AppDbContext db, Func<T> result, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return new Outcome<T>.Done(result());
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Outcome<T>.Conflict(Outcome.ConflictMessage);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Another user saved the same number between our check and our write.
            var text = e.InnerException?.Message ?? "";
            return new Outcome<T>.Invalid(text.Contains("HouseholdNumber", StringComparison.Ordinal)
                ? new Errors().Add("householdNumber", "户编号已被使用")
                : new Errors().Add("idNumber", "该身份证号码已登记为在册人员"));
        }
    }

    /// <summary>An ID number may belong to one active member in the whole database, not only in scope.</summary>
    public static async Task CheckIdFreeAsync(AppDbContext db, string idNumber, Guid? exceptMember, string field, Errors errors, CancellationToken ct)
    {
        var other = await db.Members.IgnoreQueryFilters()
            .Where(m => m.IdNumber == idNumber && m.Status == MemberStatus.Active && m.Id != exceptMember)
            .Select(m => m.HouseholdId)
            .FirstOrDefaultAsync(ct);
        if (other == Guid.Empty)
        {
            return;
        }
        // Name the household only when the user may see it.
        var number = await db.Households.Where(h => h.Id == other).Select(h => h.HouseholdNumber).FirstOrDefaultAsync(ct);
        errors.Add(field, number is null ? "该身份证号码已在其他地区登记为在册人员" : $"该身份证号码已在户 {number} 中登记为在册人员");
    }

    /// <summary>Keeps the household's head name, member count and assurance gaps in step with its active members.</summary>
    public static void Recount(Household h, DateOnly today)
    {
        var active = h.Members.Where(m => m.Status == MemberStatus.Active).ToList();
        h.MemberCount = active.Count;
        h.AssuranceGaps = Assurance.AssuranceRules.Gaps(h, active, today);
        if (active.FirstOrDefault(m => m.Relation == Relation.Head) is { } head)
        {
            h.HeadName = head.Name;
        }
    }

    public static Task<Household?> LoadForChangeAsync(AppDbContext db, Guid householdId, CancellationToken ct) =>
        db.Households.Include(h => h.Members).FirstOrDefaultAsync(h => h.Id == householdId, ct);

    /// <summary>A member with its whole household (composition rules need every member); nulls when not in scope.</summary>
    public static async Task<(Household? Household, Member? Member)> LoadMemberForChangeAsync(AppDbContext db, Guid memberId, CancellationToken ct)
    {
        var householdId = await db.Members.Where(m => m.Id == memberId).Select(m => (Guid?)m.HouseholdId).FirstOrDefaultAsync(ct);
        var household = householdId is { } hid ? await LoadForChangeAsync(db, hid, ct) : null;
        return (household, household?.Members.FirstOrDefault(m => m.Id == memberId));
    }

    /// <summary>The client's version must still be the stored one when the row is written.</summary>
    public static void ExpectVersion<T>(AppDbContext db, T entity, int version) where T : class, IVersioned =>
        db.Entry(entity).Property(e => e.Version).OriginalValue = version;
}
