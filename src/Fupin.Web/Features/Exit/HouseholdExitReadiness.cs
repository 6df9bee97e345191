using Fupin.Web.Data;
using Fupin.Web.Features.Accounts;
using Fupin.Web.Features.Assurance;
using Fupin.Web.Features.Income;
using Fupin.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fupin.Web.Features.Exit;

/// <summary>The exit precondition of one household for a year, from its income ledger and its five items.</summary>
public static class HouseholdExitReadiness
{
    public static async Task<HouseholdExitRules.Readiness?> CheckAsync(AppDbContext db, Guid householdId, int year, DateOnly today, CancellationToken ct)
    {
        var assurance = await HouseholdAssurance.GetAsync(db, householdId, today, ct);
        var income = await IncomeLedger.ListAsync(db, householdId, ct);
        if (assurance is null || income is null)
        {
            return null;
        }
        var y = income.FirstOrDefault(i => i.Year == year);
        var line = y?.PovertyLine ?? (await Policy.PolicyValues.LookupAsync(db, Policy.PolicyKeys.PovertyLine,
            await HouseholdRegionAsync(db, householdId, ct), year, ct))?.Value;
        return HouseholdExitRules.Check(year, y?.PerCapita, line, assurance.ToDictionary(a => a.Item, a => a.Status));
    }

    private static Task<string> HouseholdRegionAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.Households.Where(h => h.Id == id).Select(h => h.RegionCode), ct);

    public static IEndpointRouteBuilder MapExitReadiness(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/households").WithTags("贫困户退出").RequireAuthorization(AccountSetup.RegistryReadPolicy)
            .MapGet("/{id:guid}/exit-readiness", Get).WithName("HouseholdExitReadiness")
            .WithSummary("能否启动退出：当年人均纯收入高于贫困线、两不愁三保障及饮水安全全部保障；列出全部不满足的原因");
        return app;
    }

    private static async Task<Results<Ok<HouseholdExitRules.Readiness>, NotFound>> Get(Guid id, AppDbContext db, TimeProvider clock, CancellationToken ct, int? year = null)
    {
        var today = clock.Today();
        return await CheckAsync(db, id, year ?? today.Year - 1, today, ct) is { } r ? TypedResults.Ok(r) : TypedResults.NotFound();
    }
}
