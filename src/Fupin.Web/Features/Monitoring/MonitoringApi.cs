using Fupin.Web.Data;
using Fupin.Web.Features.Accounts;
using Fupin.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Fupin.Web.Features.Monitoring;

/// <summary>
/// /api/v1/lights: the three-colour dashboard, the red and yellow list, recomputing; and per household its
/// light with reasons, a cadre's override and follow-up, and risk events. Monitoring entry and risk removal
/// are procedures (/api/v1/procedures, kinds MonitoringEntry and RiskRemoval).
/// </summary>
public static class MonitoringApi
{
    public sealed record RecomputeResult(int Households);

    public static IEndpointRouteBuilder MapMonitoring(this IEndpointRouteBuilder app)
    {
        var lights = app.MapGroup("/api/v1/lights").WithTags("三色灯监测").RequireAuthorization(AccountSetup.RegistryReadPolicy);
        lights.MapGet("/", Dashboard).WithName("LightsDashboard").WithSummary("三色灯统计：按乡镇、村的红黄绿灯户数（含人工调整），及与上一轮比对后的变化");
        lights.MapGet("/households", List).WithName("ListLitHouseholds").WithSummary("红灯、黄灯户列表（light 不填则为红灯和黄灯）：原因和后续帮扶措施");
        lights.MapPost("/recompute", Recompute).WithName("RecomputeLights").RequireAuthorization(AccountSetup.CountyPolicy)
            .WithSummary("重算本辖区全部建档立卡户和监测户的三色灯");

        var household = app.MapGroup("/api/v1/households/{id:guid}").WithTags("三色灯监测").RequireAuthorization(AccountSetup.RegistryReadPolicy);
        household.MapGet("/light", Get).WithName("HouseholdLight").WithSummary("一户的灯色、触发的规则及依据、人工调整、后续帮扶措施、风险事件和监测状态");
        household.MapPut("/light/note", Note).WithName("SaveLightNote").RequireAuthorization(AccountSetup.LightEditPolicy)
            .WithSummary("人工调整灯色（须写理由，override 为空则取消调整），登记后续帮扶措施及时限");
        household.MapPost("/risk-events", AddEvent).WithName("AddRiskEvent").RequireAuthorization(AccountSetup.LightEditPolicy)
            .WithSummary("登记受灾、动物疫病、疫情、意外事故等风险事件（影响期内计入黄灯）");
        return app;
    }

    private static async Task<Ok<LightQueries.Dashboard>> Dashboard(AppDbContext db, CancellationToken ct, string? regionCode = null) =>
        TypedResults.Ok(await LightQueries.DashboardAsync(db, regionCode, ct));

    private static async Task<Ok<Paged<LightQueries.ListRow>>> List(AppDbContext db, TimeProvider clock, CancellationToken ct, string? regionCode = null,
        Light? light = null, int page = 1, int pageSize = 20) =>
        TypedResults.Ok(await LightQueries.ListAsync(db, regionCode, light, clock.Today(), page, pageSize, ct));

    private static async Task<Ok<RecomputeResult>> Recompute(AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(new RecomputeResult(await Lights.RecomputeAllAsync(db, clock, asRound: false, ct)));

    private static async Task<Results<Ok<LightQueries.HouseholdView>, NotFound>> Get(Guid id, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        await LightQueries.GetAsync(db, id, clock.Today(), ct) is { } v ? TypedResults.Ok(v) : TypedResults.NotFound();

    private static async Task<Results<Ok<int>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> Note(Guid id, LightQueries.NoteRequest request,
        AppDbContext db, TimeProvider clock, CancellationToken ct) => (await LightQueries.SaveNoteAsync(db, clock, id, request, ct)).ToHttp();

    private static async Task<Results<Ok<Guid>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> AddEvent(Guid id, LightQueries.EventRequest request,
        AppDbContext db, TimeProvider clock, CancellationToken ct) => (await LightQueries.AddEventAsync(db, clock, id, request, ct)).ToHttp();
}
