using Fupin.Web.Data;
using Fupin.Web.Features.Households;
using Fupin.Web.Features.Monitoring;
using Fupin.Web.Features.Procedures;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Assistance;

/// <summary>
/// 歇帮 (seed 003) and restoring assistance, through the procedure engine (村级评议 → 乡镇审批). The household
/// keeps the day and the reason while paused; the audit trail and the cases keep both changes.
/// </summary>
public static class AssistancePause
{
    public static void CheckStart(Household h, ProcedureCommands.StartRequest r, Errors errors)
    {
        errors.Require("reason", r.Reason, r.Kind == ProcedureKind.AssistancePause ? "歇帮理由" : "恢复帮扶理由", 200);
        if (r.Kind == ProcedureKind.AssistancePause)
        {
            if (h.AssistancePausedOn is { } on)
            {
                errors.Add("householdId", $"该户已于{on:yyyy-MM-dd}歇帮");
            }
            else if (!Lights.Lit.Contains(h.Status))
            {
                errors.Add("householdId", $"该户状态为“{Labels.Of(h.Status)}”，不在帮扶范围内，无需歇帮");
            }
        }
        else if (h.AssistancePausedOn is null)
        {
            errors.Add("householdId", "该户未歇帮，无需恢复帮扶");
        }
    }

    public static async Task ApplyAsync(AppDbContext db, ProcedureCase @case, DateOnly today, CancellationToken ct)
    {
        var h = await db.Households.FirstAsync(x => x.Id == @case.HouseholdId, ct);
        if (@case.Kind == ProcedureKind.AssistancePause)
        {
            h.AssistancePausedOn = today;
            h.AssistancePauseReason = @case.Reason;
        }
        else
        {
            h.AssistancePausedOn = null;
            h.AssistancePauseReason = null;
        }
    }
}
