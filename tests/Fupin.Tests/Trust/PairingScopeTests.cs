using System.Net;
using System.Net.Http.Json;
using Fupin.Tests.Infrastructure;
using Fupin.Web.Features.Assistance;
using Fupin.Web.Features.Demo;
using Fupin.Web.Features.Households;
using Fupin.Web.Shared;

namespace Fupin.Tests.Trust;

/// <summary>
/// The assistance cadre reads and writes only the households paired with it, below the UI and API like region scope:
/// the demo account "bangfu" is paired with some of its village's households and used to read all of them.
/// </summary>
public abstract class PairingScopeTests(FupinApp app)
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_cadre_sees_its_paired_households_only_in_lists_details_and_exports()
    {
        var cadre = await app.ClientAsync(DemoAssistance.CadreUserName);
        var village = await app.ClientAsync("mapo");
        var mine = (await cadre.GetFromJsonAsync<Pairings.MyView>("/api/v1/assistance/my", FupinApp.Json, Ct))!;
        Assert.NotEmpty(mine.Households);
        var all = (await village.GetFromJsonAsync<Paged<ListHouseholds.Row>>($"/api/v1/households?regionCode={DemoAssistance.CadreVillage}&pageSize=500", FupinApp.Json, Ct))!;

        var seen = (await cadre.GetFromJsonAsync<Paged<ListHouseholds.Row>>("/api/v1/households?pageSize=500", FupinApp.Json, Ct))!;
        Assert.True(all.Total > seen.Total, $"village {all.Total}, cadre {seen.Total}");
        Assert.Subset(seen.Items.Select(r => r.Id).ToHashSet(), mine.Households.Select(h => h.HouseholdId).ToHashSet());

        var unpaired = all.Items.First(r => seen.Items.All(s => s.Id != r.Id));
        foreach (var path in new[] { "", "/history", "/income", "/visits", $"/plans/{DateTime.UtcNow.Year}", "/light" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await cadre.GetAsync($"/api/v1/households/{unpaired.Id}{path}", Ct)).StatusCode);
        }
        var visit = await cadre.PostAsJsonAsync($"/api/v1/households/{unpaired.Id}/visits", new Visits.VisitRequest { Notes = "越界走访" }, FupinApp.Json, Ct);
        Assert.Equal(HttpStatusCode.NotFound, visit.StatusCode);
        var note = await cadre.PutAsJsonAsync($"/api/v1/households/{unpaired.Id}/light/note", new { color = "Red", note = "越界" }, FupinApp.Json, Ct);
        Assert.Equal(HttpStatusCode.NotFound, note.StatusCode);

        var csv = await cadre.GetStringAsync("/api/v1/households/export?format=csv", Ct);
        var numbers = csv.Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[0].Trim('\t', '"')).ToHashSet();
        Assert.Equal(seen.Items.Select(r => r.HouseholdNumber).ToHashSet(), numbers);
    }

    [Fact]
    public async Task A_past_pairing_stays_readable_but_no_longer_writable()
    {
        var county = await app.ClientAsync();
        var units = (await county.GetFromJsonAsync<List<Pairings.UnitView>>("/api/v1/assistance/units", FupinApp.Json, Ct))!;
        var userName = $"pair{Guid.NewGuid():N}"[..14];
        var cadreId = await (await county.PostAsJsonAsync("/api/v1/assistance/cadres",
            new Pairings.CadreRequest(units[0].Id, "前任干部", "科员", "13900003333", TestData.TownshipA, userName, true, 0), FupinApp.Json, Ct)).Content.ReadFromJsonAsync<Guid>(FupinApp.Json, Ct);
        var otherId = await (await county.PostAsJsonAsync("/api/v1/assistance/cadres",
            new Pairings.CadreRequest(units[0].Id, "接任干部", "科员", "13900004444", TestData.TownshipA, null, true, 0), FupinApp.Json, Ct)).Content.ReadFromJsonAsync<Guid>(FupinApp.Json, Ct);
        var h = (await (await county.PostAsJsonAsync("/api/v1/households", TestData.NewHousehold(TestData.VillageA, "交接户"), FupinApp.Json, Ct)).Content.ReadFromJsonAsync<GetHousehold.Detail>(FupinApp.Json, Ct))!;
        Assert.True((await county.PostAsJsonAsync($"/api/v1/households/{h.Id}/pairing", new Pairings.PairRequest(cadreId, null), FupinApp.Json, Ct)).IsSuccessStatusCode);
        var cadre = await app.ClientForNewUserAsync(Fupin.Web.Features.Accounts.Roles.AssistanceCadre, TestData.VillageA, userName);

        var first = await cadre.PostAsJsonAsync($"/api/v1/households/{h.Id}/visits", new Visits.VisitRequest { Notes = "入户了解情况" }, FupinApp.Json, Ct);
        Assert.True(first.IsSuccessStatusCode, await first.Content.ReadAsStringAsync(Ct));

        Assert.True((await county.PostAsJsonAsync($"/api/v1/households/{h.Id}/pairing", new Pairings.PairRequest(otherId, "工作调动"), FupinApp.Json, Ct)).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cadre.GetAsync($"/api/v1/households/{h.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cadre.GetAsync($"/api/v1/households/{h.Id}/visits", Ct)).StatusCode);
        var after = await cadre.PostAsJsonAsync($"/api/v1/households/{h.Id}/visits", new Visits.VisitRequest { Notes = "交接后再登记" }, FupinApp.Json, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
        Assert.Contains(PairingScope.Refusal, await after.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_village_account_cannot_credit_a_visit_to_a_cadre_of_another_township()
    {
        var county = await app.ClientAsync();
        var units = (await county.GetFromJsonAsync<List<Pairings.UnitView>>("/api/v1/assistance/units", FupinApp.Json, Ct))!;
        var stranger = await (await county.PostAsJsonAsync("/api/v1/assistance/cadres",
            new Pairings.CadreRequest(units[0].Id, "外镇干部", "科员", "13900005555", "460105105000", null, true, 0), FupinApp.Json, Ct)).Content.ReadFromJsonAsync<Guid>(FupinApp.Json, Ct);
        var h = (await (await county.PostAsJsonAsync("/api/v1/households", TestData.NewHousehold(TestData.VillageA, "记功户"), FupinApp.Json, Ct)).Content.ReadFromJsonAsync<GetHousehold.Detail>(FupinApp.Json, Ct))!;
        var village = await app.ClientAsync("mapo");

        var credited = await village.PostAsJsonAsync($"/api/v1/households/{h.Id}/visits", new Visits.VisitRequest { CadreId = stranger, Notes = "代记走访" }, FupinApp.Json, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, credited.StatusCode);
        Assert.Contains("不在您的管辖范围内", await credited.Content.ReadAsStringAsync(Ct));
    }
}

public sealed class PairingScopeTestsOnSqlite(SqliteApp app) : PairingScopeTests(app), IClassFixture<SqliteApp>;

public sealed class PairingScopeTestsOnPostgres(PostgresApp app) : PairingScopeTests(app), IClassFixture<PostgresApp>;
