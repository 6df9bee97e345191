using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Fupin.BrowserTests;

/// <summary>
/// One identification case walked through its six steps by the roles that own them (village cadre,
/// county office, township), and the village exit evaluation.
/// </summary>
public sealed class ProcedureBrowserTests(WebAppProcess app) : IClassFixture<WebAppProcess>
{
    private static string Shot(string name) => Path.Combine(WebAppProcess.ScreenshotFolder, name + ".png");

    private static string NewId()
    {
        var first17 = $"520102197{Random.Shared.Next(0, 10)}0{Random.Shared.Next(1, 10)}1{Random.Shared.Next(0, 10)}{Random.Shared.Next(100, 999)}";
        int[] w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = first17.Select((c, i) => (c - '0') * w[i]).Sum();
        return first17 + "10X98765432"[sum % 11];
    }

    /// <summary>The county's own publicity length for this year, set as policy data: one day, so the walk needs no waiting.</summary>
    private async Task OneDayPublicityAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var token = await (await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = WebAppProcess.AdminPassword })).Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        var response = await http.PostAsJsonAsync("/api/v1/policy-values", new
        {
            key = "publicity.minDays",
            regionPrefix = "460105",
            year = DateTime.UtcNow.AddHours(8).Year,
            value = 1,
            source = "浏览器测试：本县本年度公示期",
        });
        Assert.True(response.IsSuccessStatusCode || (int)response.StatusCode == 400, await response.Content.ReadAsStringAsync());
    }

    private static async Task SubmitStepAsync(IPage page, string stepName)
    {
        await Assertions.Expect(page.GetByTestId("act-panel")).ToContainTextAsync("当前步骤：" + stepName);
        await page.GetByTestId("act-submit").ClickAsync();
        await Assertions.Expect(page.GetByText($"“{stepName}”已办理").First).ToBeVisibleAsync();
    }

    private static async Task OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await WebAppProcess.InteractiveAsync(page);
    }

    [Fact]
    public async Task An_identification_case_walks_through_its_steps_with_the_roles_it_needs()
    {
        await OneDayPublicityAsync();

        // The county office registers an application (申请中).
        var county = await app.SignedInPageAsync();
        await OpenAsync(county, app.BaseUrl + "/households/new");
        await WebAppProcess.ChooseAsync(county, county.Locator(".mud-select").Filter(new() { HasText = "乡镇" }).First, "西秀镇");
        await WebAppProcess.ChooseAsync(county, "new-village", "马坡村");
        await county.GetByTestId("new-applicant").ClickAsync();
        await WebAppProcess.FillFieldAsync(county, "member-idnumber", NewId());
        await WebAppProcess.FillFieldAsync(county, "member-name", "识别申请人");
        await WebAppProcess.ChooseAsync(county, county.Locator(".mud-select").Filter(new() { HasText = "文化程度" }).First, "初中");
        await county.GetByTestId("save-household").ClickAsync();
        await Assertions.Expect(county.GetByTestId("household-head")).ToContainTextAsync("识别申请人");
        await Assertions.Expect(county.GetByText("申请中").First).ToBeVisibleAsync();
        var householdUrl = county.Url;

        // The village cadre starts the case: 本人申请, then 村民评议 with the meeting's figures.
        var village = await app.SignedInPageAsync("mapo");
        await OpenAsync(village, householdUrl);
        await village.GetByTestId("start-Identification").ClickAsync();
        await village.WaitForURLAsync(new Regex("/procedures/[0-9a-f-]{36}$"));
        await WebAppProcess.InteractiveAsync(village);
        var caseUrl = village.Url;
        await SubmitStepAsync(village, "本人申请");
        await Assertions.Expect(village.GetByTestId("act-panel")).ToContainTextAsync("当前步骤：村民评议");
        await WebAppProcess.FillFieldAsync(village, "act-attendance", "42");
        await WebAppProcess.FillFieldAsync(village, "act-votes-for", "39");
        await WebAppProcess.FillFieldAsync(village, "act-votes-against", "1");
        await village.ScreenshotAsync(new() { Path = Shot("20-case-meeting"), FullPage = true });
        await SubmitStepAsync(village, "村民评议");

        // 区级比对 is the county's: the village cadre sees why it cannot act.
        await Assertions.Expect(village.GetByTestId("act-panel")).ToContainTextAsync("由县(区)扶贫办办理");
        await OpenAsync(county, caseUrl);
        await SubmitStepAsync(county, "区级比对");
        await Assertions.Expect(county.GetByTestId("case-acts")).ToContainTextAsync("未发现问题");

        // First publicity at the village, second at the township.
        await OpenAsync(village, caseUrl);
        await Assertions.Expect(village.GetByTestId("publicity-info")).ToContainTextAsync("今天是第1天");
        await SubmitStepAsync(village, "村民代表评议并公示");
        var town = await app.SignedInPageAsync("xixiu");
        await OpenAsync(town, caseUrl);
        await SubmitStepAsync(town, "乡镇审查公示");

        // 区级审核公告 by the county: the household is registered.
        await OpenAsync(county, caseUrl);
        await SubmitStepAsync(county, "区级审核公告");
        await Assertions.Expect(county.GetByTestId("case-approved")).ToContainTextAsync("已纳入建档立卡");
        await Assertions.Expect(county.Locator("[data-step-status=done]")).ToHaveCountAsync(6);
        await county.ScreenshotAsync(new() { Path = Shot("21-case-approved"), FullPage = true });
        await OpenAsync(county, householdUrl);
        await Assertions.Expect(county.GetByText("未脱贫").First).ToBeVisibleAsync();
        await Assertions.Expect(county.GetByTestId("household-cases")).ToContainTextAsync("已办结（通过）");

        // The work list and the village exit evaluation.
        await OpenAsync(county, app.BaseUrl + "/procedures");
        await Assertions.Expect(county.GetByTestId("case-table")).ToContainTextAsync("识别申请人");
        await county.ScreenshotAsync(new() { Path = Shot("22-procedures"), FullPage = true });
        await OpenAsync(county, app.BaseUrl + "/exit/villages");
        await Assertions.Expect(county.GetByTestId("exit-summary")).ToContainTextAsync("个村达到出列条件");
        await Assertions.Expect(county.GetByTestId("exit-table").First).ToContainTextAsync("贫困发生率");
        await county.ScreenshotAsync(new() { Path = Shot("23-village-exit"), FullPage = true });
    }
}
