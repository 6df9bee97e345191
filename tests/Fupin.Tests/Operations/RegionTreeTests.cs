using System.Net;
using System.Net.Http.Json;
using System.Text;
using Fupin.Tests.Infrastructure;
using Fupin.Web.Features.Accounts;
using Fupin.Web.Features.Households;
using Fupin.Web.Features.Import;
using Fupin.Web.Features.Regions;
using Fupin.Web.Rules;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Fupin.Tests.Operations;

/// <summary>A real county's region tree as data: imported from the statistics bureau's list, edited, merged; on both providers.</summary>
public abstract class RegionTreeTests(FupinApp app)
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private static int _counties;

    private static Encoding Gb18030
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030");
        }
    }

    /// <summary>A county code of its own per test (贵州省贵阳市 52 01 xx), so tests on one host never share units.</summary>
    private static string NewCounty() => $"5201{Interlocked.Increment(ref _counties) + 10 + Random.Shared.Next(0, 8) * 10:D2}000000";

    private static string Town(string county, int n) => county[..6] + $"{n:D3}" + "000";

    private static string Village(string county, int town, int n) => county[..6] + $"{town:D3}" + $"{200 + n:D3}";

    /// <summary>The bureau's list as a county office gets it: from the county row down, GB18030-encoded CSV.</summary>
    private static byte[] RegionCsv(string county, params string[] rows) =>
        Gb18030.GetBytes("统计用区划代码,名称,城乡分类代码,自然村/村民小组\n" + $"{county},南明测试区,,\n" + string.Join("\n", rows) + "\n");

    private static string[] StandardRows(string county) =>
    [
        $"{Town(county, 101)},花果园街道,,",
        $"{Village(county, 101, 1)},青山村,220,",
        $"{Village(county, 101, 1)},青山村,220,一组",
        $"{Village(county, 101, 1)},青山村,220,二组",
        $"{Village(county, 101, 2)},绿水村,220,",
        $"{Town(county, 102)},云关乡,,",
        $"{Village(county, 102, 1)},红岩村,210,",
    ];

    private Task<(HttpStatusCode Status, ImportsApi.JobView? Job, string Body)> ImportRegionsAsync(HttpClient client, byte[] file, string name = "区划代码.csv") =>
        client.UploadAndWaitAsync("/api/v1/regions/import", "/api/v1/regions/import", file, name, Ct);

    private async Task<ImportsApi.JobView> ImportOkAsync(HttpClient admin, byte[] file)
    {
        var (status, job, body) = await ImportRegionsAsync(admin, file);
        Assert.True(status == HttpStatusCode.Accepted, body);
        Assert.True(job!.State == ImportState.Succeeded, job.Message);
        return job;
    }

    private async Task<List<Region>> UnitsUnderAsync(string county)
    {
        await using var db = app.SystemDb();
        var (low, high) = RegionCodes.Range(county[..6]);
        return await db.Regions.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.Code.CompareTo(low) >= 0 && r.Code.CompareTo(high) <= 0).OrderBy(r => r.Code).ToListAsync(Ct);
    }

    [Fact]
    public async Task A_county_list_imports_with_the_levels_above_it_and_the_same_file_again_changes_nothing()
    {
        var admin = await app.AdminClientAsync();
        var county = NewCounty();
        var file = RegionCsv(county, StandardRows(county));
        var first = await ImportOkAsync(admin, file);
        Assert.Contains("新增区划", first.Message);

        var units = await UnitsUnderAsync(county);
        Assert.Equal(6, units.Count);
        var qingshan = units.Single(u => u.Code == Village(county, 101, 1));
        Assert.Equal(("青山村", RegionLevel.Village, Town(county, 101), "220"), (qingshan.Name, qingshan.Level, qingshan.ParentCode, qingshan.UrbanRuralCode));
        Assert.Equal(RegionLevel.County, units.Single(u => u.Code == county).Level);
        await using (var db = app.SystemDb())
        {
            // The province and the city above the county's first row, made from their codes.
            var province = await db.Regions.IgnoreQueryFilters().SingleAsync(r => r.Code == "520000000000", Ct);
            Assert.Equal("贵州省", province.Name);
            Assert.Equal("520000000000", (await db.Regions.IgnoreQueryFilters().SingleAsync(r => r.Code == "520100000000", Ct)).ParentCode);
            Assert.Equal("520100000000", units.Single(u => u.Code == county).ParentCode);
            var groups = await db.VillageGroups.IgnoreQueryFilters().Where(g => g.RegionCode == qingshan.Code).Select(g => g.Name).ToListAsync(Ct);
            Assert.Equal(["一组", "二组"], groups.Order(StringComparer.Ordinal));
        }

        var changesBefore = await ChangeCountAsync(county);
        var again = await ImportOkAsync(admin, file);
        Assert.Contains("没有变化", again.Message);
        Assert.Equal(changesBefore, await ChangeCountAsync(county));
        Assert.Equal(6, (await UnitsUnderAsync(county)).Count);

        // The tree a user sees lists the new county's units.
        var tree = await admin.GetFromJsonAsync<List<RegionQueries.Node>>("/api/v1/regions/tree", FupinApp.Json, Ct);
        Assert.Contains(Flatten(tree!), n => n.Code == qingshan.Code && n.Name == "青山村");
    }

    private static IEnumerable<RegionQueries.Node> Flatten(IEnumerable<RegionQueries.Node> nodes) => nodes.SelectMany(n => Flatten(n.Children).Prepend(n));

    private async Task<int> ChangeCountAsync(string county)
    {
        await using var db = app.SystemDb();
        var (low, high) = RegionCodes.Range(county[..6]);
        return await db.Set<RegionChange>().IgnoreQueryFilters().CountAsync(c => c.RegionCode.CompareTo(low) >= 0 && c.RegionCode.CompareTo(high) <= 0, Ct);
    }

    [Fact]
    public async Task A_bad_region_file_writes_nothing_and_its_report_names_each_fault()
    {
        var admin = await app.AdminClientAsync();
        var county = NewCounty();
        var file = RegionCsv(county,
            $"{Town(county, 101)},花果园街道,,",
            "52010210120,短了一位,,",
            $"{Village(county, 101, 1)},,220,",
            $"{Village(county, 105, 1)},没有乡镇的村,220,",
            $"{Village(county, 101, 2)},绿水村,999,",
            $"{Village(county, 101, 3)},白云村,220,",
            $"{Village(county, 101, 3)},白云山村,220,",
            $"{Town(county, 101)},花果园街道,,一组");
        var (status, job, _) = await ImportRegionsAsync(admin, file);
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal(ImportState.Failed, job!.State);
        Assert.Equal(6, job.ErrorRows);
        Assert.Empty(await UnitsUnderAsync(county));

        var report = await admin.GetAsync($"/api/v1/regions/import/{job.Id}/errors", Ct);
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var rows = (await report.Content.ReadAsStreamAsync(Ct)).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>()
            .Select(r => r[ImportReport.ErrorHeader]?.ToString() ?? "").Where(e => e.Length > 0).ToList();
        Assert.Contains(rows, e => e.Contains("应为12位数字"));
        Assert.Contains(rows, e => e.Contains("请填写名称"));
        Assert.Contains(rows, e => e.Contains("不在文件中，也没有登记过"));
        Assert.Contains(rows, e => e.Contains("城乡分类代码“999”不是有效值"));
        Assert.Contains(rows, e => e.Contains("名称却不同"));
        Assert.Contains(rows, e => e.Contains("只能填在行政村"));
    }

    [Fact]
    public async Task An_administrator_scoped_to_a_county_imports_its_units_and_no_other_countys()
    {
        var national = await app.AdminClientAsync();
        var county = NewCounty();
        await ImportOkAsync(national, RegionCsv(county, StandardRows(county)));
        var local = await app.ClientForNewUserAsync(Roles.SystemAdmin, county);
        var other = NewCounty();
        var (_, job, _) = await ImportRegionsAsync(local, RegionCsv(county, [.. StandardRows(county), $"{Town(other, 101)},别县的镇,,"]));
        Assert.Equal(ImportState.Failed, job!.State);
        Assert.Contains("不在您的管辖范围内", job.Message);
        Assert.Empty(await UnitsUnderAsync(other));
        // Its own county again, with the province and city above it that it does not see: nothing to change.
        var again = await ImportOkAsync(local, RegionCsv(county, StandardRows(county)));
        Assert.Contains("没有变化", again.Message);
    }

    [Fact]
    public async Task A_renamed_unit_is_updated_with_its_old_name_in_history_and_only_the_administrator_may_change_the_tree()
    {
        var admin = await app.AdminClientAsync();
        var county = NewCounty();
        await ImportOkAsync(admin, RegionCsv(county, StandardRows(county)));
        var renamed = StandardRows(county).Select(r => r.Replace("绿水村", "绿水社区", StringComparison.Ordinal)).ToArray();
        var job = await ImportOkAsync(admin, RegionCsv(county, renamed));
        Assert.Contains("更名1个", job.Message);

        var code = Village(county, 101, 2);
        var history = await admin.GetFromJsonAsync<List<EditRegions.Change>>($"/api/v1/regions/{code}/history", FupinApp.Json, Ct);
        Assert.Contains(history!, h => h.Kind == RegionChangeKind.Renamed && h.OldName == "绿水村" && h.NewName == "绿水社区");

        // By hand, with a reason; a blank name is refused in Chinese.
        var blank = await admin.PostAsJsonAsync($"/api/v1/regions/{code}/rename", new EditRegions.RenameRequest(" ", null), FupinApp.Json, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Contains("请填写名称", await blank.Content.ReadAsStringAsync(Ct));
        var ok = await admin.PostAsJsonAsync($"/api/v1/regions/{code}/rename", new EditRegions.RenameRequest("绿水村", "黔府函〔2026〕12号"), FupinApp.Json, Ct);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        // The county office works in the tree but does not change it.
        var office = await app.ClientAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await office.PostAsJsonAsync($"/api/v1/regions/{code}/rename", new EditRegions.RenameRequest("x村", null), FupinApp.Json, Ct)).StatusCode);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(RegionCsv(county)), "file", "a.csv" } };
        Assert.Equal(HttpStatusCode.Forbidden, (await office.PostAsync("/api/v1/regions/import", form, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await office.PostAsJsonAsync("/api/v1/regions/merge", new MergeVillages.Request(code, code, null, "x"), FupinApp.Json, Ct)).StatusCode);
    }

    private const string RegistryHeader = "户编号,所属区划代码,户主姓名,与户主关系,姓名,证件号码,民族,文化程度,在校生状况,健康状况,劳动技能,参加医疗保险,户属性,主要致贫原因,识别年度,联系电话,银行账号";

    private static string RegistryRow(string number, string region, string head, string relation, string name, string id) =>
        $"{number},{region},{head},{relation},{name},{id},汉族,初中,,健康,普通劳动力,城乡居民基本医疗保险,一般贫困户,因病,2016,13812345678,\t6217000012341234";

    private async Task<ImportsApi.JobView> ImportRegistryAsync(HttpClient client, IEnumerable<string> rows)
    {
        var (status, job, body) = await client.UploadAndWaitAsync("/api/v1/imports", "/api/v1/imports",
            new UTF8Encoding(true).GetBytes(RegistryHeader + "\n" + string.Join("\n", rows) + "\n"), "名册.csv", Ct);
        Assert.True(status == HttpStatusCode.Accepted, body);
        return job!;
    }

    [Fact]
    public async Task The_registry_lands_in_an_imported_county_and_a_merged_village_takes_its_households_with_history_and_its_code_as_an_alias()
    {
        var admin = await app.AdminClientAsync();
        var county = NewCounty();
        await ImportOkAsync(admin, RegionCsv(county, StandardRows(county)));
        var (from, into) = (Village(county, 101, 2), Village(county, 101, 1));
        var office = await app.ClientForNewUserAsync(Roles.CountyOffice, county);
        // Digits only: the list finds a 户编号 by its digits (letters are a name search).
        var prefix = Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        string[] registry =
        [
            RegistryRow($"{prefix}01", from, "王甲", "户主", "王甲", TestData.NewId(Sex.Male, 1970)),
            RegistryRow($"{prefix}01", from, "王甲", "之子", "王乙", TestData.NewId(Sex.Male, 2001)),
            RegistryRow($"{prefix}02", from, "李丙", "户主", "李丙", TestData.NewId(Sex.Female, 1965)),
            RegistryRow($"{prefix}03", into, "张丁", "户主", "张丁", TestData.NewId(Sex.Male, 1958)),
        ];
        var landed = await ImportRegistryAsync(office, registry);
        Assert.True(landed.State == ImportState.Succeeded, landed.Message);
        Assert.Equal(3, landed.HouseholdsCreated);

        // Refused without a reason, and into itself.
        var noReason = await admin.PostAsJsonAsync("/api/v1/regions/merge", new MergeVillages.Request(from, into, null, null), FupinApp.Json, Ct);
        Assert.Contains("请填写撤并依据", await noReason.Content.ReadAsStringAsync(Ct));
        var self = await admin.PostAsJsonAsync("/api/v1/regions/merge", new MergeVillages.Request(from, from, null, "x"), FupinApp.Json, Ct);
        Assert.Contains("不能是被撤并的村本身", await self.Content.ReadAsStringAsync(Ct));
        // A village with households cannot simply be retired.
        var retire = await admin.PostAsJsonAsync($"/api/v1/regions/{from}/retire", new EditRegions.RetireRequest(null, "撤村"), FupinApp.Json, Ct);
        Assert.Contains("请用“撤并”", await retire.Content.ReadAsStringAsync(Ct));

        var merge = await admin.PostAsJsonAsync("/api/v1/regions/merge", new MergeVillages.Request(from, into, null, "筑府发〔2026〕8号"), FupinApp.Json, Ct);
        Assert.True(merge.IsSuccessStatusCode, await merge.Content.ReadAsStringAsync(Ct));
        var result = (await merge.Content.ReadFromJsonAsync<MergeVillages.Result>(FupinApp.Json, Ct))!;
        Assert.Equal((2, 3), (result.Households, result.Members));

        await using (var db = app.SystemDb())
        {
            var households = await db.Households.IgnoreQueryFilters().Where(h => h.HouseholdNumber.StartsWith(prefix)).ToListAsync(Ct);
            Assert.All(households, h => Assert.Equal(into, h.RegionCode));
            var ids = households.Select(h => h.Id).ToList();
            Assert.All(await db.Members.IgnoreQueryFilters().Where(m => ids.Contains(m.HouseholdId)).ToListAsync(Ct), m => Assert.Equal(into, m.RegionCode));
            var merged = await db.Regions.IgnoreQueryFilters().SingleAsync(r => r.Code == from, Ct);
            Assert.Equal(into, merged.MergedInto);
            Assert.NotNull(merged.RetiredOn);
        }
        // Each moved household says so in its own history.
        var moved = (await office.GetFromJsonAsync<Fupin.Web.Shared.Paged<ListHouseholds.Row>>($"/api/v1/households?search={prefix}01", FupinApp.Json, Ct))!.Items.Single();
        var history = await office.GetFromJsonAsync<Fupin.Web.Shared.Paged<HouseholdHistory.Line>>($"/api/v1/households/{moved.Id}/history", FupinApp.Json, Ct);
        Assert.Contains(history!.Items, l => l.Field == nameof(Household.RegionCode) && l.OldValue == from && l.NewValue == into);
        // The merged village is no longer offered; its old code still names the new village in an import.
        var children = await office.GetFromJsonAsync<List<RegionQueries.Node>>($"/api/v1/regions/{Town(county, 101)}/children", FupinApp.Json, Ct);
        Assert.DoesNotContain(children!, c => c.Code == from);
        var again = await ImportRegistryAsync(office, [RegistryRow($"{prefix}04", from, "赵戊", "户主", "赵戊", TestData.NewId(Sex.Male, 1962))]);
        Assert.True(again.State == ImportState.Succeeded, again.Message);
        await using (var db = app.SystemDb())
        {
            Assert.Equal(into, (await db.Households.IgnoreQueryFilters().SingleAsync(h => h.HouseholdNumber == $"{prefix}04", Ct)).RegionCode);
        }
        // An empty village can be retired.
        var empty = Village(county, 102, 1);
        var retired = await admin.PostAsJsonAsync($"/api/v1/regions/{empty}/retire", new EditRegions.RetireRequest(null, "撤村并居"), FupinApp.Json, Ct);
        Assert.True(retired.IsSuccessStatusCode, await retired.Content.ReadAsStringAsync(Ct));
    }
}

public sealed class RegionTreeTestsOnSqlite(SqliteApp app) : RegionTreeTests(app), IClassFixture<SqliteApp>;

public sealed class RegionTreeTestsOnPostgres(PostgresApp app) : RegionTreeTests(app), IClassFixture<PostgresApp>;
