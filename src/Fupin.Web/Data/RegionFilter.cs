using Fupin.Web.Rules;

namespace Fupin.Web.Data;

/// <summary>Narrows county data to a region (and below) the caller asked for; the scope filter still applies on top.</summary>
public static class RegionFilter
{
    public static IQueryable<T> Within<T>(this IQueryable<T> query, string? regionCode) where T : class, IRegionScoped
    {
        if (!RegionCodes.IsWellFormed(regionCode))
        {
            return query;
        }
        var (low, high) = RegionCodes.Range(RegionCodes.ScopePrefix(regionCode!));
        return query.Where(x => string.Compare(x.RegionCode, low) >= 0 && string.Compare(x.RegionCode, high) <= 0);
    }
}
