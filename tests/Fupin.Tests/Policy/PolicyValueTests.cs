using System.Net;
using System.Net.Http.Json;
using Fupin.Tests.Infrastructure;
using Fupin.Web.Features.Audit;
using Fupin.Web.Features.Policy;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Tests.Policy;

public sealed class PolicyChoiceTests
{
    private sealed record V(string Prefix, int Year, decimal Value);

    private static readonly V[] Lines =
    [
        new("", 2014, 2800), new("", 2015, 2855), new("", 2016, 2952), new("", 2020, 4000),
        new("46", 2016, 3100), new("460105", 2020, 4200),
    ];

    // The national line by year (statistical yearbook figures), a province's own line, a county's own.
    [Theory]
    [InlineData("520102000000", 2014, 2800)]
    [InlineData("520102000000", 2015, 2855)]
    [InlineData("520102000000", 2019, 2952)] // no 2017-2019 value here: the latest not after 2019
    [InlineData("520102000000", 2024, 4000)]
    [InlineData("460200000000", 2016, 3100)] // the province's own value wins over the national one
    [InlineData("460200000000", 2015, 2855)] // before the province set one, the national one
    [InlineData("460105101201", 2021, 4200)] // a village takes its county's value
    [InlineData("460106000000", 2021, 3100)] // a neighbouring county, the province's
    public void The_most_specific_region_and_latest_year_wins(string region, int year, decimal expected) =>
        Assert.Equal(expected, PolicyValues.Choose(Lines, v => v.Prefix, v => v.Year, region, year)!.Value);

    [Fact]
    public void No_value_before_the_first_year() =>
        Assert.Null(PolicyValues.Choose(Lines, v => v.Prefix, v => v.Year, "520102000000", 2013));
}

public abstract class PolicyValueApiTests(FupinApp app)
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Seeded_values_are_looked_up_by_region_and_year()
    {
        var client = await app.ClientAsync();
        var line = await client.GetFromJsonAsync<PolicyValues.View>($"/api/v1/policy-values/lookup?key=poverty.line&year=2015&regionCode={TestData.VillageA}", FupinApp.Json, Ct);
        Assert.Equal(2855m, line!.Value);
        var days = await client.GetFromJsonAsync<PolicyValues.View>("/api/v1/policy-values/lookup?key=publicity.minDays&year=2026&regionCode=520102000000", FupinApp.Json, Ct);
        Assert.Equal(5m, days!.Value);
        var list = await client.GetFromJsonAsync<List<PolicyValues.View>>("/api/v1/policy-values", FupinApp.Json, Ct);
        Assert.Contains(list!, v => v.Key == PolicyKeys.PovertyLine && v.Year == 2019 && !v.Verified);
    }

    [Fact]
    public async Task The_system_admin_changes_a_value_for_a_county_audited_and_checked_for_concurrent_edits()
    {
        var admin = await app.AdminClientAsync();
        var county = await app.ClientAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await county.PostAsJsonAsync("/api/v1/policy-values", new PolicyValues.Input(), FupinApp.Json, Ct)).StatusCode);

        var created = await (await admin.PostAsJsonAsync("/api/v1/policy-values",
            new PolicyValues.Input { Key = PolicyKeys.PublicityMinDays, RegionPrefix = "460105", Year = 2025, Value = 7, Source = "区扶贫办文件：公示7天" }, FupinApp.Json, Ct))
            .Content.ReadFromJsonAsync<PolicyValues.View>(FupinApp.Json, Ct);
        var here = await county.GetFromJsonAsync<PolicyValues.View>($"/api/v1/policy-values/lookup?key=publicity.minDays&year=2026&regionCode={TestData.VillageA}", FupinApp.Json, Ct);
        var elsewhere = await county.GetFromJsonAsync<PolicyValues.View>("/api/v1/policy-values/lookup?key=publicity.minDays&year=2026&regionCode=520102000000", FupinApp.Json, Ct);
        Assert.Equal(7m, here!.Value);
        Assert.Equal(5m, elsewhere!.Value);

        var ok = await admin.PutAsJsonAsync($"/api/v1/policy-values/{created!.Id}", new PolicyValues.UpdateRequest(6, created.Source, true, created.Version), FupinApp.Json, Ct);
        var stale = await admin.PutAsJsonAsync($"/api/v1/policy-values/{created.Id}", new PolicyValues.UpdateRequest(8, created.Source, true, created.Version), FupinApp.Json, Ct);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        await using var db = app.SystemDb();
        var trail = await db.AuditEntries.Where(a => a.Entity == nameof(PolicyValue) && a.EntityKey == created.Id.ToString()).ToListAsync(Ct);
        Assert.Contains(trail, a => a.Action == AuditAction.Updated && a.Field == "Value"
            && decimal.Parse(a.OldValue!, System.Globalization.CultureInfo.InvariantCulture) == 7m
            && decimal.Parse(a.NewValue!, System.Globalization.CultureInfo.InvariantCulture) == 6m);
        Assert.Contains(trail, a => a.Action == AuditAction.Created && a.UserName == "admin");
    }
}

public sealed class PolicyValueApiTestsOnSqlite(SqliteApp app) : PolicyValueApiTests(app), IClassFixture<SqliteApp>;

public sealed class PolicyValueApiTestsOnPostgres(PostgresApp app) : PolicyValueApiTests(app), IClassFixture<PostgresApp>;
