using Fupin.Web.Features.Funds;
using Fupin.Web.Rules;

namespace Fupin.Tests.Funds;

/// <summary>The money rules with the seeds' own figures.</summary>
public sealed class FundsRulesTests
{
    [Theory]
    // Seed 000: "第一批扶贫资金已完成支出661.8万元，支出进度50.14%" of a 1,320万元 batch.
    [InlineData("13200000", "6618000", "50.14")]
    [InlineData("100", "100", "100.00")]
    [InlineData("3", "1", "33.33")]
    [InlineData("8", "1", "12.50")]
    // Half a hundredth rounds away from zero: 1/16 = 6.25%; 1/1600 = 0.0625% → 0.06; 1/8000 = 0.0125% → 0.01.
    [InlineData("1600", "1", "0.06")]
    [InlineData("200000", "1", "0.00")]
    public void Spending_progress_is_exact_to_the_hundredth(string allocated, string spent, string expected) =>
        Assert.Equal(decimal.Parse(expected), FundsRules.Progress(decimal.Parse(allocated), decimal.Parse(spent)));

    [Fact]
    public void Nothing_allocated_has_no_progress() => Assert.Null(FundsRules.Progress(0, 0));

    [Fact]
    public void Money_adds_up_to_the_fen()
    {
        // 0.1 + 0.2 in yuan is 0.30 exactly; seed 001: 2531.2万 total with 1918.6万 in industry is 75.8%.
        Assert.Equal(0.30m, 0.10m + 0.20m);
        Assert.Equal("661.80", FundsRules.Wan(6618000m));
        Assert.Equal("2531.20", FundsRules.Wan(25312000m));
        var rates = FundsRules.RatesOf([
            new(ProjectStage.Started, ProjectType.Industry, 19186000m, 100),
            new(ProjectStage.Started, ProjectType.Infrastructure, 6126000m, 50),
        ]);
        Assert.Equal(75.8m, rates.IndustryShare);
    }

    [Fact]
    public void A_ranking_orders_ties_by_money_spent_and_then_by_key()
    {
        var rows = new[]
        {
            (Key: "B", Allocated: 100m, Spent: 50m),
            (Key: "A", Allocated: 200m, Spent: 100m), // the same 50%, more spent: first
            (Key: "C", Allocated: 100m, Spent: 50m), // the same as B: after B by key
            (Key: "D", Allocated: 0m, Spent: 0m), // nothing allocated: last
            (Key: "E", Allocated: 100m, Spent: 90m),
        };
        var ranked = FundsRules.Rank(rows, r => FundsRules.Progress(r.Allocated, r.Spent), r => r.Spent, r => r.Key);
        Assert.Equal(["E", "A", "B", "C", "D"], ranked.Select(r => r.Item.Key));
        Assert.Equal([1, 2, 3, 4, 5], ranked.Select(r => r.Rank));
        // The same rows in another order rank the same.
        var again = FundsRules.Rank(rows.Reverse(), r => FundsRules.Progress(r.Allocated, r.Spent), r => r.Spent, r => r.Key);
        Assert.Equal(ranked.Select(r => r.Item.Key), again.Select(r => r.Item.Key));
    }

    [Fact]
    public void Start_and_completion_rates_count_projects_approved_or_later()
    {
        // Seed 001 style: of 20 projects 立项 or later, all started, 17 completed: 开工率100%, 竣工率85%.
        var projects = Enumerable.Range(0, 20).Select(i => new FundsRules.ProjectRow(i < 17 ? ProjectStage.Accepted : ProjectStage.Started, ProjectType.Industry, 1000m, 2))
            .Append(new FundsRules.ProjectRow(ProjectStage.Reserve, ProjectType.Industry, 5000m, 10)) // a reserve project does not count
            .Append(new FundsRules.ProjectRow(ProjectStage.Cancelled, ProjectType.Other, 5000m, 10)) // nor a terminated one
            .ToList();
        var r = FundsRules.RatesOf(projects);
        Assert.Equal((20, 20, 17, 100.0m, 85.0m), (r.Projects, r.Started, r.Completed, r.StartRate, r.CompletionRate));
        Assert.Equal(500m, r.PerHousehold); // 20,000 yuan over 40 households
        var some = FundsRules.RatesOf([new(ProjectStage.Approved, ProjectType.Industry, 0, 0), new(ProjectStage.Tender, ProjectType.Industry, 0, 0), new(ProjectStage.Completed, ProjectType.Industry, 0, 0)]);
        Assert.Equal((33.3m, 33.3m), (some.StartRate, some.CompletionRate));
    }

    [Theory]
    [InlineData(1000, 600, 400, false, null)]
    [InlineData(1000, 600, 400.01, false, "超过该批次余额")]
    [InlineData(1000, 600, 500, true, null)]
    [InlineData(1000, 0, 0, false, "应大于0")]
    public void An_allocation_beyond_the_balance_needs_the_flag(decimal batch, decimal allocated, decimal amount, bool over, string? refusal)
    {
        var r = FundsRules.AllocationRefusal(batch, allocated, amount, over);
        if (refusal is null)
        {
            Assert.Null(r);
        }
        else
        {
            Assert.Contains(refusal, r);
        }
    }

    [Theory]
    [InlineData(ProjectStage.Started, null)]
    [InlineData(ProjectStage.Accepted, null)]
    [InlineData(ProjectStage.Transferred, "资产移交")]
    [InlineData(ProjectStage.Cancelled, "终止")]
    public void A_closed_project_takes_no_more_payments(ProjectStage stage, string? refusal)
    {
        var r = FundsRules.DisbursementRefusal(1000, 0, 100, stage);
        Assert.True(refusal is null ? r is null : r!.Contains(refusal), r);
        Assert.Contains("超过分配余额", FundsRules.DisbursementRefusal(1000, 950, 50.01m, null));
    }

    [Theory]
    [InlineData(ProjectStage.Reserve, ProjectStage.Approved, true)]
    [InlineData(ProjectStage.Approved, ProjectStage.Started, true)] // 设计、招投标 may be skipped
    [InlineData(ProjectStage.Started, ProjectStage.Approved, false)]
    [InlineData(ProjectStage.Started, ProjectStage.Started, false)]
    [InlineData(ProjectStage.Accepted, ProjectStage.Cancelled, true)]
    [InlineData(ProjectStage.Transferred, ProjectStage.Cancelled, false)]
    [InlineData(ProjectStage.Cancelled, ProjectStage.Started, false)]
    public void A_project_only_moves_forward(ProjectStage from, ProjectStage to, bool allowed) =>
        Assert.Equal(allowed, FundsRules.StageRefusal(from, to) is null);

    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("欧阳明华", "欧***")]
    [InlineData("李", "李")]
    public void Names_on_a_notice_show_the_surname_only(string name, string shown) => Assert.Equal(shown, Masking.Name(name));
}
