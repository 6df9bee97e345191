using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fupin.Tests.Infrastructure;
using Fupin.Web.Features.Accounts;
using Fupin.Web.Features.Households;
using Fupin.Web.Features.Stats;
using Fupin.Web.Rules;
using Fupin.Web.Shared;

namespace Fupin.Tests.Api;

/// <summary>The registry through the REST API, as a county clerk's client would use it. Runs on SQLite and PostgreSQL.</summary>
public abstract class RegistryApiTests(FupinApp app)
{
    private static readonly JsonSerializerOptions Json = FupinApp.Json;
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<GetHousehold.Detail> CreateAsync(HttpClient client, CreateHousehold.Request? request = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/households", request ?? TestData.NewHousehold(), Json, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<GetHousehold.Detail>(Json, Ct))!;
    }

    private static async Task<Dictionary<string, string[]>> ErrorsOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    [Fact]
    public async Task Health_reports_the_database_reachable()
    {
        var response = await app.CreateClient().GetAsync("/health", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Api_without_a_token_answers_401_not_a_redirect()
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/households", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/stats/summary", Ct)).StatusCode);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_user_get_the_same_answer()
    {
        var client = app.CreateClient();
        var wrong = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "county", password = "not-the-password" }, Ct);
        var unknown = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "nobody-here", password = "not-the-password" }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        var a = await wrong.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var b = await unknown.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("用户名或密码错误", a.GetProperty("title").GetString());
        Assert.Equal(a.GetProperty("title").GetString(), b.GetProperty("title").GetString());
    }

    [Fact]
    public async Task OpenApi_document_describes_the_registry_endpoints()
    {
        var doc = await app.CreateClient().GetStringAsync("/openapi/v1.json", Ct);
        Assert.Contains("/api/v1/households", doc);
        Assert.Contains("/api/v1/stats/summary", doc);
        Assert.Contains("/api/v1/auth/token", doc);
    }

    [Fact]
    public async Task Region_tree_holds_the_demo_countys_four_towns()
    {
        var client = await app.ClientAsync();
        var children = await client.GetFromJsonAsync<List<JsonElement>>($"/api/v1/regions/{TestData.County}/children", Json, Ct);
        Assert.Equal(["长流镇", "西秀镇", "永兴镇", "东山镇"], children!.Select(c => c.GetProperty("name").GetString()));
        var groups = await client.GetFromJsonAsync<List<JsonElement>>($"/api/v1/regions/{TestData.VillageA}/groups", Json, Ct);
        Assert.NotEmpty(groups!);
    }

    [Fact]
    public async Task Created_household_is_read_back_with_its_head_and_masked_numbers()
    {
        var client = await app.ClientAsync();
        var request = TestData.NewHousehold(headName: "符海明");
        var created = await CreateAsync(client, request);

        Assert.Equal("符海明", created.HeadName);
        Assert.Equal(HouseholdStatus.NotLifted, created.Status);
        Assert.StartsWith(TestData.VillageA, created.HouseholdNumber);
        Assert.Equal("西秀镇", created.TownshipName);
        Assert.Equal(1, created.MemberCount);
        var head = Assert.Single(created.Members);
        Assert.Equal(Relation.Head, head.Relation);
        Assert.Equal(Masking.IdNumber(request.Head.IdNumber), head.IdNumberMasked);
        Assert.Equal("138****5678", created.PhoneMasked);
        Assert.Equal("****1234", created.BankAccountMasked);

        var read = await client.GetFromJsonAsync<GetHousehold.Detail>($"/api/v1/households/{created.Id}", Json, Ct);
        Assert.Equal(created.HouseholdNumber, read!.HouseholdNumber);
        var raw = await client.GetStringAsync($"/api/v1/households/{created.Id}", Ct);
        Assert.DoesNotContain(request.Head.IdNumber!, raw);
        Assert.DoesNotContain("13812345678", raw);
    }

    [Fact]
    public async Task Invalid_household_gets_field_errors_in_chinese_and_nothing_is_saved()
    {
        var client = await app.ClientAsync();
        var request = TestData.NewHousehold();
        request.RegionCode = "460105101000"; // a township, not a village
        request.Household.Phone = "1381234";
        request.Household.OtherCause1 = request.Household.MainCause;
        request.Household.YearIdentified = 2009;
        request.Head.IdNumber = "11010519491231002Y";
        request.Head.Name = "";
        var before = (await client.GetFromJsonAsync<Paged<ListHouseholds.Row>>("/api/v1/households?pageSize=1", Json, Ct))!.Total;

        var errors = await ErrorsOf(await client.PostAsJsonAsync("/api/v1/households", request, Json, Ct));

        Assert.Contains("请选择村", errors["regionCode"][0]);
        Assert.Contains("联系电话应为11位数字", errors["household.phone"][0]);
        Assert.Contains("其他致贫原因不能与主要致贫原因相同", errors["household.otherCause1"][0]);
        Assert.Contains("识别年度应在2013年", errors["household.yearIdentified"][0]);
        Assert.Contains("第18位必须是数字或X", errors["head.idNumber"][0]);
        Assert.Contains("请填写姓名", errors["head.name"][0]);
        var after = (await client.GetFromJsonAsync<Paged<ListHouseholds.Row>>("/api/v1/households?pageSize=1", Json, Ct))!.Total;
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Sex_and_birth_date_must_agree_with_the_id_number()
    {
        var client = await app.ClientAsync();
        var created = await CreateAsync(client);
        var member = TestData.Member(TestData.NewId(Sex.Female, 2001)) with { Sex = Sex.Male, BirthDate = new DateOnly(2001, 12, 31), Relation = Relation.Daughter };
        var errors = await ErrorsOf(await client.PostAsJsonAsync($"/api/v1/households/{created.Id}/members", member, Json, Ct));
        Assert.Contains("性别与身份证号码不符", errors["sex"][0]);
        Assert.Contains("出生日期与身份证号码不符", errors["birthDate"][0]);
    }

    [Fact]
    public async Task An_id_number_belongs_to_one_active_member_only()
    {
        var client = await app.ClientAsync();
        var first = await CreateAsync(client);
        var request = TestData.NewHousehold(TestData.VillageB);
        request.Head.IdNumber = (await app.SystemDbMemberId(first.Members[0].Id)).ToLowerInvariant();

        var errors = await ErrorsOf(await client.PostAsJsonAsync("/api/v1/households", request, Json, Ct));
        Assert.Contains($"已在户 {first.HouseholdNumber} 中登记", errors["head.idNumber"][0]);
    }

    [Fact]
    public async Task Household_composition_rules_hold_one_head_and_one_spouse_of_the_other_sex()
    {
        var client = await app.ClientAsync();
        var created = await CreateAsync(client); // head is male
        var secondHead = TestData.Member(relation: Relation.Head);
        var sameSexSpouse = TestData.Member(TestData.NewId(Sex.Male), Relation.Spouse);

        var e1 = await ErrorsOf(await client.PostAsJsonAsync($"/api/v1/households/{created.Id}/members", secondHead, Json, Ct));
        var e2 = await ErrorsOf(await client.PostAsJsonAsync($"/api/v1/households/{created.Id}/members", sameSexSpouse, Json, Ct));

        Assert.Contains("只能有一名户主", e1["relation"][0]);
        Assert.Contains("户主与配偶性别相同", e2["relation"][0]);
    }

    [Fact]
    public async Task Education_and_school_stage_are_exclusive_and_work_fields_come_together()
    {
        var client = await app.ClientAsync();
        var created = await CreateAsync(client);
        var member = TestData.Member() with { SchoolStage = SchoolStage.Primary, WorkPlace = "广东省深圳市", WorkMonths = null };
        var errors = await ErrorsOf(await client.PostAsJsonAsync($"/api/v1/households/{created.Id}/members", member, Json, Ct));
        Assert.Contains("文化程度与在校生状况必须填且只填其中一项", errors["education"][0]);
        Assert.Contains("务工所在地与务工时间须同时填写", errors["workMonths"][0]);
    }

    [Fact]
    public async Task Adding_a_valid_member_updates_the_count_and_the_history()
    {
        var client = await app.ClientAsync();
        var created = await CreateAsync(client);
        var wife = TestData.Member(TestData.NewId(Sex.Female, 1972), Relation.Spouse, "陈秀梅");

        var response = await client.PostAsJsonAsync($"/api/v1/households/{created.Id}/members", wife, Json, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var read = await client.GetFromJsonAsync<GetHousehold.Detail>($"/api/v1/households/{created.Id}", Json, Ct);
        Assert.Equal(2, read!.MemberCount);
        var added = Assert.Single(read.Members, m => m.Name == "陈秀梅");
        Assert.Equal(Sex.Female, added.Sex);
        Assert.Equal(1972, added.BirthYear);
        var history = await client.GetFromJsonAsync<Paged<HouseholdHistory.Line>>($"/api/v1/households/{created.Id}/history", Json, Ct);
        Assert.Contains(history!.Items, l => l.Entity == "Member" && l.NewValue!.Contains("陈秀梅"));
        Assert.Contains(history.Items, l => l.Field == "MemberCount" && l.OldValue == "1" && l.NewValue == "2");
        Assert.DoesNotContain(history.Items, l => (l.NewValue ?? "").Contains(wife.IdNumber!));
    }

    [Fact]
    public async Task A_stale_version_is_refused_with_409_and_the_first_edit_survives()
    {
        var client = await app.ClientAsync();
        var created = await CreateAsync(client);
        var first = new UpdateHousehold.Request { Household = created.ToInput() with { Address = "第一次修改" }, Version = created.Version };
        var second = new UpdateHousehold.Request { Household = created.ToInput() with { Address = "第二次修改" }, Version = created.Version };

        var ok = await client.PutAsJsonAsync($"/api/v1/households/{created.Id}", first, Json, Ct);
        var conflict = await client.PutAsJsonAsync($"/api/v1/households/{created.Id}", second, Json, Ct);

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var problem = await conflict.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("已被他人修改", problem.GetProperty("detail").GetString());
        var read = await client.GetFromJsonAsync<GetHousehold.Detail>($"/api/v1/households/{created.Id}", Json, Ct);
        Assert.Equal("第一次修改", read!.Address);
        Assert.Equal(created.Version + 1, read.Version);
    }

    [Fact]
    public async Task Extra_fields_cannot_change_region_status_or_number()
    {
        var client = await app.ClientAsync();
        var created = await CreateAsync(client);
        var body = JsonSerializer.SerializeToNode(new UpdateHousehold.Request { Household = created.ToInput(), Version = created.Version }, Json)!.AsObject();
        body["status"] = "Lifted";
        body["regionCode"] = TestData.VillageB;
        body["householdNumber"] = "999";
        body["household"]!["status"] = "Removed";
        body["household"]!["regionCode"] = TestData.VillageB;

        var response = await client.PutAsync($"/api/v1/households/{created.Id}", JsonContent.Create(body), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var read = await client.GetFromJsonAsync<GetHousehold.Detail>($"/api/v1/households/{created.Id}", Json, Ct);
        Assert.Equal(HouseholdStatus.NotLifted, read!.Status);
        Assert.Equal(TestData.VillageA, read.RegionCode);
        Assert.Equal(created.HouseholdNumber, read.HouseholdNumber);
    }

    [Fact]
    public async Task Leaving_members_change_status_and_are_never_deleted()
    {
        var client = await app.ClientAsync();
        var created = await CreateAsync(client);
        var son = TestData.Member(TestData.NewId(Sex.Male, 2000), Relation.Son, "王子");
        var added = await client.PostAsJsonAsync($"/api/v1/households/{created.Id}/members", son, Json, Ct);
        var sonId = await added.Content.ReadFromJsonAsync<Guid>(Json, Ct);

        var missingReason = await client.PostAsJsonAsync($"/api/v1/members/{sonId}/status", new ChangeMemberStatus.Request(MemberStatus.Deceased, new DateOnly(2025, 3, 1), "", 1), Json, Ct);
        Assert.Contains("请填写变更原因", (await ErrorsOf(missingReason))["reason"]);
        var future = await client.PostAsJsonAsync($"/api/v1/members/{sonId}/status", new ChangeMemberStatus.Request(MemberStatus.Deceased, new DateOnly(2099, 3, 1), "病故", 1), Json, Ct);
        Assert.Contains("不能晚于今天", (await ErrorsOf(future))["date"][0]);

        var ok = await client.PostAsJsonAsync($"/api/v1/members/{sonId}/status", new ChangeMemberStatus.Request(MemberStatus.Deceased, new DateOnly(2025, 3, 1), "病故", 1), Json, Ct);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        var read = await client.GetFromJsonAsync<GetHousehold.Detail>($"/api/v1/households/{created.Id}", Json, Ct);
        Assert.Equal(1, read!.MemberCount);
        var gone = Assert.Single(read.Members, m => m.Id == sonId);
        Assert.Equal(MemberStatus.Deceased, gone.Status);
        Assert.Equal("病故", gone.StatusReason);

        // The number is free again for a living registration elsewhere only after the death is recorded.
        var headOut = await client.PostAsJsonAsync($"/api/v1/members/{read.Members.First(m => m.Relation == Relation.Head).Id}/status",
            new ChangeMemberStatus.Request(MemberStatus.MovedOut, new DateOnly(2025, 3, 1), "迁出", 1), Json, Ct);
        Assert.Equal(HttpStatusCode.OK, headOut.StatusCode); // the last active member may leave
    }

    [Fact]
    public async Task Head_cannot_leave_while_others_remain_until_a_new_head_is_named()
    {
        var client = await app.ClientAsync();
        var created = await CreateAsync(client);
        var wife = TestData.Member(TestData.NewId(Sex.Female, 1972), Relation.Spouse, "林玉兰");
        var wifeId = await (await client.PostAsJsonAsync($"/api/v1/households/{created.Id}/members", wife, Json, Ct)).Content.ReadFromJsonAsync<Guid>(Json, Ct);
        var headId = created.Members[0].Id;

        var refused = await client.PostAsJsonAsync($"/api/v1/members/{headId}/status", new ChangeMemberStatus.Request(MemberStatus.Deceased, new DateOnly(2025, 5, 1), "病故", 1), Json, Ct);
        Assert.Contains("请先把另一名在册成员", (await ErrorsOf(refused))["status"][0]);

        var household = await client.GetFromJsonAsync<GetHousehold.Detail>($"/api/v1/households/{created.Id}", Json, Ct);
        var changed = await client.PostAsJsonAsync($"/api/v1/households/{created.Id}/head", new ChangeHead.Request(wifeId, Relation.Spouse, household!.Version), Json, Ct);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var afterHead = await client.GetFromJsonAsync<GetHousehold.Detail>($"/api/v1/households/{created.Id}", Json, Ct);
        Assert.Equal("林玉兰", afterHead!.HeadName);
        var oldHead = afterHead.Members.Single(m => m.Id == headId);

        var ok = await client.PostAsJsonAsync($"/api/v1/members/{headId}/status", new ChangeMemberStatus.Request(MemberStatus.Deceased, new DateOnly(2025, 5, 1), "病故", oldHead.Version), Json, Ct);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task A_county_correction_changes_the_status_with_a_reason_and_evidence_and_sets_the_year_lifted()
    {
        var client = await app.ClientAsync();
        var created = await CreateAsync(client);
        var response = await client.CorrectStatusAsync(created.Id, HouseholdStatus.Lifted, new DateOnly(2025, 12, 1), "登记笔误：2025年已经公告脱贫", created.Version, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var read = await client.GetFromJsonAsync<GetHousehold.Detail>($"/api/v1/households/{created.Id}", Json, Ct);
        Assert.Equal(HouseholdStatus.Lifted, read!.Status);
        Assert.Equal(2025, read.YearLifted);
    }

    [Fact]
    public async Task List_filters_by_township_and_status_and_agrees_with_the_summary()
    {
        var client = await app.ClientAsync();
        var list = await client.GetFromJsonAsync<Paged<ListHouseholds.Row>>($"/api/v1/households?regionCode={TestData.TownshipA}&status=Lifted&pageSize=10&sort=headName", Json, Ct);
        var summary = await client.GetFromJsonAsync<RegistrySummary.Result>($"/api/v1/stats/summary?regionCode={TestData.TownshipA}", Json, Ct);

        Assert.NotNull(list);
        Assert.Equal(10, list.Items.Count);
        Assert.All(list.Items, r => Assert.Equal(HouseholdStatus.Lifted, r.Status));
        Assert.All(list.Items, r => Assert.StartsWith("460105101", r.RegionCode));
        Assert.Equal(list.Items.Select(r => r.HeadName).Order(StringComparer.Ordinal), list.Items.Select(r => r.HeadName), StringComparer.Ordinal);
        var lifted = summary!.ByStatus.Single(s => s.Status == HouseholdStatus.Lifted).Households;
        Assert.True(lifted >= list.Total - 50 && lifted <= list.Total, $"summary {lifted} vs list {list.Total}");
    }

    [Fact]
    public async Task Paging_walks_the_whole_list_without_repeats()
    {
        var client = await app.ClientAsync();
        var seen = new HashSet<Guid>();
        var page1 = await client.GetFromJsonAsync<Paged<ListHouseholds.Row>>($"/api/v1/households?regionCode={TestData.VillageA}&pageSize=5&page=1", Json, Ct);
        for (var p = 1; p <= (page1!.Total + 4) / 5; p++)
        {
            var page = await client.GetFromJsonAsync<Paged<ListHouseholds.Row>>($"/api/v1/households?regionCode={TestData.VillageA}&pageSize=5&page={p}", Json, Ct);
            Assert.All(page!.Items, r => Assert.True(seen.Add(r.Id)));
        }
        Assert.Equal(page1.Total, seen.Count);
    }

    [Fact]
    public async Task Search_finds_a_household_by_a_members_full_id_number_and_by_name()
    {
        var client = await app.ClientAsync();
        var request = TestData.NewHousehold(headName: "羊春燕");
        request.Head.IdNumber = TestData.NewId(Sex.Female, 1985);
        var created = await CreateAsync(client, request);

        // By ID number through POST, so the number stays out of the address.
        var byId = await (await client.PostAsJsonAsync("/api/v1/households/search", new ListHouseholds.Query { Search = request.Head.IdNumber }, Json, Ct))
            .Content.ReadFromJsonAsync<Paged<ListHouseholds.Row>>(Json, Ct);
        var byName = await client.GetFromJsonAsync<Paged<ListHouseholds.Row>>($"/api/v1/households?search={Uri.EscapeDataString("羊春")}", Json, Ct);
        var byNumber = await client.GetFromJsonAsync<Paged<ListHouseholds.Row>>($"/api/v1/households?search={created.HouseholdNumber}", Json, Ct);

        Assert.Equal(created.Id, Assert.Single(byId!.Items).Id);
        var inUrl = await client.GetAsync($"/api/v1/households?search={request.Head.IdNumber}", Ct);
        Assert.Contains("不要放在网址里", (await ErrorsOf(inUrl))["search"][0]);
        Assert.Contains(byName!.Items, r => r.Id == created.Id);
        Assert.Equal(created.Id, Assert.Single(byNumber!.Items).Id);
    }

    [Fact]
    public async Task Summary_counts_people_by_status_cause_and_township_with_village_incidence()
    {
        var client = await app.ClientAsync();
        var s = await client.GetFromJsonAsync<RegistrySummary.Result>($"/api/v1/stats/summary?regionCode={TestData.County}", Json, Ct);
        Assert.NotNull(s);
        Assert.Equal("海滨区", s.RegionName);
        Assert.Equal(["长流镇", "西秀镇", "永兴镇", "东山镇"], s.ByArea.Select(a => a.Name));
        Assert.Equal(s.Households, s.ByArea.Sum(a => a.Households));
        Assert.Equal(s.PoorPeople, s.ByArea.Sum(a => a.PoorPeople));
        Assert.Equal(s.Households, s.ByCause.Sum(c => c.Households));
        Assert.Equal(PovertyCause.Illness, s.ByCause[0].Cause); // seed 002: 因病 leads
        var village = s.Villages.First(v => v.RuralPopulation is > 0);
        Assert.Equal(RegistrySummary.IncidencePercent(village.PoorPeople, village.RuralPopulation), village.Incidence);
    }

    [Fact]
    public async Task Village_cadre_sees_only_their_village_and_gets_404_elsewhere()
    {
        var admin = await app.ClientAsync();
        var mine = await CreateAsync(admin, TestData.NewHousehold(TestData.VillageA));
        var other = await CreateAsync(admin, TestData.NewHousehold(TestData.VillageB));
        var cadre = await app.ClientForNewUserAsync(Roles.VillageCadre, TestData.VillageA);

        var list = await cadre.GetFromJsonAsync<Paged<ListHouseholds.Row>>("/api/v1/households?pageSize=200", Json, Ct);
        Assert.All(list!.Items, r => Assert.Equal(TestData.VillageA, r.RegionCode));
        Assert.Equal(HttpStatusCode.OK, (await cadre.GetAsync($"/api/v1/households/{mine.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cadre.GetAsync($"/api/v1/households/{other.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cadre.GetAsync($"/api/v1/households/{other.Id}/history", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cadre.GetAsync($"/api/v1/members/{other.Members[0].Id}", Ct)).StatusCode);
        var edit = await cadre.PutAsJsonAsync($"/api/v1/households/{other.Id}", new UpdateHousehold.Request { Household = other.ToInput(), Version = other.Version }, Json, Ct);
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cadre.GetAsync($"/api/v1/stats/summary?regionCode={TestData.County}", Ct)).StatusCode);
        var own = await cadre.GetFromJsonAsync<RegistrySummary.Result>("/api/v1/stats/summary", Json, Ct);
        Assert.Equal(TestData.VillageA, own!.RegionCode);
        var byIdElsewhere = await (await cadre.PostAsJsonAsync("/api/v1/households/search", new ListHouseholds.Query { Search = await app.SystemDbMemberId(other.Members[0].Id) }, Json, Ct))
            .Content.ReadFromJsonAsync<Paged<ListHouseholds.Row>>(Json, Ct);
        Assert.Empty(byIdElsewhere!.Items);
        var created = await cadre.PostAsJsonAsync("/api/v1/households", TestData.NewHousehold(TestData.VillageB), Json, Ct);
        Assert.Contains("不在您的管辖范围内", (await ErrorsOf(created))["regionCode"][0]);
    }

    [Fact]
    public async Task Leader_reads_but_cannot_change_the_registry()
    {
        var leader = await app.ClientForNewUserAsync(Roles.Leader, TestData.County);
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync("/api/v1/households", Ct)).StatusCode);
        var response = await leader.PostAsJsonAsync("/api/v1/households", TestData.NewHousehold(), Json, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Malformed_json_and_unknown_codes_answer_400_in_chinese()
    {
        var client = await app.ClientAsync();
        var response = await client.PostAsync("/api/v1/households", new StringContent("{\"regionCode\": \"x\", \"household\": {\"attribute\": \"NoSuchCode\"}}", System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("请求格式不正确", problem.GetProperty("title").GetString());
        Assert.DoesNotContain("Exception", await response.Content.ReadAsStringAsync(Ct));
    }
}

public sealed class RegistryApiTestsOnSqlite(SqliteApp app) : RegistryApiTests(app), IClassFixture<SqliteApp>;

public sealed class RegistryApiTestsOnPostgres(PostgresApp app) : RegistryApiTests(app), IClassFixture<PostgresApp>;
