using Fupin.Web.Data;
using Fupin.Web.Shared;

namespace Fupin.Web.Features.Households;

/// <summary>Adds a person to a household (birth, marriage, late entry…).</summary>
public static class AddMember
{
    public static async Task<Outcome<Guid>> Handle(AppDbContext db, Guid householdId, MemberInput input, DateOnly today, CancellationToken ct)
    {
        var household = await RegistryCommands.LoadForChangeAsync(db, householdId, ct);
        if (household is null)
        {
            return new Outcome<Guid>.NotFound();
        }
        var errors = new Errors();
        var id = MemberRules.Validate(input, "", today, idRequired: true, errors);
        if (household.Status == HouseholdStatus.Removed)
        {
            errors.Add("householdId", "该户已清退，不能再添加成员");
        }
        if (id is not null)
        {
            await RegistryCommands.CheckIdFreeAsync(db, id.Normalized, null, "idNumber", errors, ct);
        }
        var member = new Member { Id = Guid.CreateVersion7(), HouseholdId = household.Id, RegionCode = household.RegionCode, IdNumber = "", Name = "", Ethnicity = "" };
        if (!errors.Any)
        {
            MemberRules.Apply(input, member, id);
            member.EntryYear ??= today.Year;
            var active = household.Members.Where(m => m.Status == MemberStatus.Active).Append(member).ToList();
            MemberRules.CheckComposition(active, "relation", errors);
        }
        if (errors.Any)
        {
            return new Outcome<Guid>.Invalid(errors);
        }
        household.Members.Add(member);
        db.Members.Add(member);
        RegistryCommands.Recount(household, today);
        return await RegistryCommands.SaveAsync(db, () => member.Id, ct);
    }
}
