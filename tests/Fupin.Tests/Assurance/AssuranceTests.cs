using System.Net;
using System.Net.Http.Json;
using Fupin.Tests.Infrastructure;
using Fupin.Web.Features.Assurance;
using Fupin.Web.Features.Households;
using Fupin.Web.Rules;
using Fupin.Web.Shared;

namespace Fupin.Tests.Assurance;

public sealed class AssuranceRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    private static Household House(HousingGrade grade = HousingGrade.B, bool renovated = false, WaterStatus water = WaterStatus.Safe) =>
        new() { RegionCode = "460105101201", HouseholdNumber = "1", HeadName = "户主", HousingGrade = grade, HousingRenovated = renovated, Water = water };

    private static Member Child(int age, SchoolStage? stage, Health health = Health.Healthy, string? reason = null) => new()
    {
        RegionCode = "460105101201",
        IdNumber = "x",
        Name = $"孩子{age}",
        Ethnicity = "汉族",
        BirthDate = Today.AddYears(-age).AddDays(-1),
        SchoolStage = stage,
        Education = stage is null ? Education.Primary : null,
        Health = health,
        OutOfSchoolReason = reason,
        MedicalInsurance = MedicalInsurance.Resident,
    };

    [Theory]
    [InlineData(5, false)]
    [InlineData(6, true)]
    [InlineData(15, true)]
    [InlineData(16, false)]
    public void Compulsory_school_age_is_six_to_fifteen(int age, bool schoolAge) =>
        Assert.Equal(schoolAge, AssuranceRules.IsCompulsorySchoolAge(Today.AddYears(-age).AddDays(-1), Today));

    [Theory]
    [InlineData(12, null, Health.Healthy, null, AssuranceStatus.NotSecured)] // dropped out: 控辍保学
    [InlineData(12, SchoolStage.JuniorHigh, Health.Healthy, null, AssuranceStatus.Secured)]
    [InlineData(12, null, Health.Disabled, null, AssuranceStatus.Secured)] // cannot study through disability
    [InlineData(12, null, Health.Healthy, "重度残疾，送教上门", AssuranceStatus.Secured)]
    [InlineData(16, null, Health.Healthy, null, AssuranceStatus.Secured)] // past compulsory age
    public void Education_is_not_secured_when_a_school_age_child_is_out_of_school(int age, SchoolStage? stage, Health health, string? reason, AssuranceStatus expected) =>
        Assert.Equal(expected, AssuranceRules.Derive(House(), [Child(age, stage, health, reason)], Today)[AssuranceItem.Education].Status);

    [Theory]
    [InlineData(HousingGrade.A, false, AssuranceStatus.Secured)]
    [InlineData(HousingGrade.B, false, AssuranceStatus.Secured)]
    [InlineData(HousingGrade.C, false, AssuranceStatus.NotSecured)]
    [InlineData(HousingGrade.D, false, AssuranceStatus.NotSecured)]
    [InlineData(HousingGrade.D, true, AssuranceStatus.Secured)]
    [InlineData(HousingGrade.NotAppraised, false, AssuranceStatus.Unknown)]
    public void Housing_grades_c_and_d_are_unsafe_until_renovated(HousingGrade grade, bool renovated, AssuranceStatus expected) =>
        Assert.Equal(expected, AssuranceRules.Derive(House(grade, renovated), [], Today)[AssuranceItem.Housing].Status);

    [Fact]
    public void An_uninsured_member_and_unsafe_water_are_gaps()
    {
        var uninsured = Child(30, null);
        uninsured.MedicalInsurance = MedicalInsurance.None;
        var gaps = AssuranceRules.Gaps(House(water: WaterStatus.Unsafe), [uninsured], Today);
        Assert.Equal(AssuranceItem.Medical | AssuranceItem.Water, gaps);
    }

    /// <summary>
    /// The stored gaps (union of the household's own and each member's, as the streaming import accumulates
    /// them) are exactly the items <see cref="AssuranceRules.Derive"/> calls not secured, over every mix.
    /// </summary>
    [Fact]
    public void Gaps_are_what_derive_calls_not_secured_for_every_mix_of_household_and_members()
    {
        var members = new[]
        {
            Child(12, null), Child(12, SchoolStage.JuniorHigh), Child(12, null, Health.Disabled), Child(12, null, reason: "残疾送教"), Child(40, null),
        };
        members[4].MedicalInsurance = MedicalInsurance.None;
        var left = Child(9, null);
        left.Status = MemberStatus.Deceased; // not active: counts for nothing
        left.MedicalInsurance = MedicalInsurance.None;
        var checkedMixes = 0;
        foreach (var grade in Enum.GetValues<HousingGrade>())
        {
            foreach (var renovated in new[] { false, true })
            {
                foreach (var water in Enum.GetValues<WaterStatus>())
                {
                    for (var mask = 0; mask < 1 << (members.Length + 1); mask++)
                    {
                        var chosen = members.Append(left).Where((_, i) => (mask & (1 << i)) != 0).ToList();
                        var house = House(grade, renovated, water);
                        var derived = AssuranceRules.Derive(house, chosen, Today).Where(kv => kv.Value.Status == AssuranceStatus.NotSecured)
                            .Aggregate(AssuranceItem.None, (a, kv) => a | kv.Key);
                        Assert.Equal(derived, AssuranceRules.Gaps(house, chosen, Today));
                        checkedMixes++;
                    }
                }
            }
        }
        Assert.True(checkedMixes > 1000);
    }

    [Theory]
    [InlineData(AssuranceStatus.NotSecured, AssuranceStatus.Secured, AssuranceStatus.NotSecured)] // the data wins over a stale check
    [InlineData(AssuranceStatus.Secured, AssuranceStatus.NotSecured, AssuranceStatus.NotSecured)] // a check finds what data cannot
    [InlineData(AssuranceStatus.Secured, null, AssuranceStatus.Secured)]
    [InlineData(null, AssuranceStatus.Secured, AssuranceStatus.Secured)]
    [InlineData(null, null, AssuranceStatus.Unknown)]
    public void Registry_and_check_combine(AssuranceStatus? derived, AssuranceStatus? check, AssuranceStatus expected) =>
        Assert.Equal(expected, HouseholdAssurance.Combine(derived, check));
}

public abstract class AssuranceApiTests(FupinApp app)
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_drop_out_shows_as_an_education_gap_that_the_list_finds_until_the_child_is_back_in_school()
    {
        var client = await app.ClientAsync();
        var h = await (await client.PostAsJsonAsync("/api/v1/households", TestData.NewHousehold(TestData.VillageB), FupinApp.Json, Ct)).Content.ReadFromJsonAsync<GetHousehold.Detail>(FupinApp.Json, Ct);
        var child = TestData.Member(ResidentId.Compose("520102", DateOnly.FromDateTime(DateTime.Today).AddYears(-12).AddDays(-30), 311), Relation.Son, "辍学孩子")
            with
        { Education = Education.Primary, OutOfSchoolReason = "厌学" };
        var childId = await (await client.PostAsJsonAsync($"/api/v1/households/{h!.Id}/members", child, FupinApp.Json, Ct)).Content.ReadFromJsonAsync<Guid>(FupinApp.Json, Ct);

        var items = await client.GetFromJsonAsync<List<HouseholdAssurance.ItemView>>($"/api/v1/households/{h.Id}/assurance", FupinApp.Json, Ct);
        var education = items!.Single(i => i.Item == AssuranceItem.Education);
        Assert.Equal(AssuranceStatus.NotSecured, education.Status);
        Assert.Contains("辍学孩子", education.DerivedReason);
        var listed = await client.GetFromJsonAsync<Paged<ListHouseholds.Row>>($"/api/v1/households?regionCode={TestData.VillageB}&gap=Education&pageSize=200", FupinApp.Json, Ct);
        Assert.Contains(listed!.Items, r => r.Id == h.Id);

        var back = new UpdateMember.Request { Member = child with { IdNumber = null, Education = null, SchoolStage = SchoolStage.JuniorHigh, OutOfSchoolReason = null }, Version = 1 };
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/v1/members/{childId}", back, FupinApp.Json, Ct)).StatusCode);
        var after = await client.GetFromJsonAsync<Paged<ListHouseholds.Row>>($"/api/v1/households?regionCode={TestData.VillageB}&gap=Education&pageSize=200", FupinApp.Json, Ct);
        Assert.DoesNotContain(after!.Items, r => r.Id == h.Id);
    }

    [Fact]
    public async Task A_checked_gap_needs_evidence_and_is_filterable()
    {
        var client = await app.ClientAsync();
        var h = await (await client.PostAsJsonAsync("/api/v1/households", TestData.NewHousehold(TestData.VillageB), FupinApp.Json, Ct)).Content.ReadFromJsonAsync<GetHousehold.Detail>(FupinApp.Json, Ct);
        var today = DateOnly.FromDateTime(DateTime.Today);
        var missing = await client.PutAsJsonAsync($"/api/v1/households/{h!.Id}/assurance/FoodClothing", new HouseholdAssurance.CheckRequest(AssuranceStatus.NotSecured, "", today, 0), FupinApp.Json, Ct);
        Assert.Contains("请写明核查发现的情况", await missing.Content.ReadAsStringAsync(Ct));

        var ok = await client.PutAsJsonAsync($"/api/v1/households/{h.Id}/assurance/FoodClothing",
            new HouseholdAssurance.CheckRequest(AssuranceStatus.NotSecured, "入户核查：无过冬衣被", today, 0), FupinApp.Json, Ct);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var items = await client.GetFromJsonAsync<List<HouseholdAssurance.ItemView>>($"/api/v1/households/{h.Id}/assurance", FupinApp.Json, Ct);
        Assert.Equal(AssuranceStatus.NotSecured, items!.Single(i => i.Item == AssuranceItem.FoodClothing).Status);
        var listed = await client.GetFromJsonAsync<Paged<ListHouseholds.Row>>($"/api/v1/households?gap=FoodClothing&pageSize=200", FupinApp.Json, Ct);
        Assert.Contains(listed!.Items, r => r.Id == h.Id);
    }
}

public sealed class AssuranceApiTestsOnSqlite(SqliteApp app) : AssuranceApiTests(app), IClassFixture<SqliteApp>;

public sealed class AssuranceApiTestsOnPostgres(PostgresApp app) : AssuranceApiTests(app), IClassFixture<PostgresApp>;
