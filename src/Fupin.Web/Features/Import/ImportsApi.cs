using Fupin.Web.Data;
using Fupin.Web.Features.Accounts;
using Fupin.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Import;

/// <summary>/api/v1/imports: the template, uploads that become background jobs, their progress, history and error reports.</summary>
public static class ImportsApi
{
    public sealed record JobView(Guid Id, ImportKind Kind, string FileName, string Sha256, long Size, string? Format, string UserName, DateTime CreatedAt,
        DateTime? StartedAt, DateTime? FinishedAt, ImportState State, string StateLabel, string Phase, int RowsTotal, int RowsChecked, int RowsWritten,
        int Households, int HouseholdsCreated, int HouseholdsUpdated, int MembersCreated, int MembersUpdated, int HouseholdsUnchanged,
        int ErrorRows, string? Message, bool HasReport)
    {
        public bool Finished => State is ImportState.Succeeded or ImportState.Failed or ImportState.Rejected;
    }

    public static string StateLabel(ImportState s) => s switch
    {
        ImportState.Queued => "排队中",
        ImportState.Running => "导入中",
        ImportState.Succeeded => "导入成功",
        ImportState.Failed => "未通过（未写入）",
        _ => "文件被拒绝",
    };

    public static JobView View(ImportJob j, RegistryImport.Progress? live) => new(j.Id, j.Kind, j.FileName, j.Sha256, j.Size, j.Format, j.UserName, j.CreatedAt,
        j.StartedAt, j.FinishedAt, j.State, StateLabel(j.State), live?.Phase ?? StateLabel(j.State),
        live?.RowsTotal is > 0 ? live.RowsTotal : j.Rows, live?.RowsChecked ?? (j.State == ImportState.Succeeded || j.ErrorRows > 0 ? j.Rows : 0),
        live?.RowsWritten ?? (j.State == ImportState.Succeeded ? j.Rows : 0),
        j.Households, j.HouseholdsCreated, j.HouseholdsUpdated, j.MembersCreated, j.MembersUpdated, j.HouseholdsUnchanged, j.ErrorRows, j.Message, j.ReportFile is not null);

    public static async Task<JobView?> GetAsync(AppDbContext db, ImportJobs jobs, Guid id, CancellationToken ct) =>
        await db.Set<ImportJob>().AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct) is { } j ? View(j, jobs.ProgressOf(id)) : null;

    public static async Task<Paged<JobView>> ListAsync(AppDbContext db, ImportJobs jobs, int page, int pageSize, CancellationToken ct)
    {
        var query = db.Set<ImportJob>().AsNoTracking();
        var (skip, take) = Paging.Window(page, pageSize);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(j => j.CreatedAt).ThenBy(j => j.Id).Skip(skip).Take(take).ToListAsync(ct);
        return new Paged<JobView>(rows.Select(j => View(j, jobs.ProgressOf(j.Id))).ToList(), total);
    }

    public static IEndpointRouteBuilder MapImports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/imports").WithTags("名册导入").RequireAuthorization(AccountSetup.RegistryEditPolicy);
        group.MapGet("/template", Template).WithName("ImportTemplate").WithSummary("下载导入模板：kind=Registry 建档立卡名册（表头及填写说明），kind=Income 收入台账");
        group.MapGet("/", List).WithName("ListImports").WithSummary("导入历史：谁、何时、文件名及其哈希、行数、结果");
        group.MapGet("/{id:guid}", Get).WithName("GetImport").WithSummary("导入任务的状态和进度（已校验行数、已写入行数）");
        group.MapGet("/{id:guid}/errors", Errors).WithName("ImportErrorReport").WithSummary("下载错误报告：原表各行加一列“错误说明”");
        group.MapPost("/", Upload).WithName("UploadImport").DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(512L * 1024 * 1024))
            .WithFormOptions(multipartBodyLengthLimit: 512L * 1024 * 1024)
            .WithSummary("上传名册（kind=Registry，默认）或收入台账（kind=Income）：.xlsx 或 CSV（UTF-8 或 GB18030），全部通过校验才写入；返回导入任务，轮询其状态")
            .Produces<JobView>(StatusCodes.Status202Accepted);
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> Template(CancellationToken ct, ImportKind kind = ImportKind.Registry) => kind switch
    {
        ImportKind.Income => TypedResults.File(await IncomeImport.TemplateAsync(ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", IncomeImport.FileName),
        ImportKind.Registry => TypedResults.File(await ImportTemplate.BuildAsync(ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ImportTemplate.FileName),
        _ => ApiResults.Invalid(new Errors().Add("kind", "部门名册的模板按名册种类下载：/api/v1/rosters/template?kind=…")),
    };

    private static async Task<Ok<Paged<JobView>>> List(AppDbContext db, ImportJobs jobs, CancellationToken ct, int page = 1, int pageSize = 20) =>
        TypedResults.Ok(await ListAsync(db, jobs, page, pageSize, ct));

    private static async Task<Results<Ok<JobView>, NotFound>> Get(Guid id, AppDbContext db, ImportJobs jobs, CancellationToken ct) =>
        await GetAsync(db, jobs, id, ct) is { } j ? TypedResults.Ok(j) : TypedResults.NotFound();

    private static Task<Results<PhysicalFileHttpResult, NotFound>> Errors(Guid id, AppDbContext db, ImportJobs jobs, CancellationToken ct) =>
        ErrorReportAsync(db, jobs, id, null, ct);

    /// <summary>A job's error report (in scope, of the given kind when one is named), as a download named after the uploaded file.</summary>
    public static async Task<Results<PhysicalFileHttpResult, NotFound>> ErrorReportAsync(AppDbContext db, ImportJobs jobs, Guid id, ImportKind? kind, CancellationToken ct)
    {
        var job = await db.Set<ImportJob>().AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);
        return job?.ReportFile is not null && (kind is null || job.Kind == kind) && File.Exists(jobs.ReportPath(job))
            ? TypedResults.PhysicalFile(jobs.ReportPath(job), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                $"错误报告-{Path.GetFileNameWithoutExtension(job.FileName)}.xlsx")
            : TypedResults.NotFound();
    }

    private static async Task<Results<Accepted<JobView>, ValidationProblem>> Upload(IFormFile? file, AppDbContext db, ImportJobs jobs, HttpContext http, CancellationToken ct,
        ImportKind kind = ImportKind.Registry)
    {
        if (file is null)
        {
            return ApiResults.Invalid(new Errors().Add("file", "请选择要导入的文件（表单字段名 file）"));
        }
        if (kind == ImportKind.Roster || !Enum.IsDefined(kind))
        {
            return ApiResults.Invalid(new Errors().Add("kind", "部门名册请通过 /api/v1/rosters 上传（须选择名册种类和批次名称）"));
        }
        await using var stream = file.OpenReadStream();
        var job = await jobs.SubmitAsync(db, http.User, stream, file.FileName, ct, kind);
        if (job.State == ImportState.Rejected)
        {
            return ApiResults.Invalid(new Errors().Add("file", job.Message!));
        }
        return TypedResults.Accepted($"/api/v1/imports/{job.Id}", View(job, jobs.ProgressOf(job.Id)));
    }
}
