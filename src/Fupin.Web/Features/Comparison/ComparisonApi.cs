using Fupin.Web.Data;
using Fupin.Web.Features.Accounts;
using Fupin.Web.Features.Audit;
using Fupin.Web.Features.Import;
using Fupin.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Comparison;

/// <summary>
/// /api/v1/rosters: department rosters (templates, uploads as background jobs, batches).
/// /api/v1/comparison: the rules, comparison rounds and their findings, worked 核实 → 整改 → 销号.
/// </summary>
public static class ComparisonApi
{
    public sealed record KindView(RosterKind Kind, string Label, string Department, string Purpose, IReadOnlyList<ColumnView> Columns);

    public sealed record ColumnView(string Header, bool Required, IReadOnlyList<string>? Values, string? Example);

    public sealed record BatchView(Guid Id, RosterKind Kind, string KindLabel, string Label, string FileName, string Sha256, int Rows, string UploadedBy,
        string? Department, DateTime UploadedAt);

    public sealed record RuleView(ComparisonRule Rule, string Name, FindingSeverity Severity, string SeverityLabel, IReadOnlyList<RosterKind> Needs, string Description);

    public static IReadOnlyList<KindView> Kinds() =>
        [.. RosterLayout.All.Select(l => new KindView(l.Kind, Labels.Of(l.Kind), l.Department, l.Purpose,
            [.. l.Columns.Select(c => new ColumnView(c.Header, c.Required, c.Values, c.Example))]))];

    public static IReadOnlyList<RuleView> Rules() =>
        [.. ComparisonRules.All.Select(r => new RuleView(r.Rule, r.Name, r.Severity, Labels.Of(r.Severity), r.Needs, r.Description))];

    public static async Task<Paged<BatchView>> BatchesAsync(AppDbContext db, RosterKind? kind, int page, int pageSize, CancellationToken ct)
    {
        var query = db.Set<RosterBatch>().AsNoTracking();
        if (kind is { } k)
        {
            query = query.Where(b => b.Kind == k);
        }
        var (skip, take) = Paging.Window(page, pageSize);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(b => b.UploadedAt).ThenBy(b => b.Id).Skip(skip).Take(take).ToListAsync(ct);
        return new Paged<BatchView>([.. rows.Select(b => new BatchView(b.Id, b.Kind, Labels.Of(b.Kind), b.Label, b.FileName, b.Sha256, b.Rows, b.UploadedBy,
            b.Department, b.UploadedAt))], total);
    }

    public static IEndpointRouteBuilder MapComparison(this IEndpointRouteBuilder app)
    {
        var rosters = app.MapGroup("/api/v1/rosters").WithTags("部门名册").RequireAuthorization(AccountSetup.RosterPolicy);
        rosters.MapGet("/kinds", () => TypedResults.Ok(Kinds())).WithName("RosterKinds").WithSummary("名册种类：来源部门、用途和各列（必填、可选值）");
        rosters.MapGet("/template", Template).WithName("RosterTemplate").WithSummary("下载某类名册的导入模板");
        rosters.MapGet("/", Batches).WithName("ListRosterBatches").WithSummary("已导入的名册批次：哪一类、批次名称、谁、何时、文件及其哈希、行数");
        rosters.MapPost("/", Upload).WithName("UploadRoster").DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(512L * 1024 * 1024))
            .WithFormOptions(multipartBodyLengthLimit: 512L * 1024 * 1024)
            .WithSummary("上传部门名册（表单字段 file、kind、label）：.xlsx 或 CSV，全部通过校验才写入；返回导入任务，轮询 /api/v1/rosters/jobs/{id}")
            .Produces<ImportsApi.JobView>(StatusCodes.Status202Accepted);
        rosters.MapGet("/jobs/{id:guid}", Job).WithName("GetRosterJob").WithSummary("名册导入任务的状态和进度");
        rosters.MapGet("/jobs/{id:guid}/errors", Errors).WithName("RosterErrorReport").WithSummary("下载名册导入错误报告：原表各行加一列“错误说明”");

        var comparison = app.MapGroup("/api/v1/comparison").WithTags("数据比对").RequireAuthorization(AccountSetup.RegistryReadPolicy);
        comparison.MapGet("/rules", () => TypedResults.Ok(Rules())).WithName("ComparisonRules").WithSummary("比对规则：名称、严重程度、所需名册、说明");
        comparison.MapGet("/rounds", Rounds).WithName("ListComparisonRounds").WithSummary("比对轮次：名册、规则、户数人数、新发现和重复问题数、耗时");
        comparison.MapGet("/rounds/{id:guid}", Round).WithName("GetComparisonRound").WithSummary("一个比对轮次");
        comparison.MapPost("/rounds", Run).WithName("RunComparisonRound").RequireAuthorization(AccountSetup.CountyPolicy)
            .WithSummary("运行比对：所选名册批次（每类一个）与本辖区建档立卡和监测户比对，按所选规则（默认全部可运行规则）生成问题，随后重算三色灯");
        comparison.MapGet("/findings", List).WithName("ListFindings").WithSummary("比对问题：按区划、轮次、规则、状态、是否逾期筛选，分页");
        comparison.MapGet("/findings/summary", Summary).WithName("FindingsSummary").WithSummary("未销号、已销号、逾期问题数，按乡镇、村、规则、轮次");
        comparison.MapGet("/findings/export", Export).WithName("ExportFindings").WithSummary("按当前筛选条件导出比对问题（.xlsx）");
        comparison.MapGet("/findings/{id:guid}", Get).WithName("GetFinding").WithSummary("一条比对问题：双方依据和办理记录");
        var edit = comparison.MapGroup("/findings/{id:guid}").RequireAuthorization(AccountSetup.RegistryEditPolicy);
        edit.MapPost("/verify", Verify).WithName("VerifyFinding").WithSummary("核实：属实或不属实，须写明核实情况");
        edit.MapPost("/rectify", Rectify).WithName("RectifyFinding").WithSummary("整改：核实属实后登记整改措施");
        edit.MapPost("/close", Close).WithName("CloseFinding").WithSummary("销号：已整改或核实不属实的问题，写明销号说明");
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> Template(RosterKind kind, CancellationToken ct) =>
        Enum.IsDefined(kind)
            ? TypedResults.File(await RosterImport.TemplateAsync(kind, ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", RosterLayout.Of(kind).FileName)
            : ApiResults.Invalid(new Errors().Add("kind", "名册种类不存在"));

    private static async Task<Ok<Paged<BatchView>>> Batches(AppDbContext db, CancellationToken ct, RosterKind? kind = null, int page = 1, int pageSize = 20) =>
        TypedResults.Ok(await BatchesAsync(db, kind, page, pageSize, ct));

    private static async Task<Results<Accepted<ImportsApi.JobView>, ValidationProblem>> Upload(IFormFile? file, [FromForm] RosterKind? kind, [FromForm] string? label,
        AppDbContext db, ImportJobs jobs, HttpContext http, CancellationToken ct)
    {
        var errors = new Errors();
        if (file is null)
        {
            errors.Add("file", "请选择要导入的名册文件（表单字段名 file）");
        }
        if (kind is not { } k || !Enum.IsDefined(k))
        {
            errors.Add("kind", "请选择名册种类");
        }
        errors.Require("label", label, "批次名称", 60);
        if (errors.Any)
        {
            return ApiResults.Invalid(errors);
        }
        await using var stream = file!.OpenReadStream();
        var job = await jobs.SubmitAsync(db, http.User, stream, file.FileName, ct, ImportKind.Roster, kind, label!.Trim());
        if (job.State == ImportState.Rejected)
        {
            return ApiResults.Invalid(new Errors().Add("file", job.Message!));
        }
        return TypedResults.Accepted($"/api/v1/rosters/jobs/{job.Id}", ImportsApi.View(job, jobs.ProgressOf(job.Id)));
    }

    private static async Task<Results<Ok<ImportsApi.JobView>, NotFound>> Job(Guid id, AppDbContext db, ImportJobs jobs, CancellationToken ct) =>
        await ImportsApi.GetAsync(db, jobs, id, ct) is { Kind: ImportKind.Roster } j ? TypedResults.Ok(j) : TypedResults.NotFound();

    private static Task<Results<PhysicalFileHttpResult, NotFound>> Errors(Guid id, AppDbContext db, ImportJobs jobs, CancellationToken ct) =>
        ImportsApi.ErrorReportAsync(db, jobs, id, ImportKind.Roster, ct);

    private static async Task<Ok<Paged<ComparisonRounds.RoundView>>> Rounds(AppDbContext db, CancellationToken ct, int page = 1, int pageSize = 20) =>
        TypedResults.Ok(await ComparisonRounds.ListAsync(db, page, pageSize, ct));

    private static async Task<Results<Ok<ComparisonRounds.RoundView>, NotFound>> Round(Guid id, AppDbContext db, CancellationToken ct) =>
        await ComparisonRounds.GetAsync(db, id, ct) is { } r ? TypedResults.Ok(r) : TypedResults.NotFound();

    private static async Task<Results<Ok<ComparisonRounds.RoundView>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> Run(
        ComparisonRounds.RunRequest request, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        (await ComparisonRounds.RunAsync(db, clock, request, ct)).ToHttp();

    private static async Task<Ok<Paged<Findings.View>>> List([AsParameters] Findings.Query query, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await Findings.ListAsync(db, query, clock.Today(), ct));

    private static async Task<Ok<Findings.Summary>> Summary([AsParameters] Findings.Query query, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await Findings.SummaryAsync(db, query, clock.Today(), ct));

    private static async Task<Results<Ok<Findings.View>, NotFound>> Get(Guid id, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        await Findings.GetAsync(db, id, clock.Today(), ct) is { } f ? TypedResults.Ok(f) : TypedResults.NotFound();

    private static async Task<Results<Ok<int>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> Verify(Guid id, Findings.VerifyRequest request, AppDbContext db,
        TimeProvider clock, CancellationToken ct) => (await Findings.VerifyAsync(db, clock, id, request, ct)).ToHttp();

    private static async Task<Results<Ok<int>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> Rectify(Guid id, Findings.RectifyRequest request, AppDbContext db,
        TimeProvider clock, CancellationToken ct) => (await Findings.RectifyAsync(db, clock, id, request, ct)).ToHttp();

    private static async Task<Results<Ok<int>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> Close(Guid id, Findings.CloseRequest request, AppDbContext db,
        TimeProvider clock, CancellationToken ct) => (await Findings.CloseAsync(db, clock, id, request, ct)).ToHttp();

    private static async Task<FileContentHttpResult> Export([AsParameters] Findings.Query query, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (bytes, name) = await ExportAsync(db, clock, query, ct);
        return TypedResults.File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    /// <summary>The findings the filter selects, as an .xlsx (all pages), audited.</summary>
    public static async Task<(byte[] Bytes, string FileName)> ExportAsync(AppDbContext db, TimeProvider clock, Findings.Query query, CancellationToken ct)
    {
        var today = clock.Today();
        var rows = await Findings.Filter(db, query, today).OrderBy(f => f.RegionCode).ThenBy(f => f.DueOn).ThenBy(f => f.Id).ToListAsync(ct);
        var views = new List<Findings.View>(rows.Count);
        foreach (var chunk in rows.Chunk(2000))
        {
            views.AddRange(await Findings.ViewsAsync(db, chunk, today, ct));
        }
        var bytes = await XlsxWriter.ToBytesAsync("比对问题", Findings.ExportHeaders, views.Select(Findings.ExportRow), ct);
        await AuditEvents.WriteAsync(db, clock, AuditEvent.Export, nameof(ComparisonFinding),
            detail: $"比对问题 xlsx，{views.Count} 行，条件：区划={query.RegionCode ?? "全部"} 规则={query.Rule?.ToString() ?? "全部"} 状态={query.State?.ToString() ?? (query.Open is { } o ? (o ? "未销号" : "已销号") : "全部")}",
            regionCode: query.RegionCode, ct: ct);
        return (bytes, $"比对问题-{today:yyyyMMdd}.xlsx");
    }
}
