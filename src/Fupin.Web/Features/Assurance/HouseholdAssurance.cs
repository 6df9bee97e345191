using Fupin.Web.Data;
using Fupin.Web.Features.Accounts;
using Fupin.Web.Features.Households;
using Fupin.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Assurance;

/// <summary>
/// A household's five items: what the registry shows and what was checked, combined. Not secured by
/// either means not secured (data wins over a stale check, and a check finds what data cannot); secured
/// by either otherwise; else still to be checked.
/// </summary>
public static class HouseholdAssurance
{
    public sealed record ItemView(AssuranceItem Item, AssuranceStatus Status, AssuranceStatus? Derived, string? DerivedReason,
        AssuranceStatus? Checked, string? Evidence, DateOnly? CheckedOn, int Version);

    public sealed record CheckRequest(AssuranceStatus Status, string? Evidence, DateOnly CheckedOn, int Version);

    public static AssuranceStatus Combine(AssuranceStatus? derived, AssuranceStatus? checkedStatus) =>
        derived == AssuranceStatus.NotSecured || checkedStatus == AssuranceStatus.NotSecured ? AssuranceStatus.NotSecured
        : derived == AssuranceStatus.Secured || checkedStatus == AssuranceStatus.Secured ? AssuranceStatus.Secured
        : AssuranceStatus.Unknown;

    public static async Task<IReadOnlyList<ItemView>?> GetAsync(AppDbContext db, Guid householdId, DateOnly today, CancellationToken ct)
    {
        var household = await db.Households.AsNoTracking().Include(h => h.Members).FirstOrDefaultAsync(h => h.Id == householdId, ct);
        if (household is null)
        {
            return null;
        }
        var derived = AssuranceRules.Derive(household, household.Members, today);
        var checks = await db.Set<AssuranceRecord>().AsNoTracking().Where(r => r.HouseholdId == householdId).ToDictionaryAsync(r => r.Item, ct);
        return [.. AssuranceRules.Items.Select(item =>
        {
            var d = derived.TryGetValue(item, out var x) ? x : ((AssuranceStatus Status, string Reason)?)null;
            var c = checks.GetValueOrDefault(item);
            return new ItemView(item, Combine(d?.Status, c?.Status), d?.Status, d?.Reason, c?.Status, c?.Evidence, c?.CheckedOn, c?.Version ?? 0);
        })];
    }

    public static async Task<Outcome<int>> CheckAsync(AppDbContext db, Guid householdId, AssuranceItem item, CheckRequest r, DateOnly today, CancellationToken ct)
    {
        var household = await db.Households.AsNoTracking().FirstOrDefaultAsync(h => h.Id == householdId, ct);
        if (household is null)
        {
            return new Outcome<int>.NotFound();
        }
        var errors = new Errors();
        if (!AssuranceRules.Items.Contains(item))
        {
            errors.Add("item", "核查项只能是不愁吃穿、义务教育、基本医疗、住房安全、饮水安全之一");
        }
        if (r.CheckedOn > today)
        {
            errors.Add("checkedOn", "核查日期不能晚于今天");
        }
        if (r.Status == AssuranceStatus.NotSecured && string.IsNullOrWhiteSpace(r.Evidence))
        {
            errors.Add("evidence", "未保障时请写明核查发现的情况");
        }
        errors.MaxLength("evidence", r.Evidence, "核查情况", 500);
        if (errors.Any)
        {
            return new Outcome<int>.Invalid(errors);
        }
        var existing = await db.Set<AssuranceRecord>().FirstOrDefaultAsync(x => x.HouseholdId == householdId && x.Item == item, ct);
        var record = VersionedSave.Prepare(db, existing, r.Version,
            () => new AssuranceRecord { Id = Guid.CreateVersion7(), HouseholdId = householdId, RegionCode = household.RegionCode, Item = item });
        if (record is null)
        {
            return new Outcome<int>.Conflict(Outcome.ConflictMessage);
        }
        record.Status = r.Status;
        record.Evidence = string.IsNullOrWhiteSpace(r.Evidence) ? null : r.Evidence.Trim();
        record.CheckedOn = r.CheckedOn;
        return await VersionedSave.SaveAsync(db, () => record.Version, ct);
    }

    public static IEndpointRouteBuilder MapAssurance(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/households/{id:guid}/assurance").WithTags("两不愁三保障").RequireAuthorization(AccountSetup.RegistryReadPolicy);
        group.MapGet("/", Get).WithName("GetAssurance").WithSummary("两不愁三保障及饮水安全：名册推断与入户核查合并后的状态");
        group.MapPut("/{item}", Check).RequireAuthorization(AccountSetup.RegistryEditPolicy)
            .WithName("CheckAssurance").WithSummary("登记一项核查结果（状态、核查情况、日期）；新登记 version=0");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<ItemView>>, NotFound>> Get(Guid id, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        await GetAsync(db, id, clock.Today(), ct) is { } items ? TypedResults.Ok(items) : TypedResults.NotFound();

    private static async Task<Results<Ok<int>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> Check(
        Guid id, AssuranceItem item, CheckRequest request, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        (await CheckAsync(db, id, item, request, clock.Today(), ct)).ToHttp();
}
