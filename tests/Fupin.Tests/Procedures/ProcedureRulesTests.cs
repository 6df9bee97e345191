using Fupin.Web.Features.Accounts;
using Fupin.Web.Features.Procedures;

namespace Fupin.Tests.Procedures;

public sealed class ProcedureRulesTests
{
    private static readonly StepDefinition Publicity = new() { Code = "village-publicity", Name = "村民代表评议并公示", Role = Roles.VillageCadre, Type = StepType.Publicity };
    private static readonly StepDefinition Announcement = new() { Code = "county-announcement", Name = "区级审核公告", Role = Roles.CountyOffice, Type = StepType.Announcement };
    private static readonly DateOnly Start = new(2026, 3, 1);

    // "公示7天": begun on 1 March (day 1), it may not close on day 6 (6 March) and may on day 7 (7 March).
    [Theory]
    [InlineData(7, 0, 1, false)]
    [InlineData(7, 5, 6, false)]
    [InlineData(7, 6, 7, true)]
    [InlineData(7, 10, 11, true)]
    [InlineData(5, 3, 4, false)]
    [InlineData(5, 4, 5, true)]
    public void Publicity_closes_only_when_its_minimum_period_has_run(int minDays, int daysLater, int expectedDay, bool canClose)
    {
        var today = Start.AddDays(daysLater);
        Assert.Equal(expectedDay, ProcedureRules.PublicityDay(Start, today));
        var reasons = ProcedureRules.CannotAct(CaseState.Open, Publicity, Roles.VillageCadre, StepDecision.Pass, Start, minDays, 0, today);
        Assert.Equal(canClose, reasons.Count == 0);
        if (!canClose)
        {
            Assert.Contains($"{ProcedureRules.PublicityEnds(Start, minDays):yyyy-MM-dd}起方可结束", Assert.Single(reasons));
        }
    }

    [Fact]
    public void The_publicity_end_is_the_first_day_it_may_close() =>
        Assert.Equal(new DateOnly(2026, 3, 7), ProcedureRules.PublicityEnds(Start, 7));

    [Fact]
    public void A_rejection_may_be_recorded_during_publicity() =>
        Assert.Empty(ProcedureRules.CannotAct(CaseState.Open, Publicity, Roles.VillageCadre, StepDecision.Reject, Start, 7, 0, Start));

    [Fact]
    public void An_open_objection_holds_the_case_even_after_the_period()
    {
        var reasons = ProcedureRules.CannotAct(CaseState.OnHold, Publicity, Roles.VillageCadre, StepDecision.Pass, Start, 7, 1, Start.AddDays(20));
        Assert.Equal("有1条异议尚未处理，案件暂停，请先处理异议", Assert.Single(reasons));
    }

    [Theory]
    [InlineData(Roles.CountyOffice, true)]
    [InlineData(Roles.VillageCadre, false)]
    [InlineData(Roles.TownOfficial, false)]
    [InlineData(Roles.Leader, false)]
    public void Only_the_role_that_owns_a_step_acts_on_it(string role, bool may)
    {
        var reasons = ProcedureRules.CannotAct(CaseState.Open, Announcement, role, StepDecision.Pass, null, null, 0, Start);
        Assert.Equal(may, reasons.Count == 0);
        if (!may)
        {
            Assert.Equal("“区级审核公告”由县(区)扶贫办办理，您的角色不能办理此步骤", Assert.Single(reasons));
        }
    }

    [Fact]
    public void A_closed_case_takes_no_more_acts_or_objections()
    {
        Assert.Equal(["该案件已办结"], ProcedureRules.CannotAct(CaseState.Approved, Announcement, Roles.CountyOffice, StepDecision.Pass, null, null, 0, Start));
        Assert.NotNull(ProcedureRules.CannotObject(CaseState.Rejected, Publicity));
        Assert.Equal("只有在公示期间才能登记异议", ProcedureRules.CannotObject(CaseState.Open, Announcement));
        Assert.Null(ProcedureRules.CannotObject(CaseState.Open, Publicity));
    }

    [Fact]
    public void The_default_steps_follow_seed_001()
    {
        Assert.Equal(["本人申请", "村民评议", "区级比对", "村民代表评议并公示", "乡镇审查公示", "区级审核公告"],
            ProcedureDefinitions.DefaultIdentification.Select(s => s.Name));
        Assert.Equal(["民主评议", "村两委与工作队核实", "贫困户认可", "村内公示", "乡镇公告"], ProcedureDefinitions.DefaultHouseholdExit.Select(s => s.Name));
        Assert.Empty(ProcedureDefinitions.Problems(ProcedureDefinitions.DefaultIdentification));
        Assert.Empty(ProcedureDefinitions.Problems(ProcedureDefinitions.DefaultHouseholdExit));
        Assert.Empty(ProcedureDefinitions.Problems(ProcedureDefinitions.DefaultVillageExit));
    }

    [Fact]
    public void A_configured_list_is_checked()
    {
        Assert.Contains("最后一步须为公告，且只能有一个公告步骤", ProcedureDefinitions.Problems([Publicity]));
        Assert.Contains("步骤代码重复", ProcedureDefinitions.Problems([Announcement, Announcement]));
        Assert.Contains(ProcedureDefinitions.Problems([Announcement with { Role = Roles.SystemAdmin }]), p => p.Contains("不是业务角色", StringComparison.Ordinal));
        Assert.Equal(["没有步骤"], ProcedureDefinitions.Problems([]));
    }
}
