using Microsoft.Playwright;

namespace Fupin.BrowserTests;

/// <summary>
/// On a phone: an assistance cadre opens one of their households, records a visit with the phone's location
/// and a photo, and marks a plan measure done; the coverage report counts it. On a desktop: the county's
/// assistance pages render in Chinese.
/// </summary>
public sealed class AssistanceBrowserTests(WebAppProcess app) : IClassFixture<WebAppProcess>
{
    private static string Shot(string name) => Path.Combine(WebAppProcess.ScreenshotFolder, name + ".png");

    // A 1×1 PNG: what the camera hands over, in small.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static async Task<int> ReachedAsync(IPage page, string kind)
    {
        var row = page.GetByTestId("coverage-kinds").Locator("tr").Filter(new() { HasText = kind }).First;
        await Assertions.Expect(row).ToBeVisibleAsync();
        return int.Parse(await row.Locator("td").Nth(2).InnerTextAsync());
    }

    [Fact]
    public async Task A_cadre_on_a_phone_records_a_visit_with_location_and_photo_and_marks_a_measure_done()
    {
        var ct = TestContext.Current.CancellationToken;
        var page = await app.SignedInPageAsync("bangfu", viewport: new ViewportSize { Width = 390, Height = 844 },
            location: new Geolocation { Latitude = 20.0442f, Longitude = 110.3515f, Accuracy = 15 });

        // The cadre's own households: who is due a visit and what is open.
        await page.GotoAsync(app.BaseUrl + "/my");
        await WebAppProcess.InteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("my-households")).ToContainTextAsync("马坡村");
        await page.ScreenshotAsync(new() { Path = Shot("50-my-households-phone"), FullPage = true });
        var card = page.GetByTestId("my-household").Filter(new() { HasText = "未落实措施" }).First;
        var head = (await card.Locator("a").First.InnerTextAsync()).Trim();
        await card.GetByTestId("go-visit").ClickAsync();
        await WebAppProcess.InteractiveAsync(page);

        // The measure to finish, and its kind's coverage before.
        var measure = page.GetByTestId("visit-measure").Filter(new() { Has = page.GetByTestId("mark-done") }).First;
        var kind = (await measure.Locator("b").First.InnerTextAsync()).Trim();
        var visitUrl = page.Url;
        await page.GotoAsync(app.BaseUrl + "/assistance");
        await WebAppProcess.InteractiveAsync(page);
        var before = await ReachedAsync(page, kind);

        // The visit: the location comes from the phone, the photo from its camera.
        await page.GotoAsync(visitUrl);
        await WebAppProcess.InteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("location")).ToContainTextAsync("20.0442");
        await WebAppProcess.FillFieldAsync(page, "visit-notes", "查看母牛饲养，户主反映饲草不足");
        var photo = Path.Combine(Path.GetTempPath(), $"走访-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(photo, Png, ct);
        await WebAppProcess.ChooseFileAsync(page, "#visit-photo", photo);
        await Assertions.Expect(page.GetByTestId("photo-chosen")).ToContainTextAsync(".png");
        await page.ScreenshotAsync(new() { Path = Shot("51-visit-entry-phone"), FullPage = true });
        await page.GetByTestId("save-visit").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("走访已记录，照片1张");

        // Marking the measure done needs what was delivered.
        measure = page.GetByTestId("visit-measure").Filter(new() { Has = page.GetByTestId("mark-done") }).Filter(new() { HasText = kind }).First;
        await measure.GetByTestId("mark-done").ClickAsync();
        await page.GetByTestId("confirm-done").ClickAsync();
        await Assertions.Expect(page.GetByText("请填写落实情况")).Not.ToHaveCountAsync(0);
        await WebAppProcess.FillFieldAsync(page, "done-evidence", "已发放到户，户主签字");
        await page.GetByTestId("confirm-done").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("已标记为已落实");
        await page.ScreenshotAsync(new() { Path = Shot("52-measure-done-phone"), FullPage = true });

        // The household page shows the visit with its location and photo.
        await page.GotoAsync(visitUrl.Replace("/visit", ""));
        await WebAppProcess.InteractiveAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "帮扶", Exact = true }).ClickAsync();
        var visits = page.GetByTestId("visit-list");
        await Assertions.Expect(visits).ToContainTextAsync("饲草不足");
        await Assertions.Expect(visits.GetByTestId("visit-location").First).ToContainTextAsync("20.0442");
        await Assertions.Expect(visits.Locator("img").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("53-household-assistance-phone"), FullPage = true });

        // The coverage report counts the household as reached for that kind.
        await page.GotoAsync(app.BaseUrl + "/assistance");
        await WebAppProcess.InteractiveAsync(page);
        Assert.Equal(before + 1, await ReachedAsync(page, kind));
        Assert.False(string.IsNullOrEmpty(head));
    }

    [Fact]
    public async Task The_county_sees_coverage_compliance_teams_and_the_night_school()
    {
        var page = await app.SignedInPageAsync();
        await page.GotoAsync(app.BaseUrl + "/assistance");
        await WebAppProcess.InteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("coverage-kinds")).ToContainTextAsync("产业帮扶");
        await Assertions.Expect(page.GetByTestId("coverage-areas")).ToContainTextAsync("西秀镇");
        await page.ScreenshotAsync(new() { Path = Shot("54-assistance-coverage"), FullPage = true });
        await page.GetByRole(AriaRole.Tab, new() { Name = "走访达标" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("compliance-summary")).ToContainTextAsync("未走访");
        await Assertions.Expect(page.GetByTestId("compliance-overdue")).ToContainTextAsync("镇");
        await page.ScreenshotAsync(new() { Path = Shot("55-visit-compliance"), FullPage = true });

        await page.GotoAsync(app.BaseUrl + "/assistance/teams");
        await WebAppProcess.InteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("attendance")).ToContainTextAsync("驻村工作队");
        await page.ScreenshotAsync(new() { Path = Shot("56-work-teams"), FullPage = true });
        await page.GetByTestId("teams").Locator("a").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("team-members")).ToContainTextAsync("第一书记");

        await page.GotoAsync(app.BaseUrl + "/assistance/night-school");
        await WebAppProcess.InteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("night-rates")).ToContainTextAsync("合计");
        await page.GetByTestId("sessions").Locator("a").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("session-summary")).ToContainTextAsync("已签到");
        await page.ScreenshotAsync(new() { Path = Shot("57-night-school"), FullPage = true });

        await page.GotoAsync(app.BaseUrl + "/assistance/cadres");
        await WebAppProcess.InteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("cadres")).ToContainTextAsync("李帮扶");
        await page.ScreenshotAsync(new() { Path = Shot("58-units-and-cadres"), FullPage = true });

        // A household's assistance tab on the desktop: cadre, plan and measures, visits.
        await page.GotoAsync(app.BaseUrl + "/households?region=460105101201");
        await WebAppProcess.InteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("household-table")).ToContainTextAsync("马坡村");
        await page.GetByTestId("household-table").Locator("tbody tr").First.Locator("td").Nth(1).ClickAsync();
        // The row opens the household in place (Blazor navigation, no page load): wait for its page, not for a load event.
        await Assertions.Expect(page.GetByTestId("household-head")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "帮扶", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("pairing")).ToContainTextAsync("帮扶责任人");
        await page.ScreenshotAsync(new() { Path = Shot("59-household-assistance"), FullPage = true });
    }
}
