using System.Net;
using System.Net.Http.Json;
using Fupin.Tests.Infrastructure;
using Fupin.Web.Features.Households;
using Fupin.Web.Features.Procedures;
using Fupin.Web.Features.Stats;
using Fupin.Web.Shared;

namespace Fupin.Tests.Trust;

/// <summary>
/// A status with legal meaning changes only through its procedure (DOMAIN.md §1). The direct action that let a village
/// account mark a household 已脱贫, 已清退 or 监测对象 is gone; what is left is the county office's correction of a
/// clerical error, with reason and evidence, shown as such. 已清退 has its own procedure.
/// </summary>
public abstract class StatusProcedureTests(FupinApp app)
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private async Task<GetHousehold.Detail> NewAsync(HttpClient county, string head)
    {
        var created = await county.PostAsJsonAsync("/api/v1/households", TestData.NewHousehold(TestData.VillageA, head), FupinApp.Json, Ct);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(Ct));
        return (await created.Content.ReadFromJsonAsync<GetHousehold.Detail>(FupinApp.Json, Ct))!;
    }

    private async Task<GetHousehold.Detail> ReadAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<GetHousehold.Detail>($"/api/v1/households/{id}", FupinApp.Json, Ct))!;

    [Theory]
    [InlineData("Lifted")]
    [InlineData("Removed")]
    [InlineData("Monitored")]
    public async Task A_village_account_cannot_set_a_status_directly(string status)
    {
        var h = await NewAsync(await app.ClientAsync(), "直改户");
        var village = await app.ClientAsync("mapo");

        var json = await village.PostAsJsonAsync($"/api/v1/households/{h.Id}/status",
            new { status, date = Today, reason = "直接改", version = h.Version }, FupinApp.Json, Ct);
        var form = await village.CorrectStatusAsync(h.Id, Enum.Parse<HouseholdStatus>(status), Today, "直接改", h.Version, Ct);

        // The old JSON call: refused before its body is read (it is no longer the way), in Chinese.
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Contains("multipart/form-data", await json.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Forbidden, form.StatusCode);
        Assert.Equal(HouseholdStatus.NotLifted, (await ReadAsync(village, h.Id)).Status);
    }

    [Fact]
    public async Task The_county_corrects_a_clerical_error_only_with_reason_and_evidence_and_it_shows_as_a_correction()
    {
        var county = await app.ClientAsync();
        var h = await NewAsync(county, "更正户");

        var noFile = await county.CorrectStatusAsync(h.Id, HouseholdStatus.Lifted, Today, "笔误", h.Version, Ct, withFile: false);
        Assert.Equal(HttpStatusCode.BadRequest, noFile.StatusCode);
        Assert.Contains("更正依据", await noFile.Content.ReadAsStringAsync(Ct));
        var noReason = await county.CorrectStatusAsync(h.Id, HouseholdStatus.Lifted, Today, " ", h.Version, Ct);
        Assert.Contains("更正原因", await noReason.Content.ReadAsStringAsync(Ct));
        var toApplicant = await county.CorrectStatusAsync(h.Id, HouseholdStatus.Applicant, Today, "笔误", h.Version, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, toApplicant.StatusCode);

        var ok = await county.CorrectStatusAsync(h.Id, HouseholdStatus.Lifted, Today, "录入时把已脱贫误录为未脱贫", h.Version, Ct);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var read = await ReadAsync(county, h.Id);
        Assert.Equal(HouseholdStatus.Lifted, read.Status);
        Assert.StartsWith("更正：", read.StatusReason);

        var corrections = await county.GetFromJsonAsync<List<CorrectHouseholdStatus.View>>($"/api/v1/households/{h.Id}/status-corrections", FupinApp.Json, Ct);
        var correction = Assert.Single(corrections!);
        Assert.Equal((HouseholdStatus.NotLifted, HouseholdStatus.Lifted, "更正依据.pdf"), (correction.FromStatus, correction.ToStatus, correction.FileName));
        var file = await county.GetAsync($"/api/v1/households/{h.Id}/status-corrections/{correction.Id}/file", Ct);
        Assert.StartsWith("%PDF", await file.Content.ReadAsStringAsync(Ct));

        var history = await county.GetFromJsonAsync<Paged<HouseholdHistory.Line>>($"/api/v1/households/{h.Id}/history?pageSize=100", FupinApp.Json, Ct);
        Assert.Contains(history!.Items, l => l.Entity == nameof(StatusCorrection));
        var report = await county.GetFromJsonAsync<DynamicReport.Result>($"/api/v1/stats/dynamic?regionCode={TestData.VillageA}&fromYear={Today.Year}&toYear={Today.Year}", FupinApp.Json, Ct);
        Assert.True(report!.HouseholdsCorrected >= 1);
    }

    [Fact]
    public async Task A_wrongly_included_household_is_removed_through_village_review_town_check_and_county_approval()
    {
        var county = await app.ClientAsync();
        var h = await NewAsync(county, "清退户");
        var village = await app.ClientAsync("mapo");

        var noReason = await village.PostAsJsonAsync("/api/v1/procedures", new ProcedureCommands.StartRequest { Kind = ProcedureKind.Removal, HouseholdId = h.Id }, FupinApp.Json, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("清退理由", await noReason.Content.ReadAsStringAsync(Ct));
        var byCounty = await county.PostAsJsonAsync("/api/v1/procedures", new ProcedureCommands.StartRequest { Kind = ProcedureKind.Removal, HouseholdId = h.Id, Reason = "家有财政供养人员" }, FupinApp.Json, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, byCounty.StatusCode);

        var started = await village.PostAsJsonAsync("/api/v1/procedures", new ProcedureCommands.StartRequest { Kind = ProcedureKind.Removal, HouseholdId = h.Id, Reason = "家有财政供养人员，不符合识别标准" }, FupinApp.Json, Ct);
        Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync(Ct));
        var id = await started.Content.ReadFromJsonAsync<Guid>(FupinApp.Json, Ct);

        async Task Act(HttpClient client, ProcedureCommands.ActRequest act)
        {
            var current = (await client.GetFromJsonAsync<ProcedureQueries.CaseView>($"/api/v1/procedures/{id}", FupinApp.Json, Ct))!;
            var response = await client.PostAsJsonAsync($"/api/v1/procedures/{id}/act", act with { Version = current.Version }, FupinApp.Json, Ct);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        }
        await Act(village, new() { Decision = StepDecision.Pass, Opinion = "村民代表会议评议同意清退", MeetingDate = Today, Attendance = 30, VotesFor = 28, VotesAgainst = 0 });
        Assert.Equal(HouseholdStatus.NotLifted, (await ReadAsync(county, h.Id)).Status);
        await Act(await app.ClientAsync("xixiu"), new() { Decision = StepDecision.Pass, Opinion = "乡镇核查属实" });
        await Act(county, new() { Decision = StepDecision.Pass, Opinion = "县级审批同意" });

        var read = await ReadAsync(county, h.Id);
        Assert.Equal(HouseholdStatus.Removed, read.Status);
        Assert.Contains("家有财政供养人员", read.StatusReason);
        var view = (await county.GetFromJsonAsync<ProcedureQueries.CaseView>($"/api/v1/procedures/{id}", FupinApp.Json, Ct))!;
        Assert.Equal(CaseState.Approved, view.State);
        Assert.Contains("清退理由", view.Monitoring);
    }
}

public sealed class StatusProcedureTestsOnSqlite(SqliteApp app) : StatusProcedureTests(app), IClassFixture<SqliteApp>;

public sealed class StatusProcedureTestsOnPostgres(PostgresApp app) : StatusProcedureTests(app), IClassFixture<PostgresApp>;
