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

    public static string Township(this Dictionary<string, string> names, string villageCode) =>
        names.GetValueOrDefault(RegionCodes.AncestorAt(villageCode, RegionLevel.Township), "");

    public static string Village(this Dictionary<string, string> names, string villageCode) =>
        names.GetValueOrDefault(villageCode, villageCode);
}
