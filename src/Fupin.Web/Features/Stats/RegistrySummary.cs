using Fupin.Web.Data;
using Fupin.Web.Features.Households;
using Fupin.Web.Rules;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Stats;

/// <summary>The registry's key figures for a region: the home dashboard and GET /api/v1/stats/summary.</summary>
public static class RegistrySummary
{
    public sealed record StatusCount(HouseholdStatus Status, int Households, int People);
    public sealed record CauseCount(PovertyCause Cause, int Households, int People);
    public sealed record AreaCount(string Code, string Name, int Households, int People, int PoorHouseholds, int PoorPeople);

    /// <summary>贫困发生率 of a village: remaining poor people / rural registered population.</summary>
    public sealed record VillageIncidence(string Code, string Name, string TownshipName, int? RuralPopulation, int PoorPeople, decimal? Incidence);

    public sealed record Result(
        string RegionCode,
        string RegionName,
        RegionLevel Level,
        int Households,
        int People,
        int PoorHouseholds,
        int PoorPeople,
        decimal? Incidence,
        int VillagesReporting,
        int VillagesTotal,
        IReadOnlyList<StatusCount> ByStatus,
        IReadOnlyList<AreaCount> ByArea,
        IReadOnlyList<CauseCount> ByCause,
        IReadOnlyList<VillageIncidence> Villages);

    /// <summary>Statuses whose people still count as poor (贫困人口) for incidence.</summary>
    public static bool IsPoor(HouseholdStatus s) => s is HouseholdStatus.NotLifted or HouseholdStatus.Returned;

    /// <summary>Households registered (清退 ones are not, nor applicants whose identification is still under way).</summary>
    public static bool IsRegistered(HouseholdStatus s) => s is not (HouseholdStatus.Removed or HouseholdStatus.Applicant);

    /// <summary>贫困发生率 as a percentage with two decimals; null when the population is unknown or zero.</summary>
    public static decimal? IncidencePercent(int poorPeople, int? population) =>
        population is > 0 ? Math.Round(100m * poorPeople / population.Value, 2, MidpointRounding.AwayFromZero) : null;

    /// <summary>Null when the region is not in the user's scope. Without a code, the user's own region.</summary>
    public static async Task<Result?> Handle(AppDbContext db, string? regionCode, CancellationToken ct)
    {
        var code = string.IsNullOrEmpty(regionCode) ? db.User.RegionCode : regionCode;
        if (!RegionCodes.IsWellFormed(code))
        {
            return null;
        }
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, ct);
        var level = RegionCodes.LevelOf(code!);
        if (region is null && level != RegionLevel.Nation)
        {
            return null;
        }
        var (low, high) = RegionCodes.Range(RegionCodes.ScopePrefix(code!));

        // One pass over the covering index; every breakdown is folded from these rows.
        var rows = await db.Households.AsNoTracking()
            .Where(h => string.Compare(h.RegionCode, low) >= 0 && string.Compare(h.RegionCode, high) <= 0)
            .GroupBy(h => new { h.RegionCode, h.Status, h.MainCause })
            .Select(g => new { g.Key.RegionCode, g.Key.Status, g.Key.MainCause, Households = g.Count(), People = g.Sum(h => h.MemberCount) })
            .ToListAsync(ct);

        var villages = await db.Regions.AsNoTracking()
            .Where(r => r.Level == RegionLevel.Village && string.Compare(r.Code, low) >= 0 && string.Compare(r.Code, high) <= 0)
            .Select(r => new { r.Code, r.Name, r.RuralPopulation })
            .ToListAsync(ct);
        var childLevel = level switch
        {
            RegionLevel.Nation => RegionLevel.Province,
            RegionLevel.Province => RegionLevel.City,
            RegionLevel.City => RegionLevel.County,
            RegionLevel.County => RegionLevel.Township,
            _ => RegionLevel.Village,
        };
        var childCodes = rows.Select(r => RegionCodes.AncestorAt(r.RegionCode, childLevel))
            .Concat(villages.Select(v => RegionCodes.AncestorAt(v.Code, RegionLevel.Township)))
            .Distinct().ToList();
        var names = await db.Regions.IgnoreQueryFilters().AsNoTracking()
            .Where(r => childCodes.Contains(r.Code))
            .ToDictionaryAsync(r => r.Code, r => r.Name, ct);

        var registered = rows.Where(r => IsRegistered(r.Status)).ToList();
        var poor = rows.Where(r => IsPoor(r.Status)).ToList();
        var byStatus = Enum.GetValues<HouseholdStatus>()
            .Select(s => new StatusCount(s, rows.Where(r => r.Status == s).Sum(r => r.Households), rows.Where(r => r.Status == s).Sum(r => r.People)))
            .ToList();
        var byCause = registered.GroupBy(r => r.MainCause)
            .Select(g => new CauseCount(g.Key, g.Sum(r => r.Households), g.Sum(r => r.People)))
            .OrderByDescending(c => c.Households).ToList();
        var byArea = level == RegionLevel.Village
            ? []
            : registered.GroupBy(r => RegionCodes.AncestorAt(r.RegionCode, childLevel))
                .Select(g => new AreaCount(g.Key, names.GetValueOrDefault(g.Key, g.Key), g.Sum(r => r.Households), g.Sum(r => r.People),
                    g.Where(r => IsPoor(r.Status)).Sum(r => r.Households), g.Where(r => IsPoor(r.Status)).Sum(r => r.People)))
                .OrderBy(a => a.Code).ToList();
        var poorByVillage = poor.GroupBy(r => r.RegionCode).ToDictionary(g => g.Key, g => g.Sum(r => r.People));
        var villageRows = villages
            .Select(v =>
            {
                var p = poorByVillage.GetValueOrDefault(v.Code);
                var town = names.GetValueOrDefault(RegionCodes.AncestorAt(v.Code, RegionLevel.Township), "");
                return new VillageIncidence(v.Code, v.Name, town, v.RuralPopulation, p, IncidencePercent(p, v.RuralPopulation));
            })
            .OrderByDescending(v => v.Incidence ?? -1).ThenBy(v => v.Code).ToList();
        var poorPeople = poor.Sum(r => r.People);
        // Over the villages whose rural population is known; VillagesReporting says how many those are.
        var reporting = villageRows.Where(v => v.RuralPopulation is > 0).ToList();
        var incidence = IncidencePercent(reporting.Sum(v => v.PoorPeople), reporting.Count > 0 ? reporting.Sum(v => v.RuralPopulation!.Value) : null);

        return new Result(code!, region?.Name ?? "全国", level, registered.Sum(r => r.Households), registered.Sum(r => r.People),
            poor.Sum(r => r.Households), poorPeople, incidence, reporting.Count, villageRows.Count,
            byStatus, byArea, byCause, villageRows);
    }
}
