using Fupin.Web.Data;
using Fupin.Web.Rules;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Regions;

public static class RegionQueries
{
    public sealed record Node(string Code, string Name, RegionLevel Level, string? ParentCode, int? RuralPopulation, bool IsPovertyVillage, IReadOnlyList<Node> Children);

    public sealed record Group(Guid Id, string Name);

    public static Node NodeOf(Region r) => new(r.Code, r.Name, r.Level, r.ParentCode, r.RuralPopulation, r.IsPovertyVillage, []);

    /// <summary>A unit of the tree as the administrator's page lists it, retired ones included.</summary>
    public sealed record Unit(string Code, string Name, RegionLevel Level, string? ParentCode, string? UrbanRuralCode, DateOnly? RetiredOn, string? MergedInto);

    /// <summary>Every unit, retired ones included, in the tree's order (the administrator's page; region names are public).</summary>
    public static async Task<IReadOnlyList<Unit>> UnitsAsync(AppDbContext db, CancellationToken ct) =>
        await db.Regions.AsNoTracking().OrderBy(r => r.Code)
            .Select(r => new Unit(r.Code, r.Name, r.Level, r.ParentCode, r.UrbanRuralCode, r.RetiredOn, r.MergedInto)).ToListAsync(ct);

    /// <summary>The regions in the user's scope as a tree (roots are the top regions the user may see).</summary>
    public static async Task<IReadOnlyList<Node>> TreeAsync(AppDbContext db, CancellationToken ct)
    {
        // Retired units keep their records but take no new ones: they are not offered in the tree.
        var all = await db.Regions.AsNoTracking().Where(r => r.RetiredOn == null).OrderBy(r => r.SortOrder).ThenBy(r => r.Code).ToListAsync(ct);
        var byParent = all.ToLookup(r => r.ParentCode ?? "");
        var codes = all.Select(r => r.Code).ToHashSet();
        Node Build(Region r) => new(r.Code, r.Name, r.Level, r.ParentCode, r.RuralPopulation, r.IsPovertyVillage,
            [.. byParent[r.Code].Select(Build)]);
        return [.. all.Where(r => r.ParentCode is null || !codes.Contains(r.ParentCode)).Select(Build)];
    }

    /// <summary>The children of a region, or null when the region is not in scope.</summary>
    public static async Task<IReadOnlyList<Node>?> ChildrenAsync(AppDbContext db, string code, CancellationToken ct)
    {
        if (!await db.Regions.AnyAsync(r => r.Code == code, ct))
        {
            return null;
        }
        return await db.Regions.AsNoTracking().Where(r => r.ParentCode == code && r.RetiredOn == null)
            .OrderBy(r => r.SortOrder).ThenBy(r => r.Code)
            .Select(r => new Node(r.Code, r.Name, r.Level, r.ParentCode, r.RuralPopulation, r.IsPovertyVillage, new List<Node>()))
            .ToListAsync(ct);
    }

    public static async Task<IReadOnlyList<Group>?> GroupsAsync(AppDbContext db, string villageCode, CancellationToken ct)
    {
        if (!await db.Regions.AnyAsync(r => r.Code == villageCode, ct))
        {
            return null;
        }
        return await db.VillageGroups.AsNoTracking().Where(g => g.RegionCode == villageCode)
            .OrderBy(g => g.SortOrder).Select(g => new Group(g.Id, g.Name)).ToListAsync(ct);
    }
}
