using Fupin.Web.Data;
using Fupin.Web.Features.Accounts;
using Fupin.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Fupin.Web.Features.Supervision;

/// <summary>/api/v1/supervision (work plan, unit reports, unit lights, 督办函, 约谈, rectification ledger, scheduled runs) and /api/v1/reports (一张图, work reports, 通报).</summary>
public static class SupervisionApi
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static async Task<Results<Ok<T>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> Http<T>(Task<Outcome<T>> outcome) => (await outcome).ToHttp();

    private static Results<FileContentHttpResult, NotFound> File((byte[] Bytes, string FileName)? d, string type) =>
        d is { } x ? TypedResults.File(x.Bytes, type, x.FileName) : TypedResults.NotFound();

    public static IEndpointRouteBuilder MapSupervision(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1/supervision").WithTags("督查考核").RequireAuthorization(AccountSetup.SupervisionReadPolicy);
        read.MapGet("/tasks", async (AppDbContext db, TimeProvider clock, CancellationToken ct, int? year, string? unit) =>
            TypedResults.Ok(await WorkPlan.ListAsync(db, year ?? clock.Today().Year, clock.Today(), ct, unit)))
            .WithName("ListPlanTasks").WithSummary("工作要点任务：牵头单位、时限、月度目标、最新进度、是否逾期未报送、是否落后");
        read.MapGet("/tasks/{id:guid}/reports", async Task<Results<Ok<IReadOnlyList<WorkPlan.ReportView>>, NotFound>> (Guid id, AppDbContext db, CancellationToken ct) =>
            await WorkPlan.ReportsAsync(db, id, ct) is { } r ? TypedResults.Ok(r) : TypedResults.NotFound()).WithName("ListTaskReports").WithSummary("一项任务的进展报送记录");
        read.MapGet("/reports/{id:guid}/file", async Task<Results<PhysicalFileHttpResult, NotFound>> (Guid id, AppDbContext db, FileStore files, CancellationToken ct) =>
            await WorkPlan.OpenReportFileAsync(db, files, id, ct) is { } f ? TypedResults.PhysicalFile(f.Path, f.Row.ContentType!, f.Row.FileName) : TypedResults.NotFound())
            .WithName("DownloadTaskReportFile").WithSummary("下载报送附件");
        read.MapGet("/lights", async (AppDbContext db, TimeProvider clock, CancellationToken ct, int? year, int? month) =>
        {
            var today = clock.Today();
            return TypedResults.Ok(await UnitLights.BoardAsync(db, year ?? today.Year, month ?? today.Month, ct));
        }).WithName("UnitLightsBoard").WithSummary("责任单位红黄绿灯看板（某年某月）：灯色、原因、各月历史");
        read.MapGet("/lights/notice", async (AppDbContext db, TimeProvider clock, CancellationToken ct, string unit, int year, int month) =>
            File(await UnitLights.NoticeAsync(db, clock, unit, year, month, ct), Docx)).WithName("SupervisionNotice").WithSummary("督办函（.docx）：黄灯、红灯单位的逾期任务和问题");
        read.MapGet("/interviews", async (AppDbContext db, CancellationToken ct, string? unit) => TypedResults.Ok(await UnitLights.InterviewsAsync(db, unit, ct)))
            .WithName("ListInterviews").WithSummary("约谈记录");
        read.MapGet("/problems", async (AppDbContext db, TimeProvider clock, CancellationToken ct, ProblemSource? source, string? unit, ProblemStatus? status) =>
            TypedResults.Ok(await Rectification.ListAsync(db, clock.Today(), ct, source, unit, status)))
            .WithName("RectificationLedger").WithSummary("问题整改台账：按来源、单位、状态筛选；按来源、单位统计未销号、已销号、逾期");
        read.MapGet("/runs", async (AppDbContext db, CancellationToken ct) => TypedResults.Ok(await Scheduler.RunsAsync(db, ct)))
            .WithName("ScheduledRuns").WithSummary("定时任务运行记录（每周资金快照、每月单位亮灯、每日报送提醒）");

        var edit = app.MapGroup("/api/v1/supervision").WithTags("督查考核").RequireAuthorization(AccountSetup.CountyPolicy);
        edit.MapPost("/tasks", (WorkPlan.TaskRequest r, AppDbContext db, TimeProvider clock, CancellationToken ct) => Http(WorkPlan.SaveAsync(db, clock, null, r, ct)))
            .WithName("CreatePlanTask").WithSummary("新增工作要点任务（月度目标为12个累计百分比，不填则按时限平均）");
        edit.MapPut("/tasks/{id:guid}", (Guid id, WorkPlan.TaskRequest r, AppDbContext db, TimeProvider clock, CancellationToken ct) => Http(WorkPlan.SaveAsync(db, clock, id, r, ct)))
            .WithName("UpdatePlanTask").WithSummary("修改任务（带版本号）");
        edit.MapPost("/tasks/import", async Task<Results<Ok<WorkPlan.ImportResult>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> (IFormFile file, [FromForm] int? year, AppDbContext db,
            TimeProvider clock, CancellationToken ct) =>
        {
            await using var stream = file.OpenReadStream();
            return (await WorkPlan.ImportAsync(db, clock, year ?? clock.Today().Year, file.FileName, stream, ct)).ToHttp();
        }).WithName("ImportPlanTasks").DisableAntiforgery().WithSummary("从Excel或Word提纲导入工作要点（全部通过才写入，否则返回逐条错误）");
        edit.MapPost("/lights/compute", async (AppDbContext db, TimeProvider clock, CancellationToken ct, int year, int month) =>
            TypedResults.Ok(await UnitLights.ComputeAsync(db, clock, year, month, ct))).WithName("ComputeUnitLights").WithSummary("计算（重算）某月各责任单位灯色");
        edit.MapPost("/interviews", (UnitLights.InterviewRequest r, AppDbContext db, TimeProvider clock, CancellationToken ct) => Http(UnitLights.InterviewAsync(db, clock, r, ct)))
            .WithName("RecordInterview").WithSummary("登记约谈（红灯单位）：约谈人、日期、情况");
        edit.MapPost("/problems", (Rectification.ItemRequest r, AppDbContext db, TimeProvider clock, CancellationToken ct) => Http(Rectification.SaveAsync(db, clock, null, r, ct)))
            .WithName("CreateProblem").WithSummary("登记整改问题（来源、问题、责任单位、措施、时限；可关联比对问题）");
        edit.MapPost("/problems/from-finding/{findingId:guid}", (Guid findingId, AppDbContext db, TimeProvider clock, CancellationToken ct, string? unit) =>
            Http(Rectification.FromFindingAsync(db, clock, findingId, unit, ct))).WithName("ProblemFromFinding")
            .WithSummary("把数据比对问题转入整改台账（来源“数据比对”，默认责任单位为所在乡镇，时限取比对问题的整改时限）");
        edit.MapPut("/problems/{id:guid}", (Guid id, Rectification.ItemRequest r, AppDbContext db, TimeProvider clock, CancellationToken ct) => Http(Rectification.SaveAsync(db, clock, id, r, ct)))
            .WithName("UpdateProblem").WithSummary("修改整改问题（带版本号）");
        edit.MapPost("/problems/{id:guid}/close", (Guid id, Rectification.CloseRequest r, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
            Http(Rectification.CloseAsync(db, clock, id, r, ct))).WithName("CloseProblem").WithSummary("销号：写明整改情况及佐证");

        app.MapPost("/api/v1/supervision/tasks/{id:guid}/reports", async Task<Results<Ok<Guid>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> (Guid id, HttpRequest request,
            AppDbContext db, FileStore files, TimeProvider clock, CancellationToken ct) =>
        {
            // JSON, or a form with the fields and a file (a Word report, as seed 003 asks).
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(ct);
                var r = new WorkPlan.ReportRequest(form["unit"], DateOnly.TryParse(form["reportedOn"], out var on) ? on : null, int.TryParse(form["percent"], out var p) ? p : null,
                    form["progress"], form["problems"]);
                var file = form.Files.GetFile("file");
                await using var stream = file?.OpenReadStream();
                return (await WorkPlan.ReportAsync(db, files, clock, id, r, file is null ? null : (file.FileName, stream!, file.Length), ct)).ToHttp();
            }
            var body = await request.ReadFromJsonAsync<WorkPlan.ReportRequest>(ct);
            return body is null ? ApiResults.Invalid(new Errors().Add("progress", "请填写报送内容")) : (await WorkPlan.ReportAsync(db, files, clock, id, body, null, ct)).ToHttp();
        }).RequireAuthorization(AccountSetup.TaskReportPolicy).WithTags("督查考核").WithName("ReportTaskProgress").DisableAntiforgery()
            .WithSummary("责任单位报送任务进展（每两周）：进展、完成百分比、问题，可附Word文件");

        var reports = app.MapGroup("/api/v1/reports").WithTags("统计报表").RequireAuthorization(AccountSetup.RegistryReadPolicy);
        reports.MapGet("/dashboard", async Task<Results<Ok<CountyFigures.Dashboard>, NotFound>> (AppDbContext db, TimeProvider clock, CancellationToken ct, string? regionCode) =>
            await CountyFigures.DashboardAsync(db, regionCode, clock.Today(), ct) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound())
            .WithName("LeadersDashboard").WithSummary("一张图：本年各领域数据（名册、脱贫、三色灯、比对、帮扶覆盖、资金、项目、走访、单位亮灯、整改）及下级区划");
        reports.MapGet("/figures", async Task<Results<Ok<CountyFigures.Figures>, NotFound>> (AppDbContext db, TimeProvider clock, CancellationToken ct, string? regionCode, DateOnly from, DateOnly to) =>
            await CountyFigures.ForAsync(db, regionCode, from, to, clock.Today(), ct) is { } f ? TypedResults.Ok(f) : TypedResults.NotFound())
            .WithName("ReportFigures").WithSummary("某区划某期间的工作报告数据");
        reports.MapGet("/work", async (AppDbContext db, CancellationToken ct) => TypedResults.Ok(await WorkReports.ListAsync(db, ct))).WithName("ListWorkReports").WithSummary("工作报告");
        reports.MapGet("/work/{id:guid}/document", async (Guid id, AppDbContext db, TimeProvider clock, CancellationToken ct) => File(await WorkReports.DocumentAsync(db, clock, id, ct), Docx))
            .WithName("WorkReportDocument").WithSummary("生成工作报告（.docx）：一、基本情况；二、进展情况；三、存在问题；四、下一步计划");
        reports.MapGet("/bulletin", async (AppDbContext db, TimeProvider clock, CancellationToken ct, int year, int month, string? format) =>
            format == "xlsx"
                ? File(await WorkReports.BulletinExcelAsync(db, clock, year, month, ct), Xlsx)
                : File(await WorkReports.BulletinWordAsync(db, clock, year, month, ct), Docx))
            .WithName("MonthlyBulletin").WithSummary("月度通报：乡镇资金支出进度排名、责任单位亮灯（.docx，format=xlsx 为Excel）");
        var write = app.MapGroup("/api/v1/reports").WithTags("统计报表").RequireAuthorization(AccountSetup.ReportWritePolicy);
        write.MapPost("/work", (WorkReports.ReportRequest r, AppDbContext db, TimeProvider clock, CancellationToken ct) => Http(WorkReports.SaveAsync(db, clock, null, r, ct)))
            .WithName("CreateWorkReport").WithSummary("新建工作报告（区划、期间、标题及需人工撰写的部分）");
        write.MapPut("/work/{id:guid}", (Guid id, WorkReports.ReportRequest r, AppDbContext db, TimeProvider clock, CancellationToken ct) => Http(WorkReports.SaveAsync(db, clock, id, r, ct)))
            .WithName("UpdateWorkReport").WithSummary("修改工作报告的文字部分（带版本号）");
        return app;
    }
}
