using Fupin.Web.Data;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Households;

public static class UpdateMember
{
    public sealed record Request
    {
        public MemberInput Member { get; set; } = new();
        public int Version { get; set; }
    }

    public static async Task<Outcome<int>> Handle(AppDbContext db, Guid memberId, Request r, DateOnly today, CancellationToken ct)
    {
        var (household, member) = await RegistryCommands.LoadMemberForChangeAsync(db, memberId, ct);
        if (household is null || member is null)
        {
            return new Outcome<int>.NotFound();
        }
        var errors = new Errors();
        var id = MemberRules.Validate(r.Member, "", today, idRequired: false, errors);
        if (id is null && errors.Any == false)
        {
            // Number unchanged: sex and birth date entered must still agree with the stored one.
            if (r.Member.Sex is { } sex && sex != member.Sex)
            {
                errors.Add("sex", "性别与身份证号码不符");
            }
            if (r.Member.BirthDate is { } birth && birth != member.BirthDate)
            {
                errors.Add("birthDate", "出生日期与身份证号码不符");
            }
        }
        if (id is not null && id.Normalized != member.IdNumber && member.Status == MemberStatus.Active)
        {
            await RegistryCommands.CheckIdFreeAsync(db, id.Normalized, member.Id, "idNumber", errors, ct);
        }
        if (errors.Any)
        {
            return new Outcome<int>.Invalid(errors);
        }
        RegistryCommands.ExpectVersion(db, member, r.Version);
        MemberRules.Apply(r.Member, member, id);
        MemberRules.CheckComposition(household.Members.Where(m => m.Status == MemberStatus.Active).ToList(), "relation", errors);
        if (errors.Any)
        {
            return new Outcome<int>.Invalid(errors);
        }
        RegistryCommands.Recount(household, today);
        return await RegistryCommands.SaveAsync(db, () => member.Version, ct);
    }
}
