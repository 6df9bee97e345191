using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using Fupin.Tests.Infrastructure;
using Fupin.Web.Features.Stats;
using Fupin.Web.Features.Supervision;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fupin.Tests.Supervision;

/// <summary>The work plan, unit reports and lights, the rectification ledger, the leaders' dashboard and the Word work report, on both providers.</summary>
public abstract class SupervisionApiTests(FupinApp app)
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private async Task<T> OkAsync<T>(Task<HttpResponseMessage> call)
    {
        var response = await call;
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return System.Text.Json.JsonSerializer.Deserialize<T>(body, FupinApp.Json)!;
    }

    private async Task<string> DocxTextAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(Ct));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        return await reader.ReadToEndAsync(Ct);
    }

    [Fact]
    public async Task Units_behind_their_milestones_get_yellow_then_red_with_a_notice_and_an_interview()
    {
        var county = await app.ClientAsync("county");
        const int year = 2025;
        var unit = $"区农业农村局{Guid.NewGuid():N}"[..10];
        int[] milestones = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 100, 100];
        var task = await OkAsync<Guid>(county.PostAsJsonAsync("/api/v1/supervision/tasks",
            new WorkPlan.TaskRequest(year, $"9.{Random.Shared.Next(100, 999)}", "发展特色产业", "每个贫困村培育1个主导产业", unit, "各乡镇", new DateOnly(year, 10, 31), [.. milestones], 0), FupinApp.Json, Ct));

        // The unit reports with a Word file: 25% by the end of March (due 30%).
        var docx = new MemoryStream();
        using (var z = new ZipArchive(docx, ZipArchiveMode.Create, true))
        {
            z.CreateEntry("word/document.xml").Open().Dispose();
        }
        using var form = new MultipartFormDataContent
        {
            { new StringContent(unit), "unit" }, { new StringContent($"{year}-03-20"), "reportedOn" }, { new StringContent("25"), "percent" },
            { new StringContent("完成12个村产业规划"), "progress" }, { new ByteArrayContent(docx.ToArray()), "file", "进展报告.docx" },
        };
        await OkAsync<Guid>(county.PostAsync($"/api/v1/supervision/tasks/{task}/reports", form, Ct));
        var refused = await county.PostAsJsonAsync($"/api/v1/supervision/tasks/{task}/reports", new WorkPlan.ReportRequest("区教育局", null, 30, "x", null), FupinApp.Json, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("不是该任务的牵头或配合单位", await refused.Content.ReadAsStringAsync(Ct));

        async Task<UnitLights.BoardRow> LightAsync(int month)
        {
            await OkAsync<int>(county.PostAsync($"/api/v1/supervision/lights/compute?year={year}&month={month}", null, Ct));
            var board = (await county.GetFromJsonAsync<UnitLights.Board>($"/api/v1/supervision/lights?year={year}&month={month}", FupinApp.Json, Ct))!;
            return board.Units.Single(u => u.Unit == unit);
        }
        // January: nothing reported of 10% due, the first month behind: yellow. February (0% of 20%): red. March (25% of 30%): still red.
        Assert.Equal(UnitLight.Yellow, (await LightAsync(1)).Light);
        Assert.Equal(UnitLight.Red, (await LightAsync(2)).Light);
        var march = await LightAsync(3);
        Assert.Equal(UnitLight.Red, march.Light);
        Assert.Contains(march.Reasons, r => r.Contains("3月底应完成30%，实际25%"));
        // April: 40% reported — caught up.
        await OkAsync<Guid>(county.PostAsJsonAsync($"/api/v1/supervision/tasks/{task}/reports", new WorkPlan.ReportRequest(unit, new DateOnly(year, 4, 25), 40, "完成20个村", null), FupinApp.Json, Ct));
        Assert.Equal(UnitLight.Green, (await LightAsync(4)).Light);

        // An overdue rectification item raises the light again; closing it clears it.
        var problem = await OkAsync<Guid>(county.PostAsJsonAsync("/api/v1/supervision/problems", new Rectification.ItemRequest(ProblemSource.Undercover, "产业项目带贫机制不完善", unit,
            "完善利益联结机制", new DateOnly(year, 4, 1), new DateOnly(year, 5, 10), null, 0), FupinApp.Json, Ct));
        await OkAsync<Guid>(county.PostAsJsonAsync($"/api/v1/supervision/tasks/{task}/reports", new WorkPlan.ReportRequest(unit, new DateOnly(year, 5, 28), 50, "按计划推进", null), FupinApp.Json, Ct));
        var may = await LightAsync(5);
        Assert.Equal(UnitLight.Yellow, may.Light);
        Assert.Contains(may.Reasons, r => r.Contains("逾期未销号"));
        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, may.History.Select(h => h.Month).ToArray());

        // The 督办函 lists the reasons; a yellow unit cannot be interviewed, a red one can.
        var notice = await DocxTextAsync(await county.GetAsync($"/api/v1/supervision/lights/notice?unit={Uri.EscapeDataString(unit)}&year={year}&month=5", Ct));
        Assert.Contains("督 办 函", notice);
        Assert.Contains("逾期未销号", notice);
        var yellowTalk = await county.PostAsJsonAsync("/api/v1/supervision/interviews", new UnitLights.InterviewRequest(unit, year, 5, Today, "区委副书记", "限期整改"), FupinApp.Json, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, yellowTalk.StatusCode);
        await OkAsync<Guid>(county.PostAsJsonAsync("/api/v1/supervision/interviews", new UnitLights.InterviewRequest(unit, year, 3, Today, "区委副书记", "约谈主要负责人，限期整改"), FupinApp.Json, Ct));

        // Closing needs evidence; the ledger counts by source and unit.
        var ledger = (await county.GetFromJsonAsync<Rectification.Ledger>($"/api/v1/supervision/problems?unit={Uri.EscapeDataString(unit)}", FupinApp.Json, Ct))!;
        var item = Assert.Single(ledger.Items);
        Assert.True(item.Overdue);
        Assert.Equal(HttpStatusCode.BadRequest, (await county.PostAsJsonAsync($"/api/v1/supervision/problems/{problem}/close", new Rectification.CloseRequest(" ", item.Version), FupinApp.Json, Ct)).StatusCode);
        await OkAsync<int>(county.PostAsJsonAsync($"/api/v1/supervision/problems/{problem}/close", new Rectification.CloseRequest("已签订利益联结协议", item.Version), FupinApp.Json, Ct));
        ledger = (await county.GetFromJsonAsync<Rectification.Ledger>($"/api/v1/supervision/problems?unit={Uri.EscapeDataString(unit)}", FupinApp.Json, Ct))!;
        Assert.Equal((0, 1), (ledger.ByUnit.Single(u => u.Key == unit).Open, ledger.ByUnit.Single(u => u.Key == unit).Closed));

        // A township official sees none of the county's plan.
        var town = await app.ClientAsync("xixiu");
        Assert.DoesNotContain((await town.GetFromJsonAsync<List<WorkPlan.TaskRow>>($"/api/v1/supervision/tasks?year={year}", FupinApp.Json, Ct))!, t => t.Id == task);
        await using var db = app.SystemDb();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Entity == nameof(RectificationItem) && e.Field == "Status", Ct));
    }

    [Fact]
    public async Task A_comparison_finding_goes_into_the_ledger_once()
    {
        var county = await app.ClientAsync("county");
        var h = await OkAsync<Fupin.Web.Features.Households.GetHousehold.Detail>(county.PostAsJsonAsync("/api/v1/households", TestData.NewHousehold(TestData.VillageA, "台账户"), FupinApp.Json, Ct));
        Guid findingId;
        await using (var db = app.SystemDb())
        {
            var round = new Fupin.Web.Features.Comparison.ComparisonRound
            {
                Id = Guid.CreateVersion7(),
                RegionCode = TestData.County,
                Year = Today.Year,
                Seq = 99,
                Name = "测试轮次",
                Batches = "",
                Rules = "",
                RunBy = "county",
                RunAt = DateTime.UtcNow,
            };
            var finding = new Fupin.Web.Features.Comparison.ComparisonFinding
            {
                Id = Guid.CreateVersion7(),
                RoundId = round.Id,
                RegionCode = TestData.VillageA,
                HouseholdId = h.Id,
                Rule = Fupin.Web.Features.Comparison.ComparisonRule.NotInsured,
                Severity = Fupin.Web.Features.Comparison.FindingSeverity.High,
                Subject = "户主",
                RegistryEvidence = "参保",
                RosterEvidence = "医保名册无此人",
                FoundOn = Today,
                DueOn = Today.AddDays(30),
                Version = 1,
                CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
            };
            db.AddRange(round, finding);
            await db.SaveChangesAsync(Ct);
            findingId = finding.Id;
        }
        var item = await OkAsync<Guid>(county.PostAsync($"/api/v1/supervision/problems/from-finding/{findingId}", null, Ct));
        var again = await county.PostAsync($"/api/v1/supervision/problems/from-finding/{findingId}", null, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var ledger = (await county.GetFromJsonAsync<Rectification.Ledger>("/api/v1/supervision/problems?source=Comparison", FupinApp.Json, Ct))!;
        var row = ledger.Items.Single(i => i.Id == item);
        Assert.Equal(("西秀镇人民政府", Today.AddDays(30), findingId), (row.Unit, row.Deadline, row.FindingId!.Value));
        Assert.Contains("台账户", row.Problem);
    }

    [Fact]
    public async Task A_work_plan_imports_from_excel_all_or_nothing()
    {
        var county = await app.ClientAsync("county");
        const int year = 2024;
        string[] header = ["序号", "任务名称", "任务内容", "牵头单位", "配合单位", "完成时限"];
        async Task<HttpResponseMessage> Upload(IEnumerable<IReadOnlyList<string?>> rows)
        {
            var bytes = await XlsxWriter.ToBytesAsync("工作要点", header, rows, Ct);
            using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "工作要点.xlsx" }, { new StringContent(year.ToString()), "year" } };
            return await county.PostAsync("/api/v1/supervision/tasks/import", form, Ct);
        }
        var bad = await OkAsync<WorkPlan.ImportResult>(Upload([["1", "产业扶贫", "x", "区农业农村局", null, "2024年12月"], ["2", "", "y", "区教育局", null, "2024-06-30"]]));
        Assert.Equal(0, bad.Tasks);
        Assert.Contains(bad.Errors, e => e.Contains("任务名称"));
        Assert.Empty((await county.GetFromJsonAsync<List<WorkPlan.TaskRow>>($"/api/v1/supervision/tasks?year={year}", FupinApp.Json, Ct))!);
        var good = await OkAsync<WorkPlan.ImportResult>(Upload([["1", "产业扶贫", "x", "区农业农村局", "各乡镇", "2024年12月"], ["2", "教育扶贫", "y", "区教育局", null, "2024-06-30"]]));
        Assert.Equal(2, good.Tasks);
        var tasks = (await county.GetFromJsonAsync<List<WorkPlan.TaskRow>>($"/api/v1/supervision/tasks?year={year}", FupinApp.Json, Ct))!;
        Assert.Equal([new DateOnly(2024, 12, 31), new DateOnly(2024, 6, 30)], tasks.Select(t => t.Deadline));
        Assert.Equal(100, tasks[1].Milestones[5]);
    }

    [Fact]
    public async Task The_work_report_carries_the_statistics_figures_in_the_four_sections()
    {
        var county = await app.ClientAsync("county");
        var from = new DateOnly(Today.Year, 1, 1);
        var figures = (await county.GetFromJsonAsync<CountyFigures.Figures>($"/api/v1/reports/figures?from={from:yyyy-MM-dd}&to={Today:yyyy-MM-dd}", FupinApp.Json, Ct))!;
        var stats = (await county.GetFromJsonAsync<RegistrySummary.Result>("/api/v1/stats/summary", FupinApp.Json, Ct))!;
        Assert.Equal((stats.Households, stats.People, stats.PoorHouseholds, stats.PoorPeople, stats.Incidence),
            (figures.Households, figures.People, figures.PoorHouseholds, figures.PoorPeople, figures.Incidence));
        var town = (await county.GetFromJsonAsync<RegistrySummary.Result>("/api/v1/stats/summary?regionCode=460105101000", FupinApp.Json, Ct))!;
        var townFigures = (await county.GetFromJsonAsync<CountyFigures.Figures>($"/api/v1/reports/figures?regionCode=460105101000&from={from:yyyy-MM-dd}&to={Today:yyyy-MM-dd}", FupinApp.Json, Ct))!;
        Assert.Equal((town.Households, town.PoorPeople), (townFigures.Households, townFigures.PoorPeople));

        var id = await OkAsync<Guid>(county.PostAsJsonAsync("/api/v1/reports/work", new WorkReports.ReportRequest(null, from, Today, $"{Today.Year}年脱贫攻坚工作情况报告",
            null, "部分项目进度滞后。", "加快项目建设进度。", 0), FupinApp.Json, Ct));
        var xml = await DocxTextAsync(await county.GetAsync($"/api/v1/reports/work/{id}/document", Ct));
        foreach (var section in new[] { "一、基本情况", "二、进展情况", "三、存在问题", "四、下一步计划" })
        {
            Assert.Contains(section, xml);
        }
        Assert.Contains($"全区建档立卡贫困户{stats.Households}户{stats.People}人", xml);
        Assert.Contains("<w:tbl>", xml);
        Assert.Contains("部分项目进度滞后。", xml);

        var dashboard = (await county.GetFromJsonAsync<CountyFigures.Dashboard>("/api/v1/reports/dashboard", FupinApp.Json, Ct))!;
        Assert.Equal(stats.Households, dashboard.Figures.Households);
        Assert.Equal(4, dashboard.Children.Count);
        var village = (await county.GetFromJsonAsync<CountyFigures.Dashboard>($"/api/v1/reports/dashboard?regionCode={TestData.VillageA}", FupinApp.Json, Ct))!;
        Assert.Equal(TestData.VillageA, village.Figures.RegionCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientAsync("mapo")).GetAsync($"/api/v1/reports/dashboard?regionCode={TestData.VillageB}", Ct)).StatusCode);

        var bulletin = await county.GetAsync($"/api/v1/reports/bulletin?year={Today.Year}&month={Today.Month}", Ct);
        Assert.Contains("工作通报", await DocxTextAsync(bulletin));
        Assert.Equal(HttpStatusCode.OK, (await county.GetAsync($"/api/v1/reports/bulletin?year={Today.Year}&month={Today.Month}&format=xlsx", Ct)).StatusCode);
    }

    [Fact]
    public async Task Scheduled_jobs_run_once_per_key_and_record_their_runs()
    {
        var county = await app.ClientAsync("county");
        await OkAsync<Guid>(county.PostAsJsonAsync("/api/v1/supervision/tasks",
            new WorkPlan.TaskRequest(Today.Year, $"8.{Random.Shared.Next(100, 999)}", "定时任务测试", null, "区扶贫办", null, new DateOnly(Today.Year, 12, 31), null, 0), FupinApp.Json, Ct));
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var first = await Scheduler.RunDueAsync(app.Services, clock, Ct);
        var second = await Scheduler.RunDueAsync(app.Services, clock, Ct);
        Assert.Contains(first, r => r.Job == Scheduler.MonthlyLights);
        Assert.Contains(first, r => r.Job == Scheduler.ReportReminders);
        Assert.Empty(second);
        var runs = (await county.GetFromJsonAsync<List<Scheduler.RunView>>("/api/v1/supervision/runs", FupinApp.Json, Ct))!;
        Assert.Contains(runs, r => r.Job == Scheduler.MonthlyLights);
    }
}

public sealed class SupervisionApiTestsOnSqlite(SqliteApp app) : SupervisionApiTests(app), IClassFixture<SqliteApp>;

public sealed class SupervisionApiTestsOnPostgres(PostgresApp app) : SupervisionApiTests(app), IClassFixture<PostgresApp>;
