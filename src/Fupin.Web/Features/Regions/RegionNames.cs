using Fupin.Web.Data;
using Fupin.Web.Rules;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Regions;

/// <summary>Names of villages and their townships for display. Region names are public, so no scope applies.</summary>
public static class RegionNames
{
    public static async Task<Dictionary<string, string>> ForVillagesAsync(AppDbContext db, IEnumerable<string> villageCodes, CancellationToken ct)
    {
        var codes = villageCodes.Distinct().ToList();
        var wanted = codes.Concat(codes.Select(c => RegionCodes.AncestorAt(c, RegionLevel.Township))).Distinct().ToList();
        return await db.Regions.IgnoreQueryFilters().AsNoTracking()
            .Where(r => wanted.Contains(r.Code))
            .ToDictionaryAsync(r => r.Code, r => r.Name, ct);
    }

    /// <summary>
    /// Which of these codes are registered, whatever the reader's scope: the region import asks before it makes the
    /// province and city above a county, which a county-scoped administrator does not see.
    /// </summary>
    public static async Task<HashSet<string>> RegisteredAsync(AppDbContext db, IReadOnlyCollection<string> codes, CancellationToken ct) =>
        [.. await db.Regions.IgnoreQueryFilters().AsNoTracking().Where(r => codes.Contains(r.Code)).Select(r => r.Code).ToListAsync(ct)];

    public static string Township(this Dictionary<string, string> names, string villageCode) =>
        names.GetValueOrDefault(RegionCodes.AncestorAt(villageCode, RegionLevel.Township), "");

    public static string Village(this Dictionary<string, string> names, string villageCode) =>
        names.GetValueOrDefault(villageCode, villageCode);
}
