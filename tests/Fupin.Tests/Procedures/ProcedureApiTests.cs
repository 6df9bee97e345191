using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Fupin.Tests.Infrastructure;
using Fupin.Web.Features.Assurance;
using Fupin.Web.Features.Exit;
using Fupin.Web.Features.Households;
using Fupin.Web.Features.Income;
using Fupin.Web.Features.Procedures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Fupin.Tests.Procedures;

public class ClockedSqliteApp : SqliteApp
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    public override FakeTimeProvider? Clock => _clock;
}

public class ClockedPostgresApp : PostgresApp
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    public override FakeTimeProvider? Clock => _clock;
}

/// <summary>
/// An application walked from 申请 to 公告, a household from exit start to 已脱贫, and a village's exit,
/// each step by the role that owns it, on a clock the test moves through the publicity periods.
/// </summary>
public abstract class ProcedureApiTests(FupinApp app)
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;
    private FakeTimeProvider Clock => app.Clock!;

    // Tokens are short-lived; each stage signs in again after the clock has moved.
    private Task<HttpClient> County() => app.ClientAsync("county");
    private Task<HttpClient> Town() => app.ClientAsync("xixiu");
    private Task<HttpClient> Village() => app.ClientAsync("mapo");

    private async Task<ProcedureQueries.CaseView> CaseAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<ProcedureQueries.CaseView>($"/api/v1/procedures/{id}", FupinApp.Json, Ct))!;

    private async Task<HttpResponseMessage> ActAsync(HttpClient client, Guid id, ProcedureCommands.ActRequest act)
    {
        var current = await CaseAsync(client, id);
        return await client.PostAsJsonAsync($"/api/v1/procedures/{id}/act", act with { Version = current.Version }, FupinApp.Json, Ct);
    }

    private async Task PassAsync(HttpClient client, Guid id, ProcedureCommands.ActRequest? act = null)
    {
        var response = await ActAsync(client, id, act ?? new ProcedureCommands.ActRequest { Decision = StepDecision.Pass, Opinion = "同意" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    private static ProcedureCommands.ActRequest Meeting(int attendance = 40, int votesFor = 36, int against = 2) => new()
    {
        Decision = StepDecision.Pass,
        Opinion = "评议通过",
        MeetingDate = null,
        Attendance = attendance,
        VotesFor = votesFor,
        VotesAgainst = against,
    };

    private ProcedureCommands.ActRequest MeetingToday() => Meeting() with { MeetingDate = DateOnly.FromDateTime(Clock.GetUtcNow().AddHours(8).Date) };

    private async Task<Guid> StartAsync(HttpClient client, ProcedureCommands.StartRequest request)
    {
        var response = await client.PostAsJsonAsync("/api/v1/procedures", request, FupinApp.Json, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<Guid>(FupinApp.Json, Ct))!;
    }

    [Fact]
    public async Task An_application_walks_from_request_to_announcement_with_each_step_by_its_role()
    {
        var county = await County();
        var request = TestData.NewHousehold(TestData.VillageA, "申请户") with { AsApplicant = true };
        var household = (await (await county.PostAsJsonAsync("/api/v1/households", request, FupinApp.Json, Ct)).Content.ReadFromJsonAsync<GetHousehold.Detail>(FupinApp.Json, Ct))!;
        Assert.Equal(HouseholdStatus.Applicant, household.Status);

        // The county office does not own the first step.
        var refused = await county.PostAsJsonAsync("/api/v1/procedures", new ProcedureCommands.StartRequest { Kind = ProcedureKind.Identification, HouseholdId = household.Id }, FupinApp.Json, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var village = await Village();
        var id = await StartAsync(village, new() { Kind = ProcedureKind.Identification, HouseholdId = household.Id });
        await PassAsync(village, id); // 本人申请

        // 村民评议 needs the meeting's figures, and a majority of those present.
        var noMajority = await ActAsync(village, id, MeetingToday() with { VotesFor = 20 });
        Assert.Equal(HttpStatusCode.BadRequest, noMajority.StatusCode);
        Assert.Contains("赞成票未超过到会人数的一半", await noMajority.Content.ReadAsStringAsync(Ct));
        await PassAsync(village, id, MeetingToday());

        // 区级比对 is the county's: the village cadre is refused, the county runs the checks.
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(village, id, new() { Decision = StepDecision.Pass })).StatusCode);
        await PassAsync(county, id);
        var compared = await CaseAsync(county, id);
        Assert.Equal("未发现问题", compared.Acts.Single(a => a.StepName == "区级比对").Findings);
        Assert.Equal("村民代表评议并公示", compared.Current.Name);
        Assert.Equal(5, compared.PublicityMinDays);

        // First publicity: day 1 to day 4 it cannot close; on day 5 it can.
        var early = await ActAsync(village, id, new() { Decision = StepDecision.Pass });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("公示期未满", await early.Content.ReadAsStringAsync(Ct));
        Clock.Advance(TimeSpan.FromDays(3));
        village = await Village();
        Assert.Equal(HttpStatusCode.BadRequest, (await ActAsync(village, id, new() { Decision = StepDecision.Pass })).StatusCode);
        Clock.Advance(TimeSpan.FromDays(1));
        village = await Village();
        await PassAsync(village, id);

        // Second publicity, at the township: an objection holds the case until it is resolved.
        var town = await Town();
        Assert.Equal("乡镇审查公示", (await CaseAsync(town, id)).Current.Name);
        var objection = await village.PostAsJsonAsync($"/api/v1/procedures/{id}/objections",
            new ProcedureCommands.ObjectionRequest { RaisedBy = "村民李某", Content = "该户有一辆小轿车" }, FupinApp.Json, Ct);
        Assert.Equal(HttpStatusCode.OK, objection.StatusCode);
        var objectionId = await objection.Content.ReadFromJsonAsync<Guid>(FupinApp.Json, Ct);
        Clock.Advance(TimeSpan.FromDays(6));
        town = await Town();
        var held = await CaseAsync(town, id);
        Assert.Equal(CaseState.OnHold, held.State);
        var blocked = await ActAsync(town, id, new() { Decision = StepDecision.Pass });
        Assert.Contains("异议尚未处理", await blocked.Content.ReadAsStringAsync(Ct));
        var work = await town.GetFromJsonAsync<ProcedureQueries.WorkList>("/api/v1/procedures/worklist", FupinApp.Json, Ct);
        Assert.Contains(work!.OpenObjections, o => o.ObjectionId == objectionId && o.VillageName == "马坡村");

        var noOutcome = await town.PostAsJsonAsync($"/api/v1/procedures/{id}/objections/{objectionId}/resolve", new ProcedureCommands.ResolveRequest { Upheld = false, Version = 1 }, FupinApp.Json, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noOutcome.StatusCode);
        var resolved = await town.PostAsJsonAsync($"/api/v1/procedures/{id}/objections/{objectionId}/resolve",
            new ProcedureCommands.ResolveRequest { Upheld = false, Resolution = "经核实车辆为租用的营运车辆，登记在他人名下，异议不成立", Version = 1 }, FupinApp.Json, Ct);
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        Assert.Equal(CaseState.Open, (await CaseAsync(town, id)).State);
        Assert.Contains((await town.GetFromJsonAsync<ProcedureQueries.WorkList>("/api/v1/procedures/worklist", FupinApp.Json, Ct))!.AtMyStep, c => c.Id == id);
        await PassAsync(town, id, new() { Decision = StepDecision.Pass, Opinion = "审查通过", SampleChecked = true, SampleFinding = "入户抽查属实" });

        // 区级审核公告: the village cadre cannot announce; the county does, and the household is registered.
        village = await Village();
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(village, id, new() { Decision = StepDecision.Pass })).StatusCode);
        county = await County();
        await PassAsync(county, id);
        var done = await CaseAsync(county, id);
        Assert.Equal(CaseState.Approved, done.State);
        Assert.Equal(6, done.Acts.Count);
        Assert.All(done.Steps, s => Assert.Equal("done", s.Status));
        var registered = await county.GetFromJsonAsync<GetHousehold.Detail>($"/api/v1/households/{household.Id}", FupinApp.Json, Ct);
        Assert.Equal(HouseholdStatus.NotLifted, registered!.Status);
        Assert.Equal(done.Year, registered.YearIdentified);

        // Every act is in the audit trail: the case's events and the step lines.
        await using var db = app.SystemDb();
        var events = await db.AuditEntries.Where(a => a.Event == ProcedureCommands.ProcedureEvent && a.HouseholdId == household.Id).CountAsync(Ct);
        Assert.True(events >= 9, $"{events} events"); // start, 6 steps, objection raised and resolved
        var stepKeys = (await db.Set<ProcedureStep>().Where(s => s.CaseId == id).Select(s => s.Id).ToListAsync(Ct)).Select(k => k.ToString()).ToList();
        Assert.Equal(6, stepKeys.Count);
        Assert.Equal(6, await db.AuditEntries.CountAsync(a => a.Entity == nameof(ProcedureStep) && stepKeys.Contains(a.EntityKey!), Ct));
    }

    [Fact]
    public async Task An_upheld_objection_or_a_rejection_ends_the_case_and_the_household_is_not_registered()
    {
        var county = await County();
        var household = (await (await county.PostAsJsonAsync("/api/v1/households", TestData.NewHousehold(TestData.VillageA, "驳回户") with { AsApplicant = true }, FupinApp.Json, Ct))
            .Content.ReadFromJsonAsync<GetHousehold.Detail>(FupinApp.Json, Ct))!;
        var village = await Village();
        var id = await StartAsync(village, new() { Kind = ProcedureKind.Identification, HouseholdId = household.Id });
        var twice = await village.PostAsJsonAsync("/api/v1/procedures", new ProcedureCommands.StartRequest { Kind = ProcedureKind.Identification, HouseholdId = household.Id }, FupinApp.Json, Ct);
        Assert.Contains("已有一件办理中", await twice.Content.ReadAsStringAsync(Ct));

        var noReason = await ActAsync(village, id, new() { Decision = StepDecision.Reject });
        Assert.Contains("不通过时须填写理由", await noReason.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(village, id, new() { Decision = StepDecision.Reject, Opinion = "家庭成员有财政供养人员" })).StatusCode);
        var closed = await CaseAsync(village, id);
        Assert.Equal(CaseState.Rejected, closed.State);
        Assert.Equal("本人申请未通过：家庭成员有财政供养人员", closed.Outcome);
        var h = await county.GetFromJsonAsync<GetHousehold.Detail>($"/api/v1/households/{household.Id}", FupinApp.Json, Ct);
        Assert.Equal(HouseholdStatus.Applicant, h!.Status);
        Assert.Contains("识别未通过", h.StatusReason);
        Assert.Equal(HttpStatusCode.BadRequest, (await ActAsync(village, id, new() { Decision = StepDecision.Pass })).StatusCode);

        // A second application may start; an objection upheld during its publicity ends it.
        id = await StartAsync(village, new() { Kind = ProcedureKind.Identification, HouseholdId = household.Id });
        await PassAsync(village, id);
        await PassAsync(village, id, MeetingToday());
        Assert.Contains("只有在公示期间", await (await village.PostAsJsonAsync($"/api/v1/procedures/{id}/objections",
            new ProcedureCommands.ObjectionRequest { RaisedBy = "张某", Content = "x" }, FupinApp.Json, Ct)).Content.ReadAsStringAsync(Ct));
        await PassAsync(county, id);
        var objectionId = await (await village.PostAsJsonAsync($"/api/v1/procedures/{id}/objections",
            new ProcedureCommands.ObjectionRequest { RaisedBy = "张某", Content = "户主在县城有商品房" }, FupinApp.Json, Ct)).Content.ReadFromJsonAsync<Guid>(FupinApp.Json, Ct);
        var upheld = await county.PostAsJsonAsync($"/api/v1/procedures/{id}/objections/{objectionId}/resolve",
            new ProcedureCommands.ResolveRequest { Upheld = true, Resolution = "经不动产登记比对，户主名下有商品房一套", Version = 1 }, FupinApp.Json, Ct);
        Assert.Equal(HttpStatusCode.OK, upheld.StatusCode);
        var ended = await CaseAsync(county, id);
        Assert.Equal(CaseState.Rejected, ended.State);
        Assert.StartsWith("异议成立", ended.Outcome);
        Assert.True(ended.Objections.Single().Upheld);
    }

    [Fact]
    public async Task A_household_exit_is_refused_with_every_reason_then_walks_to_lifted()
    {
        var county = await County();
        var household = (await (await county.PostAsJsonAsync("/api/v1/households", TestData.NewHousehold(TestData.VillageA, "退出户"), FupinApp.Json, Ct))
            .Content.ReadFromJsonAsync<GetHousehold.Detail>(FupinApp.Json, Ct))!;
        var year = DateOnly.FromDateTime(Clock.GetUtcNow().AddHours(8).Date).Year - 1;
        var village = await Village();
        var refused = await village.PostAsJsonAsync("/api/v1/procedures", new ProcedureCommands.StartRequest { Kind = ProcedureKind.HouseholdExit, HouseholdId = household.Id, Year = year }, FupinApp.Json, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var text = await refused.Content.ReadAsStringAsync(Ct);
        Assert.Contains($"没有{year}年的收入台账", text);
        Assert.Contains("不愁吃、不愁穿尚未核实", text);

        Assert.Equal(HttpStatusCode.OK, (await village.PutAsJsonAsync($"/api/v1/households/{household.Id}/income/{year}",
            new IncomeLedger.Input { HouseholdSize = 1, Wage = 15000, Business = 3000 }, FupinApp.Json, Ct)).StatusCode);
        var today = DateOnly.FromDateTime(Clock.GetUtcNow().AddHours(8).Date);
        foreach (var item in new[] { AssuranceItem.FoodClothing, AssuranceItem.Education, AssuranceItem.Medical, AssuranceItem.Housing, AssuranceItem.Water })
        {
            var put = await village.PutAsJsonAsync($"/api/v1/households/{household.Id}/assurance/{item}",
                new HouseholdAssurance.CheckRequest(AssuranceStatus.Secured, "入户核实", today, 0), FupinApp.Json, Ct);
            Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync(Ct));
        }

        var id = await StartAsync(village, new() { Kind = ProcedureKind.HouseholdExit, HouseholdId = household.Id, Year = year });
        await PassAsync(village, id, MeetingToday()); // 民主评议
        await PassAsync(village, id); // 村两委与工作队核实
        var disagreed = await ActAsync(village, id, new() { Decision = StepDecision.Pass, HouseholdAgreed = false });
        Assert.Contains("农户不认可时不能通过", await disagreed.Content.ReadAsStringAsync(Ct));
        await PassAsync(village, id, new() { Decision = StepDecision.Pass, HouseholdAgreed = true, Opinion = "户主签字认可" });
        Assert.Equal("村内公示", (await CaseAsync(village, id)).Current.Name);
        Clock.Advance(TimeSpan.FromDays(5));
        village = await Village();
        await PassAsync(village, id);

        // 乡镇公告 is the township's.
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(village, id, new() { Decision = StepDecision.Pass })).StatusCode);
        var town = await Town();
        await PassAsync(town, id);
        county = await County();
        var lifted = await county.GetFromJsonAsync<GetHousehold.Detail>($"/api/v1/households/{household.Id}", FupinApp.Json, Ct);
        Assert.Equal(HouseholdStatus.Lifted, lifted!.Status);
        Assert.Equal(year, lifted.YearLifted);
        // Lifted households keep their data.
        Assert.NotEmpty((await county.GetFromJsonAsync<List<IncomeLedger.YearView>>($"/api/v1/households/{household.Id}/income", FupinApp.Json, Ct))!);
        var history = await county.GetStringAsync($"/api/v1/households/{household.Id}/history", Ct);
        Assert.Contains("Lifted", history);
    }

    [Fact]
    public async Task A_village_exit_is_refused_until_it_meets_the_criteria_then_recorded_through_its_procedure()
    {
        var village = await Village();
        var year = DateOnly.FromDateTime(Clock.GetUtcNow().AddHours(8).Date).Year - 1;
        await using (var db = app.SystemDb())
        {
            var region = await db.Regions.SingleAsync(r => r.Code == TestData.VillageA, Ct);
            region.IsPovertyVillage = true;
            region.ExitYear = null;
            region.RuralPopulation = 1; // whatever its poor, the incidence is far above the line
            await db.SaveChangesAsync(Ct);
        }
        var refused = await village.PostAsJsonAsync("/api/v1/procedures", new ProcedureCommands.StartRequest { Kind = ProcedureKind.VillageExit, VillageCode = TestData.VillageA, Year = year }, FupinApp.Json, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("贫困发生率未达标", await refused.Content.ReadAsStringAsync(Ct));
        await using (var db = app.SystemDb())
        {
            (await db.Regions.SingleAsync(r => r.Code == TestData.VillageA, Ct)).RuralPopulation = 1_000_000;
            await db.SaveChangesAsync(Ct);
        }

        var county = await County();
        var rows = await county.GetFromJsonAsync<List<VillageExit.VillageRow>>($"/api/v1/villages/exit-evaluation?regionCode={TestData.VillageA}&year={year}", FupinApp.Json, Ct);
        var profile = new VillageExit.ProfileInput
        {
            Version = rows!.Single().Profile?.Version ?? 0,
            CollectiveIncome = 120000,
            LeadingIndustry = "胡椒",
            HardenedRoad = true,
            PowerGrid = true,
            Broadband = true,
            Clinic = true,
            CultureCenter = true,
            SafeWater = true,
        };
        Assert.Equal(HttpStatusCode.OK, (await county.PutAsJsonAsync($"/api/v1/villages/{TestData.VillageA}/profile/{year}", profile, FupinApp.Json, Ct)).StatusCode);

        var id = await StartAsync(village, new() { Kind = ProcedureKind.VillageExit, VillageCode = TestData.VillageA, Year = year });
        await PassAsync(village, id);
        var town = await Town();
        await PassAsync(town, id, new() { Decision = StepDecision.Pass, Opinion = "初审同意" });
        county = await County();
        Assert.Equal("区级核查并公示", (await CaseAsync(county, id)).Current.Name);
        Assert.Equal(HttpStatusCode.BadRequest, (await ActAsync(county, id, new() { Decision = StepDecision.Pass })).StatusCode);
        Clock.Advance(TimeSpan.FromDays(5));
        county = await County();
        await PassAsync(county, id);
        await PassAsync(county, id);
        Assert.Equal(CaseState.Approved, (await CaseAsync(county, id)).State);
        await using (var db = app.SystemDb())
        {
            Assert.Equal(year, (await db.Regions.SingleAsync(r => r.Code == TestData.VillageA, Ct)).ExitYear);
        }
        village = await Village();
        var again = await village.PostAsJsonAsync("/api/v1/procedures", new ProcedureCommands.StartRequest { Kind = ProcedureKind.VillageExit, VillageCode = TestData.VillageA, Year = year }, FupinApp.Json, Ct);
        Assert.Contains("已于", await again.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Attachments_are_accepted_by_content_and_downloaded_in_scope_only()
    {
        var county = await County();
        var household = (await (await county.PostAsJsonAsync("/api/v1/households", TestData.NewHousehold(TestData.VillageA, "附件户") with { AsApplicant = true }, FupinApp.Json, Ct))
            .Content.ReadFromJsonAsync<GetHousehold.Detail>(FupinApp.Json, Ct))!;
        var village = await Village();
        var id = await StartAsync(village, new() { Kind = ProcedureKind.Identification, HouseholdId = household.Id });

        using var pdf = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4\n申请书"u8.ToArray()) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, "file", "申请书.pdf" } };
        var ok = await village.PostAsync($"/api/v1/procedures/{id}/attachments", pdf, Ct);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var attachmentId = await ok.Content.ReadFromJsonAsync<Guid>(FupinApp.Json, Ct);

        using var exe = new MultipartFormDataContent { { new ByteArrayContent([(byte)'M', (byte)'Z', 0x90, 0, 3, 0]), "file", "照片.jpg" } };
        var refused = await village.PostAsync($"/api/v1/procedures/{id}/attachments", exe, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("只能上传PDF", await refused.Content.ReadAsStringAsync(Ct));

        var download = await county.GetAsync($"/api/v1/procedures/{id}/attachments/{attachmentId}", Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF", await download.Content.ReadAsStringAsync(Ct));

        var other = await app.ClientForNewUserAsync(Fupin.Web.Features.Accounts.Roles.VillageCadre, TestData.VillageB);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/procedures/{id}/attachments/{attachmentId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/procedures/{id}", Ct)).StatusCode);
    }
}

public sealed class ProcedureApiTestsOnSqlite(ClockedSqliteApp app) : ProcedureApiTests(app), IClassFixture<ClockedSqliteApp>;

public sealed class ProcedureApiTestsOnPostgres(ClockedPostgresApp app) : ProcedureApiTests(app), IClassFixture<ClockedPostgresApp>;
