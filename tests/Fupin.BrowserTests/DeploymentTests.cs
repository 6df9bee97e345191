using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Fupin.BrowserTests;

/// <summary>
/// Going live as docs/deploy.md says, on the published build behind nginx over HTTPS: an empty production start, the
/// styled sign-in page for a visitor, a real county's region list and registry, the client's own address in the audit
/// trail and the sign-in limit, keys encrypted at rest, and a backup restored by the published build's own verbs.
/// </summary>
public abstract class DeploymentTests(DeployedApp app)
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpClient> SignedInAsync(HttpClient client, string user, string password)
    {
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password });
        Assert.True(response.IsSuccessStatusCode, $"{user}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<JsonElement> WaitForJobAsync(HttpClient client, HttpResponseMessage accepted, string statusUrl)
    {
        var body = await accepted.Content.ReadAsStringAsync(Ct);
        Assert.True(accepted.StatusCode == HttpStatusCode.Accepted, body);
        var job = JsonDocument.Parse(body).RootElement;
        var id = job.GetProperty("id").GetString();
        for (var i = 0; i < 300 && !Finished(job); i++)
        {
            await Task.Delay(200, Ct);
            job = await client.GetFromJsonAsync<JsonElement>($"{statusUrl}/{id}", Ct);
        }
        return job;

        static bool Finished(JsonElement j) => j.GetProperty("state").GetString() is "Succeeded" or "Failed" or "Rejected";
    }

    [Fact]
    public async Task The_sign_in_page_is_styled_for_an_anonymous_visitor_over_https()
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", IgnoreHTTPSErrors = true });
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(app.HttpsUrl + "/account/login");
        Assert.Equal(200, response!.Status);
        // The stylesheet applied: the sign-in card's own red button and width, not a browser's default.
        var submit = page.Locator("button[type=submit]");
        Assert.Equal("rgb(183, 28, 28)", await submit.EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor"));
        Assert.Equal("380px", await page.Locator(".account-card").EvaluateAsync<string>("c => getComputedStyle(c).width"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebAppProcess.ScreenshotFolder, $"deployed-login-{app.Provider}.png") });
        // Everything else is still for signed-in users only.
        using var anonymous = app.Client("127.0.0.1");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/regions/tree", Ct)).StatusCode);
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_real_county_goes_live_with_no_demo_data_and_the_client_address_is_the_one_nginx_saw()
    {
        using var admin = await SignedInAsync(app.Client("127.0.0.5"), "admin", DeployedApp.AdminPassword);
        // Production on an empty folder: no demo county.
        var tree = await admin.GetFromJsonAsync<JsonElement>("/api/v1/regions/tree", Ct);
        Assert.Equal(0, tree.GetArrayLength());

        // 1. The county's region list, from the county row down (CSV in GB18030, as the bureau's files come).
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var regions = Encoding.GetEncoding("GB18030").GetBytes(
            "统计用区划代码,名称,城乡分类代码\n520102000000,南明区,\n520102101000,花果园街道,\n520102101201,青山村,220\n520102101202,绿水村,220\n");
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(regions), "file", "区划代码.csv" } })
        {
            var job = await WaitForJobAsync(admin, await admin.PostAsync("/api/v1/regions/import", form, Ct), "/api/v1/regions/import");
            Assert.Equal("Succeeded", job.GetProperty("state").GetString());
        }

        // 2. The county office's account, whose first password is changed in the browser over HTTPS.
        var created = await admin.PostAsJsonAsync("/api/v1/accounts", new { userName = "nanming", displayName = "南明区乡村振兴局", role = "CountyOffice", regionCode = "520102000000" }, Ct);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(Ct));
        var temporary = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("temporaryPassword").GetString()!;
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", IgnoreHTTPSErrors = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.HttpsUrl + "/account/login");
        await page.FillAsync("#username", "nanming");
        await page.FillAsync("#password", temporary);
        await page.ClickAsync("button[type=submit]");
        try
        {
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/change-password"));
        }
        catch (PlaywrightException e)
        {
            throw new InvalidOperationException(e.Message + "\n" + await page.ContentAsync() + "\n" + app.Output[^Math.Min(app.Output.Length, 6000)..], e);
        }
        await page.FillAsync("#current", temporary);
        await page.FillAsync("#new", "Guiyang-County-2026!");
        await page.FillAsync("#confirm", "Guiyang-County-2026!");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page).ToHaveURLAsync(app.HttpsUrl + "/");
        await context.CloseAsync();

        // 3. The registry, as the national system exports it, lands in the new county.
        using var office = await SignedInAsync(app.Client("127.0.0.5"), "nanming", "Guiyang-County-2026!");
        var registry = "户编号,乡(镇),行政村,户主姓名,与户主关系,姓名,证件号码,民族,文化程度,在校生状况,健康状况,劳动技能,参加医疗保险,户属性,主要致贫原因,识别年度\n"
            + $"5201020001,花果园街道,青山村,王甲,户主,王甲,{Id("520102", new DateOnly(1968, 3, 5), 11)},汉族,初中,,健康,普通劳动力,城乡居民基本医疗保险,一般贫困户,因病,2016\n"
            + $"5201020001,花果园街道,青山村,王甲,之子,王乙,{Id("520102", new DateOnly(2004, 7, 9), 13)},汉族,高中,,健康,普通劳动力,城乡居民基本医疗保险,一般贫困户,因病,2016\n"
            + $"5201020002,花果园街道,绿水村,李丙,户主,李丙,{Id("520102", new DateOnly(1959, 1, 20), 22)},苗族,小学,,长期慢性病,弱劳动力或半劳动力,城乡居民基本医疗保险,低保贫困户,因残,2015\n";
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(new UTF8Encoding(true).GetBytes(registry)), "file", "名册.csv" } })
        {
            var job = await WaitForJobAsync(office, await office.PostAsync("/api/v1/imports", form, Ct), "/api/v1/imports");
            Assert.True(job.GetProperty("state").GetString() == "Succeeded", job.GetProperty("message").GetString());
            Assert.Equal(2, job.GetProperty("householdsCreated").GetInt32());
        }

        // The audit trail names the address nginx saw, not nginx's own and not what a client claims.
        using (var spoofing = app.Client("127.0.0.9"))
        {
            spoofing.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");
            await SignedInAsync(spoofing, "security", DeployedApp.AdminPassword);
        }
        using var auditor = await SignedInAsync(app.Client("127.0.0.6"), "auditor", DeployedApp.AdminPassword);
        var lines = (await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit?event=TokenIssued&pageSize=200", Ct)).GetProperty("items").EnumerateArray()
            .Select(l => (User: l.GetProperty("userName").GetString(), Ip: l.GetProperty("clientIp").GetString())).ToList();
        Assert.Contains(("admin", "127.0.0.5"), lines);
        Assert.Contains(("nanming", "127.0.0.5"), lines);
        Assert.Contains(("security", "127.0.0.9"), lines);
        Assert.DoesNotContain(lines, l => l.Ip is "203.0.113.9" or "127.0.0.1");
    }

    [Fact]
    public async Task The_sign_in_limit_counts_each_client_address_behind_the_proxy()
    {
        using var guesser = app.Client("127.0.0.7");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            // An unknown name: the address is what is limited here, not an account (guessing no account locks none).
            statuses.Add((await guesser.PostAsJsonAsync("/api/v1/auth/token", new { userName = "guess" + i, password = "guess-" + i }, Ct)).StatusCode);
        }
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        // Another client behind the same proxy is not locked out with it.
        using var other = app.Client("127.0.0.8");
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.PostAsJsonAsync("/api/v1/auth/token", new { userName = "nobody", password = "wrong" }, Ct)).StatusCode);
    }

    [Fact]
    public async Task Keys_are_encrypted_at_rest_logs_are_json_and_no_password_is_left_in_them()
    {
        using var client = app.Client("127.0.0.1");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login", Ct)).StatusCode);
        var keys = Directory.GetFiles(Path.Combine(app.DataFolder, "keys"), "*.xml");
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.Contains("encryptedSecret", File.ReadAllText(k)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(app.DataFolder, "keys")));
        var jsonLines = app.Output.Split('\n').Where(l => l.StartsWith('{')).ToList();
        Assert.NotEmpty(jsonLines);
        Assert.All(jsonLines.Take(20), l => JsonDocument.Parse(l).Dispose());
        Assert.DoesNotContain(DeployedApp.AdminPassword, app.Output);

        var ready = await client.GetFromJsonAsync<JsonElement>("/health/ready", Ct);
        Assert.True(ready.GetProperty("database").GetBoolean());
        Assert.Equal(0, ready.GetProperty("pendingMigrations").GetInt32());
    }

    /// <summary>A valid resident ID (GB 11643 check digit) for the test's own people.</summary>
    private static string Id(string area, DateOnly birth, int sequence)
    {
        var body = $"{area}{birth:yyyyMMdd}{sequence:D3}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }
}

public sealed class DeploymentTestsOnSqlite(DeployedSqliteApp app) : DeploymentTests(app), IClassFixture<DeployedSqliteApp>;

public sealed class DeploymentTestsOnPostgres(DeployedPostgresApp app) : DeploymentTests(app), IClassFixture<DeployedPostgresApp>;
