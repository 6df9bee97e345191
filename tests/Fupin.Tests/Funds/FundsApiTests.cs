using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using Fupin.Tests.Infrastructure;
using Fupin.Web.Features.Funds;
using Fupin.Web.Features.Households;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Tests.Funds;

/// <summary>Money from source to payee and a project through its lifecycle, on both providers, with scope and audit.</summary>
public abstract class FundsApiTests(FupinApp app)
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

    private async Task<string> RefusedAsync(Task<HttpResponseMessage> call, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        var response = await call;
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return body;
    }

    private Task<Guid> ProjectAsync(HttpClient client, string region, string name, ProjectType type = ProjectType.Industry, decimal central = 500000m) =>
        OkAsync<Guid>(client.PostAsJsonAsync("/api/v1/projects", new Projects.ProjectRequest
        {
            RegionCode = region,
            Year = Today.Year,
            Name = name,
            Type = type,
            Place = "马坡村第一村民小组",
            ResponsibleUnit = "区农业农村局",
            Content = "建设标准化牛棚2000平方米",
            PerformanceTargets = "带动20户贫困户年均增收2000元",
            ExpectedHouseholds = 20,
            ExpectedPeople = 70,
            Tags = "革命老区",
            Funding = [new(FundSource.Central, central), new(FundSource.County, 100000.55m)],
        }, FupinApp.Json, Ct));

    [Fact]
    public async Task Money_flows_from_a_batch_to_payees_and_the_progress_is_exact()
    {
        var county = await app.ClientAsync("county");
        var batchName = $"第一批{Guid.NewGuid():N}"[..12];
        var batch = await OkAsync<Guid>(county.PostAsJsonAsync("/api/v1/funds/batches",
            new FundFlows.BatchRequest(Today.Year, FundSource.Central, batchName, "琼财农〔2026〕1号", Today.AddDays(-30), 13200000m, false, null, 0), FupinApp.Json, Ct));
        Assert.Contains("分", await RefusedAsync(county.PostAsJsonAsync("/api/v1/funds/batches",
            new FundFlows.BatchRequest(Today.Year, FundSource.Central, "x", "y", Today, 1.005m, false, null, 0), FupinApp.Json, Ct)));

        // Allocations: two townships and a department; beyond the balance only with the flag.
        var xixiu = await OkAsync<Guid>(county.PostAsJsonAsync($"/api/v1/funds/batches/{batch}/allocations",
            new FundFlows.AllocationRequest(AllocationTarget.Township, "460105101000", null, null, 8000000m, Today.AddDays(-20), "海滨扶〔2026〕3号", false, null), FupinApp.Json, Ct));
        var dongshan = await OkAsync<Guid>(county.PostAsJsonAsync($"/api/v1/funds/batches/{batch}/allocations",
            new FundFlows.AllocationRequest(AllocationTarget.Township, "460105105000", null, null, 4000000m, Today.AddDays(-20), null, false, null), FupinApp.Json, Ct));
        var bureau = await OkAsync<Guid>(county.PostAsJsonAsync($"/api/v1/funds/batches/{batch}/allocations",
            new FundFlows.AllocationRequest(AllocationTarget.Department, null, "区农业农村局", null, 1200000m, Today.AddDays(-20), null, false, null), FupinApp.Json, Ct));
        Assert.Contains("超过该批次余额", await RefusedAsync(county.PostAsJsonAsync($"/api/v1/funds/batches/{batch}/allocations",
            new FundFlows.AllocationRequest(AllocationTarget.Department, null, "区教育局", null, 0.01m, Today, null, false, null), FupinApp.Json, Ct)));
        Assert.Contains("说明原因", await RefusedAsync(county.PostAsJsonAsync($"/api/v1/funds/batches/{batch}/allocations",
            new FundFlows.AllocationRequest(AllocationTarget.Department, null, "区教育局", null, 100m, Today, null, true, null), FupinApp.Json, Ct)));
        await OkAsync<Guid>(county.PostAsJsonAsync($"/api/v1/funds/batches/{batch}/allocations",
            new FundFlows.AllocationRequest(AllocationTarget.Department, null, "区教育局", null, 100m, Today, null, true, "先行预拨，待省级资金到位后调整"), FupinApp.Json, Ct));

        // Payments: 661.8万 in all, in parts exact to the fen.
        async Task Pay(Guid allocation, decimal amount, string voucher) => await OkAsync<Guid>(county.PostAsJsonAsync("/api/v1/funds/disbursements",
            new FundFlows.DisbursementRequest(allocation, amount, Today.AddDays(-5), "海滨牧业合作社", voucher, null, "牛棚建设进度款"), FupinApp.Json, Ct));
        await Pay(xixiu, 4000000.10m, "记-001");
        await Pay(dongshan, 2000000.45m, "记-002");
        await Pay(bureau, 617999.45m, "记-003");
        Assert.Contains("超过分配余额", await RefusedAsync(county.PostAsJsonAsync("/api/v1/funds/disbursements",
            new FundFlows.DisbursementRequest(bureau, 582000.56m, Today, "x", "记-004", null, null), FupinApp.Json, Ct)));

        var batches = (await county.GetFromJsonAsync<List<FundFlows.BatchView>>($"/api/v1/funds/batches?year={Today.Year}", FupinApp.Json, Ct))!;
        var b = batches.Single(x => x.Id == batch);
        Assert.Equal((13200100m, 6618000.00m, 50.14m), (b.Allocated, b.Spent, b.Progress!.Value));

        var report = (await county.GetFromJsonAsync<SpendingProgress.Report>($"/api/v1/funds/progress?asOf={Today:yyyy-MM-dd}", FupinApp.Json, Ct))!;
        var line = report.Lines.Single(l => l.Dimension == ProgressDimension.Batch && l.Key == batch.ToString());
        Assert.Equal(("661.80", 50.14m), (line.SpentWan, line.Progress!.Value));
        var townships = report.Lines.Where(l => l.Dimension == ProgressDimension.Township).ToList();
        Assert.Equal(["西秀镇", "东山镇"], townships.Select(t => t.Name).Take(2)); // 50.00% then 50.00%: 西秀 spent more
        Assert.Equal([1, 2], townships.Select(t => t.Rank!.Value).Take(2));
        // Before the payments the progress was zero.
        var earlier = (await county.GetFromJsonAsync<SpendingProgress.Report>($"/api/v1/funds/progress?asOf={Today.AddDays(-10):yyyy-MM-dd}", FupinApp.Json, Ct))!;
        Assert.Equal(0m, earlier.Lines.Single(l => l.Dimension == ProgressDimension.Batch && l.Key == batch.ToString()).Spent);

        // A snapshot, then a payment: the change since the snapshot shows.
        await OkAsync<Guid>(county.PostAsync("/api/v1/funds/snapshots", null, Ct));
        await Pay(dongshan, 400000m, "记-005");
        report = (await county.GetFromJsonAsync<SpendingProgress.Report>("/api/v1/funds/progress", FupinApp.Json, Ct))!;
        var east = report.Lines.Single(l => l.Dimension == ProgressDimension.Township && l.Name == "东山镇");
        Assert.Equal(10.00m, east.Change);
        Assert.Equal(1, east.Rank); // 60% now leads
        var export = await county.GetAsync("/api/v1/funds/progress/export", Ct);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);

        // The township sees its own allocation only; a village cadre may not move money.
        var town = await app.ClientAsync("xixiu");
        var seen = (await town.GetFromJsonAsync<List<FundFlows.AllocationView>>($"/api/v1/funds/allocations?batchId={batch}", FupinApp.Json, Ct))!;
        Assert.Equal([xixiu], seen.Select(a => a.Id));
        await RefusedAsync((await app.ClientAsync("mapo")).PostAsJsonAsync("/api/v1/funds/disbursements",
            new FundFlows.DisbursementRequest(xixiu, 1m, Today, "x", "y", null, null), FupinApp.Json, Ct), HttpStatusCode.Forbidden);

        await using var db = app.SystemDb();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Entity == nameof(Disbursement) && e.EntityKey != null, Ct));
        var over = await db.Set<Allocation>().IgnoreQueryFilters().SingleAsync(a => a.BatchId == batch && a.OverAllocated, Ct);
        Assert.Equal("区教育局", over.Department);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Entity == nameof(Allocation) && e.EntityKey == over.Id.ToString(), Ct));
    }

    [Fact]
    public async Task A_project_goes_through_its_lifecycle_and_a_closed_one_takes_no_payment()
    {
        var county = await app.ClientAsync("county");
        var town = await app.ClientAsync("xixiu");
        var project = await ProjectAsync(town, TestData.VillageA, "马坡村肉牛养殖基地");
        Assert.Contains("管辖范围", await RefusedAsync(town.PostAsJsonAsync("/api/v1/projects", new Projects.ProjectRequest
        {
            RegionCode = TestData.VillageB,
            Name = "外镇项目",
            Place = "x",
            ResponsibleUnit = "y",
            Funding = [],
        }, FupinApp.Json, Ct)));

        // Beneficiaries from the registry, in the project's village.
        var h = await OkAsync<GetHousehold.Detail>(county.PostAsJsonAsync("/api/v1/households", TestData.NewHousehold(TestData.VillageA, "受益户"), FupinApp.Json, Ct));
        var other = await OkAsync<GetHousehold.Detail>(county.PostAsJsonAsync("/api/v1/households", TestData.NewHousehold(TestData.VillageB, "外村户"), FupinApp.Json, Ct));
        Assert.Equal(1, await OkAsync<int>(town.PostAsJsonAsync($"/api/v1/projects/{project}/beneficiaries", new List<Guid> { h.Id }, FupinApp.Json, Ct)));
        await RefusedAsync(county.PostAsJsonAsync($"/api/v1/projects/{project}/beneficiaries", new List<Guid> { other.Id }, FupinApp.Json, Ct));

        // Forward only, each step dated with who.
        async Task<int> Stage(ProjectStage stage, int version, string? note = null) =>
            await OkAsync<int>(town.PostAsJsonAsync($"/api/v1/projects/{project}/stage", new Projects.StageRequest(stage, Today, note, version), FupinApp.Json, Ct));
        var v = await Stage(ProjectStage.Approved, 1);
        // A change after 立项 is a yearly adjustment and needs a reason.
        var adjust = new Projects.ProjectRequest
        {
            Year = Today.Year,
            Name = "马坡村肉牛养殖基地（调整）",
            Type = ProjectType.Industry,
            Place = "马坡村",
            ResponsibleUnit = "区农业农村局",
            ExpectedHouseholds = 22,
            ExpectedPeople = 75,
            Tags = "革命老区",
            Funding = [new(FundSource.Central, 600000m)],
            Version = v,
        };
        Assert.Contains("调整原因", await RefusedAsync(town.PutAsJsonAsync($"/api/v1/projects/{project}", adjust, FupinApp.Json, Ct)));
        await OkAsync<Guid>(town.PutAsJsonAsync($"/api/v1/projects/{project}", adjust with { Reason = "第四季度项目库调整，增加受益户" }, FupinApp.Json, Ct));
        v = await Stage(ProjectStage.Started, v + 1);
        Assert.Contains("向后推进", await RefusedAsync(town.PostAsJsonAsync($"/api/v1/projects/{project}/stage", new Projects.StageRequest(ProjectStage.Design, Today, null, v), FupinApp.Json, Ct)));
        await RefusedAsync(town.PostAsJsonAsync($"/api/v1/projects/{project}/stage", new Projects.StageRequest(ProjectStage.Completed, Today, null, v - 1), FupinApp.Json, Ct), HttpStatusCode.Conflict);

        // Money for the project, a payment, then hand-over closes it.
        var batch = await OkAsync<Guid>(county.PostAsJsonAsync("/api/v1/funds/batches",
            new FundFlows.BatchRequest(Today.Year, FundSource.Integrated, $"整合{Guid.NewGuid():N}"[..10], "海财〔2026〕9号", Today.AddDays(-3), 600000m, false, null, 0), FupinApp.Json, Ct));
        var allocation = await OkAsync<Guid>(county.PostAsJsonAsync($"/api/v1/funds/batches/{batch}/allocations",
            new FundFlows.AllocationRequest(AllocationTarget.Project, null, null, project, 600000m, Today.AddDays(-2), null, false, null), FupinApp.Json, Ct));
        await OkAsync<Guid>(county.PostAsJsonAsync("/api/v1/funds/disbursements", new FundFlows.DisbursementRequest(allocation, 300000m, Today, "海滨建工", "记-101", null, null), FupinApp.Json, Ct));
        v = await Stage(ProjectStage.Completed, v);
        v = await Stage(ProjectStage.Accepted, v);
        v = await Stage(ProjectStage.Transferred, v, "移交村集体管护");
        Assert.Contains("资产移交", await RefusedAsync(county.PostAsJsonAsync("/api/v1/funds/disbursements",
            new FundFlows.DisbursementRequest(allocation, 1m, Today, "海滨建工", "记-102", null, null), FupinApp.Json, Ct)));

        var d = (await county.GetFromJsonAsync<Projects.Detail>($"/api/v1/projects/{project}", FupinApp.Json, Ct))!;
        Assert.Equal([ProjectStage.Reserve, ProjectStage.Approved, ProjectStage.Approved, ProjectStage.Started, ProjectStage.Completed, ProjectStage.Accepted, ProjectStage.Transferred],
            d.Steps.Select(s => s.Stage));
        Assert.True(d.Steps[2].Adjustment);
        Assert.Equal((600000m, 300000m, 600000m), (d.Allocated, d.Spent, d.Project.Planned));
        Assert.All(d.Steps, s => Assert.Equal("xixiu", s.By));

        // The notice: the project, its money, the beneficiary's name masked.
        var doc = await county.GetAsync($"/api/v1/projects/{project}/notice", Ct);
        Assert.Equal(HttpStatusCode.OK, doc.StatusCode);
        using var zip = new ZipArchive(await doc.Content.ReadAsStreamAsync(Ct));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var xml = await reader.ReadToEndAsync(Ct);
        Assert.Contains("马坡村肉牛养殖基地", xml);
        Assert.Contains("受**", xml);
        Assert.DoesNotContain("受益户<", xml);
        Assert.Contains("12317", xml);
        await OkAsync<Guid>(town.PostAsJsonAsync($"/api/v1/projects/{project}/notices", new Notices.PostingRequest(Today, "马坡村村务公开栏", 7), FupinApp.Json, Ct));

        // Rates for the year in the village; the project list filters by tag.
        var rates = (await county.GetFromJsonAsync<Projects.RatesReport>($"/api/v1/projects/rates?regionCode={TestData.VillageA}&year={Today.Year}", FupinApp.Json, Ct))!;
        Assert.True(rates.Total.Completed >= 1);
        var tagged = (await county.GetFromJsonAsync<Paged<Projects.Row>>("/api/v1/projects?tag=革命老区&pageSize=100", FupinApp.Json, Ct))!;
        Assert.Contains(tagged.Items, p => p.Id == project);
        // Out of scope: another township's official sees nothing of it.
        var east = await app.ClientForNewUserAsync(Fupin.Web.Features.Accounts.Roles.TownOfficial, "460105105000");
        await RefusedAsync(east.GetAsync($"/api/v1/projects/{project}", Ct), HttpStatusCode.NotFound);

        // The asset it formed, and its income shared to the household and the collective.
        var asset = await OkAsync<Guid>(town.PostAsJsonAsync("/api/v1/assets",
            new PovertyAssets.AssetRequest(null, project, "马坡村肉牛养殖基地牛棚", AssetKind.Greenhouse, 600000m, "马坡村村集体", "马坡村村委会", Today, 0), FupinApp.Json, Ct));
        Assert.Contains("超过收益", await RefusedAsync(town.PostAsJsonAsync($"/api/v1/assets/{asset}/incomes",
            new PovertyAssets.IncomeRequest(null, Today, 1000m, null, [new(h.Id, 600m), new(null, 400.01m)]), FupinApp.Json, Ct)));
        await OkAsync<Guid>(town.PostAsJsonAsync($"/api/v1/assets/{asset}/incomes",
            new PovertyAssets.IncomeRequest(null, Today, 1000m, "租金收益", [new(h.Id, 600m), new(null, 400m)]), FupinApp.Json, Ct));
        var a = (await town.GetFromJsonAsync<PovertyAssets.Detail>($"/api/v1/assets/{asset}", FupinApp.Json, Ct))!;
        Assert.Equal((1000m, 600m, 1), (a.Asset.Income, a.Asset.ToHouseholds, a.Asset.Households));
        Assert.Contains(a.Incomes.Single().Shares, s => s.Recipient == "村集体" && s.Amount == 400m);

        await using var db = app.SystemDb();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Entity == nameof(Project) && e.EntityKey == project.ToString() && e.Field == "Stage", Ct));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Entity == nameof(AssetShare) && e.HouseholdId == h.Id, Ct));
    }
}

public sealed class FundsApiTestsOnSqlite(SqliteApp app) : FundsApiTests(app), IClassFixture<SqliteApp>;

public sealed class FundsApiTestsOnPostgres(PostgresApp app) : FundsApiTests(app), IClassFixture<PostgresApp>;
