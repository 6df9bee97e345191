using Microsoft.Playwright;

namespace Fupin.BrowserTests;

/// <summary>A leader's view: the one-page dashboard drilled from the county to a village; the work report and a 督办函 downloaded as Word.</summary>
public sealed class SupervisionBrowserTests(WebAppProcess app) : IClassFixture<WebAppProcess>
{
    private static string Shot(string name) => Path.Combine(WebAppProcess.ScreenshotFolder, name + ".png");

    [Fact]
    public async Task The_dashboard_drills_to_a_village_and_the_report_and_a_notice_download()
    {
        var page = await app.SignedInPageAsync();
        await page.GotoAsync(app.BaseUrl + "/dashboard");
        await WebAppProcess.InteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("dashboard-region")).ToContainTextAsync("海滨区");
        await Assertions.Expect(page.GetByTestId("dashboard-figures")).ToContainTextAsync("建档立卡");
        await Assertions.Expect(page.GetByTestId("dashboard-figures")).ToContainTextAsync("支出进度");
        await page.ScreenshotAsync(new() { Path = Shot("70-dashboard-county"), FullPage = true });

        // County → 西秀镇 → 马坡村.
        await page.GetByTestId("dashboard-children").GetByText("西秀镇").ClickAsync();
        await Assertions.Expect(page.GetByTestId("dashboard-region")).ToContainTextAsync("西秀镇");
        await page.GetByTestId("dashboard-children").GetByText("马坡村").ClickAsync();
        await Assertions.Expect(page.GetByTestId("dashboard-region")).ToContainTextAsync("马坡村");
        await page.ScreenshotAsync(new() { Path = Shot("71-dashboard-village"), FullPage = true });
        // A figure links to its list.
        await page.GetByTestId("dashboard-figures").GetByText("建档立卡").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("household-table")).ToContainTextAsync("马坡村");

        // The work report: written, saved, and generated as Word with the figures filled.
        await page.GotoAsync(app.BaseUrl + "/reports/work");
        await WebAppProcess.InteractiveAsync(page);
        var title = $"脱贫攻坚工作情况报告{Random.Shared.Next(1000, 9999)}";
        await WebAppProcess.FillFieldAsync(page, "report-title", title);
        await page.GetByTestId("save-report").ClickAsync();
        await Assertions.Expect(page.GetByTestId("work-reports")).ToContainTextAsync(title);
        var report = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("work-reports").Locator("tr").Filter(new() { HasText = title }).GetByTestId("report-download").ClickAsync());
        Assert.Equal(title + ".docx", report.SuggestedFilename);
        await page.ScreenshotAsync(new() { Path = Shot("72-work-reports"), FullPage = true });

        // A 督办函 for a unit behind its milestones.
        await page.GotoAsync(app.BaseUrl + "/supervision");
        await WebAppProcess.InteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("unit-lights")).ToContainTextAsync("红灯");
        await page.ScreenshotAsync(new() { Path = Shot("73-unit-lights"), FullPage = true });
        var notice = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("notice").First.ClickAsync());
        Assert.StartsWith("督办函-", notice.SuggestedFilename);
        Assert.EndsWith(".docx", notice.SuggestedFilename);
    }
}
