using System.Net;
using System.Net.Http.Json;
using Fupin.Tests.Infrastructure;
using Fupin.Web.Features.Households;
using Fupin.Web.Features.Income;

namespace Fupin.Tests.Income;

public sealed class IncomeRulesTests
{
    // 纯收入 = 工资性 + 生产经营性 + 财产性 + 转移性 − 生产经营性支出; 人均 = 纯收入 / 人口.
    [Theory]
    [InlineData(10000, 5000, 0, 3900, 2000, 4, 16900, 4225.00)]
    [InlineData(0, 0, 0, 7200, 0, 1, 7200, 7200.00)] // 特困集中供养 7200 (seed 001), one person
    [InlineData(8000, 1000, 300, 1200, 500, 3, 10000, 3333.33)]
    [InlineData(0, 0, 0, 0, 0, 2, 0, 0)]
    [InlineData(1000, 0, 0, 0, 3000, 2, -2000, -1000.00)] // a loss year is shown as it is
    public void Net_and_per_capita_income(decimal wage, decimal business, decimal property, decimal transfer, decimal expense, int size, decimal net, decimal perCapita)
    {
        Assert.Equal(net, IncomeRules.Net(wage, business, property, transfer, expense));
        Assert.Equal(perCapita, IncomeRules.PerCapita(net, size));
    }

    // Seed 001: "收入5000元以上的达96%, 4000元以上的达100%" against a 2020 line of about 4000 and a monitoring line of 6000.
    [Theory]
    [InlineData(3999.99, IncomeBand.BelowPovertyLine)]
    [InlineData(4000, IncomeBand.BelowMonitoringLine)]
    [InlineData(5000, IncomeBand.BelowMonitoringLine)]
    [InlineData(6000, IncomeBand.AboveMonitoringLine)]
    public void Per_capita_income_against_the_lines(decimal perCapita, IncomeBand band) =>
        Assert.Equal(band, IncomeRules.Band(perCapita, 4000, 6000));

    [Fact]
    public void Without_a_line_for_the_year_the_band_is_unknown() =>
        Assert.Equal(IncomeBand.Unknown, IncomeRules.Band(5000, null, null));
}

public abstract class IncomeLedgerApiTests(FupinApp app)
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_year_is_recorded_computed_and_compared_with_that_years_lines()
    {
        var client = await app.ClientAsync();
        var h = await (await client.PostAsJsonAsync("/api/v1/households", TestData.NewHousehold(), FupinApp.Json, Ct)).Content.ReadFromJsonAsync<GetHousehold.Detail>(FupinApp.Json, Ct);
        var input = new IncomeLedger.Input { HouseholdSize = 4, Wage = 10000, Business = 5000, Dibao = 3900, BusinessExpense = 2000 };

        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/v1/households/{h!.Id}/income/2020", input, FupinApp.Json, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/v1/households/{h.Id}/income/2015", input with { Wage = 1000, Dibao = 0 }, FupinApp.Json, Ct)).StatusCode);
        var years = await client.GetFromJsonAsync<List<IncomeLedger.YearView>>($"/api/v1/households/{h.Id}/income", FupinApp.Json, Ct);

        Assert.NotNull(years);
        Assert.Equal([2015, 2020], years.Select(y => y.Year));
        var y2020 = years![1];
        Assert.Equal(3900m, y2020.Transfer);
        Assert.Equal(16900m, y2020.Net);
        Assert.Equal(4225m, y2020.PerCapita);
        Assert.Equal(4000m, y2020.PovertyLine);
        Assert.Equal(6000m, y2020.MonitoringLine);
        Assert.Equal(IncomeBand.BelowMonitoringLine, y2020.Band);
        Assert.Equal(1000m, years[0].PerCapita); // (1000 + 5000 − 2000) / 4
        Assert.Equal(2855m, years[0].PovertyLine);
        Assert.Equal(IncomeBand.BelowPovertyLine, years[0].Band);
    }

    [Fact]
    public async Task Bad_figures_are_refused_and_a_stale_version_conflicts()
    {
        var client = await app.ClientAsync();
        var h = await (await client.PostAsJsonAsync("/api/v1/households", TestData.NewHousehold(), FupinApp.Json, Ct)).Content.ReadFromJsonAsync<GetHousehold.Detail>(FupinApp.Json, Ct);
        var bad = await client.PutAsJsonAsync($"/api/v1/households/{h!.Id}/income/2099", new IncomeLedger.Input { HouseholdSize = 0, Wage = -1, Business = 1.005m }, FupinApp.Json, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var text = await bad.Content.ReadAsStringAsync(Ct);
        Assert.Contains("年度应在2013年", text);
        Assert.Contains("家庭人口数应为1到30人", text);
        Assert.Contains("工资性收入应在0到1亿元之间", text);
        Assert.Contains("最多保留两位小数", text);

        var input = new IncomeLedger.Input { HouseholdSize = 2, Wage = 6000 };
        await client.PutAsJsonAsync($"/api/v1/households/{h.Id}/income/2024", input, FupinApp.Json, Ct);
        var again = await client.PutAsJsonAsync($"/api/v1/households/{h.Id}/income/2024", input with { Wage = 7000 }, FupinApp.Json, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode); // version 0 on an existing year
        var ok = await client.PutAsJsonAsync($"/api/v1/households/{h.Id}/income/2024", input with { Wage = 7000, Version = 1 }, FupinApp.Json, Ct);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task Another_villages_ledger_is_not_found()
    {
        var county = await app.ClientAsync();
        var other = await (await county.PostAsJsonAsync("/api/v1/households", TestData.NewHousehold(TestData.VillageB), FupinApp.Json, Ct)).Content.ReadFromJsonAsync<GetHousehold.Detail>(FupinApp.Json, Ct);
        var cadre = await app.ClientForNewUserAsync(Fupin.Web.Features.Accounts.Roles.VillageCadre, TestData.VillageA);
        Assert.Equal(HttpStatusCode.NotFound, (await cadre.GetAsync($"/api/v1/households/{other!.Id}/income", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cadre.PutAsJsonAsync($"/api/v1/households/{other.Id}/income/2024", new IncomeLedger.Input { HouseholdSize = 1 }, FupinApp.Json, Ct)).StatusCode);
    }
}

public sealed class IncomeLedgerApiTestsOnSqlite(SqliteApp app) : IncomeLedgerApiTests(app), IClassFixture<SqliteApp>;

public sealed class IncomeLedgerApiTestsOnPostgres(PostgresApp app) : IncomeLedgerApiTests(app), IClassFixture<PostgresApp>;
