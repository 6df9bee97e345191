using System.Globalization;
using Fupin.Web.Features.Households;

namespace Fupin.Web.Features.Monitoring;

/// <summary>三色灯 (seed 003): 绿灯 no risk, 黄灯 some risk, 红灯 great risk.</summary>
public enum Light
{
    Green, // 绿灯
    Yellow, // 黄灯
    Red, // 红灯
}

/// <summary>The listed reasons a light fires; each is recorded with the household's light.</summary>
public enum LightReason
{
    IncomeBelowLine, // 人均纯收入低于贫困线
    SeriousIllness, // 家庭成员患有大病
    LowCapacityHighSpending, // 劳动能力弱且日常刚性支出大
    IncomeNearLine, // 人均纯收入低于防返贫监测线
    NoIncomeRecord, // 未采集近两年收入
    UnstableWork, // 务工就业不稳定
    WeakIndustry, // 产业增收能力弱
    OpenFindings, // 比对问题未销号
    RiskEvent, // 受灾害或疫病影响
    MonitoringActive, // 监测对象风险未消除
}

/// <summary>What the light rules read about a household, gathered from the registry, ledger, findings and events.</summary>
public sealed record LightFacts
{
    public int? IncomeYear { get; init; }
    public decimal? PerCapita { get; init; }
    /// <summary>(工资性 + 生产经营性 − 生产经营性支出) / 人口: what the household earns itself.</summary>
    public decimal? EarnedPerCapita { get; init; }
    public decimal? PovertyLine { get; init; }
    public decimal? MonitoringLine { get; init; }
    public IReadOnlyList<string> SeriouslyIll { get; init; } = [];
    /// <summary>No active member is an ordinary or skilled worker.</summary>
    public bool NoAbleLabour { get; init; }
    /// <summary>Members whose condition means regular spending: chronic illness, disability, at school beyond compulsory stage.</summary>
    public IReadOnlyList<string> RegularSpending { get; init; } = [];
    public IReadOnlyList<string> UnstableWorkers { get; init; } = [];
    public int OpenFindings { get; init; }
    public string? RecentEvent { get; init; }
    public string? Monitoring { get; init; }
}

public sealed record FiredReason(LightReason Reason, Light Light, string Detail);

/// <summary>
/// The light rules, each a listed reason with its colour: 红灯 for serious illness, little labour with
/// large regular spending, income under the line; 黄灯 for income under the monitoring line, unstable work,
/// weak industry, open findings, disaster or livestock disease, an unremoved monitoring risk, missing
/// income data; 绿灯 when none fires. The household's light is the worst colour that fired.
/// </summary>
public static class LightRules
{
    /// <summary>The colour each reason gives: 红灯 for the three serious ones, 黄灯 for the rest.</summary>
    public static Light ColourOf(LightReason reason) =>
        reason is LightReason.IncomeBelowLine or LightReason.SeriousIllness or LightReason.LowCapacityHighSpending ? Light.Red : Light.Yellow;

    private static FiredReason Fire(LightReason reason, string detail) => new(reason, ColourOf(reason), detail);

    public static (Light Light, IReadOnlyList<FiredReason> Reasons) Compute(LightFacts f)
    {
        var fired = new List<FiredReason>();
        if (f.PerCapita is { } pc && f.PovertyLine is { } line && pc < line)
        {
            fired.Add(Fire(LightReason.IncomeBelowLine, $"{f.IncomeYear}年人均纯收入{Yuan(pc)}元，低于贫困线{Yuan(line)}元"));
        }
        if (f.SeriouslyIll.Count > 0)
        {
            fired.Add(Fire(LightReason.SeriousIllness, $"患有大病：{string.Join("、", f.SeriouslyIll)}"));
        }
        if (f.NoAbleLabour && f.RegularSpending.Count > 0)
        {
            fired.Add(Fire(LightReason.LowCapacityHighSpending, $"家中无普通或技能劳动力，{string.Join("、", f.RegularSpending)}需长期支出"));
        }
        if (f.PerCapita is { } pc2 && f.PovertyLine is { } line2 && f.MonitoringLine is { } monitoring && pc2 >= line2 && pc2 < monitoring)
        {
            fired.Add(Fire(LightReason.IncomeNearLine, $"{f.IncomeYear}年人均纯收入{Yuan(pc2)}元，低于防返贫监测线{Yuan(monitoring)}元"));
        }
        if (f.PerCapita is null)
        {
            fired.Add(Fire(LightReason.NoIncomeRecord, "近两年没有收入台账，无法判断收入是否稳定"));
        }
        if (f.UnstableWorkers.Count > 0)
        {
            fired.Add(Fire(LightReason.UnstableWork, $"务工不稳定：{string.Join("、", f.UnstableWorkers)}"));
        }
        if (!f.NoAbleLabour && f.EarnedPerCapita is { } earned && f.PovertyLine is { } line3 && earned < line3)
        {
            fired.Add(Fire(LightReason.WeakIndustry, $"工资性和生产经营性人均净收入{Yuan(earned)}元，低于贫困线，主要靠转移性收入"));
        }
        if (f.OpenFindings > 0)
        {
            fired.Add(Fire(LightReason.OpenFindings, $"有{f.OpenFindings}条数据比对问题尚未销号"));
        }
        if (f.RecentEvent is { } e)
        {
            fired.Add(Fire(LightReason.RiskEvent, e));
        }
        if (f.Monitoring is { } m)
        {
            fired.Add(Fire(LightReason.MonitoringActive, m));
        }
        var light = fired.Count == 0 ? Light.Green : fired.Max(r => r.Light);
        return (light, fired);
    }

    /// <summary>The follow-up a reason calls for (seed 003: 针对黄灯户、红灯户制定后续帮扶措施).</summary>
    public static string FollowUp(LightReason reason) => reason switch
    {
        LightReason.IncomeBelowLine => "落实产业、就业帮扶或低保兜底，确保人均纯收入稳定超过贫困线",
        LightReason.SeriousIllness => "落实基本医保、大病保险和医疗救助，跟踪报销比例和家庭医生签约",
        LightReason.LowCapacityHighSpending => "符合条件的纳入低保、特困供养，落实残疾人两项补贴等综合保障",
        LightReason.IncomeNearLine => "落实产业、就业帮扶，按月跟踪收入变化",
        LightReason.NoIncomeRecord => "入户采集上年度收入，录入收入台账",
        LightReason.UnstableWork => "开展就业服务和技能培训，推荐稳定岗位或公益性岗位",
        LightReason.WeakIndustry => "落实产业奖补、技术指导和小额信贷，培育稳定增收项目",
        LightReason.OpenFindings => "核实比对问题并按时整改销号",
        LightReason.RiskEvent => "落实受灾救助、保险理赔和生产恢复措施",
        _ => "按监测帮扶计划落实措施，条件成熟时办理风险消除",
    };

    public static string Yuan(decimal v) => v.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>Gathers the member-based facts: serious illness, able labour, regular spending, unstable work (working age 16–64).</summary>
    public static (IReadOnlyList<string> Ill, bool NoAbleLabour, IReadOnlyList<string> Spending, IReadOnlyList<string> Unstable) MemberFacts(
        IEnumerable<(string Name, DateOnly Birth, Health Health, LabourCapacity Labour, SchoolStage? Stage, string? WorkPlace, int? WorkMonths)> members,
        DateOnly today, int stableMonths)
    {
        var ill = new List<string>();
        var spending = new List<string>();
        var unstable = new List<string>();
        var able = false;
        foreach (var m in members)
        {
            var ableBodied = m.Labour is LabourCapacity.Ordinary or LabourCapacity.Skilled;
            able |= ableBodied;
            if (m.Health.HasFlag(Health.SeriousIllness))
            {
                ill.Add(m.Name);
            }
            if (m.Health.HasFlag(Health.Chronic) || m.Health.HasFlag(Health.Disabled))
            {
                spending.Add($"{m.Name}（{Shared.Labels.Of(m.Health & (Health.Chronic | Health.Disabled))}）");
            }
            else if (m.Stage is SchoolStage.SeniorHigh or SchoolStage.Vocational or SchoolStage.Higher)
            {
                spending.Add($"{m.Name}（{Shared.Labels.Of(m.Stage.Value)}在读）");
            }
            var age = GetHousehold.Age(m.Birth, today);
            if (ableBodied && age is >= 16 and <= 64 && !string.IsNullOrWhiteSpace(m.WorkPlace) && (m.WorkMonths ?? 0) < stableMonths)
            {
                unstable.Add($"{m.Name}（务工{m.WorkMonths ?? 0}个月）");
            }
        }
        return (ill, !able, spending, unstable);
    }
}
