using Fupin.Web.Data;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Households;

/// <summary>A person leaves (death, marriage, move, removal as wrongly included) or returns; never deleted.</summary>
public static class ChangeMemberStatus
{
    public sealed record Request(MemberStatus Status, DateOnly Date, string? Reason, int Version);

    public static async Task<Outcome<int>> Handle(AppDbContext db, Guid memberId, Request r, DateOnly today, CancellationToken ct)
    {
        var (household, member) = await RegistryCommands.LoadMemberForChangeAsync(db, memberId, ct);
        if (household is null || member is null)
        {
            return new Outcome<int>.NotFound();
        }
        var errors = new Errors();
        if (r.Status == member.Status)
        {
            errors.Add("status", "新状态与当前状态相同");
        }
        if (r.Date > today)
        {
            errors.Add("date", "变更日期不能晚于今天");
        }
        if (r.Date < member.BirthDate)
        {
            errors.Add("date", "变更日期不能早于出生日期");
        }
        errors.Require("reason", r.Reason, "变更原因", 200);
        if (r.Status == MemberStatus.Active)
        {
            await RegistryCommands.CheckIdFreeAsync(db, member.IdNumber, member.Id, "status", errors, ct);
        }
        if (errors.Any)
        {
            return new Outcome<int>.Invalid(errors);
        }
        RegistryCommands.ExpectVersion(db, member, r.Version);
        member.Status = r.Status;
        member.StatusChangedOn = r.Date;
        member.StatusReason = r.Reason!.Trim();
        var active = household.Members.Where(m => m.Status == MemberStatus.Active).ToList();
        if (member.Relation == Relation.Head && r.Status != MemberStatus.Active && active.Count > 0)
        {
            errors.Add("status", "户主变更状态前，请先把另一名在册成员的与户主关系改为“户主”");
        }
        else
        {
            MemberRules.CheckComposition(active, "status", errors);
        }
        if (errors.Any)
        {
            return new Outcome<int>.Invalid(errors);
        }
        RegistryCommands.Recount(household, today);
        return await RegistryCommands.SaveAsync(db, () => member.Version, ct);
    }
}
