using System.Net.Http.Json;
using Fupin.Tests.Infrastructure;
using Fupin.Web.Features.Households;
using Fupin.Web.Features.Stats;

namespace Fupin.Tests.Api;

public sealed class DynamicSentenceTests
{
    // Seed 001: "新识别和补录人口308人，清理人口293人，净增人口15人".
    [Fact]
    public void The_sentence_has_the_seeds_form() =>
        Assert.Equal("新识别和补录人口308人，新增（出生、婚入、迁入）0人，清理人口293人，死亡、迁出等减少0人，净增人口15人。",
            DynamicReport.Sentence(300, 8, 0, 293, 0));

    [Fact]
    public void A_net_loss_reads_as_a_decrease() => Assert.EndsWith("净减人口5人。", DynamicReport.Sentence(1, 0, 0, 6, 0));
}

public abstract class DynamicReportTests(FupinApp app)
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Entries_and_departures_of_the_year_count_and_net_out()
    {
        var client = await app.ClientAsync();
        var year = DateTime.Today.Year;
        var before = await client.GetFromJsonAsync<DynamicReport.Result>($"/api/v1/stats/dynamic?regionCode={TestData.VillageB}&fromYear={year}&toYear={year}", FupinApp.Json, Ct);

        // A household newly identified this year (head: 新识别), a late entry, and a removal of the late entry.
        var request = TestData.NewHousehold(TestData.VillageB);
        request.Household.YearIdentified = year;
        var h = await (await client.PostAsJsonAsync("/api/v1/households", request, FupinApp.Json, Ct)).Content.ReadFromJsonAsync<GetHousehold.Detail>(FupinApp.Json, Ct);
        var late = TestData.Member(relation: Relation.Son) with { Entry = MemberEntry.LateEntry, EntryYear = year };
        var lateId = await (await client.PostAsJsonAsync($"/api/v1/households/{h!.Id}/members", late, FupinApp.Json, Ct)).Content.ReadFromJsonAsync<Guid>(FupinApp.Json, Ct);
        await client.PostAsJsonAsync($"/api/v1/members/{lateId}/status",
            new ChangeMemberStatus.Request(MemberStatus.Removed, DateOnly.FromDateTime(DateTime.Today), "识别不准，清退", 1), FupinApp.Json, Ct);

        var after = await client.GetFromJsonAsync<DynamicReport.Result>($"/api/v1/stats/dynamic?regionCode={TestData.VillageB}&fromYear={year}&toYear={year}", FupinApp.Json, Ct);
        Assert.Equal(before!.PeopleIn.GetValueOrDefault(MemberEntry.Identified) + 1, after!.PeopleIn.GetValueOrDefault(MemberEntry.Identified));
        Assert.Equal(before.PeopleIn.GetValueOrDefault(MemberEntry.LateEntry) + 1, after.PeopleIn.GetValueOrDefault(MemberEntry.LateEntry));
        Assert.Equal(before.PeopleOut.GetValueOrDefault(MemberStatus.Removed) + 1, after.PeopleOut.GetValueOrDefault(MemberStatus.Removed));
        Assert.Equal(before.HouseholdsIdentified + 1, after.HouseholdsIdentified);
        Assert.Equal(before.NetPeople + 1, after.NetPeople);
        Assert.Contains("新识别和补录人口", after.Summary);
    }
}

public sealed class DynamicReportTestsOnSqlite(SqliteApp app) : DynamicReportTests(app), IClassFixture<SqliteApp>;

public sealed class DynamicReportTestsOnPostgres(PostgresApp app) : DynamicReportTests(app), IClassFixture<PostgresApp>;
