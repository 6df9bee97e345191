using Fupin.Web.Data;
using Fupin.Web.Features.Accounts;
using Fupin.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Fupin.Web.Features.Procedures;

/// <summary>
/// /api/v1/procedures: identification (两公示一比对一公告), household exit and village exit cases. Reading
/// is for the registry readers in scope; each step only for the role that owns it.
/// </summary>
public static class ProceduresApi
{
    public static IEndpointRouteBuilder MapProcedures(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/procedures").WithTags("识别与退出程序").RequireAuthorization(AccountSetup.RegistryReadPolicy);
        group.MapGet("/", List).WithName("ListProcedureCases").WithSummary("程序案件列表：按类别、状态、区划、农户筛选，分页");
        group.MapGet("/worklist", Work).WithName("ProcedureWorkList")
            .WithSummary("待办：当前步骤由本角色办理的案件、即将或已经期满的公示、未处理的异议");
        group.MapGet("/steps/{kind}", Steps).WithName("ProcedureSteps").WithSummary("某类程序的步骤、办理角色和步骤类型（可由县里配置）");
        group.MapGet("/{id:guid}", Get).WithName("GetProcedureCase").WithSummary("案件详情：步骤进度、每步办理记录、异议和附件");
        group.MapGet("/{id:guid}/attachments/{attachmentId:guid}", Download).WithName("DownloadProcedureAttachment").WithSummary("下载案件附件");

        var edit = group.MapGroup("").RequireAuthorization(AccountSetup.RegistryEditPolicy);
        edit.MapPost("/", Start).WithName("StartProcedureCase")
            .WithSummary("启动程序：识别（申请中的农户）、贫困户退出（须满足收入和两不愁三保障，否则列出全部原因）、贫困村出列");
        edit.MapPost("/{id:guid}/act", Act).WithName("ActOnProcedureStep")
            .WithSummary("办理当前步骤（通过/不通过）：仅限该步骤的办理角色；公示未满最短天数或有未处理异议时不能通过");
        edit.MapPost("/{id:guid}/objections", Object).WithName("RaiseProcedureObjection").WithSummary("公示期间登记异议，案件暂停直至处理");
        edit.MapPost("/{id:guid}/objections/{objectionId:guid}/resolve", Resolve).WithName("ResolveProcedureObjection")
            .WithSummary("处理异议并记录结果：异议成立则案件办结（未通过），不成立则继续办理");
        edit.MapPost("/{id:guid}/attachments", Upload).WithName("UploadProcedureAttachment").DisableAntiforgery()
            .WithSummary("上传附件（PDF、JPG、PNG、docx、xlsx，按内容识别）");
        return app;
    }

    private static async Task<Ok<Paged<ProcedureQueries.CaseRow>>> List([AsParameters] ProcedureQueries.ListQuery query, AppDbContext db,
        ProcedureDefinitions definitions, CancellationToken ct) =>
        TypedResults.Ok(await ProcedureQueries.ListAsync(db, definitions, query, ct));

    private static async Task<Ok<ProcedureQueries.WorkList>> Work(AppDbContext db, ProcedureDefinitions definitions, TimeProvider clock, CancellationToken ct,
        int days = 3) =>
        TypedResults.Ok(await ProcedureQueries.WorkListAsync(db, definitions, clock.Today(), Math.Clamp(days, 0, 60), ct));

    private static Ok<IReadOnlyList<StepDefinition>> Steps(ProcedureKind kind, ProcedureDefinitions definitions) => TypedResults.Ok(definitions.Steps(kind));

    private static async Task<Results<Ok<ProcedureQueries.CaseView>, NotFound>> Get(Guid id, AppDbContext db, ProcedureDefinitions definitions,
        TimeProvider clock, CancellationToken ct) =>
        await ProcedureQueries.GetAsync(db, definitions, id, clock.Today(), ct) is { } c ? TypedResults.Ok(c) : TypedResults.NotFound();

    private static async Task<Results<Ok<Guid>, ValidationProblem, NotFound, Conflict<ProblemDetails>, ProblemHttpResult>> Start(
        ProcedureCommands.StartRequest request, AppDbContext db, ProcedureDefinitions definitions, TimeProvider clock, CancellationToken ct) =>
        (await ProcedureCommands.StartAsync(db, definitions, clock, request, ct)).ToHttpOrForbidden();

    private static async Task<Results<Ok<int>, ValidationProblem, NotFound, Conflict<ProblemDetails>, ProblemHttpResult>> Act(
        Guid id, ProcedureCommands.ActRequest request, AppDbContext db, ProcedureDefinitions definitions, TimeProvider clock, CancellationToken ct) =>
        (await ProcedureCommands.ActAsync(db, definitions, clock, id, request, ct)).ToHttpOrForbidden();

    private static async Task<Results<Ok<Guid>, ValidationProblem, NotFound, Conflict<ProblemDetails>, ProblemHttpResult>> Object(
        Guid id, ProcedureCommands.ObjectionRequest request, AppDbContext db, ProcedureDefinitions definitions, TimeProvider clock, CancellationToken ct) =>
        (await ProcedureCommands.RaiseObjectionAsync(db, definitions, clock, id, request, ct)).ToHttpOrForbidden();

    private static async Task<Results<Ok<int>, ValidationProblem, NotFound, Conflict<ProblemDetails>, ProblemHttpResult>> Resolve(
        Guid id, Guid objectionId, ProcedureCommands.ResolveRequest request, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        (await ProcedureCommands.ResolveObjectionAsync(db, clock, id, objectionId, request, ct)).ToHttpOrForbidden();

    private static async Task<Results<Ok<Guid>, ValidationProblem, NotFound, Conflict<ProblemDetails>, ProblemHttpResult>> Upload(
        Guid id, IFormFile file, AppDbContext db, ProcedureAttachments attachments, TimeProvider clock, CancellationToken ct)
    {
        await using var stream = file.OpenReadStream();
        return (await attachments.AddAsync(db, clock, id, file.FileName, stream, file.Length, ct)).ToHttpOrForbidden();
    }

    private static async Task<Results<PhysicalFileHttpResult, NotFound>> Download(Guid id, Guid attachmentId, AppDbContext db,
        ProcedureAttachments attachments, CancellationToken ct) =>
        await attachments.OpenAsync(db, id, attachmentId, ct) is { } a
            ? TypedResults.PhysicalFile(a.Path, a.Row.ContentType, a.Row.FileName)
            : TypedResults.NotFound();
}
