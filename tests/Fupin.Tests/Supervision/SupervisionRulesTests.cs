using Fupin.Web.Features.Supervision;

namespace Fupin.Tests.Supervision;

/// <summary>Seed 003's unit lights worked by hand over three months.</summary>
public sealed class SupervisionRulesTests
{
    private static readonly int[] Quarterly = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 100, 100];

    private static UnitLight[] Months(params (int? Percent, bool ProblemOverdue)[] months)
    {
        var lights = new List<UnitLight>();
        var behindBefore = false;
        for (var m = 0; m < months.Length; m++)
        {
            var (percent, overdue) = months[m];
            var problems = overdue ? [new SupervisionRules.ProblemState("村道硬化质量问题", new DateOnly(2026, 1, 15), null)] : Array.Empty<SupervisionRules.ProblemState>();
            var behind = SupervisionRules.BehindReasons([new("1", "产业扶贫", Quarterly, percent)], problems, 2026, m + 3).Count > 0;
            lights.Add(SupervisionRules.LightOf(behind, behindBefore));
            behindBefore = behind;
        }
        return [.. lights];
    }

    [Fact]
    public void One_month_behind_is_yellow_two_in_a_row_red_and_caught_up_green()
    {
        // March is due 30%, April 40%, May 50%, June 60%.
        Assert.Equal([UnitLight.Green, UnitLight.Yellow, UnitLight.Red, UnitLight.Green], Months((30, false), (35, false), (45, false), (60, false)));
        // Behind again after catching up: yellow, not red.
        Assert.Equal([UnitLight.Yellow, UnitLight.Green, UnitLight.Yellow], Months((20, false), (40, false), (45, false)));
        // No report at all counts as 0%.
        Assert.Equal([UnitLight.Yellow, UnitLight.Red], Months((null, false), (null, false)));
    }

    [Fact]
    public void An_overdue_rectification_item_puts_a_unit_behind_even_on_schedule()
    {
        Assert.Equal([UnitLight.Yellow, UnitLight.Red], Months((30, true), (40, true)));
        var closed = SupervisionRules.BehindReasons([], [new("问题", new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 20))], 2026, 3);
        Assert.Empty(closed);
        var late = SupervisionRules.BehindReasons([], [new("问题", new DateOnly(2026, 3, 10), new DateOnly(2026, 4, 2))], 2026, 3);
        Assert.Contains("逾期未销号", Assert.Single(late));
    }

    [Fact]
    public void Milestones_default_to_a_straight_line_to_the_deadline()
    {
        Assert.Equal([17, 33, 50, 67, 83, 100, 100, 100, 100, 100, 100, 100], SupervisionRules.Linear(6));
        Assert.Equal(Quarterly, SupervisionRules.Milestones(string.Join(',', Quarterly), 12));
        Assert.Equal(SupervisionRules.Linear(12), SupervisionRules.Milestones("bad", 12));
        Assert.Contains("不能小于前一月", SupervisionRules.MilestonesRefusal([10, 5, 20, 30, 40, 50, 60, 70, 80, 90, 100, 100]));
    }

    [Theory]
    [InlineData("2026-03-01", 40, "2026-03-16", true)]
    [InlineData("2026-03-01", 40, "2026-03-15", false)]
    [InlineData("2026-03-01", 100, "2026-05-01", false)]
    public void A_report_is_late_after_the_interval(string last, int percent, string today, bool late) =>
        Assert.Equal(late, SupervisionRules.ReportLate(DateOnly.Parse(last), new DateOnly(2026, 1, 1), percent, 14, DateOnly.Parse(today)));
}
