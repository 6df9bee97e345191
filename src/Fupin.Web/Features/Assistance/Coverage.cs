using Fupin.Web.Data;
using Fupin.Web.Features.Audit;
using Fupin.Web.Features.Monitoring;
using Fupin.Web.Features.Regions;
using Fupin.Web.Rules;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Assistance;

/// <summary>
/// 帮扶措施覆盖: for a region and year, households planned and reached per measure kind, amounts planned and
/// paid, the share reached ("已落实353户，占83%"), households with no measure at all, by township and village.
/// The households counted are those on the register or monitored (the lit ones); paused ones are listed apart.
/// </summary>
public static class Coverage
{
    public sealed record KindRow(MeasureKind Kind, string Label, int Planned, int Reached, decimal? Share, decimal AmountPlanned, decimal AmountPaid);

    public sealed record AreaRow(string Code, string Name, int Households, int WithMeasure, int Reached, decimal? Share, int WithoutMeasure, int Paused,
        decimal AmountPlanned, decimal AmountPaid);

    public sealed record HouseholdRow(Guid Id, string HouseholdNumber, string HeadName, string TownshipName, string VillageName, string? PauseReason, DateOnly? PausedOn);

    public sealed record Report(int Year, AreaRow Total, IReadOnlyList<KindRow> ByKind, IReadOnlyList<AreaRow> ByTownship, IReadOnlyList<AreaRow> ByVillage,
        IReadOnlyList<HouseholdRow> WithoutMeasure, int WithoutMeasureTotal, IReadOnlyList<HouseholdRow> Paused);

    public static async Task<Report> GetAsync(AppDbContext db, string? regionCode, int year, CancellationToken ct, int listLimit = 200)
    {
        var households = await db.Households.AsNoTracking().Within(regionCode).Where(h => Lights.Lit.Contains(h.Status))
            .Select(h => new { h.Id, h.RegionCode, h.HouseholdNumber, h.HeadName, h.AssistancePausedOn, h.AssistancePauseReason }).ToListAsync(ct);
        var measures = await db.Set<AssistanceMeasure>().AsNoTracking().Within(regionCode).Where(m => m.Year == year)
            .Select(m => new AssistanceRules.MeasureRow(m.HouseholdId, m.Kind, m.Status, m.Amount, m.Paid)).ToListAsync(ct);
        var rows = households.Select(h => new AssistanceRules.HouseholdRow(h.Id, h.RegionCode, h.AssistancePausedOn is not null)).ToList();
        var lit = rows.Select(h => h.Id).ToHashSet();
        measures = [.. measures.Where(m => lit.Contains(m.HouseholdId))];
        var byTownship = AssistanceRules.Coverage(rows, measures, c => RegionCodes.AncestorAt(c, RegionLevel.Township));
        var byVillage = AssistanceRules.Coverage(rows, measures, c => c);
        var names = await RegionNames.ForVillagesAsync(db, households.Select(h => h.RegionCode), ct);
        AreaRow Area(AssistanceRules.AreaFigures a, string name) =>
            new(a.RegionCode, name, a.Households, a.WithMeasure, a.Reached, a.Share, a.WithoutMeasure, a.Paused, a.AmountPlanned, a.AmountPaid);
        var info = households.ToDictionary(h => h.Id);
        HouseholdRow Row(Guid id)
        {
            var h = info[id];
            return new HouseholdRow(h.Id, h.HouseholdNumber, h.HeadName, names.Township(h.RegionCode), names.Village(h.RegionCode), h.AssistancePauseReason, h.AssistancePausedOn);
        }
        return new Report(year, Area(byTownship.Total, "合计"),
            [.. byTownship.ByKind.Select(k => new KindRow(k.Kind, Labels.Of(k.Kind), k.Planned, k.Reached, k.Share, k.AmountPlanned, k.AmountPaid))],
            [.. byTownship.ByArea.Select(a => Area(a, names.GetValueOrDefault(a.RegionCode, a.RegionCode)))],
            [.. byVillage.ByArea.Select(a => Area(a, $"{names.Township(a.RegionCode)} {names.Village(a.RegionCode)}"))],
            [.. byTownship.WithoutMeasure.Select(Row).OrderBy(r => r.TownshipName).ThenBy(r => r.VillageName).ThenBy(r => r.HouseholdNumber).Take(listLimit)],
            byTownship.WithoutMeasure.Count,
            [.. byTownship.Paused.Select(Row).OrderBy(r => r.TownshipName).ThenBy(r => r.VillageName).ThenBy(r => r.HouseholdNumber)]);
    }

    /// <summary>The report as an .xlsx with its tables one under another on one sheet, audited.</summary>
    public static async Task<(byte[] Bytes, string FileName)> ExportAsync(AppDbContext db, TimeProvider clock, string? regionCode, int year, CancellationToken ct)
    {
        var r = await GetAsync(db, regionCode, year, ct, int.MaxValue);
        static string? N(decimal? d) => d?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
        var lines = new List<IReadOnlyList<string?>>
        {
            new[] { $"{year}年度帮扶措施落实情况" },
            new[] { "措施类别", "计划户数", "已落实户数", "落实率(%)", "计划金额(元)", "已兑现金额(元)" },
        };
        lines.AddRange(r.ByKind.Where(k => k.Planned > 0).Select(k => (IReadOnlyList<string?>)[k.Label, k.Planned.ToString(), k.Reached.ToString(), N(k.Share), N(k.AmountPlanned), N(k.AmountPaid)]));
        lines.Add([]);
        lines.Add(["区划", "建档立卡及监测户", "有措施户数", "已落实户数", "落实率(%)", "无措施户数（不含歇帮）", "歇帮户数", "计划金额(元)", "已兑现金额(元)"]);
        foreach (var a in r.ByTownship.Concat(r.ByVillage).Append(r.Total))
        {
            lines.Add([a.Name, a.Households.ToString(), a.WithMeasure.ToString(), a.Reached.ToString(), N(a.Share), a.WithoutMeasure.ToString(), a.Paused.ToString(), N(a.AmountPlanned), N(a.AmountPaid)]);
        }
        lines.Add([]);
        lines.Add(["无任何帮扶措施的户", "户编号", "乡镇", "村"]);
        lines.AddRange(r.WithoutMeasure.Select(h => (IReadOnlyList<string?>)[h.HeadName, h.HouseholdNumber, h.TownshipName, h.VillageName]));
        lines.Add([]);
        lines.Add(["歇帮户", "户编号", "乡镇", "村", "歇帮日期", "理由"]);
        lines.AddRange(r.Paused.Select(h => (IReadOnlyList<string?>)[h.HeadName, h.HouseholdNumber, h.TownshipName, h.VillageName, h.PausedOn?.ToString("yyyy-MM-dd"), h.PauseReason]));
        var bytes = await XlsxWriter.ToBytesAsync("帮扶措施覆盖", ["帮扶措施覆盖情况"], lines, ct);
        await AuditEvents.WriteAsync(db, clock, AuditEvent.Export, nameof(AssistanceMeasure), detail: $"帮扶措施覆盖 xlsx，{year}年度，区划={regionCode ?? "全部"}", regionCode: regionCode, ct: ct);
        return (bytes, $"帮扶措施覆盖-{year}.xlsx");
    }
}
