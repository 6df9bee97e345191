using Fupin.Web.Data;
using Fupin.Web.Features.Accounts;
using Fupin.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Fupin.Web.Features.Funds;

/// <summary>/api/v1/funds, /api/v1/projects and /api/v1/assets: money from source to payee, spending progress, the project library, notices and assets.</summary>
public static class FundsApi
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static async Task<Results<Ok<T>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> Http<T>(Task<Outcome<T>> outcome) => (await outcome).ToHttp();

    public static IEndpointRouteBuilder MapFunds(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1/funds").WithTags("资金项目").RequireAuthorization(AccountSetup.RegistryReadPolicy);
        read.MapGet("/batches", async (AppDbContext db, CancellationToken ct, int? year) => TypedResults.Ok(await FundFlows.BatchesAsync(db, year, ct)))
            .WithName("ListFundBatches").WithSummary("资金批次：来源、文号、金额、已分配、已支出、支出进度");
        read.MapGet("/allocations", async (AppDbContext db, CancellationToken ct, Guid? batchId, Guid? projectId) => TypedResults.Ok(await FundFlows.AllocationsAsync(db, batchId, projectId, ct)))
            .WithName("ListAllocations").WithSummary("资金分配（按批次或项目）");
        read.MapGet("/disbursements", async (AppDbContext db, CancellationToken ct, Guid? batchId, Guid? projectId) => TypedResults.Ok(await FundFlows.DisbursementsAsync(db, batchId, projectId, ct)))
            .WithName("ListDisbursements").WithSummary("资金支出（按批次或项目）");
        read.MapGet("/progress", async (AppDbContext db, TimeProvider clock, CancellationToken ct, string? regionCode, DateOnly? asOf) =>
            TypedResults.Ok(await SpendingProgress.GetAsync(db, regionCode, asOf ?? clock.Today(), ct)))
            .WithName("SpendingProgress").WithSummary("支出进度（截至某日）：按来源、批次、乡镇、部门、项目；乡镇和部门排名及较上次快照的变化");
        read.MapGet("/progress/export", async (AppDbContext db, TimeProvider clock, CancellationToken ct, string? regionCode, DateOnly? asOf) =>
        {
            var (bytes, name) = await SpendingProgress.ExportAsync(db, clock, regionCode, asOf ?? clock.Today(), ct);
            return TypedResults.File(bytes, Xlsx, name);
        }).WithName("ExportSpendingProgress").WithSummary("导出支出进度（.xlsx）");
        read.MapGet("/snapshots", async (AppDbContext db, CancellationToken ct) => TypedResults.Ok(await SpendingProgress.SnapshotsAsync(db, ct)))
            .WithName("ListSpendingSnapshots").WithSummary("支出进度快照（每周自动及手动）");
        read.MapGet("/batches/{id:guid}/notice", async Task<Results<FileContentHttpResult, NotFound>> (Guid id, AppDbContext db, TimeProvider clock, IConfiguration config, CancellationToken ct) =>
            await Notices.BatchAsync(db, clock, config, id, ct) is { } d ? TypedResults.File(d.Bytes, Docx, d.FileName) : TypedResults.NotFound())
            .WithName("FundBatchNotice").WithSummary("资金分配公告（.docx）");

        var money = app.MapGroup("/api/v1/funds").WithTags("资金项目").RequireAuthorization(AccountSetup.CountyPolicy);
        money.MapPost("/batches", (FundFlows.BatchRequest r, AppDbContext db, TimeProvider clock, CancellationToken ct) => Http(FundFlows.SaveBatchAsync(db, clock, null, r, ct)))
            .WithName("CreateFundBatch").WithSummary("登记资金批次（来源、文号、日期、金额、是否先行预拨）");
        money.MapPut("/batches/{id:guid}", (Guid id, FundFlows.BatchRequest r, AppDbContext db, TimeProvider clock, CancellationToken ct) => Http(FundFlows.SaveBatchAsync(db, clock, id, r, ct)))
            .WithName("UpdateFundBatch").WithSummary("修改资金批次（带版本号）");
        money.MapPost("/batches/{id:guid}/allocations", (Guid id, FundFlows.AllocationRequest r, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
            Http(FundFlows.AllocateAsync(db, clock, id, r, ct))).WithName("AllocateFunds").WithSummary("分配资金到乡镇、部门或项目；超过批次余额须勾选超额分配并说明");
        money.MapPost("/disbursements", (FundFlows.DisbursementRequest r, AppDbContext db, TimeProvider clock, CancellationToken ct) => Http(FundFlows.DisburseAsync(db, clock, r, ct)))
            .WithName("RecordDisbursement").WithSummary("登记支出（日期、收款方、凭证号；不超过分配余额；项目关闭后不能支出）");
        money.MapPost("/snapshots", async (AppDbContext db, TimeProvider clock, CancellationToken ct, DateOnly? asOf) =>
            TypedResults.Ok(await SpendingProgress.SnapshotAsync(db, clock, asOf ?? clock.Today(), automatic: false, ct)))
            .WithName("TakeSpendingSnapshot").WithSummary("手动生成支出进度快照");
        money.MapPost("/batches/{id:guid}/notices", (Guid id, Notices.PostingRequest r, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
            Http(Notices.PostAsync(db, clock, null, id, r, ct))).WithName("PostBatchNotice").WithSummary("登记资金公告张贴（日期、地点、天数）");

        var projects = app.MapGroup("/api/v1/projects").WithTags("资金项目").RequireAuthorization(AccountSetup.RegistryReadPolicy);
        projects.MapGet("/", async ([AsParameters] Projects.Query q, AppDbContext db, CancellationToken ct) => TypedResults.Ok(await Projects.ListAsync(db, q, ct)))
            .WithName("ListProjects").WithSummary("项目库：按区划、年度、阶段、类型、级别、标签（如革命老区）筛选，分页");
        projects.MapGet("/rates", async (AppDbContext db, TimeProvider clock, CancellationToken ct, string? regionCode, int? year) =>
            TypedResults.Ok(await Projects.RatesAsync(db, regionCode, year ?? clock.Today().Year, ct)))
            .WithName("ProjectRates").WithSummary("开工率、竣工率、产业项目资金占比、户均投入：合计及按乡镇");
        projects.MapGet("/{id:guid}", async Task<Results<Ok<Projects.Detail>, NotFound>> (Guid id, AppDbContext db, CancellationToken ct) =>
            await Projects.GetAsync(db, id, ct) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound()).WithName("GetProject").WithSummary("项目详情：资金、阶段记录、附件、受益户、公示");
        projects.MapGet("/{id:guid}/notice", async Task<Results<FileContentHttpResult, NotFound>> (Guid id, AppDbContext db, TimeProvider clock, IConfiguration config, CancellationToken ct) =>
            await Notices.ProjectAsync(db, clock, config, id, ct) is { } d ? TypedResults.File(d.Bytes, Docx, d.FileName) : TypedResults.NotFound())
            .WithName("ProjectNotice").WithSummary("项目公告公示（.docx，受益户姓名脱敏）");
        projects.MapGet("/{id:guid}/files/{fileId:guid}", async Task<Results<PhysicalFileHttpResult, NotFound>> (Guid id, Guid fileId, AppDbContext db, FileStore files, CancellationToken ct) =>
            await Projects.OpenFileAsync(db, files, id, fileId, ct) is { } f ? TypedResults.PhysicalFile(f.Path, f.Row.ContentType, f.Row.FileName) : TypedResults.NotFound())
            .WithName("DownloadProjectFile").WithSummary("下载项目附件");

        var edit = app.MapGroup("/api/v1/projects").WithTags("资金项目").RequireAuthorization(AccountSetup.ProjectEditPolicy);
        edit.MapPost("/", (Projects.ProjectRequest r, AppDbContext db, TimeProvider clock, CancellationToken ct) => Http(Projects.SaveAsync(db, clock, null, r, ct)))
            .WithName("CreateProject").WithSummary("项目入库（储备）：区、镇、村级，计划投资按来源");
        edit.MapPut("/{id:guid}", (Guid id, Projects.ProjectRequest r, AppDbContext db, TimeProvider clock, CancellationToken ct) => Http(Projects.SaveAsync(db, clock, id, r, ct)))
            .WithName("UpdateProject").WithSummary("修改项目；已立项的项目为年度调整，须写原因");
        edit.MapPost("/{id:guid}/stage", (Guid id, Projects.StageRequest r, AppDbContext db, TimeProvider clock, CancellationToken ct) => Http(Projects.AdvanceAsync(db, clock, id, r, ct)))
            .WithName("AdvanceProject").WithSummary("推进项目阶段：立项→设计→招投标→开工→完工→验收→资产移交，或终止");
        edit.MapPost("/{id:guid}/beneficiaries", (Guid id, List<Guid> householdIds, AppDbContext db, CancellationToken ct) => Http(Projects.AddBeneficiariesAsync(db, id, householdIds, ct)))
            .WithName("AddProjectBeneficiaries").WithSummary("关联受益农户（名册中的户）");
        edit.MapPost("/{id:guid}/files", async (Guid id, IFormFile file, AppDbContext db, FileStore files, TimeProvider clock, CancellationToken ct) =>
        {
            await using var stream = file.OpenReadStream();
            return (await Projects.AddFileAsync(db, files, clock, id, file.FileName, stream, file.Length, ct)).ToHttp();
        }).WithName("UploadProjectFile").DisableAntiforgery().WithSummary("上传项目当前阶段的附件");
        edit.MapPost("/{id:guid}/notices", (Guid id, Notices.PostingRequest r, AppDbContext db, TimeProvider clock, CancellationToken ct) => Http(Notices.PostAsync(db, clock, id, null, r, ct)))
            .WithName("PostProjectNotice").WithSummary("登记项目公示张贴（日期、地点、天数）");

        var assets = app.MapGroup("/api/v1/assets").WithTags("资金项目").RequireAuthorization(AccountSetup.RegistryReadPolicy);
        assets.MapGet("/", async (AppDbContext db, CancellationToken ct, string? regionCode) => TypedResults.Ok(await PovertyAssets.ListAsync(db, regionCode, ct)))
            .WithName("ListAssets").WithSummary("扶贫资产：价值、产权、管护、累计收益和分红户数");
        assets.MapGet("/{id:guid}", async Task<Results<Ok<PovertyAssets.Detail>, NotFound>> (Guid id, AppDbContext db, CancellationToken ct) =>
            await PovertyAssets.GetAsync(db, id, ct) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound()).WithName("GetAsset").WithSummary("一项资产及其收益分配");
        var assetEdit = app.MapGroup("/api/v1/assets").WithTags("资金项目").RequireAuthorization(AccountSetup.ProjectEditPolicy);
        assetEdit.MapPost("/", (PovertyAssets.AssetRequest r, AppDbContext db, TimeProvider clock, CancellationToken ct) => Http(PovertyAssets.SaveAsync(db, clock, null, r, ct)))
            .WithName("CreateAsset").WithSummary("登记扶贫资产");
        assetEdit.MapPut("/{id:guid}", (Guid id, PovertyAssets.AssetRequest r, AppDbContext db, TimeProvider clock, CancellationToken ct) => Http(PovertyAssets.SaveAsync(db, clock, id, r, ct)))
            .WithName("UpdateAsset").WithSummary("修改扶贫资产（带版本号）");
        assetEdit.MapPost("/{id:guid}/incomes", (Guid id, PovertyAssets.IncomeRequest r, AppDbContext db, TimeProvider clock, CancellationToken ct) => Http(PovertyAssets.AddIncomeAsync(db, clock, id, r, ct)))
            .WithName("AddAssetIncome").WithSummary("登记资产收益及分配（到户、村集体；合计不超过收益）");
        return app;
    }
}
