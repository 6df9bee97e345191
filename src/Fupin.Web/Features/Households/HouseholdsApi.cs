using Fupin.Web.Data;
using Fupin.Web.Features.Accounts;
using Fupin.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Households;

public static class HouseholdsApi
{
    public static IEndpointRouteBuilder MapHouseholds(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/households").WithTags("农户").RequireAuthorization(AccountSetup.RegistryReadPolicy);
        group.MapGet("/", List).WithName("ListHouseholds").WithSummary("农户列表：按区划、状态、属性、致贫原因、姓名/身份证号/户编号筛选，分页排序");
        group.MapPost("/search", Search).WithName("SearchHouseholds")
            .WithSummary("与列表相同的筛选，条件放在请求体中：按身份证号查找时请用此接口，避免号码出现在网址和日志中");
        group.MapGet("/export", Export).WithName("ExportHouseholds")
            .WithSummary("按列表筛选条件导出名册（每人一行）：format=xlsx|csv；full=true 且有查看权限时含完整证件号（记入审计）");
        group.MapGet("/{id:guid}", Get).WithName("GetHousehold").WithSummary("农户详情及家庭成员（证件号等已脱敏）");
        group.MapGet("/{id:guid}/history", History).WithName("GetHouseholdHistory").WithSummary("农户及其成员的变更记录");

        var edit = group.MapGroup("").RequireAuthorization(AccountSetup.RegistryEditPolicy);
        edit.MapPost("/", Create).WithName("CreateHousehold").WithSummary("新增农户（含户主）");
        edit.MapPut("/{id:guid}", Update).WithName("UpdateHousehold").WithSummary("修改农户信息（需提供读取时的版本号）");
        // 已脱贫, 未脱贫, 监测对象, 风险消除 and 已清退 go through their procedures (/api/v1/procedures); this is the county's correction of an error.
        group.MapPost("/{id:guid}/status", CorrectStatus).RequireAuthorization(AccountSetup.CountyPolicy).DisableAntiforgery()
            .WithName("CorrectHouseholdStatus")
            .WithSummary("县级更正农户状态笔误（multipart/form-data：status、date、reason、version 及依据文件 file）；脱贫、识别、监测、清退须经相应程序");
        group.MapGet("/{id:guid}/status-corrections", Corrections).WithName("ListStatusCorrections").WithSummary("农户状态更正记录");
        group.MapGet("/{id:guid}/status-corrections/{correctionId:guid}/file", CorrectionFile).WithName("DownloadStatusCorrectionFile").WithSummary("下载更正依据文件");
        edit.MapPost("/{id:guid}/head", ChangeHeadOf).WithName("ChangeHouseholdHead").WithSummary("户主变更");
        edit.MapPost("/{id:guid}/members", AddMemberTo).WithName("AddMember").WithSummary("添加家庭成员");
        group.MapPost("/{id:guid}/reveal", Reveal).RequireAuthorization(AccountSetup.RevealPolicy)
            .WithName("RevealHouseholdData").WithSummary("查看完整的联系电话或银行账号（记入审计日志）");
        return app;
    }

    private static async Task<Results<Ok<Paged<ListHouseholds.Row>>, ValidationProblem>> List(
        [AsParameters] ListHouseholds.Query query, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        // A full ID number in an address ends up in proxy and browser logs: it belongs in a request body.
        if (Rules.ResidentId.TryParse(query.Search, clock.Today(), out _) is not null)
        {
            return ApiResults.Invalid(new Errors().Add("search", "按身份证号码查询请使用 POST /api/v1/households/search，号码放在请求体中，不要放在网址里"));
        }
        return TypedResults.Ok(await ListHouseholds.Handle(db, query, clock.Today(), ct));
    }

    private static async Task<Results<FileStreamHttpResult, ValidationProblem>> Export(
        [AsParameters] ListHouseholds.Query query, AppDbContext db, TimeProvider clock, IAuthorizationService authorization, HttpContext http,
        CancellationToken ct, string? format = "xlsx", bool full = false)
    {
        if (Rules.ResidentId.TryParse(query.Search, clock.Today(), out _) is not null)
        {
            return ApiResults.Invalid(new Errors().Add("search", "导出时不能按身份证号码筛选（号码不应出现在网址中）"));
        }
        if (format is not ("xlsx" or "csv"))
        {
            return ApiResults.Invalid(new Errors().Add("format", "导出格式只能是 xlsx 或 csv"));
        }
        var mayReveal = (await authorization.AuthorizeAsync(http.User, AccountSetup.RevealPolicy)).Succeeded;
        var result = await ExportRegistry.RunAsync(db, clock, new ExportRegistry.Request
        {
            Filter = query,
            Format = format == "csv" ? ExportRegistry.Format.Csv : ExportRegistry.Format.Xlsx,
            Full = full,
        }, mayReveal, ct);
        // The temporary file goes when the response is done with it.
        var stream = new FileStream(result.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        return TypedResults.File(stream, result.ContentType, result.FileName);
    }

    private static async Task<Ok<Paged<ListHouseholds.Row>>> Search(ListHouseholds.Query query, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await ListHouseholds.Handle(db, query, clock.Today(), ct));

    private static async Task<Results<Ok<GetHousehold.Detail>, NotFound>> Get(Guid id, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        await GetHousehold.Handle(db, id, clock.Today(), ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();

    private static async Task<Results<Ok<int>, ValidationProblem, NotFound, Conflict<ProblemDetails>, ProblemHttpResult>> CorrectStatus(
        Guid id, IFormFile? file, [FromForm] HouseholdStatus? status, [FromForm] DateOnly? date, [FromForm] string? reason, [FromForm] int? version,
        AppDbContext db, FileStore files, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Errors();
        if (status is null)
        {
            errors.Add("status", "请选择更正后的状态");
        }
        if (date is null)
        {
            errors.Add("date", "请填写更正日期");
        }
        if (version is null)
        {
            errors.Add("version", "请提供读取农户时的版本号");
        }
        if (errors.Any)
        {
            return ApiResults.Invalid(errors);
        }
        await using var content = file?.OpenReadStream() ?? Stream.Null;
        var evidence = file is null ? null : new CorrectHouseholdStatus.Evidence(file.FileName, content, file.Length);
        return (await CorrectHouseholdStatus.Handle(db, files, clock, id, new(status!.Value, date!.Value, reason, version!.Value), evidence, ct)).ToHttpOrForbidden();
    }

    private static async Task<Results<Ok<IReadOnlyList<CorrectHouseholdStatus.View>>, NotFound>> Corrections(Guid id, AppDbContext db, CancellationToken ct) =>
        await db.Households.AnyAsync(h => h.Id == id, ct) ? TypedResults.Ok(await CorrectHouseholdStatus.ListAsync(db, id, ct)) : TypedResults.NotFound();

    private static async Task<Results<PhysicalFileHttpResult, NotFound>> CorrectionFile(Guid id, Guid correctionId, AppDbContext db, FileStore files, CancellationToken ct) =>
        await CorrectHouseholdStatus.OpenAsync(db, files, id, correctionId, ct) is { } c
            ? TypedResults.PhysicalFile(c.Path, c.Row.ContentType, c.Row.FileName)
            : TypedResults.NotFound();

    private static async Task<Results<Ok<Paged<HouseholdHistory.Line>>, NotFound>> History(Guid id, AppDbContext db, CancellationToken ct, int page = 1, int pageSize = 50) =>
        await HouseholdHistory.Handle(db, id, page, pageSize, ct) is { } lines ? TypedResults.Ok(lines) : TypedResults.NotFound();

    private static async Task<Results<Created<GetHousehold.Detail>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> Create(
        CreateHousehold.Request request, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        return await CreateHousehold.Handle(db, request, clock.Today(), ct) switch
        {
            Outcome<Guid>.Done d => TypedResults.Created($"/api/v1/households/{d.Value}", await GetHousehold.Handle(db, d.Value, clock.Today(), ct)),
            Outcome<Guid>.Invalid i => ApiResults.Invalid(i.Errors),
            Outcome<Guid>.Conflict c => ApiResults.Conflict(c.Message),
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<Results<Ok<int>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> Update(
        Guid id, UpdateHousehold.Request request, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        (await UpdateHousehold.Handle(db, id, request, clock.Today(), ct)).ToHttp();

    private static async Task<Results<Ok<int>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> ChangeHeadOf(
        Guid id, ChangeHead.Request request, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        (await ChangeHead.Handle(db, id, request, clock.Today(), ct)).ToHttp();

    private static async Task<Results<Ok<RevealPersonalData.Revealed>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> Reveal(
        Guid id, RevealPersonalData.Request request, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        (await RevealPersonalData.HouseholdAsync(db, clock, id, request, ct)).ToHttp();

    private static async Task<Results<Ok<Guid>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> AddMemberTo(
        Guid id, MemberInput request, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        (await AddMember.Handle(db, id, request, clock.Today(), ct)).ToHttp();
}
