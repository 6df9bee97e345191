using System.Net;
using System.Net.Http.Json;
using System.Text;
using Fupin.Tests.Infrastructure;
using Fupin.Web.Features.Accounts;
using Fupin.Web.Features.Audit;
using Fupin.Web.Features.Households;
using Fupin.Web.Rules;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Fupin.Tests.Api;

/// <summary>Registry export: the list's filters, exact numbers, masking by right, no formulas, audited.</summary>
public abstract class ExportTests(FupinApp app)
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private static List<IDictionary<string, object?>> Sheet(byte[] xlsx) =>
        [.. MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true).Cast<IDictionary<string, object?>>()];

    [Fact]
    public async Task Export_holds_one_row_per_person_of_the_filtered_list_with_masked_numbers()
    {
        var client = await app.ClientAsync();
        var bytes = await client.GetByteArrayAsync($"/api/v1/households/export?format=xlsx&regionCode={TestData.TownshipA}&status=Lifted", Ct);
        var rows = Sheet(bytes);

        await using var db = app.SystemDb();
        var expected = await db.Members.CountAsync(m => db.Households.Any(h => h.Id == m.HouseholdId && h.Status == HouseholdStatus.Lifted
            && string.Compare(h.RegionCode, "460105101000") >= 0 && string.Compare(h.RegionCode, "460105101999") <= 0), Ct);
        Assert.Equal(expected, rows.Count);
        Assert.All(rows, r => Assert.Equal("西秀镇", r["乡(镇)"]));
        Assert.All(rows, r => Assert.Equal("已脱贫", r["户状态"]));
        Assert.All(rows, r => Assert.Matches(@"^\d{4}\*{10}[\dX]{4}$", r["证件号码"]?.ToString()));
        Assert.All(rows, r => Assert.Matches(@"^(\*{4}\d{4})?$", r["银行账号"]?.ToString() ?? ""));
        Assert.Contains(await db.AuditEntries.Where(a => a.Event == AuditEvent.Export).Select(a => a.NewValue).ToListAsync(Ct), v => v!.Contains("已脱敏"));
    }

    [Fact]
    public async Task A_user_with_the_right_gets_exact_18_digit_numbers_and_formulas_stay_text()
    {
        var client = await app.ClientAsync();
        var request = TestData.NewHousehold(TestData.VillageB, headName: "=HYPERLINK(\"http://evil\",\"点我\")");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/households", request, FupinApp.Json, Ct)).StatusCode);

        var rows = Sheet(await client.GetByteArrayAsync($"/api/v1/households/export?format=xlsx&regionCode={TestData.VillageB}&full=true", Ct));
        var row = Assert.Single(rows, r => (r["证件号码"]?.ToString()) == request.Head.IdNumber);
        Assert.Equal("'=HYPERLINK(\"http://evil\",\"点我\")", row["姓名"]);
        Assert.Equal("6217000012341234", row["银行账号"]);
        Assert.Equal("13812345678", row["联系电话"]);
    }

    [Fact]
    public async Task Without_the_right_full_numbers_are_not_given_even_when_asked()
    {
        var leader = await app.ClientForNewUserAsync(Roles.Leader, TestData.County);
        var rows = Sheet(await leader.GetByteArrayAsync($"/api/v1/households/export?format=xlsx&regionCode={TestData.VillageA}&full=true", Ct));
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Matches(@"^\d{4}\*{10}[\dX]{4}$", r["证件号码"]?.ToString()));
    }

    [Fact]
    public async Task Csv_export_is_utf8_with_a_bom_and_keeps_numbers_as_text()
    {
        var client = await app.ClientAsync();
        var response = await client.GetAsync($"/api/v1/households/export?format=csv&regionCode={TestData.VillageA}", Ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("户编号,乡(镇),行政村,所属区划代码,户主姓名", lines[0]);
        Assert.StartsWith("\t4601051012", lines[1]);
    }

    [Fact]
    public async Task A_cadre_exports_only_their_village()
    {
        var cadre = await app.ClientForNewUserAsync(Roles.VillageCadre, TestData.VillageA);
        var rows = Sheet(await cadre.GetByteArrayAsync("/api/v1/households/export?format=xlsx", Ct));
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(TestData.VillageA, r["所属区划代码"]));
    }
}

public sealed class ExportTestsOnSqlite(SqliteApp app) : ExportTests(app), IClassFixture<SqliteApp>;

public sealed class ExportTestsOnPostgres(PostgresApp app) : ExportTests(app), IClassFixture<PostgresApp>;
