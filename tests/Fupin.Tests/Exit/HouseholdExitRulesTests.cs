using Fupin.Web.Features.Assurance;
using Fupin.Web.Features.Exit;

namespace Fupin.Tests.Exit;

public sealed class HouseholdExitRulesTests
{
    private static Dictionary<AssuranceItem, AssuranceStatus> All(AssuranceStatus s) => AssuranceRules.Items.ToDictionary(i => i, _ => s);

    [Fact]
    public void Income_above_the_line_and_all_five_secured_is_ready()
    {
        var r = HouseholdExitRules.Check(2020, 5000m, 4000m, All(AssuranceStatus.Secured));
        Assert.True(r.Ready);
        Assert.Empty(r.Reasons);
    }

    [Theory]
    [InlineData(4000, "未高于当年贫困线4000元")] // on the line is not above it
    [InlineData(3800.5, "人均纯收入3800.5元")]
    public void Income_not_above_the_line_is_refused_with_the_figures(double perCapita, string reason)
    {
        var r = HouseholdExitRules.Check(2020, (decimal)perCapita, 4000m, All(AssuranceStatus.Secured));
        Assert.False(r.Ready);
        Assert.Contains(r.Reasons, x => x.Contains(reason));
    }

    [Fact]
    public void Every_failing_reason_is_listed_not_just_the_first()
    {
        var items = All(AssuranceStatus.Secured);
        items[AssuranceItem.Housing] = AssuranceStatus.NotSecured;
        items[AssuranceItem.FoodClothing] = AssuranceStatus.Unknown;
        var r = HouseholdExitRules.Check(2020, null, 4000m, items);
        Assert.False(r.Ready);
        Assert.Equal(["没有2020年的收入台账", "不愁吃、不愁穿尚未核实", "住房安全未保障"], r.Reasons);
    }

    [Fact]
    public void A_year_without_a_line_cannot_be_judged() =>
        Assert.Contains("没有扶贫标准", HouseholdExitRules.Check(2012, 5000m, null, All(AssuranceStatus.Secured)).Reasons[0]);
}
