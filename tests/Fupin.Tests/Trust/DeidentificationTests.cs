using System.Globalization;
using System.Net.Http.Json;
using Fupin.Tests.Infrastructure;
using Fupin.Web.Data;
using Fupin.Web.Features.Households;
using Fupin.Web.Rules;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Tests.Trust;

/// <summary>
/// GB/T 35273 de-identification: a masked ID number (first four and last four digits) must not be rebuildable from what is
/// shown beside it. The review rebuilt 7,977 of 8,000 numbers from the leader's masked export (birth date and region code
/// beside the mask). Each masked response and export is rebuilt here as an attacker would, for each role.
/// </summary>
public abstract class DeidentificationTests(FupinApp app)
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>How many numbers fit the mask, the address code and the birth dates the response allows (one = rebuilt).</summary>
    private static int Candidates(string masked, string addressCode, IEnumerable<DateOnly> births) =>
        births.Select(b => addressCode + b.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + masked[^4..^1])
            .Count(first17 => first17[..4] == masked[..4] && ResidentId.CheckChar(first17) == masked[^1]);

    private static IEnumerable<DateOnly> YearOf(int year) =>
        Enumerable.Range(0, DateTime.IsLeapYear(year) ? 366 : 365).Select(d => new DateOnly(year, 1, 1).AddDays(d));

    private static bool ShowsDate(string text, DateOnly birth) =>
        new[] { "yyyy-MM-dd", "yyyyMMdd", "yyyy/M/d", "yyyy年M月d日" }.Any(f => text.Contains(birth.ToString(f, CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("leader")]
    [InlineData("county")]
    [InlineData("mapo")]
    public async Task No_masked_number_can_be_rebuilt_from_what_a_role_is_shown(string user)
    {
        var client = await app.ClientAsync(user);
        await using var db = app.SystemDb();
        var households = await db.Households.Where(h => h.RegionCode == TestData.VillageA && h.Status != HouseholdStatus.Applicant).OrderBy(h => h.HouseholdNumber).Take(5).Select(h => h.Id).ToListAsync(Ct);
        var truth = await db.Members.Where(m => households.Contains(m.HouseholdId)).ToDictionaryAsync(m => m.Id, m => (m.IdNumber, m.BirthDate), Ct);

        foreach (var id in households)
        {
            var json = await client.GetStringAsync($"/api/v1/households/{id}", Ct);
            var detail = System.Text.Json.JsonSerializer.Deserialize<GetHousehold.Detail>(json, FupinApp.Json)!;
            var history = await client.GetStringAsync($"/api/v1/households/{id}/history?pageSize=200", Ct);
            foreach (var m in detail.Members)
            {
                var (number, birth) = truth[m.Id];
                Assert.Equal(Masking.IdNumber(number), m.IdNumberMasked);
                Assert.False(ShowsDate(json, birth), $"{user}: the detail shows {m.Name}'s birth date beside the masked number");
                Assert.False(ShowsDate(history, birth), $"{user}: the history shows {m.Name}'s birth date");
                Assert.True(Candidates(m.IdNumberMasked, number[..6], YearOf(m.BirthYear)) > 1, $"{user}: {m.Name}'s number is rebuilt from the birth year");
            }
        }

        // The masked export an office hands around: every row rebuilt from its own cells.
        var csv = await client.GetStringAsync("/api/v1/households/export?format=csv&regionCode=460105101201", Ct);
        var lines = csv.Split('\n').Where(l => l.Length > 0).Select(l => l.TrimEnd('\r').Split(',')).ToList();
        var header = lines[0].Select(h => h.Trim('\uFEFF')).ToList();
        int Col(string name) => header.IndexOf(name);
        Assert.NotEmpty(lines.Skip(1));
        foreach (var row in lines.Skip(1))
        {
            var masked = row[Col("证件号码")].Trim('\t');
            Assert.Contains("*", masked);
            var birth = row[Col("出生日期")];
            Assert.Matches("^[0-9]{4}年$", birth);
            Assert.True(Candidates(masked, row[Col("所属区划代码")].Trim('\t')[..6], YearOf(int.Parse(birth[..4], CultureInfo.InvariantCulture))) > 1);
        }
    }

    [Fact]
    public async Task Cadres_phones_are_masked_everywhere_and_revealed_only_with_an_audit_line()
    {
        var county = await app.ClientAsync();
        var leader = await app.ClientAsync("leader");
        await using var db = app.SystemDb();
        var phones = await db.Set<Fupin.Web.Features.Assistance.Cadre>().Where(c => c.Phone != null).Select(c => c.Phone!).ToListAsync(Ct);
        Assert.NotEmpty(phones);

        foreach (var client in new[] { county, leader })
        {
            var cadres = await client.GetStringAsync("/api/v1/assistance/cadres", Ct);
            var units = await client.GetStringAsync("/api/v1/assistance/units", Ct);
            Assert.DoesNotContain(phones, cadres.Contains);
            Assert.DoesNotContain(phones, units.Contains);
        }
        var bangfu = await app.ClientAsync(Fupin.Web.Features.Demo.DemoAssistance.CadreUserName);
        var my = await bangfu.GetStringAsync("/api/v1/assistance/my", Ct);
        Assert.DoesNotContain(phones, my.Contains);
        var household = (await bangfu.GetFromJsonAsync<Fupin.Web.Features.Assistance.Pairings.MyView>("/api/v1/assistance/my", FupinApp.Json, Ct))!.Households[0].HouseholdId;
        var pairings = await county.GetStringAsync($"/api/v1/households/{household}/pairings", Ct);
        Assert.DoesNotContain(phones, pairings.Contains);

        var cadre = await db.Set<Fupin.Web.Features.Assistance.Cadre>().FirstAsync(c => c.Phone != null, Ct);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await leader.PostAsync($"/api/v1/assistance/cadres/{cadre.Id}/reveal", null, Ct)).StatusCode);
        var revealed = await county.PostAsync($"/api/v1/assistance/cadres/{cadre.Id}/reveal", null, Ct);
        Assert.Contains(cadre.Phone!, await revealed.Content.ReadAsStringAsync(Ct));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Event == "Reveal" && a.EntityKey == cadre.Id.ToString(), Ct));

        // The edit form sends the masked number back: the stored number stays.
        var views = (await county.GetFromJsonAsync<List<Fupin.Web.Features.Assistance.Pairings.CadreView>>("/api/v1/assistance/cadres", FupinApp.Json, Ct))!;
        var view = views.First(v => v.Id == cadre.Id);
        var saved = await county.PutAsJsonAsync($"/api/v1/assistance/cadres/{cadre.Id}",
            new Fupin.Web.Features.Assistance.Pairings.CadreRequest(view.UnitId, view.Name, view.Post, view.Phone, view.RegionCode, view.UserName, view.Active, view.Version), FupinApp.Json, Ct);
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync(Ct));
        await using var after = app.SystemDb();
        Assert.Equal(cadre.Phone, await after.Set<Fupin.Web.Features.Assistance.Cadre>().Where(c => c.Id == cadre.Id).Select(c => c.Phone).SingleAsync(Ct));
    }
}

public sealed class DeidentificationTestsOnSqlite(SqliteApp app) : DeidentificationTests(app), IClassFixture<SqliteApp>;

public sealed class DeidentificationTestsOnPostgres(PostgresApp app) : DeidentificationTests(app), IClassFixture<PostgresApp>;
