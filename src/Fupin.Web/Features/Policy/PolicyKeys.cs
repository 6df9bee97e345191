namespace Fupin.Web.Features.Policy;

/// <summary>
/// The policy numbers the rules ask for, by key, with their label and unit. The keys are code (rules name
/// them); their values are data (PolicyValue rows an administrator edits). A list that grows.
/// </summary>
public static class PolicyKeys
{
    public sealed record Definition(string Key, string Label, string Unit);

    public const string PovertyLine = "poverty.line"; // 扶贫标准（农村贫困线）
    public const string MonitoringLine = "monitoring.line"; // 防返贫监测范围上限
    public const string PublicityMinDays = "publicity.minDays"; // 公示期最短天数
    public const string VillageExitIncidenceMax = "exit.village.incidenceMax"; // 贫困村出列：贫困发生率上限
    public const string CollectiveIncomeMin = "exit.village.collectiveIncomeMin"; // 村集体经济收入下限
    public const string SamplingTownship = "identification.sampling.township"; // 乡镇抽查比例
    public const string SamplingCounty = "identification.sampling.county"; // 县级抽查比例
    public const string InpatientRatioMin = "medical.reimbursement.inpatientMin"; // 住院报销比例下限
    public const string ChronicRatioMin = "medical.reimbursement.chronicMin"; // 慢病门诊报销比例下限
    public const string TekunRatioMin = "medical.reimbursement.tekunMin"; // 特困人员报销比例下限
    public const string FindingDueDays = "comparison.findingDueDays"; // 比对问题整改时限
    public const string StableWorkMonths = "monitoring.stableWorkMonths"; // 稳定务工月数
    public const string VisitIntervalDays = "visit.intervalDays"; // 走访间隔
    public const string PublicPostMonthlyWage = "employment.publicPost.monthlyWage"; // 公益岗位月工资
    public const string DibaoPerPerson = "support.dibao.perPerson"; // 低保标准
    public const string RiskEventMonths = "monitoring.riskEventMonths"; // 受灾疫病影响期

    public static readonly IReadOnlyList<Definition> All =
    [
        new(PovertyLine, "农村扶贫标准（贫困线）", "元/人·年"),
        new(MonitoringLine, "防返贫监测范围（人均纯收入上限）", "元/人·年"),
        new(PublicityMinDays, "公示期最短天数", "天"),
        new(VillageExitIncidenceMax, "贫困村出列：贫困发生率低于", "%"),
        new("exit.county.errorRateMax", "县摘帽：错退率、漏评率低于", "%"),
        new("exit.county.approvalMin", "县摘帽：群众认可度高于", "%"),
        new(CollectiveIncomeMin, "贫困村出列：村集体经济收入不低于", "元/年"),
        new(SamplingTownship, "识别抽查：乡镇抽查比例不低于", "%"),
        new(SamplingCounty, "识别抽查：县级抽查比例不低于", "%"),
        new("reward.industry.step1.threshold", "产业奖补第一档：家庭经营纯收入超过", "元"),
        new("reward.industry.step1.amount", "产业奖补第一档：奖补金额", "元"),
        new("reward.industry.step2.threshold", "产业奖补第二档：家庭经营纯收入超过", "元"),
        new("reward.industry.step2.amount", "产业奖补第二档：奖补金额", "元"),
        new("reward.industry.step3.threshold", "产业奖补第三档：家庭经营纯收入超过", "元"),
        new("reward.industry.step3.amount", "产业奖补第三档：奖补金额", "元"),
        new("subsidy.education.preschool", "教育资助：学前", "元/人·年"),
        new("subsidy.education.primary", "教育资助：小学", "元/人·年"),
        new("subsidy.education.juniorHigh", "教育资助：初中", "元/人·年"),
        new("subsidy.education.seniorHigh", "教育资助：高中", "元/人·年"),
        new("subsidy.yulu", "雨露计划：中高职学生", "元/人·年"),
        new("support.dibao.perPerson", "低保兜底标准", "元/人·年"),
        new("support.tekun.concentrated", "特困供养（集中）", "元/人·年"),
        new("support.tekun.dispersed", "特困供养（分散）", "元/人·年"),
        new("medical.reimbursement.inpatientMin", "住院实际报销比例不低于", "%"),
        new("medical.reimbursement.chronicMin", "慢病门诊报销比例不低于", "%"),
        new("medical.reimbursement.tekunMin", "特困人员报销比例不低于", "%"),
        new("credit.micro.maxAmount", "扶贫小额信贷额度上限", "元"),
        new("credit.micro.maxYears", "扶贫小额信贷期限上限", "年"),
        new("housing.renovation.advance", "危房改造预拨资金", "元/户"),
        new("water.minLitresPerDay", "安全饮水：每人每天不少于", "升"),
        new("employment.publicPost.monthlyWage", "公益岗位月工资不低于", "元/人·月"),
        new("visit.intervalDays", "帮扶责任人走访间隔不超过", "天"),
        new(FindingDueDays, "比对问题整改时限", "天"),
        new("supervision.reportIntervalDays", "责任单位报送工作进展间隔", "天"),
        new(StableWorkMonths, "三色灯：务工不足此月数视为务工不稳定", "月"),
        new(RiskEventMonths, "三色灯：受灾、疫病影响期", "月"),
    ];

    public static Definition? Find(string key) => All.FirstOrDefault(d => d.Key == key);
}
