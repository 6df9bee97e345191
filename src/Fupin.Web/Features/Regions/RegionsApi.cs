using Fupin.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fupin.Web.Features.Regions;

public static class RegionsApi
{
    public static IEndpointRouteBuilder MapRegions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/regions").WithTags("行政区划").RequireAuthorization();
        group.MapGet("/tree", Tree).WithName("RegionTree").WithSummary("本账号管辖范围内的区划树");
        group.MapGet("/{code}/children", Children).WithName("RegionChildren").WithSummary("下级区划");
        group.MapGet("/{code}/groups", Groups).WithName("VillageGroups").WithSummary("行政村下的村民小组/自然村");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<RegionQueries.Node>>> Tree(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await RegionQueries.TreeAsync(db, ct));

    private static async Task<Results<Ok<IReadOnlyList<RegionQueries.Node>>, NotFound>> Children(string code, AppDbContext db, CancellationToken ct) =>
        await RegionQueries.ChildrenAsync(db, code, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();

    private static async Task<Results<Ok<IReadOnlyList<RegionQueries.Group>>, NotFound>> Groups(string code, AppDbContext db, CancellationToken ct) =>
        await RegionQueries.GroupsAsync(db, code, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();
}
