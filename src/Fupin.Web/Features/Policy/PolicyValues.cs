using Fupin.Web.Data;
using Fupin.Web.Features.Accounts;
using Fupin.Web.Rules;
using Fupin.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Policy;

public static class PolicyValues
{
    public sealed record View(Guid Id, string Key, string Label, string Unit, string RegionPrefix, int Year, decimal Value, string? Source, bool Verified, int Version);

    public sealed record Input
    {
        public string Key { get; set; } = "";
        public string RegionPrefix { get; set; } = "";
        public int Year { get; set; }
        public decimal Value { get; set; }
        public string? Source { get; set; }
        public bool Verified { get; set; } = true;
    }

    public sealed record UpdateRequest(decimal Value, string? Source, bool Verified, int Version);

    /// <summary>
    /// The value in force for a region and year: the most specific region prefix that covers the region,
    /// and within it the latest year not after the one asked for. Null when no value applies.
    /// </summary>
    public static T? Choose<T>(IEnumerable<T> candidates, Func<T, string> prefix, Func<T, int> year, string regionCode, int atYear) where T : class =>
        candidates
            .Where(c => regionCode.StartsWith(prefix(c), StringComparison.Ordinal) && year(c) <= atYear)
            .OrderByDescending(c => prefix(c).Length)
            .ThenByDescending(year)
            .FirstOrDefault();

    public static async Task<PolicyValue?> LookupAsync(AppDbContext db, string key, string regionCode, int year, CancellationToken ct = default)
    {
        var candidates = await db.Set<PolicyValue>().AsNoTracking().Where(p => p.Key == key && p.Year <= year).ToListAsync(ct);
        return Choose(candidates, p => p.RegionPrefix, p => p.Year, regionCode, year);
    }

    /// <summary>
    /// The values of some keys loaded once, then chosen in memory per region and year: for views that need
    /// a threshold for many villages or many years (no query per row).
    /// </summary>
    public static async Task<Func<string, string, int, decimal?>> LoadAsync(AppDbContext db, IReadOnlyCollection<string> keys, int maxYear, CancellationToken ct)
    {
        var values = await db.Set<PolicyValue>().AsNoTracking().Where(p => keys.Contains(p.Key) && p.Year <= maxYear).ToListAsync(ct);
        return (key, regionCode, year) => Choose(values.Where(v => v.Key == key), v => v.RegionPrefix, v => v.Year, regionCode, year)?.Value;
    }

    private static View ToView(PolicyValue p)
    {
        var d = PolicyKeys.Find(p.Key);
        return new View(p.Id, p.Key, d?.Label ?? p.Key, d?.Unit ?? "", p.RegionPrefix, p.Year, p.Value, p.Source, p.Verified, p.Version);
    }

    public static async Task<IReadOnlyList<View>> ListAsync(AppDbContext db, CancellationToken ct) =>
        [.. (await db.Set<PolicyValue>().AsNoTracking().ToListAsync(ct))
            .OrderBy(p => PolicyKeys.All.Select(d => d.Key).ToList().IndexOf(p.Key)).ThenBy(p => p.RegionPrefix).ThenByDescending(p => p.Year)
            .Select(ToView)];

    private static void Validate(Input r, Errors errors)
    {
        if (PolicyKeys.Find(r.Key) is null)
        {
            errors.Add("key", "政策参数项不存在");
        }
        if (r.RegionPrefix.Length > 0 && (!r.RegionPrefix.All(char.IsAsciiDigit) || r.RegionPrefix.Length is not (2 or 4 or 6 or 9 or 12)))
        {
            errors.Add("regionPrefix", "适用区划应为区划代码的有效前缀（2、4、6、9或12位数字），全国留空");
        }
        if (r.Year is < 2010 or > 2100)
        {
            errors.Add("year", "起始年度应在2010年到2100年之间");
        }
        if (r.Value < 0)
        {
            errors.Add("value", "数值不能为负");
        }
        errors.MaxLength("source", r.Source, "依据说明", 300);
    }

    public static async Task<Outcome<View>> CreateAsync(AppDbContext db, Input r, CancellationToken ct)
    {
        var errors = new Errors();
        Validate(r, errors);
        if (!errors.Any && await db.Set<PolicyValue>().AnyAsync(p => p.Key == r.Key && p.RegionPrefix == r.RegionPrefix && p.Year == r.Year, ct))
        {
            errors.Add("year", "该参数在此区划、此年度已有取值，请修改原值");
        }
        if (errors.Any)
        {
            return new Outcome<View>.Invalid(errors);
        }
        var value = new PolicyValue { Id = Guid.CreateVersion7(), Key = r.Key, RegionPrefix = r.RegionPrefix, Year = r.Year, Value = r.Value, Source = MemberText(r.Source), Verified = r.Verified };
        db.Add(value);
        await db.SaveChangesAsync(ct);
        return new Outcome<View>.Done(ToView(value));
    }

    public static async Task<Outcome<View>> UpdateAsync(AppDbContext db, Guid id, UpdateRequest r, CancellationToken ct)
    {
        var value = await db.Set<PolicyValue>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (value is null)
        {
            return new Outcome<View>.NotFound();
        }
        var errors = new Errors();
        Validate(new Input { Key = value.Key, RegionPrefix = value.RegionPrefix, Year = value.Year, Value = r.Value, Source = r.Source }, errors);
        if (errors.Any)
        {
            return new Outcome<View>.Invalid(errors);
        }
        VersionedSave.Prepare(db, value, r.Version, () => value);
        value.Value = r.Value;
        value.Source = MemberText(r.Source);
        value.Verified = r.Verified;
        return await VersionedSave.SaveAsync(db, () => ToView(value), ct);
    }

    private static string? MemberText(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static IEndpointRouteBuilder MapPolicyValues(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/policy-values").WithTags("政策参数").RequireAuthorization();
        group.MapGet("/", async (AppDbContext db, CancellationToken ct) => TypedResults.Ok(await ListAsync(db, ct)))
            .WithName("ListPolicyValues").WithSummary("全部政策参数（按年度、区划版本化）");
        group.MapGet("/lookup", Lookup).WithName("LookupPolicyValue").WithSummary("某区划某年度适用的参数值：最具体的区划、不晚于该年度的最新值");
        var edit = group.MapGroup("").RequireAuthorization(AccountSetup.PolicyAdminPolicy);
        edit.MapPost("/", Create).WithName("CreatePolicyValue").WithSummary("新增参数取值（新的年度或区划）");
        edit.MapPut("/{id:guid}", Update).WithName("UpdatePolicyValue").WithSummary("修改参数取值（需提供版本号）");
        return app;
    }

    private static async Task<Results<Ok<View>, NotFound>> Lookup(string key, int year, AppDbContext db, CancellationToken ct, string? regionCode = null)
    {
        var region = regionCode ?? db.User.RegionCode ?? "";
        return await LookupAsync(db, key, region, year, ct) is { } p ? TypedResults.Ok(ToView(p)) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<View>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> Create(Input request, AppDbContext db, CancellationToken ct) =>
        (await CreateAsync(db, request, ct)).ToHttp();

    private static async Task<Results<Ok<View>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> Update(Guid id, UpdateRequest request, AppDbContext db, CancellationToken ct) =>
        (await UpdateAsync(db, id, request, ct)).ToHttp();

    /// <summary>
    /// The values DOMAIN.md and NATIONAL_FIELDS.md give, each with its source, for every key that has no
    /// value yet (an empty table, or a key added by a later version); values already there are left alone.
    /// </summary>
    public static async Task SeedIfEmptyAsync(AppDbContext db, CancellationToken ct = default)
    {
        var present = (await db.Set<PolicyValue>().AsNoTracking().Select(p => p.Key).Distinct().ToListAsync(ct)).ToHashSet();
        const string Yearbook = "国家统计局现价扶贫标准（统计年鉴注释）";
        (string Key, int Year, decimal Value, string Source, bool Verified)[] seeds =
        [
            (PolicyKeys.PovertyLine, 2010, 2300, "2010年不变价国家农村贫困标准", true),
            (PolicyKeys.PovertyLine, 2011, 2536, Yearbook, true), (PolicyKeys.PovertyLine, 2012, 2625, Yearbook, true),
            (PolicyKeys.PovertyLine, 2013, 2736, Yearbook, true), (PolicyKeys.PovertyLine, 2014, 2800, Yearbook, true),
            (PolicyKeys.PovertyLine, 2015, 2855, Yearbook, true), (PolicyKeys.PovertyLine, 2016, 2952, Yearbook, true),
            (PolicyKeys.PovertyLine, 2017, 2952, "未核实：公开资料不一致，请按本省文件核对", false),
            (PolicyKeys.PovertyLine, 2018, 2995, "未核实：公开资料不一致，请按本省文件核对", false),
            (PolicyKeys.PovertyLine, 2019, 3218, "来源较弱，请按本省文件核对", false),
            (PolicyKeys.PovertyLine, 2020, 4000, "约4000元（近似值）", true),
            (PolicyKeys.MonitoringLine, 2020, 6000, "约为扶贫标准的1.5倍（指导意见新闻稿）", true),
            (PolicyKeys.MonitoringLine, 2023, 7600, "2021年起由各省逐年确定；此为某地2023—2024年下限示例，请按本省文件修改", false),
            (PolicyKeys.PublicityMinDays, 2014, 5, "各地公开流程图：公示不少于5天（部分县7天）", true),
            (PolicyKeys.VillageExitIncidenceMax, 2014, 2, "贫困发生率低于2%（西部地区3%）", true),
            ("exit.county.errorRateMax", 2014, 2, "县摘帽：错退率、漏评率低于2%", true),
            ("exit.county.approvalMin", 2014, 90, "县摘帽：群众认可度高于90%", true),
            (PolicyKeys.CollectiveIncomeMin, 2014, 100000, "种子文件001：村集体经济收入均超过10万元", true),
            (PolicyKeys.SamplingTownship, 2014, 20, "县级流程图：乡镇抽查不少于20%", true),
            (PolicyKeys.SamplingCounty, 2014, 10, "县级流程图：县级抽查不少于10%", true),
            ("reward.industry.step1.threshold", 2014, 4000, "种子文件003：产业奖补", true), ("reward.industry.step1.amount", 2014, 1000, "种子文件003：产业奖补", true),
            ("reward.industry.step2.threshold", 2014, 8000, "种子文件003：产业奖补", true), ("reward.industry.step2.amount", 2014, 2000, "种子文件003：产业奖补", true),
            ("reward.industry.step3.threshold", 2014, 10000, "种子文件003：产业奖补", true), ("reward.industry.step3.amount", 2014, 3000, "种子文件003：产业奖补", true),
            ("subsidy.education.preschool", 2014, 1200, "种子文件001：教育资助", true), ("subsidy.education.primary", 2014, 1200, "种子文件001：教育资助", true),
            ("subsidy.education.juniorHigh", 2014, 1450, "种子文件001：教育资助", true), ("subsidy.yulu", 2014, 3000, "地方资料：雨露计划每生每年3000元", true),
            ("support.dibao.perPerson", 2014, 3900, "种子文件001：低保", true), ("support.tekun.concentrated", 2014, 7200, "种子文件001：五保集中供养", true),
            ("support.tekun.dispersed", 2014, 6000, "种子文件001：五保分散供养", true),
            ("medical.reimbursement.inpatientMin", 2014, 90, "种子文件003：住院实际报销", true), ("medical.reimbursement.chronicMin", 2014, 80, "种子文件003：慢病门诊", true),
            ("medical.reimbursement.tekunMin", 2014, 100, "种子文件003：特困人员", true),
            ("credit.micro.maxAmount", 2014, 50000, "2014年扶贫小额信贷指导意见：5万元以下", true), ("credit.micro.maxYears", 2014, 3, "2014年扶贫小额信贷指导意见：3年以内", true),
            ("housing.renovation.advance", 2014, 20000, "种子文件000：危房改造先行预拨2万元", true),
            ("water.minLitresPerDay", 2014, 35, "县级资料：每人每天不少于35升（干旱地区20升）", true),
            ("subsidy.education.seniorHigh", 2014, 2000, "地方资料：普通高中国家助学金平均每生每年2000元（请按本县标准修改）", false),
            ("employment.publicPost.monthlyWage", 2014, 600, "种子文件001：“三保两护”公益岗位平均月工资600-800元", true),
            ("supervision.reportIntervalDays", 2014, 14, "种子文件003：各责任单位每两周报送一次工作进展", true),
            ("visit.intervalDays", 2014, 30, "种子文件002：平时每月至少一次（攻坚期每周一次）", true),
            (PolicyKeys.FindingDueDays, 2014, 30, "本地工作要求（默认30天，请按本县规定修改）", false),
            (PolicyKeys.StableWorkMonths, 2014, 6, "本地口径（默认务工不足6个月视为不稳定，请按本县规定修改）", false),
            (PolicyKeys.RiskEventMonths, 2014, 12, "本地口径（默认受灾、疫病后12个月内计入黄灯，请按本县规定修改）", false),
        ];
        var now = DateTime.UtcNow;
        foreach (var (key, year, value, source, verified) in seeds.Where(s => !present.Contains(s.Key)))
        {
            db.Add(new PolicyValue { Id = Guid.CreateVersion7(), Key = key, RegionPrefix = "", Year = year, Value = value, Source = source, Verified = verified });
        }
        await db.SaveChangesAsync(ct);
    }
}
