using Fupin.Web.Data;
using Fupin.Web.Features.Accounts;
using Fupin.Web.Features.Import;
using Fupin.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Fupin.Web.Features.Regions;

public static class RegionsApi
{
    public static IEndpointRouteBuilder MapRegions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/regions").WithTags("行政区划").RequireAuthorization();
        group.MapGet("/tree", Tree).WithName("RegionTree").WithSummary("本账号管辖范围内的区划树（不含已撤销的）");
        group.MapGet("/{code}/children", Children).WithName("RegionChildren").WithSummary("下级区划");
        group.MapGet("/{code}/groups", Groups).WithName("VillageGroups").WithSummary("行政村下的村民小组/自然村");
        group.MapGet("/{code}/history", History).WithName("RegionHistory").WithSummary("区划的变更历史：新增、更名、撤销、撤并");

        var admin = app.MapGroup("/api/v1/regions").WithTags("行政区划").RequireAuthorization(AccountSetup.RegionAdminPolicy);
        admin.MapGet("/units", Units).WithName("RegionUnits").WithSummary("全部区划（含已撤销、撤并去向），供系统管理员维护");
        admin.MapGet("/import/template", Template).WithName("RegionImportTemplate").WithSummary("下载区划导入模板");
        admin.MapPost("/import", Import).WithName("ImportRegions").DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(64L * 1024 * 1024))
            .WithSummary("导入统计用区划代码表：.xlsx 或 CSV（UTF-8 或 GB18030），列“统计用区划代码”“名称”，可选“城乡分类代码”“自然村/村民小组”；全部通过校验才写入；返回导入任务，轮询其状态")
            .Produces<ImportsApi.JobView>(StatusCodes.Status202Accepted);
        admin.MapGet("/import/{id:guid}", ImportStatus).WithName("RegionImportStatus").WithSummary("区划导入任务的状态");
        admin.MapGet("/import/{id:guid}/errors", ImportErrors).WithName("RegionImportErrors").WithSummary("下载区划导入的错误报告（原表各行加一列“错误说明”）");
        admin.MapPost("/", Add).WithName("AddRegion").WithSummary("新增乡镇或行政村");
        admin.MapPost("/{code}/rename", Rename).WithName("RenameRegion").WithSummary("更名（留存历史）");
        admin.MapPost("/{code}/retire", Retire).WithName("RetireRegion").WithSummary("撤销没有在册户的乡镇或行政村");
        admin.MapPost("/merge", Merge).WithName("MergeVillages")
            .WithSummary("撤并行政村：被撤并村的农户及其全部记录改到并入村的代码，每户留历史；旧代码作为别名，导入时仍可识别");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<RegionQueries.Node>>> Tree(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await RegionQueries.TreeAsync(db, ct));

    private static async Task<Results<Ok<IReadOnlyList<RegionQueries.Node>>, NotFound>> Children(string code, AppDbContext db, CancellationToken ct) =>
        await RegionQueries.ChildrenAsync(db, code, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();

    private static async Task<Results<Ok<IReadOnlyList<RegionQueries.Group>>, NotFound>> Groups(string code, AppDbContext db, CancellationToken ct) =>
        await RegionQueries.GroupsAsync(db, code, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();

    private static async Task<Results<Ok<IReadOnlyList<EditRegions.Change>>, NotFound>> History(string code, AppDbContext db, CancellationToken ct) =>
        await EditRegions.HistoryAsync(db, code, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();

    private static async Task<Ok<IReadOnlyList<RegionQueries.Unit>>> Units(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await RegionQueries.UnitsAsync(db, ct));

    private static async Task<FileContentHttpResult> Template(CancellationToken ct) =>
        TypedResults.File(await RegionImport.TemplateAsync(ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "区划导入模板.xlsx");

    private static async Task<Results<Accepted<ImportsApi.JobView>, ValidationProblem>> Import(IFormFile? file, AppDbContext db, ImportJobs jobs, HttpContext http, CancellationToken ct)
    {
        if (file is null)
        {
            return ApiResults.Invalid(new Errors().Add("file", "请选择要导入的区划文件（表单字段名 file）"));
        }
        await using var stream = file.OpenReadStream();
        var job = await jobs.SubmitAsync(db, http.User, stream, file.FileName, ct, ImportKind.Regions);
        if (job.State == ImportState.Rejected)
        {
            return ApiResults.Invalid(new Errors().Add("file", job.Message!));
        }
        return TypedResults.Accepted($"/api/v1/regions/import/{job.Id}", ImportsApi.View(job, jobs.ProgressOf(job.Id)));
    }

    private static async Task<Results<Ok<ImportsApi.JobView>, NotFound>> ImportStatus(Guid id, AppDbContext db, ImportJobs jobs, CancellationToken ct) =>
        await ImportsApi.GetAsync(db, jobs, id, ct) is { Kind: ImportKind.Regions } j ? TypedResults.Ok(j) : TypedResults.NotFound();

    private static Task<Results<PhysicalFileHttpResult, NotFound>> ImportErrors(Guid id, AppDbContext db, ImportJobs jobs, CancellationToken ct) =>
        ImportsApi.ErrorReportAsync(db, jobs, id, ImportKind.Regions, ct);

    private static async Task<Results<Ok<RegionQueries.Node>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> Add(
        EditRegions.AddRequest request, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        (await EditRegions.AddAsync(db, clock, request, ct)).ToHttp();

    private static async Task<Results<Ok<RegionQueries.Node>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> Rename(
        string code, EditRegions.RenameRequest request, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        (await EditRegions.RenameAsync(db, clock, code, request, ct)).ToHttp();

    private static async Task<Results<Ok<RegionQueries.Node>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> Retire(
        string code, EditRegions.RetireRequest request, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        (await EditRegions.RetireAsync(db, clock, code, request, ct)).ToHttp();

    private static async Task<Results<Ok<MergeVillages.Result>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> Merge(
        MergeVillages.Request request, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        (await MergeVillages.HandleAsync(db, clock, request, ct)).ToHttp();
}
