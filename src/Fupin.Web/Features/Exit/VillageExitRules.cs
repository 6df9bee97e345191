namespace Fupin.Web.Features.Exit;

/// <summary>One exit criterion of a village: what it is, the village's figure, the threshold, and whether it is met.</summary>
public sealed record Criterion(string Name, string Figure, string Threshold, bool Met);

/// <summary>
/// 贫困村出列 (seed 001 "四项标准"): poverty incidence below the threshold, collective-economy income at
/// least the minimum, a leading industry (一村一品), infrastructure and public services up to standard.
/// Pure: figures in, criteria out.
/// </summary>
public static class VillageExitRules
{
    public sealed record Checklist(bool HardenedRoad, bool PowerGrid, bool Broadband, bool Clinic, bool CultureCenter, bool SafeWater);

    public static IReadOnlyList<Criterion> Evaluate(int poorPeople, int? ruralPopulation, decimal? incidenceMaxPercent,
        decimal? collectiveIncome, decimal? collectiveIncomeMin, string? leadingIndustry, Checklist? checklist)
    {
        var incidence = Stats.RegistrySummary.IncidencePercent(poorPeople, ruralPopulation);
        var missing = checklist is null ? null : new[]
        {
            (checklist.HardenedRoad, "通硬化路"), (checklist.PowerGrid, "通动力电"), (checklist.Broadband, "通宽带"),
            (checklist.Clinic, "有标准化卫生室"), (checklist.CultureCenter, "有综合性文化服务中心"), (checklist.SafeWater, "饮水安全"),
        }.Where(x => !x.Item1).Select(x => x.Item2).ToList();
        return
        [
            new("贫困发生率", incidence is { } i ? $"{i:0.00}%（{poorPeople}/{ruralPopulation}人）" : "农村户籍人口未填报",
                incidenceMaxPercent is { } max ? $"低于{max:0.##}%" : "无标准", incidence is { } v && incidenceMaxPercent is { } m && v < m),
            new("村集体经济收入", collectiveIncome is { } c ? $"{c / 10000m:0.##}万元" : "未填报",
                collectiveIncomeMin is { } min ? $"不低于{min / 10000m:0.##}万元" : "无标准", collectiveIncome is { } ci && collectiveIncomeMin is { } cm && ci >= cm),
            new("主导产业（一村一品）", string.IsNullOrWhiteSpace(leadingIndustry) ? "无" : leadingIndustry, "有", !string.IsNullOrWhiteSpace(leadingIndustry)),
            new("基础设施和公共服务", missing is null ? "未填报" : missing.Count == 0 ? "全部达标" : "未达标：" + string.Join("、", missing),
                "通硬化路、动力电、宽带，有卫生室、文化服务中心，饮水安全", missing is { Count: 0 }),
        ];
    }
}
