using Fupin.Web.Data;
using Fupin.Web.Shared;

namespace Fupin.Web.Features.Households;

/// <summary>户主变更: another active member becomes head; the former head takes the relation given.</summary>
public static class ChangeHead
{
    public sealed record Request(Guid NewHeadMemberId, Relation FormerHeadRelation, int Version);

    public static async Task<Outcome<int>> Handle(AppDbContext db, Guid householdId, Request r, DateOnly today, CancellationToken ct)
    {
        var household = await RegistryCommands.LoadForChangeAsync(db, householdId, ct);
        if (household is null)
        {
            return new Outcome<int>.NotFound();
        }
        var errors = new Errors();
        var active = household.Members.Where(m => m.Status == MemberStatus.Active).ToList();
        var newHead = active.FirstOrDefault(m => m.Id == r.NewHeadMemberId);
        var oldHead = active.FirstOrDefault(m => m.Relation == Relation.Head);
        if (newHead is null)
        {
            errors.Add("newHeadMemberId", "新户主必须是本户在册成员");
        }
        else if (newHead == oldHead)
        {
            errors.Add("newHeadMemberId", "该成员已是户主");
        }
        if (r.FormerHeadRelation == Relation.Head)
        {
            errors.Add("formerHeadRelation", "请为原户主选择新的与户主关系");
        }
        if (errors.Any)
        {
            return new Outcome<int>.Invalid(errors);
        }
        RegistryCommands.ExpectVersion(db, household, r.Version);
        newHead!.Relation = Relation.Head;
        if (oldHead is not null)
        {
            oldHead.Relation = r.FormerHeadRelation;
        }
        MemberRules.CheckComposition(active, "formerHeadRelation", errors);
        if (errors.Any)
        {
            return new Outcome<int>.Invalid(errors);
        }
        RegistryCommands.Recount(household, today);
        // Touch the household so its version moves and a concurrent editor is told.
        household.UpdatedAt = DateTime.UtcNow;
        db.Entry(household).Property(h => h.UpdatedAt).IsModified = true;
        return await RegistryCommands.SaveAsync(db, () => household.Version, ct);
    }
}
