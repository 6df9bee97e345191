using Fupin.Web.Data;
using Fupin.Web.Features.Accounts;
using Fupin.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Fupin.Web.Features.Assistance;

/// <summary>
/// /api/v1/assistance and per household: the measures catalogue, 一户一策 plans and measures (with evidence),
/// coverage, helping units, cadres and pairing, visits and their compliance, work teams, and the TV night
/// school. 歇帮 is a procedure (/api/v1/procedures, kinds AssistancePause and AssistanceResume).
/// </summary>
public static class AssistanceApi
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static IEndpointRouteBuilder MapAssistance(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1/assistance").WithTags("帮扶管理").RequireAuthorization(AccountSetup.RegistryReadPolicy);
        read.MapGet("/catalogue", () => TypedResults.Ok(Plans.Catalogue())).WithName("MeasureCatalogue").WithSummary("帮扶措施目录：类别、应填内容、对应的政策标准");
        read.MapGet("/coverage", Coverage).WithName("AssistanceCoverage")
            .WithSummary("帮扶措施覆盖：按措施类别的计划户数、已落实户数、落实率、计划和兑现金额；按乡镇、村；无措施户（不含歇帮户）和歇帮户名单");
        read.MapGet("/coverage/export", CoverageExport).WithName("ExportAssistanceCoverage").WithSummary("导出帮扶措施覆盖情况（.xlsx）");
        read.MapGet("/units", async (AppDbContext db, CancellationToken ct) => TypedResults.Ok(await Pairings.UnitsAsync(db, ct))).WithName("ListHelpUnits").WithSummary("帮扶单位");
        read.MapGet("/cadres", Cadres).WithName("ListCadres").WithSummary("帮扶干部：按区划、单位筛选，含当前结对户数（电话已脱敏）");
        read.MapPost("/cadres/{id:guid}/reveal", async (Guid id, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await Pairings.RevealPhoneAsync(db, clock, id, ct)).ToHttp())
            .RequireAuthorization(AccountSetup.RevealPolicy).WithName("RevealCadrePhone").WithSummary("查看帮扶干部的完整电话（记入审计日志）");
        read.MapGet("/my", My).WithName("MyHouseholds").WithSummary("帮扶干部本人的结对户：下次走访日期、是否逾期、未落实措施、最近走访位置");
        read.MapGet("/visits/compliance", Compliance).WithName("VisitCompliance").WithSummary("走访达标情况：在给定日期（默认今天）超过走访间隔（政策参数）未走访的结对户，按干部汇总");
        read.MapGet("/files/{id:guid}", Download).WithName("DownloadAssistanceFile").WithSummary("下载措施佐证或走访照片");
        read.MapGet("/teams", Teams).WithName("ListWorkTeams").WithSummary("驻村工作队");
        read.MapGet("/teams/attendance", Attendance).WithName("WorkTeamAttendance").WithSummary("工作队考勤：期间内查岗次数、在岗率、日志数，按工作队");
        read.MapGet("/teams/{id:guid}", Team).WithName("GetWorkTeam").WithSummary("一个工作队：队员、查岗记录、工作日志");
        read.MapGet("/night-school/sessions", Sessions).WithName("ListNightSchoolSessions").WithSummary("电视夜校开课记录，分页");
        read.MapGet("/night-school/sessions/{id:guid}", Session).WithName("GetNightSchoolSession").WithSummary("一次夜校：该村农户及签到情况");
        read.MapGet("/night-school/rates", Rates).WithName("NightSchoolRates").WithSummary("电视夜校签到率：按村、乡镇");

        var admin = app.MapGroup("/api/v1/assistance").WithTags("帮扶管理").RequireAuthorization(AccountSetup.AssistanceAdminPolicy);
        admin.MapPost("/units", (Pairings.UnitRequest r, AppDbContext db, CancellationToken ct) => Http(Pairings.SaveUnitAsync(db, null, r, ct)))
            .WithName("CreateHelpUnit").WithSummary("新增帮扶单位");
        admin.MapPut("/units/{id:guid}", (Guid id, Pairings.UnitRequest r, AppDbContext db, CancellationToken ct) => Http(Pairings.SaveUnitAsync(db, id, r, ct)))
            .WithName("UpdateHelpUnit").WithSummary("修改帮扶单位（带版本号）");
        admin.MapPost("/cadres", (Pairings.CadreRequest r, AppDbContext db, CancellationToken ct) => Http(Pairings.SaveCadreAsync(db, null, r, ct)))
            .WithName("CreateCadre").WithSummary("新增帮扶干部（工作区划、单位、可关联登录账号）");
        admin.MapPut("/cadres/{id:guid}", (Guid id, Pairings.CadreRequest r, AppDbContext db, CancellationToken ct) => Http(Pairings.SaveCadreAsync(db, id, r, ct)))
            .WithName("UpdateCadre").WithSummary("修改帮扶干部（带版本号；Active=false 为离岗）");
        admin.MapPost("/teams", (WorkTeams.TeamRequest r, AppDbContext db, TimeProvider clock, CancellationToken ct) => Http(WorkTeams.SaveAsync(db, clock, null, r, ct)))
            .WithName("CreateWorkTeam").WithSummary("新增驻村工作队");
        admin.MapPut("/teams/{id:guid}", (Guid id, WorkTeams.TeamRequest r, AppDbContext db, TimeProvider clock, CancellationToken ct) => Http(WorkTeams.SaveAsync(db, clock, id, r, ct)))
            .WithName("UpdateWorkTeam").WithSummary("修改驻村工作队（带版本号）");
        admin.MapPost("/teams/{id:guid}/members", (Guid id, WorkTeams.MemberRequest r, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
            Http(WorkTeams.AddMemberAsync(db, clock, id, r, ct))).WithName("AddTeamMember").WithSummary("工作队增加队员（队长、第一书记、队员）");
        admin.MapPost("/teams/{id:guid}/members/{memberId:guid}/leave", (Guid id, Guid memberId, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
            Http(WorkTeams.EndMemberAsync(db, clock, id, memberId, ct))).WithName("EndTeamMember").WithSummary("队员离队（记录保留）");
        admin.MapPost("/teams/{id:guid}/checkins", (Guid id, WorkTeams.CheckInRequest r, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
            Http(WorkTeams.CheckInAsync(db, clock, id, r, ct))).WithName("TeamCheckIn").WithSummary("查岗：登记队员某日在岗、公出、请假或缺岗");

        var edit = app.MapGroup("/api/v1").WithTags("帮扶管理").RequireAuthorization(AccountSetup.AssistanceEditPolicy);
        edit.MapPut("/households/{id:guid}/plans/{year:int}", (Guid id, int year, Plans.PlanRequest r, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
            Http(Plans.SaveAsync(db, clock, id, year, r, ct))).WithName("SaveAssistancePlan").WithSummary("制定或修改一户一策（帮扶需求、对应致贫原因、责任人、时限；新建时版本号为0）");
        edit.MapPost("/households/{id:guid}/plans/{year:int}/measures", (Guid id, int year, Plans.MeasureRequest r, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
            Http(Plans.AddMeasureAsync(db, clock, id, year, r, ct))).WithName("AddAssistanceMeasure").WithSummary("计划中增加帮扶措施（按政策标准核对金额）");
        edit.MapPut("/assistance/measures/{id:guid}", (Guid id, Plans.MeasureRequest r, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
            Http(Plans.UpdateMeasureAsync(db, clock, id, r, ct))).WithName("UpdateAssistanceMeasure").WithSummary("修改措施或推进状态：计划→落实中→已落实（须写落实情况）或终止");
        edit.MapPost("/assistance/measures/{id:guid}/files", (Guid id, IFormFile file, AppDbContext db, AssistanceFiles files, TimeProvider clock, CancellationToken ct) =>
            Upload(FileOwner.Measure, id, file, db, files, clock, ct)).WithName("UploadMeasureEvidence").DisableAntiforgery().WithSummary("上传措施落实佐证（照片或文件）");
        edit.MapPost("/households/{id:guid}/visits", (Guid id, Visits.VisitRequest r, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
            Http(Visits.AddAsync(db, clock, id, r, ct))).WithName("AddVisit").WithSummary("登记走访：时间、定位、走访情况、发现的问题及涉及的措施");
        edit.MapPost("/assistance/visits/{id:guid}/photos", (Guid id, IFormFile file, AppDbContext db, AssistanceFiles files, TimeProvider clock, CancellationToken ct) =>
            Upload(FileOwner.Visit, id, file, db, files, clock, ct)).WithName("UploadVisitPhoto").DisableAntiforgery().WithSummary("上传走访照片（JPG/PNG）");
        edit.MapPost("/assistance/teams/{id:guid}/logs", (Guid id, WorkTeams.LogRequest r, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
            Http(WorkTeams.AddLogAsync(db, clock, id, r, ct))).WithName("AddTeamLog").WithSummary("工作日志、双月报、例会记录、请销假");

        var pair = app.MapGroup("/api/v1/households/{id:guid}").WithTags("帮扶管理");
        pair.MapGet("/pairings", async Task<Results<Ok<IReadOnlyList<Pairings.PairingView>>, NotFound>> (Guid id, AppDbContext db, CancellationToken ct) =>
            await Pairings.HistoryAsync(db, id, ct) is { } v ? TypedResults.Ok(v) : TypedResults.NotFound())
            .RequireAuthorization(AccountSetup.RegistryReadPolicy).WithName("HouseholdPairings").WithSummary("该户的帮扶责任人：当前及历次调整");
        pair.MapPost("/pairing", (Guid id, Pairings.PairRequest r, AppDbContext db, TimeProvider clock, CancellationToken ct) => Http(Pairings.PairAsync(db, clock, id, r, ct)))
            .RequireAuthorization(AccountSetup.AssistanceAdminPolicy).WithName("PairHousehold").WithSummary("结对或调整帮扶责任人（调整须写原因，原结对记录保留）");
        pair.MapGet("/plans/{year:int}", async Task<Results<Ok<Plans.PlanView>, NotFound>> (Guid id, int year, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
            await Plans.GetAsync(db, id, year, clock.Today(), ct) is { } v ? TypedResults.Ok(v) : TypedResults.NotFound())
            .RequireAuthorization(AccountSetup.RegistryReadPolicy).WithName("GetAssistancePlan").WithSummary("该户某年度的一户一策及措施进度");
        pair.MapGet("/plans/{year:int}/document", PlanDoc).RequireAuthorization(AccountSetup.RegistryReadPolicy).WithName("AssistancePlanDocument")
            .WithSummary("打印一户一策（.docx，村内张贴格式）");
        pair.MapGet("/visits", async Task<Results<Ok<IReadOnlyList<Visits.VisitView>>, NotFound>> (Guid id, AppDbContext db, CancellationToken ct) =>
            await Visits.ListAsync(db, id, ct) is { } v ? TypedResults.Ok(v) : TypedResults.NotFound())
            .RequireAuthorization(AccountSetup.RegistryReadPolicy).WithName("HouseholdVisits").WithSummary("该户的走访记录（含定位和照片）");

        var school = app.MapGroup("/api/v1/assistance/night-school").WithTags("帮扶管理").RequireAuthorization(AccountSetup.RegistryEditPolicy);
        school.MapPost("/sessions", (NightSchool.SessionRequest r, AppDbContext db, TimeProvider clock, CancellationToken ct) => Http(NightSchool.CreateAsync(db, clock, r, ct)))
            .WithName("CreateNightSchoolSession").WithSummary("登记一次电视夜校（村、日期、主题；应到户数为该村建档立卡和监测户）");
        school.MapPost("/sessions/{id:guid}/sign-ins", (Guid id, NightSchool.SignInRequest r, AppDbContext db, CancellationToken ct) => Http(NightSchool.SignInAsync(db, id, r, ct)))
            .WithName("NightSchoolSignIn").WithSummary("夜校签到（可一次多户）；返回已签到户数");
        return app;
    }

    private static async Task<Results<Ok<T>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> Http<T>(Task<Outcome<T>> outcome) => (await outcome).ToHttp();

    private static async Task<Results<Ok<Guid>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> Upload(FileOwner owner, Guid id, IFormFile file, AppDbContext db,
        AssistanceFiles files, TimeProvider clock, CancellationToken ct)
    {
        await using var stream = file.OpenReadStream();
        return (await files.AddAsync(db, clock, owner, id, file.FileName, stream, file.Length, ct)).ToHttp();
    }

    private static async Task<Results<PhysicalFileHttpResult, NotFound>> Download(Guid id, AppDbContext db, AssistanceFiles files, CancellationToken ct) =>
        await files.OpenAsync(db, id, ct) is { } f ? TypedResults.PhysicalFile(f.Path, f.Row.ContentType, f.Row.FileName) : TypedResults.NotFound();

    private static async Task<Ok<Coverage.Report>> Coverage(AppDbContext db, TimeProvider clock, CancellationToken ct, string? regionCode = null, int? year = null) =>
        TypedResults.Ok(await Assistance.Coverage.GetAsync(db, regionCode, year ?? clock.Today().Year, ct));

    private static async Task<FileContentHttpResult> CoverageExport(AppDbContext db, TimeProvider clock, CancellationToken ct, string? regionCode = null, int? year = null)
    {
        var (bytes, name) = await Assistance.Coverage.ExportAsync(db, clock, regionCode, year ?? clock.Today().Year, ct);
        return TypedResults.File(bytes, Xlsx, name);
    }

    private static async Task<Ok<IReadOnlyList<Pairings.CadreView>>> Cadres(AppDbContext db, CancellationToken ct, string? regionCode = null, Guid? unitId = null,
        bool activeOnly = false) => TypedResults.Ok(await Pairings.CadresAsync(db, regionCode, unitId, activeOnly, ct));

    private static async Task<Ok<Pairings.MyView>> My(AppDbContext db, TimeProvider clock, CancellationToken ct) => TypedResults.Ok(await Pairings.MyAsync(db, clock.Today(), ct));

    private static async Task<Ok<Visits.Compliance>> Compliance(AppDbContext db, TimeProvider clock, CancellationToken ct, string? regionCode = null, DateOnly? asOf = null) =>
        TypedResults.Ok(await Visits.ComplianceAsync(db, regionCode, asOf ?? clock.Today(), ct));

    private static async Task<Ok<IReadOnlyList<WorkTeams.TeamRow>>> Teams(AppDbContext db, CancellationToken ct, string? regionCode = null) =>
        TypedResults.Ok(await WorkTeams.ListAsync(db, regionCode, ct));

    private static async Task<Results<Ok<WorkTeams.TeamDetail>, NotFound>> Team(Guid id, AppDbContext db, CancellationToken ct) =>
        await WorkTeams.GetAsync(db, id, ct) is { } t ? TypedResults.Ok(t) : TypedResults.NotFound();

    private static async Task<Ok<IReadOnlyList<WorkTeams.AttendanceRow>>> Attendance(AppDbContext db, TimeProvider clock, CancellationToken ct, string? regionCode = null,
        DateOnly? from = null, DateOnly? to = null)
    {
        var today = clock.Today();
        return TypedResults.Ok(await WorkTeams.AttendanceAsync(db, regionCode, from ?? new DateOnly(today.Year, today.Month, 1), to ?? today, ct));
    }

    private static async Task<Ok<Paged<NightSchool.SessionRow>>> Sessions(AppDbContext db, CancellationToken ct, string? regionCode = null, int page = 1, int pageSize = 20) =>
        TypedResults.Ok(await NightSchool.ListAsync(db, regionCode, page, pageSize, ct));

    private static async Task<Results<Ok<NightSchool.SessionDetail>, NotFound>> Session(Guid id, AppDbContext db, CancellationToken ct) =>
        await NightSchool.GetAsync(db, id, ct) is { } s ? TypedResults.Ok(s) : TypedResults.NotFound();

    private static async Task<Ok<NightSchool.Rates>> Rates(AppDbContext db, TimeProvider clock, CancellationToken ct, string? regionCode = null, DateOnly? from = null, DateOnly? to = null)
    {
        var today = clock.Today();
        return TypedResults.Ok(await NightSchool.RatesAsync(db, regionCode, from ?? new DateOnly(today.Year, 1, 1), to ?? today, ct));
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> PlanDoc(Guid id, int year, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        await PlanDocument.BuildAsync(db, clock, id, year, ct) is { } d ? TypedResults.File(d.Bytes, Docx, d.FileName) : TypedResults.NotFound();
}
