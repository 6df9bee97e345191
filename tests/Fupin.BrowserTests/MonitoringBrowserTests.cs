using System.Text;
using Microsoft.Playwright;

namespace Fupin.BrowserTests;

/// <summary>The county office uploads a department roster, runs a comparison round, then opens a red household and sees why it is red.</summary>
public sealed class MonitoringBrowserTests(WebAppProcess app) : IClassFixture<WebAppProcess>
{
    private static string Shot(string name) => Path.Combine(WebAppProcess.ScreenshotFolder, name + ".png");

    private static string NewId(int n)
    {
        var first17 = $"52010220{10 + n % 9:D2}0{1 + n % 9}1{n % 10}{100 + n % 800:D3}";
        int[] w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = first17.Select((c, i) => (c - '0') * w[i]).Sum();
        return first17 + "10X98765432"[sum % 11];
    }

    [Fact]
    public async Task A_roster_goes_in_a_round_runs_and_a_red_household_shows_why()
    {
        var ct = TestContext.Current.CancellationToken;
        var page = await app.SignedInPageAsync();
        await page.GotoAsync(app.BaseUrl + "/rosters");
        await WebAppProcess.InteractiveAsync(page);

        // A students roster (the default kind) from the education bureau.
        var file = Path.Combine(Path.GetTempPath(), $"学生名册-{Guid.NewGuid():N}.csv");
        var b = new StringBuilder("证件号码,姓名,在校状态,学段,学校\n");
        var start = Random.Shared.Next(0, 1000);
        for (var i = 0; i < 30; i++)
        {
            b.Append($"{NewId(start + i)},学生{i},{(i % 10 == 0 ? "辍学" : "在校")},小学,马坡村小学\n");
        }
        await File.WriteAllTextAsync(file, b.ToString(), new UTF8Encoding(true), ct);
        await WebAppProcess.ChooseFileAsync(page, "#roster-file", file);
        await Assertions.Expect(page.GetByTestId("import-state")).ToHaveTextAsync("导入成功", new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("import-message")).ToContainTextAsync("30行");
        await Assertions.Expect(page.GetByTestId("roster-batches")).ToContainTextAsync("学生及辍学名册");
        await page.ScreenshotAsync(new() { Path = Shot("40-roster-uploaded"), FullPage = true });

        // The round: the newest batch is chosen, its rules are on.
        await page.GotoAsync(app.BaseUrl + "/comparison");
        await WebAppProcess.InteractiveAsync(page);
        await page.GetByTestId("run-comparison").ClickAsync();
        await Assertions.Expect(page.GetByTestId("rounds")).ToContainTextAsync("数据比对", new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("findings")).ToContainTextAsync("控辍保学");
        await page.ScreenshotAsync(new() { Path = Shot("41-comparison-round"), FullPage = true });

        // The lights: a red household and the rules that made it red.
        await page.GotoAsync(app.BaseUrl + "/monitoring");
        await WebAppProcess.InteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("light-table")).ToContainTextAsync("西秀镇");
        await page.ScreenshotAsync(new() { Path = Shot("42-lights-dashboard"), FullPage = true });
        var red = page.GetByTestId("lit-households").Locator("tr").Filter(new() { HasText = "红灯" }).First;
        await red.Locator("a").First.ClickAsync();
        // The household page must be interactive before its tab is clicked (a click before the circuit is lost).
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/households/"));
        await WebAppProcess.InteractiveAsync(page);
        // A click on the prerendered tab before its component is live is lost: click again until the panel opens.
        for (var attempt = 0; attempt < 3 && !await page.GetByTestId("household-light").IsVisibleAsync(); attempt++)
        {
            await page.GetByRole(AriaRole.Tab, new() { Name = "三色灯监测" }).ClickAsync();
            try
            {
                await page.GetByTestId("household-light").WaitForAsync(new() { Timeout = 5_000 });
            }
            catch (PlaywrightException)
            {
            }
        }
        await Assertions.Expect(page.GetByTestId("household-light")).ToContainTextAsync("红灯", new() { Timeout = 15_000 });
        var reasons = page.GetByTestId("light-reasons");
        await Assertions.Expect(reasons).ToBeVisibleAsync();
        await Assertions.Expect(reasons.Locator("tr").Filter(new() { HasText = "红灯" }).First).ToContainTextAsync(new System.Text.RegularExpressions.Regex("大病|贫困线|劳动能力"));
        await page.ScreenshotAsync(new() { Path = Shot("43-red-household"), FullPage = true });
    }
}
