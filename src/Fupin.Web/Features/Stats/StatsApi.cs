using Fupin.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fupin.Web.Features.Stats;

public static class StatsApi
{
    public static IEndpointRouteBuilder MapStats(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/stats").WithTags("统计").RequireAuthorization(Accounts.AccountSetup.RegistryReadPolicy);
        group.MapGet("/summary", Summary).WithName("RegistrySummary")
            .WithSummary("建档立卡主要指标：按状态、下级区划、主要致贫原因统计，各村贫困发生率");
        return app;
    }

    private static async Task<Results<Ok<RegistrySummary.Result>, NotFound>> Summary(AppDbContext db, CancellationToken ct, string? regionCode = null) =>
        await RegistrySummary.Handle(db, regionCode, ct) is { } result ? TypedResults.Ok(result) : TypedResults.NotFound();
}
