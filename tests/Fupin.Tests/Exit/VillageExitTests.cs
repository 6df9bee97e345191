using System.Net;
using System.Net.Http.Json;
using Fupin.Tests.Infrastructure;
using Fupin.Web.Features.Exit;

namespace Fupin.Tests.Exit;

public sealed class VillageExitRulesTests
{
    private static readonly VillageExitRules.Checklist AllGood = new(true, true, true, true, true, true);

    // The issue's own example: 1,000 rural people with 4 remaining poor is 0.4% and passes 2%; 25 is 2.5% and fails.
    [Theory]
    [InlineData(4, 1000, true)]
    [InlineData(19, 1000, true)]
    [InlineData(20, 1000, false)] // 2.00% is not below 2%
    [InlineData(25, 1000, false)]
    public void Incidence_must_be_below_the_threshold(int poor, int population, bool met) =>
        Assert.Equal(met, VillageExitRules.Evaluate(poor, population, 2m, 120000m, 100000m, "芒果", AllGood)[0].Met);

    [Fact]
    public void A_village_meets_all_four_criteria_or_says_which_it_misses()
    {
        var good = VillageExitRules.Evaluate(4, 1000, 2m, 120000m, 100000m, "芒果", AllGood);
        Assert.All(good, c => Assert.True(c.Met, c.Name));
        Assert.Equal("0.40%（4/1000人）", good[0].Figure);
        Assert.Equal("12万元", good[1].Figure);

        var bad = VillageExitRules.Evaluate(4, null, 2m, 80000m, 100000m, null, AllGood with { Clinic = false, Broadband = false });
        Assert.False(bad[0].Met);
        Assert.Equal("农村户籍人口未填报", bad[0].Figure);
        Assert.False(bad[1].Met);
        Assert.False(bad[2].Met);
        Assert.Equal("未达标：通宽带、有标准化卫生室", bad[3].Figure);
    }

    [Fact]
    public void Without_a_profile_the_village_is_not_ready() =>
        Assert.Contains(VillageExitRules.Evaluate(0, 1000, 2m, null, 100000m, null, null), c => !c.Met);
}

public abstract class VillageExitApiTests(FupinApp app)
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_village_with_its_profile_recorded_is_evaluated_against_the_policy_thresholds()
    {
        var client = await app.ClientAsync();
        var year = DateTime.Today.Year;
        var before = await client.GetFromJsonAsync<List<VillageExit.VillageRow>>($"/api/v1/villages/exit-evaluation?regionCode=460105105000&year={year}", FupinApp.Json, Ct);
        var stored = before!.Single(r => r.Code == TestData.VillageB).Profile?.Version ?? 0;
        var profile = new VillageExit.ProfileInput
        {
            Version = stored,
            CollectiveIncome = 150000,
            LeadingIndustry = "莲雾",
            HardenedRoad = true,
            PowerGrid = true,
            Broadband = true,
            Clinic = true,
            CultureCenter = true,
            SafeWater = true,
        };
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/v1/villages/{TestData.VillageB}/profile/{year}", profile, FupinApp.Json, Ct)).StatusCode);

        var rows = await client.GetFromJsonAsync<List<VillageExit.VillageRow>>($"/api/v1/villages/exit-evaluation?regionCode=460105105000&year={year}", FupinApp.Json, Ct);
        var village = Assert.Single(rows!, r => r.Code == TestData.VillageB);
        Assert.Equal("东山镇", village.TownshipName);
        Assert.Equal("低于2%", village.Criteria[0].Threshold);
        Assert.Equal("不低于10万元", village.Criteria[1].Threshold);
        Assert.True(village.Criteria[1].Met);
        Assert.True(village.Criteria[2].Met);
        Assert.True(village.Criteria[3].Met);
        Assert.Equal(village.Criteria[0].Met, village.Ready);
        Assert.Equal("莲雾", village.Profile!.LeadingIndustry);
        Assert.Equal(stored + 1, village.Profile.Version);

        var stale = await client.PutAsJsonAsync($"/api/v1/villages/{TestData.VillageB}/profile/{year}", profile, FupinApp.Json, Ct);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }
}

public sealed class VillageExitApiTestsOnSqlite(SqliteApp app) : VillageExitApiTests(app), IClassFixture<SqliteApp>;

public sealed class VillageExitApiTestsOnPostgres(PostgresApp app) : VillageExitApiTests(app), IClassFixture<PostgresApp>;
