using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Fupin.Tests.Infrastructure;
using Fupin.Tests.Procedures;
using Fupin.Web.Features.Accounts;
using Fupin.Web.Features.Assistance;
using Fupin.Web.Features.Households;
using Fupin.Web.Features.Procedures;
using Fupin.Web.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Fupin.Tests.Assistance;

/// <summary>
/// Plans, measures (with their policy standards), pairing and its history, visits and their compliance on a
/// clock the test moves, coverage by hand, 歇帮, work teams and the TV night school; region scope and audit.
/// </summary>
public abstract class AssistanceApiTests(FupinApp app)
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;
    private FakeTimeProvider Clock => app.Clock!;
    private DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().AddHours(8).Date);

    private Task<HttpClient> County() => app.ClientAsync("county");
    private Task<HttpClient> Town() => app.ClientAsync("xixiu");
    private Task<HttpClient> Village() => app.ClientAsync("mapo");

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

    private async Task<GetHousehold.Detail> HouseholdAsync(HttpClient county, string village, string head, params MemberInput[] members)
    {
        var h = await OkAsync<GetHousehold.Detail>(county.PostAsJsonAsync("/api/v1/households", TestData.NewHousehold(village, head), FupinApp.Json, Ct));
        foreach (var m in members)
        {
            await OkAsync<System.Text.Json.JsonElement>(county.PostAsJsonAsync($"/api/v1/households/{h.Id}/members", m, FupinApp.Json, Ct));
        }
        return (await county.GetFromJsonAsync<GetHousehold.Detail>($"/api/v1/households/{h.Id}", FupinApp.Json, Ct))!;
    }

    private async Task<Guid> UnitAsync(HttpClient county, string name) =>
        await OkAsync<Guid>(county.PostAsJsonAsync("/api/v1/assistance/units", new Pairings.UnitRequest(name, UnitKind.PartyGovernment, "张联系", "08531234567", 0), FupinApp.Json, Ct));

    private async Task<Guid> CadreAsync(HttpClient county, Guid unit, string name, string? userName = null, string region = TestData.TownshipA) =>
        await OkAsync<Guid>(county.PostAsJsonAsync("/api/v1/assistance/cadres", new Pairings.CadreRequest(unit, name, "科员", "13900001111", region, userName, true, 0), FupinApp.Json, Ct));

    private Task<Guid> PairAsync(HttpClient client, Guid household, Guid cadre, string? reason = null) =>
        OkAsync<Guid>(client.PostAsJsonAsync($"/api/v1/households/{household}/pairing", new Pairings.PairRequest(cadre, reason), FupinApp.Json, Ct));

    private Task<int> PlanAsync(HttpClient client, Guid household, int year, string needs = "发展产业，解决孩子上学") =>
        OkAsync<int>(client.PutAsJsonAsync($"/api/v1/households/{household}/plans/{year}", new Plans.PlanRequest(needs, null, null, new DateOnly(year, 12, 31), 0), FupinApp.Json, Ct));

    private Task<Guid> MeasureAsync(HttpClient client, Guid household, int year, Plans.MeasureRequest r) =>
        OkAsync<Guid>(client.PostAsJsonAsync($"/api/v1/households/{household}/plans/{year}/measures", r, FupinApp.Json, Ct));

    private static Plans.MeasureRequest Industry(decimal amount, MeasureStatus status = MeasureStatus.Planned) => new()
    {
        Kind = MeasureKind.Industry,
        Content = "发放能繁母牛2头",
        Amount = amount,
        Quantity = 2,
        QuantityUnit = "头",
        Funding = FundingSource.Integrated,
        Provider = "区农业农村局",
        Status = status,
        Evidence = status == MeasureStatus.Done ? "已发放到户" : null,
    };

    [Fact]
    public async Task A_plan_with_measures_flags_a_deviating_education_subsidy_and_moves_a_measure_to_done()
    {
        var county = await County();
        var year = Today.Year;
        var student = TestData.Member(TestData.NewId(Sex.Female, Today.Year - 13), Relation.Daughter, "初中生") with { Education = null, SchoolStage = SchoolStage.JuniorHigh, Labour = LabourCapacity.None };
        var h = await HouseholdAsync(county, TestData.VillageA, "计划户", student);
        var memberId = h.Members.Single(m => m.Name == "初中生").Id;

        // No plan yet: a measure is refused in Chinese.
        Assert.Contains("请先制定该户", await RefusedAsync(county.PostAsJsonAsync($"/api/v1/households/{h.Id}/plans/{year}/measures", Industry(3000), FupinApp.Json, Ct)));
        Assert.Equal(1, await PlanAsync(county, h.Id, year));
        // Saving a stale plan version is a conflict, not an overwrite.
        await RefusedAsync(county.PutAsJsonAsync($"/api/v1/households/{h.Id}/plans/{year}", new Plans.PlanRequest("改", null, null, null, 0), FupinApp.Json, Ct), HttpStatusCode.Conflict);

        var education = new Plans.MeasureRequest { Kind = MeasureKind.Education, Content = "初中教育资助", MemberId = memberId, Amount = 1000, Funding = FundingSource.County };
        var deviating = await MeasureAsync(county, h.Id, year, education);
        var fine = await MeasureAsync(county, h.Id, year, education with { Amount = 1450 });
        var cow = await MeasureAsync(county, h.Id, year, Industry(6000));
        // An education subsidy without a student, or paid beyond its amount, is refused.
        var refused = await RefusedAsync(county.PostAsJsonAsync($"/api/v1/households/{h.Id}/plans/{year}/measures", education with { MemberId = null, Paid = 5000 }, FupinApp.Json, Ct));
        Assert.Contains("受助学生", refused);
        Assert.Contains("不能超过计划金额", refused);

        var plan = (await county.GetFromJsonAsync<Plans.PlanView>($"/api/v1/households/{h.Id}/plans/{year}", FupinApp.Json, Ct))!;
        Assert.Equal("因病", plan.Causes);
        Assert.Equal(3, plan.Total);
        var flagged = plan.Measures.Single(m => m.Id == deviating);
        Assert.Equal(1450m, flagged.Standard);
        Assert.Equal("与政策标准1450元不符（少450元）", flagged.Deviation);
        Assert.Null(plan.Measures.Single(m => m.Id == fine).Deviation);
        Assert.Equal("初中生", flagged.MemberName);

        // Done needs what was delivered; then it is done with today's date.
        var c = plan.Measures.Single(m => m.Id == cow);
        var done = Industry(6000, MeasureStatus.Done) with { Evidence = null, Version = c.Version };
        Assert.Contains("落实情况", await RefusedAsync(county.PutAsJsonAsync($"/api/v1/assistance/measures/{cow}", done, FupinApp.Json, Ct)));
        Assert.Equal(2, await OkAsync<int>(county.PutAsJsonAsync($"/api/v1/assistance/measures/{cow}", done with { Evidence = "2头母牛已发放", Paid = 6000 }, FupinApp.Json, Ct)));
        await RefusedAsync(county.PutAsJsonAsync($"/api/v1/assistance/measures/{cow}", done with { Evidence = "再改", Version = 1 }, FupinApp.Json, Ct), HttpStatusCode.Conflict);
        Assert.Contains("不能退回", await RefusedAsync(county.PutAsJsonAsync($"/api/v1/assistance/measures/{cow}", Industry(6000) with { Version = 2 }, FupinApp.Json, Ct)));

        // Evidence: a photo is kept and can be downloaded.
        var photo = await UploadAsync(county, $"/api/v1/assistance/measures/{cow}/files", Png, "母牛.png");
        var file = await county.GetAsync($"/api/v1/assistance/files/{photo}", Ct);
        Assert.Equal("image/png", file.Content.Headers.ContentType?.MediaType);

        plan = (await county.GetFromJsonAsync<Plans.PlanView>($"/api/v1/households/{h.Id}/plans/{year}", FupinApp.Json, Ct))!;
        var cowView = plan.Measures.Single(m => m.Id == cow);
        Assert.Equal((MeasureStatus.Done, Today, 1), (cowView.Status, cowView.DoneOn!.Value, cowView.Files.Count));
        Assert.Equal(1, plan.Done);

        // The printable plan names the household and its measures.
        var doc = await county.GetAsync($"/api/v1/households/{h.Id}/plans/{year}/document", Ct);
        Assert.Equal(HttpStatusCode.OK, doc.StatusCode);
        using var zip = new ZipArchive(await doc.Content.ReadAsStreamAsync(Ct));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var xml = await reader.ReadToEndAsync(Ct);
        Assert.Contains("计划户", xml);
        Assert.Contains("发放能繁母牛2头", xml);
        Assert.Contains("一户一策", xml);

        // Every change is audited against the household.
        await using var db = app.SystemDb();
        var entities = await db.AuditEntries.Where(a => a.HouseholdId == h.Id).Select(a => a.Entity).Distinct().ToListAsync(Ct);
        Assert.Contains(nameof(AssistancePlan), entities);
        Assert.Contains(nameof(AssistanceMeasure), entities);
        Assert.Contains(nameof(AssistanceFile), entities);
    }

    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private async Task<Guid> UploadAsync(HttpClient client, string url, byte[] bytes, string name)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", name);
        return await OkAsync<Guid>(client.PostAsync(url, form, Ct));
    }

    [Fact]
    public async Task Reassigning_a_cadre_keeps_the_history_and_visits_are_due_by_the_policy_interval()
    {
        var county = await County();
        var unit = await UnitAsync(county, $"区财政局{Guid.NewGuid():N}"[..10]);
        var userName = $"cadre{Guid.NewGuid():N}"[..16];
        var first = await CadreAsync(county, unit, "李帮扶", userName);
        var second = await CadreAsync(county, unit, "赵帮扶");
        var a = await HouseholdAsync(county, TestData.VillageA, "走访甲");
        var b = await HouseholdAsync(county, TestData.VillageA, "走访乙");
        var start = Today;
        await PairAsync(await Town(), a.Id, first);
        await PairAsync(county, b.Id, first);

        // Reassigning needs a reason, and keeps the old line.
        Assert.Contains("原因", await RefusedAsync(county.PostAsJsonAsync($"/api/v1/households/{b.Id}/pairing", new Pairings.PairRequest(second, null), FupinApp.Json, Ct)));
        Assert.Contains("已是", await RefusedAsync(county.PostAsJsonAsync($"/api/v1/households/{b.Id}/pairing", new Pairings.PairRequest(first, "重复"), FupinApp.Json, Ct)));
        await PairAsync(county, b.Id, second, "原责任人工作调动");
        var history = (await county.GetFromJsonAsync<List<Pairings.PairingView>>($"/api/v1/households/{b.Id}/pairings", FupinApp.Json, Ct))!;
        Assert.Equal(2, history.Count);
        Assert.Equal(("赵帮扶", (DateOnly?)null, "原责任人工作调动"), (history[0].CadreName, history[0].ToOn, history[0].Reason));
        Assert.Equal(("李帮扶", (DateOnly?)start), (history[1].CadreName, history[1].ToOn));

        // The cadre signs in and records a visit to household a, with a location and a photo.
        Clock.Advance(TimeSpan.FromDays(5));
        var cadre = await app.ClientForNewUserAsync(Roles.AssistanceCadre, TestData.VillageA, userName);
        var visit = await OkAsync<Guid>(cadre.PostAsJsonAsync($"/api/v1/households/{a.Id}/visits",
            new Visits.VisitRequest { Latitude = 26.2543, Longitude = 105.9321, Accuracy = 12, Notes = "了解母牛饲养情况", Problems = "缺饲料" }, FupinApp.Json, Ct));
        await UploadAsync(cadre, $"/api/v1/assistance/visits/{visit}/photos", Png, "走访.png");
        Assert.Contains("JPG或PNG", await RefusedAsync(cadre.PostAsync($"/api/v1/assistance/visits/{visit}/photos",
            new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4 test"u8.ToArray()), "file", "a.pdf" } }, Ct)));
        // A cadre records their own visits only.
        Assert.Contains("本人", await RefusedAsync(cadre.PostAsJsonAsync($"/api/v1/households/{a.Id}/visits",
            new Visits.VisitRequest { CadreId = second, Notes = "代登" }, FupinApp.Json, Ct)));
        Assert.Contains("走访情况", await RefusedAsync(cadre.PostAsJsonAsync($"/api/v1/households/{a.Id}/visits", new Visits.VisitRequest { Notes = " " }, FupinApp.Json, Ct)));
        var visits = (await (await County()).GetFromJsonAsync<List<Visits.VisitView>>($"/api/v1/households/{a.Id}/visits", FupinApp.Json, Ct))!;
        Assert.Equal(("李帮扶", 26.2543, 1), (visits.Single().CadreName, visits.Single().Latitude!.Value, visits.Single().Photos.Count));

        // 30 days after pairing (interval 30): b is due today and a, visited on day 5, on day 35, so nothing is overdue yet…
        Clock.Advance(TimeSpan.FromDays(25));
        var compliance = (await (await County()).GetFromJsonAsync<Visits.Compliance>("/api/v1/assistance/visits/compliance", FupinApp.Json, Ct))!;
        Assert.Equal(30, compliance.IntervalDays);
        Assert.DoesNotContain(compliance.Overdue, o => o.CadreId == first || o.CadreId == second);
        // …36 days after: b (second cadre, never visited) is overdue by 6 days; a, due on day 35, by 1.
        Clock.Advance(TimeSpan.FromDays(6));
        compliance = (await (await County()).GetFromJsonAsync<Visits.Compliance>("/api/v1/assistance/visits/compliance", FupinApp.Json, Ct))!;
        var mine = compliance.Overdue.Where(o => o.CadreId == first || o.CadreId == second).OrderBy(o => o.HeadName).ToList();
        Assert.Equal([("走访甲", "李帮扶", 1), ("走访乙", "赵帮扶", 6)], mine.Select(o => (o.HeadName, o.CadreName, o.DaysOverdue)).ToList());
        // The household list flags both.
        var listed = (await (await County()).GetFromJsonAsync<Fupin.Web.Shared.Paged<ListHouseholds.Row>>($"/api/v1/households?search=走访&regionCode={TestData.VillageA}&pageSize=50", FupinApp.Json, Ct))!;
        Assert.True(listed.Items.Single(x => x.Id == a.Id).VisitOverdue);
        Assert.True(listed.Items.Single(x => x.Id == b.Id).VisitOverdue);
        // The same at a given day through asOf.
        var earlier = (await (await County()).GetFromJsonAsync<Visits.Compliance>($"/api/v1/assistance/visits/compliance?asOf={start.AddDays(30):yyyy-MM-dd}", FupinApp.Json, Ct))!;
        Assert.DoesNotContain(earlier.Overdue, o => o.CadreId == first || o.CadreId == second);

        // The cadre's own view: household a, overdue, with the last location.
        var my = (await (await app.ClientAsync(userName, "Test-User-Pass-2026")).GetFromJsonAsync<Pairings.MyView>("/api/v1/assistance/my", FupinApp.Json, Ct))!;
        var row = Assert.Single(my.Households);
        Assert.Equal((a.Id, true, 26.2543), (row.HouseholdId, row.VisitOverdue, row.Latitude!.Value));

        await using var db = app.SystemDb();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.HouseholdId == b.Id && e.Entity == nameof(Pairing) && e.Action == Fupin.Web.Features.Audit.AuditAction.Updated && e.Field == "ToOn", Ct));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.HouseholdId == a.Id && e.Entity == nameof(Visit), Ct));
    }

    [Fact]
    public async Task Coverage_equals_the_hand_count_and_paused_households_are_listed_apart()
    {
        var county = await County();
        const int year = 2024;
        // Township B's village has demo households without 2024 measures; three of our own get measures there.
        var h1 = await HouseholdAsync(county, TestData.VillageB, "覆盖一");
        var h2 = await HouseholdAsync(county, TestData.VillageB, "覆盖二");
        var h3 = await HouseholdAsync(county, TestData.VillageB, "覆盖三");
        var h4 = await HouseholdAsync(county, TestData.VillageB, "覆盖四");
        foreach (var h in new[] { h1, h2, h3 })
        {
            await PlanAsync(county, h.Id, year);
        }
        await MeasureAsync(county, h1.Id, year, Industry(3000, MeasureStatus.Done));
        await MeasureAsync(county, h2.Id, year, Industry(2000));
        await MeasureAsync(county, h3.Id, year, Industry(1000) with { Status = MeasureStatus.Terminated });
        await MeasureAsync(county, h3.Id, year, new Plans.MeasureRequest { Kind = MeasureKind.Dibao, Content = "低保兜底", Persons = 1, Amount = 3900, Paid = 3900, Status = MeasureStatus.Done, Evidence = "按月发放" });

        // 歇帮 for h4: village review, then the township approves.
        var village = await app.ClientForNewUserAsync(Roles.VillageCadre, TestData.VillageB);
        var town = await app.ClientForNewUserAsync(Roles.TownOfficial, "460105105000");
        var caseId = await OkAsync<Guid>(village.PostAsJsonAsync("/api/v1/procedures",
            new ProcedureCommands.StartRequest { Kind = ProcedureKind.AssistancePause, HouseholdId = h4.Id, Reason = "户主长期外出务工，本人申请暂停帮扶" }, FupinApp.Json, Ct));
        var c = (await village.GetFromJsonAsync<ProcedureQueries.CaseView>($"/api/v1/procedures/{caseId}", FupinApp.Json, Ct))!;
        await OkAsync<int>(village.PostAsJsonAsync($"/api/v1/procedures/{caseId}/act", new ProcedureCommands.ActRequest
        {
            Decision = StepDecision.Pass,
            Opinion = "同意",
            MeetingDate = Today,
            Attendance = 20,
            VotesFor = 18,
            VotesAgainst = 1,
            Version = c.Version,
        }, FupinApp.Json, Ct));
        c = (await town.GetFromJsonAsync<ProcedureQueries.CaseView>($"/api/v1/procedures/{caseId}", FupinApp.Json, Ct))!;
        await OkAsync<int>(town.PostAsJsonAsync($"/api/v1/procedures/{caseId}/act", new ProcedureCommands.ActRequest { Decision = StepDecision.Pass, Opinion = "同意歇帮", Version = c.Version }, FupinApp.Json, Ct));
        Assert.Contains("已于", await RefusedAsync(village.PostAsJsonAsync("/api/v1/procedures",
            new ProcedureCommands.StartRequest { Kind = ProcedureKind.AssistancePause, HouseholdId = h4.Id, Reason = "再次" }, FupinApp.Json, Ct)));

        await using var db = app.SystemDb();
        var lit = await db.Households.IgnoreQueryFilters().CountAsync(h => h.RegionCode == TestData.VillageB
            && (h.Status == HouseholdStatus.NotLifted || h.Status == HouseholdStatus.Lifted || h.Status == HouseholdStatus.Returned || h.Status == HouseholdStatus.Monitored), Ct);
        var paused = await db.Households.IgnoreQueryFilters().CountAsync(h => h.RegionCode == TestData.VillageB && h.AssistancePausedOn != null, Ct);
        Assert.Equal(1, paused);

        var r = (await county.GetFromJsonAsync<Coverage.Report>($"/api/v1/assistance/coverage?regionCode={TestData.VillageB}&year={year}", FupinApp.Json, Ct))!;
        var industry = r.ByKind.Single(k => k.Kind == MeasureKind.Industry);
        Assert.Equal((2, 1, 50.0m, 5000m, 0m), (industry.Planned, industry.Reached, industry.Share, industry.AmountPlanned, industry.AmountPaid - 0m));
        var dibao = r.ByKind.Single(k => k.Kind == MeasureKind.Dibao);
        Assert.Equal((1, 1, 3900m, 3900m), (dibao.Planned, dibao.Reached, dibao.AmountPlanned, dibao.AmountPaid));
        Assert.Equal((lit, 3, 2, lit - 3 - 1, 1), (r.Total.Households, r.Total.WithMeasure, r.Total.Reached, r.Total.WithoutMeasure, r.Total.Paused));
        Assert.Equal("覆盖四", Assert.Single(r.Paused).HeadName);
        Assert.DoesNotContain(r.WithoutMeasure, x => x.Id == h4.Id || x.Id == h1.Id);
        Assert.Single(r.ByVillage);

        // Export carries the same figures.
        var export = await county.GetAsync($"/api/v1/assistance/coverage/export?regionCode={TestData.VillageB}&year={year}", Ct);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);

        // Restoring assistance through the same path clears the pause; history keeps both.
        var resume = await OkAsync<Guid>(village.PostAsJsonAsync("/api/v1/procedures",
            new ProcedureCommands.StartRequest { Kind = ProcedureKind.AssistanceResume, HouseholdId = h4.Id, Reason = "已返乡" }, FupinApp.Json, Ct));
        Assert.NotEqual(Guid.Empty, resume);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.HouseholdId == h4.Id && e.Entity == nameof(Household) && e.Field == "AssistancePausedOn", Ct));
    }

    [Fact]
    public async Task Plans_measures_and_visits_stay_in_their_region()
    {
        var county = await County();
        var year = Today.Year;
        var b = await HouseholdAsync(county, TestData.VillageB, "辖区外");
        await PlanAsync(county, b.Id, year);
        var measure = await MeasureAsync(county, b.Id, year, Industry(1000));
        var unit = await UnitAsync(county, $"帮扶单位{Guid.NewGuid():N}"[..10]);
        var cadre = await CadreAsync(county, unit, "外乡干部", region: "460105105000");
        await PairAsync(county, b.Id, cadre);
        var visit = await OkAsync<Guid>(county.PostAsJsonAsync($"/api/v1/households/{b.Id}/visits", new Visits.VisitRequest { Notes = "县里代登" }, FupinApp.Json, Ct));

        var mapo = await Village();
        var xixiu = await Town();
        await RefusedAsync(mapo.GetAsync($"/api/v1/households/{b.Id}/plans/{year}", Ct), HttpStatusCode.NotFound);
        await RefusedAsync(mapo.GetAsync($"/api/v1/households/{b.Id}/visits", Ct), HttpStatusCode.NotFound);
        await RefusedAsync(mapo.PutAsJsonAsync($"/api/v1/assistance/measures/{measure}", Industry(1) with { Version = 1 }, FupinApp.Json, Ct), HttpStatusCode.NotFound);
        await RefusedAsync(mapo.PostAsJsonAsync($"/api/v1/households/{b.Id}/plans/{year}/measures", Industry(1), FupinApp.Json, Ct), HttpStatusCode.NotFound);
        await RefusedAsync(xixiu.PostAsJsonAsync($"/api/v1/households/{b.Id}/pairing", new Pairings.PairRequest(cadre, "x"), FupinApp.Json, Ct), HttpStatusCode.NotFound);
        await RefusedAsync(mapo.GetAsync($"/api/v1/assistance/files/{visit}", Ct), HttpStatusCode.NotFound);
        // A town official cannot pair with a cadre outside the township.
        var a = await HouseholdAsync(county, TestData.VillageA, "辖区内");
        Assert.Contains("管辖范围", await RefusedAsync(xixiu.PostAsJsonAsync($"/api/v1/households/{a.Id}/pairing", new Pairings.PairRequest(cadre, null), FupinApp.Json, Ct)));
        var cadres = (await xixiu.GetFromJsonAsync<List<Pairings.CadreView>>("/api/v1/assistance/cadres", FupinApp.Json, Ct))!;
        Assert.DoesNotContain(cadres, x => x.Id == cadre);
        var coverage = (await mapo.GetFromJsonAsync<Coverage.Report>($"/api/v1/assistance/coverage?year={year}", FupinApp.Json, Ct))!;
        Assert.All(coverage.ByVillage, v => Assert.Equal(TestData.VillageA, v.Code));
        var compliance = (await mapo.GetFromJsonAsync<Visits.Compliance>("/api/v1/assistance/visits/compliance", FupinApp.Json, Ct))!;
        Assert.DoesNotContain(compliance.Overdue, o => o.HouseholdId == b.Id);
    }

    [Fact]
    public async Task Work_teams_check_attendance_and_the_night_school_counts_sign_ins()
    {
        var county = await County();
        var town = await Town();
        var team = await OkAsync<Guid>(town.PostAsJsonAsync("/api/v1/assistance/teams",
            new WorkTeams.TeamRequest(TestData.VillageA, "马坡村驻村工作队", "区发改委", Today.AddMonths(-6), null, 0), FupinApp.Json, Ct));
        Assert.Contains("管辖范围", await RefusedAsync(town.PostAsJsonAsync("/api/v1/assistance/teams",
            new WorkTeams.TeamRequest(TestData.VillageB, "外村", "x", Today, null, 0), FupinApp.Json, Ct)));
        var secretary = await OkAsync<Guid>(town.PostAsJsonAsync($"/api/v1/assistance/teams/{team}/members",
            new WorkTeams.MemberRequest("王书记", TeamRole.FirstSecretary, "区发改委", "13900002222", Today.AddMonths(-6)), FupinApp.Json, Ct));
        var member = await OkAsync<Guid>(town.PostAsJsonAsync($"/api/v1/assistance/teams/{team}/members",
            new WorkTeams.MemberRequest("刘队员", TeamRole.Member, "区发改委", null, Today.AddMonths(-6)), FupinApp.Json, Ct));
        Assert.Contains("第一书记", await RefusedAsync(town.PostAsJsonAsync($"/api/v1/assistance/teams/{team}/members",
            new WorkTeams.MemberRequest("又一书记", TeamRole.FirstSecretary, null, null, null), FupinApp.Json, Ct)));

        async Task Check(Guid who, int daysAgo, AttendanceKind kind, string? note = null) =>
            await OkAsync<Guid>(town.PostAsJsonAsync($"/api/v1/assistance/teams/{team}/checkins", new WorkTeams.CheckInRequest(who, Today.AddDays(-daysAgo), kind, note), FupinApp.Json, Ct));
        await Check(secretary, 1, AttendanceKind.Present);
        await Check(secretary, 2, AttendanceKind.Official, "到区里开会");
        await Check(member, 1, AttendanceKind.Absent, "电话未接，不在村");
        await Check(member, 2, AttendanceKind.Present);
        Assert.Contains("已有查岗记录", await RefusedAsync(town.PostAsJsonAsync($"/api/v1/assistance/teams/{team}/checkins",
            new WorkTeams.CheckInRequest(member, Today.AddDays(-1), AttendanceKind.Present, null), FupinApp.Json, Ct)));
        Assert.Contains("写明情况", await RefusedAsync(town.PostAsJsonAsync($"/api/v1/assistance/teams/{team}/checkins",
            new WorkTeams.CheckInRequest(member, Today.AddDays(-3), AttendanceKind.Leave, null), FupinApp.Json, Ct)));
        // The team writes its log (an assistance cadre or village cadre may).
        var village = await Village();
        await OkAsync<Guid>(village.PostAsJsonAsync($"/api/v1/assistance/teams/{team}/logs", new WorkTeams.LogRequest(secretary, Today, TeamLogKind.Daily, "走访5户，召开院坝会"), FupinApp.Json, Ct));

        var attendance = (await county.GetFromJsonAsync<List<WorkTeams.AttendanceRow>>($"/api/v1/assistance/teams/attendance?from={Today.AddDays(-7):yyyy-MM-dd}&to={Today:yyyy-MM-dd}", FupinApp.Json, Ct))!;
        var row = attendance.Single(t => t.TeamId == team);
        Assert.Equal((4, 2, 1, 0, 1, 75.0m, 1), (row.Checks, row.Present, row.Official, row.Leave, row.Absent, row.Rate, row.Logs));
        var detail = (await county.GetFromJsonAsync<WorkTeams.TeamDetail>($"/api/v1/assistance/teams/{team}", FupinApp.Json, Ct))!;
        Assert.Equal(("王书记", 2), (detail.Team.FirstSecretary, detail.Members.Count));

        // Night school: a session in village A, two households sign in (one twice).
        var session = await OkAsync<Guid>(village.PostAsJsonAsync("/api/v1/assistance/night-school/sessions",
            new NightSchool.SessionRequest(TestData.VillageA, Today, "肉牛养殖技术"), FupinApp.Json, Ct));
        var s = (await village.GetFromJsonAsync<NightSchool.SessionDetail>($"/api/v1/assistance/night-school/sessions/{session}", FupinApp.Json, Ct))!;
        var two = s.Households.Take(2).Select(h => h.HouseholdId).ToList();
        Assert.Equal(1, await OkAsync<int>(village.PostAsJsonAsync($"/api/v1/assistance/night-school/sessions/{session}/sign-ins", new NightSchool.SignInRequest([two[0]]), FupinApp.Json, Ct)));
        Assert.Equal(2, await OkAsync<int>(village.PostAsJsonAsync($"/api/v1/assistance/night-school/sessions/{session}/sign-ins", new NightSchool.SignInRequest(two), FupinApp.Json, Ct)));
        var rates = (await county.GetFromJsonAsync<NightSchool.Rates>($"/api/v1/assistance/night-school/rates?regionCode={TestData.VillageA}&from={Today:yyyy-MM-dd}&to={Today:yyyy-MM-dd}", FupinApp.Json, Ct))!;
        var v = Assert.Single(rates.ByVillage);
        Assert.Equal((s.Session.Expected, 2, NightSchool.Rate(2, s.Session.Expected)), (v.Expected, v.Signed, v.Rate));
        Assert.Equal("西秀镇", Assert.Single(rates.ByTownship).Name);
    }
}

public sealed class AssistanceApiTestsOnSqlite(ClockedSqliteApp app) : AssistanceApiTests(app), IClassFixture<ClockedSqliteApp>;

public sealed class AssistanceApiTestsOnPostgres(ClockedPostgresApp app) : AssistanceApiTests(app), IClassFixture<ClockedPostgresApp>;
