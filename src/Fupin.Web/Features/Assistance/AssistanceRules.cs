using Fupin.Web.Features.Households;
using Fupin.Web.Features.Policy;

namespace Fupin.Web.Features.Assistance;

/// <summary>
/// The pure rules of assistance: which policy standard a measure has, whether its amount deviates, the
/// coverage figures of a region, and which pairs are overdue for a visit.
/// </summary>
public static class AssistanceRules
{
    /// <summary>The policy key whose value (yuan a year, or a month's wage for a post) is a measure's standard, and what it multiplies by.</summary>
    public static (string Key, decimal Factor)? StandardOf(MeasureKind kind, SchoolStage? stage, int? persons) => kind switch
    {
        MeasureKind.Education => stage switch
        {
            SchoolStage.Preschool => ("subsidy.education.preschool", 1),
            SchoolStage.Primary => ("subsidy.education.primary", 1),
            SchoolStage.JuniorHigh => ("subsidy.education.juniorHigh", 1),
            SchoolStage.SeniorHigh => ("subsidy.education.seniorHigh", 1),
            SchoolStage.Vocational or SchoolStage.Higher => ("subsidy.yulu", 1),
            _ => null,
        },
        MeasureKind.Dibao => (PolicyKeys.DibaoPerPerson, Math.Max(persons ?? 1, 1)),
        MeasureKind.PublicPost => (PolicyKeys.PublicPostMonthlyWage, 12 * Math.Max(persons ?? 1, 1)),
        _ => null,
    };

    /// <summary>
    /// Why an amount deviates from its standard, or null: 教育资助 and 低保 must equal the standard; a public-welfare
    /// post must pay at least its wage.
    /// </summary>
    public static string? Deviation(MeasureKind kind, decimal? amount, decimal? standard)
    {
        if (amount is not { } a || standard is not { } s)
        {
            return null;
        }
        return kind switch
        {
            MeasureKind.PublicPost when a < s => $"低于公益岗位工资标准{s:0.##}元/年",
            MeasureKind.PublicPost => null,
            _ when a != s => $"与政策标准{s:0.##}元不符（{(a > s ? "多" : "少")}{Math.Abs(a - s):0.##}元）",
            _ => null,
        };
    }

    public sealed record HouseholdRow(Guid Id, string RegionCode, bool Paused);

    public sealed record MeasureRow(Guid HouseholdId, MeasureKind Kind, MeasureStatus Status, decimal? Amount, decimal? Paid);

    public sealed record KindFigures(MeasureKind Kind, int Planned, int Reached, decimal AmountPlanned, decimal AmountPaid)
    {
        /// <summary>已落实户数占计划户数, percent with one decimal; null when nothing is planned.</summary>
        public decimal? Share => Planned == 0 ? null : Math.Round(100m * Reached / Planned, 1);
    }

    public sealed record AreaFigures(string RegionCode, int Households, int WithMeasure, int Reached, int WithoutMeasure, int Paused, decimal AmountPlanned, decimal AmountPaid)
    {
        public decimal? Share => WithMeasure == 0 ? null : Math.Round(100m * Reached / WithMeasure, 1);
    }

    public sealed record Figures(AreaFigures Total, IReadOnlyList<KindFigures> ByKind, IReadOnlyList<AreaFigures> ByArea, IReadOnlyList<Guid> WithoutMeasure, IReadOnlyList<Guid> Paused);

    /// <summary>
    /// Coverage for the households in scope and the year's measures: per kind, households planned (any measure
    /// not terminated) and reached (any done); amounts planned and paid; households with no measure at all
    /// (paused ones are listed apart and are no shortfall). <paramref name="areaOf"/> groups households (township or village).
    /// </summary>
    public static Figures Coverage(IReadOnlyList<HouseholdRow> households, IReadOnlyList<MeasureRow> measures, Func<string, string> areaOf)
    {
        var live = measures.Where(m => m.Status != MeasureStatus.Terminated).ToList();
        var byHousehold = live.GroupBy(m => m.HouseholdId).ToDictionary(g => g.Key, g => g.ToList());
        var byKind = Enum.GetValues<MeasureKind>().Select(k =>
        {
            var of = live.Where(m => m.Kind == k).ToList();
            return new KindFigures(k, of.Select(m => m.HouseholdId).Distinct().Count(), of.Where(m => m.Status == MeasureStatus.Done).Select(m => m.HouseholdId).Distinct().Count(),
                of.Sum(m => m.Amount ?? 0), of.Sum(m => m.Paid ?? 0));
        }).ToList();
        AreaFigures Area(string code, IReadOnlyCollection<HouseholdRow> rows)
        {
            var ms = rows.SelectMany(h => byHousehold.GetValueOrDefault(h.Id) ?? []).ToList();
            return new AreaFigures(code, rows.Count, rows.Count(h => byHousehold.ContainsKey(h.Id)),
                rows.Count(h => byHousehold.TryGetValue(h.Id, out var list) && list.Any(m => m.Status == MeasureStatus.Done)),
                rows.Count(h => !h.Paused && !byHousehold.ContainsKey(h.Id)), rows.Count(h => h.Paused),
                ms.Sum(m => m.Amount ?? 0), ms.Sum(m => m.Paid ?? 0));
        }
        return new Figures(Area("", households), byKind,
            [.. households.GroupBy(h => areaOf(h.RegionCode)).OrderBy(g => g.Key).Select(g => Area(g.Key, [.. g]))],
            [.. households.Where(h => !h.Paused && !byHousehold.ContainsKey(h.Id)).Select(h => h.Id)],
            [.. households.Where(h => h.Paused).Select(h => h.Id)]);
    }

    public sealed record PairRow(Guid HouseholdId, Guid CadreId, DateOnly FromOn, DateOnly? LastVisit);

    /// <summary>The day the next visit is due: the interval after the last visit of that cadre to that household, or after the pairing began.</summary>
    public static DateOnly DueOn(PairRow p, int intervalDays) => (p.LastVisit is { } last && last >= p.FromOn ? last : p.FromOn).AddDays(intervalDays);

    /// <summary>Pairs overdue at <paramref name="asOf"/>: their due day is before it.</summary>
    public static IReadOnlyList<PairRow> Overdue(IEnumerable<PairRow> pairs, int intervalDays, DateOnly asOf) =>
        [.. pairs.Where(p => DueOn(p, intervalDays) < asOf)];
}
