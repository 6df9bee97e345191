using Fupin.Web.Data;
using Fupin.Web.Features.Assistance;
using Fupin.Web.Features.Comparison;
using Fupin.Web.Features.Funds;
using Fupin.Web.Features.Households;
using Fupin.Web.Features.Monitoring;
using Fupin.Web.Features.Regions;
using Fupin.Web.Features.Stats;
using Fupin.Web.Rules;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Supervision;

/// <summary>
/// The figures of every area for a region and period, from the same queries the areas' own pages and APIs use:
/// the leaders' dashboard (一张图) shows them and the work report writes them into its text.
/// </summary>
public static class CountyFigures
{
    public sealed record Figures(
        string RegionCode, string RegionName, RegionLevel Level, DateOnly From, DateOnly To,
        int Households, int People, int PoorHouseholds, int PoorPeople, decimal? Incidence,
        int LiftedHouseholds, int LiftedPeople, int MonitoredHouseholds,
        int Red, int Yellow, int Green,
        int FindingsOpen, int FindingsClosed, int FindingsOverdue,
        int CoverageHouseholds, int CoverageWithMeasure, int CoverageReached, decimal? CoverageShare, int WithoutMeasure,
        decimal FundsIssued, decimal FundsSpent, decimal? FundsProgress, decimal SpentInPeriod,
        int Projects, int ProjectsStarted, int ProjectsCompleted, decimal? StartRate, decimal? CompletionRate, decimal? IndustryShare,
        int VisitPairs, int VisitsOverdue, int VisitsInPeriod,
        int UnitsGreen, int UnitsYellow, int UnitsRed, int ProblemsOpen, int ProblemsOverdue);

    public sealed record Child(string Code, string Name, RegionLevel Level, int Households, int PoorPeople, decimal? Incidence, int Red, decimal? CoverageShare);

    public sealed record Dashboard(Figures Figures, IReadOnlyList<Child> Children, string? ParentCode);

    /// <summary>The figures for a region in scope (the user's own without a code), for the period; null when the region is out of scope.</summary>
    public static async Task<Figures?> ForAsync(AppDbContext db, string? regionCode, DateOnly from, DateOnly to, DateOnly today, CancellationToken ct) =>
        (await ComputeAsync(db, regionCode, from, to, today, ct))?.Figures;

    /// <summary>The figures, with the area results they came from (the dashboard's child rows read the same ones).</summary>
    private static async Task<(Figures Figures, RegistrySummary.Result Summary, LightQueries.Dashboard Lights, Coverage.Report Coverage)?> ComputeAsync(
        AppDbContext db, string? regionCode, DateOnly from, DateOnly to, DateOnly today, CancellationToken ct)
    {
        var summary = await RegistrySummary.Handle(db, regionCode, ct);
        if (summary is null)
        {
            return null;
        }
        var region = summary.RegionCode;
        var year = to.Year;
        var lifted = await db.Households.AsNoTracking().Within(region).Where(h => h.Status == HouseholdStatus.Lifted && h.YearLifted >= from.Year && h.YearLifted <= to.Year)
            .GroupBy(h => 1).Select(g => new { Households = g.Count(), People = g.Sum(h => h.MemberCount) }).FirstOrDefaultAsync(ct);
        var monitored = await db.Households.AsNoTracking().Within(region).CountAsync(h => h.MonitoringType != null && h.RiskRemovedOn == null, ct);
        var lights = await LightQueries.DashboardAsync(db, region, ct);
        var findings = await Findings.SummaryAsync(db, new Findings.Query { RegionCode = region }, today, ct);
        var coverage = await Coverage.GetAsync(db, region, year, ct, listLimit: 0);
        var funds = await SpendingProgress.GetAsync(db, region, to, ct);
        var (issued, spent) = summary.Level switch
        {
            RegionLevel.County or RegionLevel.City or RegionLevel.Province or RegionLevel.Nation => (funds.Issued, funds.Spent),
            RegionLevel.Township => (funds.Of(ProgressDimension.Township).Sum(l => l.Allocated), funds.Of(ProgressDimension.Township).Sum(l => l.Spent)),
            _ => (funds.Of(ProgressDimension.Project).Sum(l => l.Allocated), funds.Of(ProgressDimension.Project).Sum(l => l.Spent)),
        };
        var spentInPeriod = (await db.Set<Disbursement>().AsNoTracking().Within(region).Where(d => d.PaidOn >= from && d.PaidOn <= to).Select(d => d.Amount).ToListAsync(ct)).Sum();
        var rates = await Projects.RatesAsync(db, region, year, ct);
        var compliance = await Visits.ComplianceAsync(db, region, today < to ? today : to, ct);
        var visits = await db.Set<Visit>().AsNoTracking().Within(region).CountAsync(v => v.VisitedOn >= from && v.VisitedOn <= to, ct);
        var month = to.Year == today.Year && to.Month == today.Month ? Math.Max(1, today.Month - 1) : to.Month;
        var units = await db.Set<UnitLightRecord>().AsNoTracking().Within(region).Where(l => l.Year == to.Year && l.Month == month).GroupBy(l => l.Light)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var problems = await db.Set<RectificationItem>().AsNoTracking().Within(region).Where(p => p.Status == ProblemStatus.Open).Select(p => p.Deadline).ToListAsync(ct);
        return (new Figures(region, summary.RegionName, summary.Level, from, to,
            summary.Households, summary.People, summary.PoorHouseholds, summary.PoorPeople, summary.Incidence,
            lifted?.Households ?? 0, lifted?.People ?? 0, monitored,
            lights.Total.Red, lights.Total.Yellow, lights.Total.Green,
            findings.Open, findings.Closed, findings.Overdue,
            coverage.Total.Households, coverage.Total.WithMeasure, coverage.Total.Reached, coverage.Total.Share, coverage.Total.WithoutMeasure,
            issued, spent, FundsRules.Progress(issued, spent), spentInPeriod,
            rates.Total.Projects, rates.Total.Started, rates.Total.Completed, rates.Total.StartRate, rates.Total.CompletionRate, rates.Total.IndustryShare,
            compliance.Pairs, compliance.OverduePairs, visits,
            units.GetValueOrDefault(UnitLight.Green), units.GetValueOrDefault(UnitLight.Yellow), units.GetValueOrDefault(UnitLight.Red), problems.Count, problems.Count(d => d < today)), summary, lights, coverage);
    }

    /// <summary>一张图: the region's figures this year, and its child regions' key figures to drill into.</summary>
    public static async Task<Dashboard?> DashboardAsync(AppDbContext db, string? regionCode, DateOnly today, CancellationToken ct)
    {
        if (await ComputeAsync(db, regionCode, new DateOnly(today.Year, 1, 1), today, today, ct) is not { } computed)
        {
            return null;
        }
        var (figures, summary, lights, coverage) = computed;
        var children = await RegionQueries.ChildrenAsync(db, figures.RegionCode, ct) ?? [];
        var rows = children.Select(c =>
        {
            var area = summary.ByArea.FirstOrDefault(a => a.Code == c.Code);
            var red = c.Level == RegionLevel.Township ? lights.ByTownship.FirstOrDefault(l => l.Code == c.Code)?.Red : lights.ByVillage.FirstOrDefault(l => l.Code == c.Code)?.Red;
            var cov = (c.Level == RegionLevel.Township ? coverage.ByTownship : coverage.ByVillage).FirstOrDefault(a => a.Code == c.Code);
            // A township's incidence over the villages that report a rural population, as the county's is.
            var reporting = summary.Villages.Where(v => v.RuralPopulation is > 0 && (v.Code == c.Code || RegionCodes.AncestorAt(v.Code, RegionLevel.Township) == c.Code)).ToList();
            var incidence = reporting.Count == 0 ? null : RegistrySummary.IncidencePercent(reporting.Sum(v => v.PoorPeople), reporting.Sum(v => v.RuralPopulation!.Value));
            return new Child(c.Code, c.Name, c.Level, area?.Households ?? 0, area?.PoorPeople ?? 0, incidence, red ?? 0, cov?.Share);
        }).ToList();
        var parent = figures.Level is RegionLevel.Township or RegionLevel.Village && RegionCodes.IsWellFormed(db.User.RegionCode)
            && RegionCodes.LevelOf(db.User.RegionCode!) < figures.Level
            ? RegionCodes.AncestorAt(figures.RegionCode, figures.Level - 1) : null;
        return new Dashboard(figures, rows, parent);
    }
}
