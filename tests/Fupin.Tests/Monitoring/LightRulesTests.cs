using Fupin.Web.Features.Households;
using Fupin.Web.Features.Monitoring;

namespace Fupin.Tests.Monitoring;

/// <summary>The light rules, each fired by the facts it names and silent otherwise; the worst colour wins.</summary>
public class LightRulesTests
{
    private static readonly LightFacts Clean = new()
    {
        IncomeYear = 2025,
        PerCapita = 12000,
        EarnedPerCapita = 10000,
        PovertyLine = 4000,
        MonitoringLine = 7600,
    };

    public static TheoryData<string, LightFacts, Light, LightReason?> Cases => new()
    {
        { "clean", Clean, Light.Green, null },
        { "income under the line", Clean with { PerCapita = 3900, EarnedPerCapita = 3000 }, Light.Red, LightReason.IncomeBelowLine },
        { "income at the line is not under it", Clean with { PerCapita = 4000, EarnedPerCapita = 4000 }, Light.Yellow, LightReason.IncomeNearLine },
        { "income under the monitoring line", Clean with { PerCapita = 7599 }, Light.Yellow, LightReason.IncomeNearLine },
        { "serious illness", Clean with { SeriouslyIll = ["张三"] }, Light.Red, LightReason.SeriousIllness },
        { "no labour and regular spending", Clean with { NoAbleLabour = true, RegularSpending = ["李四（残疾）"] }, Light.Red, LightReason.LowCapacityHighSpending },
        { "no labour without regular spending", Clean with { NoAbleLabour = true }, Light.Green, null },
        { "unstable work", Clean with { UnstableWorkers = ["王五（务工3个月）"] }, Light.Yellow, LightReason.UnstableWork },
        { "weak industry", Clean with { EarnedPerCapita = 2000 }, Light.Yellow, LightReason.WeakIndustry },
        { "open findings", Clean with { OpenFindings = 2 }, Light.Yellow, LightReason.OpenFindings },
        { "disaster", Clean with { RecentEvent = "2026-08-01遭受自然灾害：台风" }, Light.Yellow, LightReason.RiskEvent },
        { "monitoring not removed", Clean with { Monitoring = "边缘易致贫户" }, Light.Yellow, LightReason.MonitoringActive },
        { "no income data", Clean with { PerCapita = null, EarnedPerCapita = null, IncomeYear = null }, Light.Yellow, LightReason.NoIncomeRecord },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_rule_fires_on_its_facts(string name, LightFacts facts, Light light, LightReason? reason)
    {
        var (computed, reasons) = LightRules.Compute(facts);
        Assert.True(light == computed, name);
        if (reason is { } r)
        {
            Assert.Contains(reasons, x => x.Reason == r);
        }
        else
        {
            Assert.Empty(reasons);
        }
    }

    [Fact]
    public void The_worst_colour_wins_and_every_reason_is_kept()
    {
        var (light, reasons) = LightRules.Compute(Clean with { PerCapita = 3000, EarnedPerCapita = 1000, OpenFindings = 1, SeriouslyIll = ["赵六"] });
        Assert.Equal(Light.Red, light);
        Assert.Equal([LightReason.IncomeBelowLine, LightReason.SeriousIllness, LightReason.WeakIndustry, LightReason.OpenFindings], reasons.Select(r => r.Reason));
        Assert.Contains("3,000元，低于贫困线4,000元", reasons[0].Detail);
    }

    [Fact]
    public void Member_facts_name_the_ill_the_spending_and_the_unstable_workers()
    {
        var today = new DateOnly(2026, 11, 24);
        var (ill, noLabour, spending, unstable) = LightRules.MemberFacts(
        [
            ("甲", new DateOnly(1960, 1, 1), Health.SeriousIllness, LabourCapacity.Lost, null, null, null),
            ("乙", new DateOnly(1990, 1, 1), Health.Healthy, LabourCapacity.Ordinary, null, "广东东莞", 3),
            ("丙", new DateOnly(1992, 1, 1), Health.Healthy, LabourCapacity.Skilled, null, "海口", 10),
            ("丁", new DateOnly(2008, 1, 1), Health.Healthy, LabourCapacity.None, SchoolStage.SeniorHigh, null, null),
        ], today, stableMonths: 6);
        Assert.Equal(["甲"], ill);
        Assert.False(noLabour);
        Assert.Equal(["丁（高中在读）"], spending);
        Assert.Equal(["乙（务工3个月）"], unstable);
    }

    [Theory]
    [InlineData(8000, 7600, 0, true)]
    [InlineData(7000, 7600, 0, false)]
    [InlineData(8000, 7600, 1, false)]
    public void Risk_removal_needs_income_over_the_monitoring_line_and_every_item_secured(int perCapita, int line, int unsecured, bool removable)
    {
        var reasons = MonitoringCases.RemovalRefusals(2025, perCapita, line, unsecured > 0 ? ["住房安全"] : []);
        Assert.Equal(removable, reasons.Count == 0);
    }

    [Fact]
    public void Risk_removal_without_an_income_record_is_refused() =>
        Assert.Contains("没有收入台账", Assert.Single(MonitoringCases.RemovalRefusals(null, null, null, [])));

    [Theory]
    [InlineData(HouseholdStatus.Lifted, MonitoringType.UnstableLifted, true)]
    [InlineData(HouseholdStatus.Lifted, MonitoringType.Marginal, false)]
    [InlineData(HouseholdStatus.Monitored, MonitoringType.Marginal, true)]
    [InlineData(HouseholdStatus.Applicant, MonitoringType.SuddenHardship, true)]
    [InlineData(HouseholdStatus.Applicant, MonitoringType.UnstableLifted, false)]
    [InlineData(HouseholdStatus.NotLifted, MonitoringType.SuddenHardship, false)]
    [InlineData(HouseholdStatus.Removed, MonitoringType.Marginal, false)]
    public void Which_households_may_enter_which_category(HouseholdStatus status, MonitoringType type, bool allowed) =>
        Assert.Equal(allowed, MonitoringCases.TypeRefusal(status, type) is null);
}
