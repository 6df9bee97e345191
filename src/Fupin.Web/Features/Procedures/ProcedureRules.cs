namespace Fupin.Web.Features.Procedures;

/// <summary>The pure rules of a procedure step: the publicity period, objections and who may act.</summary>
public static class ProcedureRules
{
    /// <summary>
    /// Which day of its publicity a date is: the day it began is day 1. "公示7天" may close on day 7,
    /// never on day 6.
    /// </summary>
    public static int PublicityDay(DateOnly startedOn, DateOnly today) => today.DayNumber - startedOn.DayNumber + 1;

    /// <summary>The first date on which a publicity begun on <paramref name="startedOn"/> may close.</summary>
    public static DateOnly PublicityEnds(DateOnly startedOn, int minDays) => startedOn.AddDays(Math.Max(minDays, 1) - 1);

    /// <summary>
    /// Every reason the current step cannot be acted on now, in Chinese; empty when it can. A rejection
    /// may be recorded during publicity (the period is there to find reasons to reject), a pass may not.
    /// </summary>
    public static IReadOnlyList<string> CannotAct(CaseState state, StepDefinition step, string? actorRole, StepDecision decision,
        DateOnly? publicityStartedOn, int? publicityMinDays, int openObjections, DateOnly today)
    {
        var reasons = new List<string>();
        if (state is CaseState.Approved or CaseState.Rejected)
        {
            reasons.Add("该案件已办结");
            return reasons;
        }
        if (actorRole is null || !actorRole.Split(',').Contains(step.Role))
        {
            reasons.Add($"“{step.Name}”由{Accounts.Roles.Label(step.Role)}办理，您的角色不能办理此步骤");
        }
        if (state == CaseState.OnHold || openObjections > 0)
        {
            reasons.Add($"有{Math.Max(openObjections, 1)}条异议尚未处理，案件暂停，请先处理异议");
        }
        if (step.Type == StepType.Publicity && decision == StepDecision.Pass)
        {
            if (publicityStartedOn is not { } start || publicityMinDays is not { } days)
            {
                reasons.Add("公示尚未开始");
            }
            else if (PublicityDay(start, today) < days)
            {
                reasons.Add($"公示期未满：{start:yyyy-MM-dd}起公示，至少{days}天，{PublicityEnds(start, days):yyyy-MM-dd}起方可结束（今天是第{Math.Max(PublicityDay(start, today), 0)}天）");
            }
        }
        return reasons;
    }

    /// <summary>Objections may be raised while a publicity step is current and the case is not closed.</summary>
    public static string? CannotObject(CaseState state, StepDefinition step) =>
        state is CaseState.Approved or CaseState.Rejected ? "该案件已办结，不能再提出异议"
        : step.Type != StepType.Publicity ? "只有在公示期间才能登记异议"
        : null;
}
