using Fupin.Web.Data;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Households;

/// <summary>
/// A household's status changes only through this action (and, later, the exit and monitoring
/// procedures), with a date and a reason, so its history says why.
/// </summary>
public static class ChangeHouseholdStatus
{
    public sealed record Request(HouseholdStatus Status, DateOnly Date, string? Reason, int Version);

    public static async Task<Outcome<int>> Handle(AppDbContext db, Guid id, Request r, DateOnly today, CancellationToken ct)
    {
        var household = await db.Households.FirstOrDefaultAsync(h => h.Id == id, ct);
        if (household is null)
        {
            return new Outcome<int>.NotFound();
        }
        var errors = new Errors();
        if (r.Status == household.Status)
        {
            errors.Add("status", "新状态与当前状态相同");
        }
        if (r.Status == HouseholdStatus.Applicant || household.Status == HouseholdStatus.Applicant)
        {
            errors.Add("status", "申请中的农户须经识别程序（两公示一比对一公告）纳入或不予纳入，不能直接变更状态");
        }
        if (r.Date > today)
        {
            errors.Add("date", "变更日期不能晚于今天");
        }
        if (r.Date.Year < household.YearIdentified)
        {
            errors.Add("date", "变更日期不能早于识别年度");
        }
        errors.Require("reason", r.Reason, "变更原因", 200);
        if (errors.Any)
        {
            return new Outcome<int>.Invalid(errors);
        }
        RegistryCommands.ExpectVersion(db, household, r.Version);
        household.Status = r.Status;
        household.StatusChangedOn = r.Date;
        household.StatusReason = r.Reason!.Trim();
        switch (r.Status)
        {
            case HouseholdStatus.Lifted:
                household.YearLifted = r.Date.Year;
                break;
            case HouseholdStatus.Returned:
                household.YearReturned = r.Date.Year;
                break;
            case HouseholdStatus.NotLifted:
            case HouseholdStatus.Monitored:
            case HouseholdStatus.Removed:
            case HouseholdStatus.Applicant:
                break;
        }
        return await RegistryCommands.SaveAsync(db, () => household.Version, ct);
    }
}
