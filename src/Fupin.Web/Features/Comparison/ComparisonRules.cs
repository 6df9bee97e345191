using System.Globalization;
using Fupin.Web.Features.Assurance;
using Fupin.Web.Features.Households;

namespace Fupin.Web.Features.Comparison;

/// <summary>The comparison rules (DOMAIN.md §8): each turns one kind of mismatch into findings.</summary>
public enum ComparisonRule
{
    DropOut, // 控辍保学：适龄未在校或辍学
    NotInsured, // 未参加基本医疗保险
    LowReimbursement, // 报销比例不达标
    UnsafeHousing, // 危房未改造
    HousingNotAppraised, // 住房未鉴定
    UnsafeWater, // 饮水不安全
    DeceasedActive, // 已死亡仍在册
    PublicEmployee, // 财政供养人员（识别存疑）
    OwnsVehicle, // 有登记车辆（识别存疑）
    OwnsProperty, // 有商品房（识别存疑）
    OwnsCompany, // 有工商注册企业（识别存疑）
    AssistanceMismatch, // 低保/特困属性不符
    DisabilityMismatch, // 残疾信息不符
    NoPension, // 60岁以上未领取养老金
}

public enum FindingSeverity
{
    High, // 高
    Medium, // 中
    Low, // 低
}

/// <summary>What the registry says of a registered household, for the rules.</summary>
public sealed record HouseholdFact(Guid Id, string RegionCode, string HeadName, HouseholdAttribute Attribute);

/// <summary>What the registry says of an active member, for the rules.</summary>
public sealed record MemberFact(Guid Id, Guid HouseholdId, string IdNumber, string Name, Relation Relation, DateOnly BirthDate, Health Health);

/// <summary>A roster row as the rules see it; rows of one person in one roster are chained through <see cref="Next"/>.</summary>
public sealed class RosterRow
{
    public required string Batch { get; init; }
    public required string Name { get; init; }
    public string? Status { get; init; }
    public string? SubType { get; init; }
    public string? Detail { get; init; }
    public DateOnly? EventDate { get; init; }
    public decimal? Total { get; init; }
    public decimal? Paid { get; init; }
    public RosterRow? Next { get; set; }

    public IEnumerable<RosterRow> Chain()
    {
        for (var r = this; r is not null; r = r.Next)
        {
            yield return r;
        }
    }
}

/// <summary>The reimbursement ratios (percent) the policy sets for the year.</summary>
public sealed record ReimbursementRatios(decimal Inpatient, decimal Chronic, decimal Tekun);

/// <summary>Everything a round compares: the registry in scope, the chosen rosters by kind and ID number, the day and the policy.</summary>
public sealed class ComparisonInput
{
    public required IReadOnlyDictionary<Guid, HouseholdFact> Households { get; init; }
    /// <summary>Active members of those households, grouped by household (in order).</summary>
    public required IReadOnlyList<MemberFact> Members { get; init; }
    public required IReadOnlyDictionary<RosterKind, Dictionary<string, RosterRow>> Rosters { get; init; }
    public DateOnly Today { get; init; }
    public required ReimbursementRatios Ratios { get; init; }

    public RosterRow? Find(RosterKind kind, string idNumber) =>
        Rosters.TryGetValue(kind, out var rows) && rows.TryGetValue(idNumber, out var row) ? row : null;

    private List<(HouseholdFact, List<MemberFact>)>? _groups;

    /// <summary>Members of each household, grouped once and shared by the household rules (which may run in parallel).</summary>
    public IReadOnlyList<(HouseholdFact Household, List<MemberFact> Members)> ByHousehold() =>
        LazyInitializer.EnsureInitialized(ref _groups, () =>
        {
            var groups = new Dictionary<Guid, List<MemberFact>>(Households.Count);
            foreach (var m in Members)
            {
                if (!groups.TryGetValue(m.HouseholdId, out var list))
                {
                    groups[m.HouseholdId] = list = new List<MemberFact>(4);
                }
                list.Add(m);
            }
            return [.. groups.Where(g => Households.ContainsKey(g.Key)).Select(g => (Households[g.Key], g.Value))];
        });
}

/// <summary>A mismatch found: the household (and member), who it is about, and the evidence from both sides.</summary>
public sealed record Hit(ComparisonRule Rule, Guid HouseholdId, Guid? MemberId, string Subject, string Registry, string Roster);

/// <summary>A rule: its code, name, severity, the rosters it needs and what it finds.</summary>
public sealed record RuleDefinition(ComparisonRule Rule, string Name, FindingSeverity Severity, IReadOnlyList<RosterKind> Needs, string Description,
    Action<ComparisonInput, Action<Hit>> Find);

/// <summary>
/// The rules, listed. Each is a small function of the registry facts and the chosen rosters; a round runs
/// the ones asked for whose rosters were chosen. Thresholds come from the policy values (報销比例).
/// </summary>
public static class ComparisonRules
{
    public static readonly IReadOnlyList<RuleDefinition> All =
    [
        new(ComparisonRule.DropOut, "控辍保学：适龄未在校或辍学", FindingSeverity.High, [RosterKind.Students],
            "义务教育阶段（6至15周岁）的成员不在教育部门学生名册中，或名册标为辍学、休学", DropOut),
        new(ComparisonRule.NotInsured, "未参加基本医疗保险", FindingSeverity.High, [RosterKind.MedicalInsurance],
            "在册成员不在医保参保名册中，或名册标为未参保", NotInsured),
        new(ComparisonRule.LowReimbursement, "医疗报销比例不达标", FindingSeverity.Medium, [RosterKind.Settlements],
            "住院、慢病门诊结算的报销比例低于政策标准（住院90%、慢病门诊80%、特困人员100%，取政策参数）", LowReimbursement),
        new(ComparisonRule.UnsafeHousing, "危房未改造", FindingSeverity.High, [RosterKind.Housing],
            "住建部门鉴定为C级或D级危房且未完成改造", UnsafeHousing),
        new(ComparisonRule.HousingNotAppraised, "住房未鉴定", FindingSeverity.Medium, [RosterKind.Housing],
            "住房安全鉴定名册应覆盖全部建档立卡户：该户无任何成员在名册中", HousingNotAppraised),
        new(ComparisonRule.UnsafeWater, "饮水不安全", FindingSeverity.High, [RosterKind.Water],
            "水务部门名册标为饮水不安全", UnsafeWater),
        new(ComparisonRule.DeceasedActive, "已死亡仍在册", FindingSeverity.High, [RosterKind.CivilAffairs],
            "民政部门名册登记为死亡，建档立卡系统中仍为在册成员", DeceasedActive),
        new(ComparisonRule.PublicEmployee, "财政供养人员（识别存疑）", FindingSeverity.High, [RosterKind.PublicEmployees],
            "成员在财政供养人员名册中", (input, emit) => Listed(input, emit, RosterKind.PublicEmployees, ComparisonRule.PublicEmployee, "财政供养")),
        new(ComparisonRule.OwnsVehicle, "有登记车辆（识别存疑）", FindingSeverity.Medium, [RosterKind.Vehicles],
            "成员名下有登记车辆", (input, emit) => Listed(input, emit, RosterKind.Vehicles, ComparisonRule.OwnsVehicle, "车辆")),
        new(ComparisonRule.OwnsProperty, "有商品房（识别存疑）", FindingSeverity.Medium, [RosterKind.Property],
            "成员名下有商品房登记", (input, emit) => Listed(input, emit, RosterKind.Property, ComparisonRule.OwnsProperty, "商品房")),
        new(ComparisonRule.OwnsCompany, "有工商注册企业（识别存疑）", FindingSeverity.Medium, [RosterKind.Companies],
            "成员为工商注册企业的法定代表人或股东", (input, emit) => Listed(input, emit, RosterKind.Companies, ComparisonRule.OwnsCompany, "企业")),
        new(ComparisonRule.AssistanceMismatch, "低保/特困属性不符", FindingSeverity.Medium, [RosterKind.CivilAffairs],
            "民政名册中的低保、特困对象所在户的贫困户属性不是低保或特困供养；或属性为低保、特困供养的户无成员在民政名册中", AssistanceMismatch),
        new(ComparisonRule.DisabilityMismatch, "残疾信息不符", FindingSeverity.Low, [RosterKind.Disability],
            "持证残疾人在建档立卡系统中健康状况未标残疾；或标为残疾的成员不在持证残疾人名册中", DisabilityMismatch),
        new(ComparisonRule.NoPension, "60岁以上未领取养老金", FindingSeverity.Low, [RosterKind.Employment],
            "年满60周岁的成员不在人社部门养老金领取名册中", NoPension),
    ];

    public static RuleDefinition Of(ComparisonRule rule) => All[(int)rule];

    /// <summary>
    /// Runs the chosen rules, side by side (they only read the input); a rule whose rosters are not all
    /// chosen is skipped. The hits come back in rule order.
    /// </summary>
    public static List<Hit> Run(ComparisonInput input, IReadOnlyCollection<ComparisonRule> rules)
    {
        var chosen = All.Where(r => rules.Contains(r.Rule) && r.Needs.All(input.Rosters.ContainsKey)).ToList();
        var found = new List<Hit>[chosen.Count];
        Parallel.For(0, chosen.Count, i =>
        {
            var hits = new List<Hit>();
            chosen[i].Find(input, hits.Add);
            found[i] = hits;
        });
        return [.. found.SelectMany(h => h)];
    }

    private static string Who(MemberFact m) => $"{m.Name}（{Shared.Labels.Of(m.Relation)}）";

    private static string Row(RosterKind kind, RosterRow r, string text) => $"{Shared.Labels.Of(kind)}〔{r.Batch}〕：{r.Name}，{text}";

    private static void DropOut(ComparisonInput input, Action<Hit> emit)
    {
        foreach (var m in input.Members)
        {
            if (!AssuranceRules.IsCompulsorySchoolAge(m.BirthDate, input.Today))
            {
                continue;
            }
            var age = GetHousehold.Age(m.BirthDate, input.Today);
            var row = input.Find(RosterKind.Students, m.IdNumber);
            if (row is null)
            {
                emit(new(ComparisonRule.DropOut, m.HouseholdId, m.Id, Who(m), $"{m.Name}，{age}周岁，义务教育阶段适龄", "不在教育部门学生名册中"));
            }
            else if (row.Status is "辍学" or "休学")
            {
                emit(new(ComparisonRule.DropOut, m.HouseholdId, m.Id, Who(m), $"{m.Name}，{age}周岁，义务教育阶段适龄",
                    Row(RosterKind.Students, row, $"{row.Status}{(row.Detail is { } school ? "（" + school + "）" : "")}")));
            }
        }
    }

    private static void NotInsured(ComparisonInput input, Action<Hit> emit)
    {
        foreach (var m in input.Members)
        {
            var row = input.Find(RosterKind.MedicalInsurance, m.IdNumber);
            if (row is null)
            {
                emit(new(ComparisonRule.NotInsured, m.HouseholdId, m.Id, Who(m), $"{m.Name}，在册成员", "不在医保参保名册中"));
            }
            else if (row.Status == "未参保")
            {
                emit(new(ComparisonRule.NotInsured, m.HouseholdId, m.Id, Who(m), $"{m.Name}，在册成员", Row(RosterKind.MedicalInsurance, row, "未参保")));
            }
        }
    }

    /// <summary>The ratio a settlement must reach: 特困 100%, chronic outpatient 80%, inpatient 90% (policy values).</summary>
    public static decimal RequiredRatio(ReimbursementRatios ratios, bool tekun, string? settlementType) =>
        tekun ? ratios.Tekun : settlementType == "门诊慢病" ? ratios.Chronic : ratios.Inpatient;

    /// <summary>报销比例 in percent, to one decimal.</summary>
    public static decimal Ratio(decimal total, decimal paid) => total <= 0 ? 100 : Math.Round(paid * 100 / total, 1, MidpointRounding.AwayFromZero);

    private static void LowReimbursement(ComparisonInput input, Action<Hit> emit)
    {
        foreach (var m in input.Members)
        {
            if (input.Find(RosterKind.Settlements, m.IdNumber) is not { } first)
            {
                continue;
            }
            var h = input.Households[m.HouseholdId];
            var tekun = h.Attribute == HouseholdAttribute.Tekun
                || (input.Find(RosterKind.CivilAffairs, m.IdNumber)?.Chain().Any(r => r.Status == "特困") ?? false);
            var low = first.Chain()
                .Where(r => r.Total is > 0 && r.Paid is not null)
                .Select(r => (Row: r, Ratio: Ratio(r.Total!.Value, r.Paid!.Value), Required: RequiredRatio(input.Ratios, tekun, r.SubType)))
                .Where(x => x.Ratio < x.Required)
                .OrderBy(x => x.Row.EventDate)
                .ToList();
            if (low.Count == 0)
            {
                continue;
            }
            var text = string.Join("；", low.Take(5).Select(x =>
                $"{x.Row.EventDate:yyyy-MM-dd}{x.Row.SubType}，总费用{x.Row.Total:0.##}元，报销{x.Row.Paid:0.##}元，比例{x.Ratio:0.#}%（标准{x.Required:0.#}%）"));
            emit(new(ComparisonRule.LowReimbursement, m.HouseholdId, m.Id, Who(m), $"{m.Name}{(tekun ? "，特困供养人员" : "")}",
                $"{Shared.Labels.Of(RosterKind.Settlements)}〔{first.Batch}〕：{low.Count}笔低于标准：{text}{(low.Count > 5 ? "……" : "")}"));
        }
    }

    private static (MemberFact Member, RosterRow Row)? HouseholdRow(ComparisonInput input, RosterKind kind, List<MemberFact> members)
    {
        // Household rosters are keyed on the head's ID number; any member's will do.
        foreach (var m in members)
        {
            if (m.Relation == Relation.Head && input.Find(kind, m.IdNumber) is { } row)
            {
                return (m, row);
            }
        }
        foreach (var m in members)
        {
            if (m.Relation != Relation.Head && input.Find(kind, m.IdNumber) is { } row)
            {
                return (m, row);
            }
        }
        return null;
    }

    private static string HeadOf(HouseholdFact h) => $"{h.HeadName}户";

    private static void UnsafeHousing(ComparisonInput input, Action<Hit> emit)
    {
        foreach (var (h, members) in input.ByHousehold())
        {
            if (HouseholdRow(input, RosterKind.Housing, members) is ({ } m, { Status: "C" or "D", SubType: not "是" } row))
            {
                emit(new(ComparisonRule.UnsafeHousing, h.Id, null, HeadOf(h), $"{HeadOf(h)}，建档立卡户",
                    Row(RosterKind.Housing, row, $"鉴定为{row.Status}级危房{(row.EventDate is { } d ? "（" + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "鉴定）" : "")}，未完成改造")));
            }
        }
    }

    private static void HousingNotAppraised(ComparisonInput input, Action<Hit> emit)
    {
        foreach (var (h, members) in input.ByHousehold())
        {
            if (HouseholdRow(input, RosterKind.Housing, members) is null)
            {
                emit(new(ComparisonRule.HousingNotAppraised, h.Id, null, HeadOf(h), $"{HeadOf(h)}，建档立卡户，{members.Count}名在册成员", "住房安全鉴定名册中没有该户任何成员"));
            }
        }
    }

    private static void UnsafeWater(ComparisonInput input, Action<Hit> emit)
    {
        foreach (var (h, members) in input.ByHousehold())
        {
            if (HouseholdRow(input, RosterKind.Water, members) is ({ } m, { Status: "不安全" } row))
            {
                emit(new(ComparisonRule.UnsafeWater, h.Id, null, HeadOf(h), $"{HeadOf(h)}，建档立卡户",
                    Row(RosterKind.Water, row, $"饮水不安全{(row.Detail is { } way ? "（" + way + "）" : "")}")));
            }
        }
    }

    private static void DeceasedActive(ComparisonInput input, Action<Hit> emit)
    {
        foreach (var m in input.Members)
        {
            if (input.Find(RosterKind.CivilAffairs, m.IdNumber)?.Chain().FirstOrDefault(r => r.Status == "死亡") is { } row)
            {
                emit(new(ComparisonRule.DeceasedActive, m.HouseholdId, m.Id, Who(m), $"{m.Name}，在册成员",
                    Row(RosterKind.CivilAffairs, row, $"死亡{(row.EventDate is { } d ? "（" + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "）" : "")}")));
            }
        }
    }

    private static void Listed(ComparisonInput input, Action<Hit> emit, RosterKind kind, ComparisonRule rule, string what)
    {
        foreach (var m in input.Members)
        {
            if (input.Find(kind, m.IdNumber) is { } first)
            {
                var items = string.Join("、", first.Chain().Take(3).Select(r => r.Detail + (r.SubType is { } s ? "（" + s + "）" : "")));
                emit(new(rule, m.HouseholdId, m.Id, Who(m), $"{m.Name}，建档立卡在册成员", Row(kind, first, $"{what}：{items}")));
            }
        }
    }

    private static void AssistanceMismatch(ComparisonInput input, Action<Hit> emit)
    {
        foreach (var (h, members) in input.ByHousehold())
        {
            var listed = members
                .Select(m => (Member: m, Row: input.Find(RosterKind.CivilAffairs, m.IdNumber)?.Chain().FirstOrDefault(r => r.Status is "低保" or "特困")))
                .Where(x => x.Row is not null)
                .ToList();
            var attribute = Shared.Labels.Of(h.Attribute);
            if (listed.FirstOrDefault(x => (x.Row!.Status == "低保" && h.Attribute != HouseholdAttribute.Dibao)
                    || (x.Row!.Status == "特困" && h.Attribute != HouseholdAttribute.Tekun)) is { Row: not null } wrong)
            {
                emit(new(ComparisonRule.AssistanceMismatch, h.Id, wrong.Member.Id, Who(wrong.Member), $"{HeadOf(h)}，贫困户属性为“{attribute}”",
                    Row(RosterKind.CivilAffairs, wrong.Row, $"{wrong.Row.Status}对象")));
            }
            else if (listed.Count == 0 && h.Attribute is HouseholdAttribute.Dibao or HouseholdAttribute.Tekun)
            {
                emit(new(ComparisonRule.AssistanceMismatch, h.Id, null, HeadOf(h), $"{HeadOf(h)}，贫困户属性为“{attribute}”",
                    $"{Shared.Labels.Of(RosterKind.CivilAffairs)}中没有该户成员为{(h.Attribute == HouseholdAttribute.Dibao ? "低保" : "特困")}对象"));
            }
        }
    }

    private static void DisabilityMismatch(ComparisonInput input, Action<Hit> emit)
    {
        foreach (var m in input.Members)
        {
            var row = input.Find(RosterKind.Disability, m.IdNumber);
            var disabled = m.Health.HasFlag(Health.Disabled);
            if (row is not null && !disabled)
            {
                emit(new(ComparisonRule.DisabilityMismatch, m.HouseholdId, m.Id, Who(m), $"{m.Name}，健康状况：{Shared.Labels.Of(m.Health)}",
                    Row(RosterKind.Disability, row, $"持证残疾人，{row.SubType}{row.Status}")));
            }
            else if (row is null && disabled)
            {
                emit(new(ComparisonRule.DisabilityMismatch, m.HouseholdId, m.Id, Who(m), $"{m.Name}，健康状况：{Shared.Labels.Of(m.Health)}", "不在持证残疾人名册中"));
            }
        }
    }

    private static void NoPension(ComparisonInput input, Action<Hit> emit)
    {
        foreach (var m in input.Members)
        {
            var age = GetHousehold.Age(m.BirthDate, input.Today);
            if (age >= 60 && !(input.Find(RosterKind.Employment, m.IdNumber)?.Chain().Any(r => r.Status == "领取养老金") ?? false))
            {
                emit(new(ComparisonRule.NoPension, m.HouseholdId, m.Id, Who(m), $"{m.Name}，{age}周岁", "不在人社部门养老金领取名册中"));
            }
        }
    }
}
