namespace Fupin.Web.Features.Supervision;

/// <summary>
/// Seed 003's unit management as pure rules: where a task should stand each month, whether a unit is behind,
/// and its light — yellow after one month behind, red after two in a row, green again when caught up.
/// </summary>
public static class SupervisionRules
{
    /// <summary>Twelve cumulative percentages from the stored text; missing or bad ones are read as a straight line to 100 at the deadline month.</summary>
    public static int[] Milestones(string? text, int deadlineMonth)
    {
        var parts = (text ?? "").Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length == 12 && parts.All(p => int.TryParse(p, out var v) && v is >= 0 and <= 100))
        {
            return [.. parts.Select(int.Parse)];
        }
        return Linear(deadlineMonth);
    }

    /// <summary>100% by the deadline month, evenly from January.</summary>
    public static int[] Linear(int deadlineMonth)
    {
        var last = Math.Clamp(deadlineMonth, 1, 12);
        return [.. Enumerable.Range(1, 12).Select(m => m >= last ? 100 : (int)Math.Round(100.0 * m / last, MidpointRounding.AwayFromZero))];
    }

    /// <summary>Why the milestones text is unusable, or null.</summary>
    public static string? MilestonesRefusal(IReadOnlyList<int>? milestones)
    {
        if (milestones is null)
        {
            return null;
        }
        if (milestones.Count != 12 || milestones.Any(v => v is < 0 or > 100))
        {
            return "月度目标应为12个0到100之间的累计百分比";
        }
        return milestones.Zip(milestones.Skip(1)).Any(p => p.Second < p.First) ? "月度目标是累计进度，后一月不能小于前一月" : null;
    }

    public sealed record TaskState(string Number, string Title, int[] Milestones, int? PercentAtMonthEnd);

    public sealed record ProblemState(string Problem, DateOnly Deadline, DateOnly? ClosedOn);

    /// <summary>What puts a unit behind at a month's end: a task short of its milestone, or a rectification item past its deadline and not closed by then.</summary>
    public static IReadOnlyList<string> BehindReasons(IEnumerable<TaskState> tasks, IEnumerable<ProblemState> problems, int year, int month)
    {
        var monthEnd = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        var reasons = new List<string>();
        foreach (var t in tasks)
        {
            var due = t.Milestones[month - 1];
            var at = t.PercentAtMonthEnd ?? 0;
            if (at < due)
            {
                reasons.Add($"任务{t.Number}“{t.Title}”{month}月底应完成{due}%，实际{at}%");
            }
        }
        foreach (var p in problems.Where(p => p.Deadline < monthEnd && (p.ClosedOn is null || p.ClosedOn > monthEnd)))
        {
            reasons.Add($"整改问题“{(p.Problem.Length > 30 ? p.Problem[..30] + "…" : p.Problem)}”逾期未销号（时限{p.Deadline:yyyy-MM-dd}）");
        }
        return reasons;
    }

    /// <summary>The light from this month and the one before: behind in both red, in this one yellow, else green.</summary>
    public static UnitLight LightOf(bool behindNow, bool behindBefore) => behindNow ? behindBefore ? UnitLight.Red : UnitLight.Yellow : UnitLight.Green;

    /// <summary>Whether a unit's report on a task is late: the interval since the last report (or since the task began) has run out, and the task is not done.</summary>
    public static bool ReportLate(DateOnly? lastReport, DateOnly since, int percent, int intervalDays, DateOnly today) =>
        percent < 100 && (lastReport ?? since).AddDays(intervalDays) < today;
}
