using Microsoft.Playwright;

namespace Fupin.BrowserTests;

/// <summary>The county office registers a batch, allocates it, records a payment, sees progress and ranking change, and downloads a project's public notice.</summary>
public sealed class FundsBrowserTests(WebAppProcess app) : IClassFixture<WebAppProcess>
{
    private static string Shot(string name) => Path.Combine(WebAppProcess.ScreenshotFolder, name + ".png");

    private static async Task<string> CellAsync(IPage page, string table, string row, int column) =>
        (await page.GetByTestId(table).Locator("tr").Filter(new() { HasText = row }).First.Locator("td").Nth(column).InnerTextAsync()).Trim();

    [Fact]
    public async Task A_batch_is_allocated_and_spent_the_progress_and_ranking_move_and_a_notice_downloads()
    {
        var page = await app.SignedInPageAsync();
        await page.GotoAsync(app.BaseUrl + "/funds");
        await WebAppProcess.InteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("progress-Township")).ToContainTextAsync("西秀镇");
        var rankBefore = await CellAsync(page, "progress-Township", "东山镇", 0);

        // The batch.
        await page.GetByRole(AriaRole.Tab, new() { Name = "资金批次" }).ClickAsync();
        var name = $"浏览器测试批次{Random.Shared.Next(1000, 9999)}";
        await WebAppProcess.FillFieldAsync(page, "batch-name", name);
        await WebAppProcess.FillFieldAsync(page, "batch-doc", "海财农〔2026〕99号");
        await WebAppProcess.FillFieldAsync(page, "batch-amount", "10000000.00");
        await page.GetByTestId("save-batch").ClickAsync();
        await Assertions.Expect(page.GetByTestId("batches")).ToContainTextAsync(name);

        // All of it to 东山镇, then 9,000,000.00 paid: 90.00%, which puts 东山镇 first.
        await WebAppProcess.ChooseAsync(page, "allocation-township", "东山镇", exact: false);
        await WebAppProcess.FillFieldAsync(page, "allocation-amount", "10000000.00");
        await page.GetByTestId("save-allocation").ClickAsync();
        await Assertions.Expect(page.GetByTestId("allocations")).ToContainTextAsync("东山镇");
        await WebAppProcess.ChooseAsync(page, "disbursement-allocation", "东山镇", exact: false);
        await WebAppProcess.FillFieldAsync(page, "disbursement-amount", "9000000.00");
        await WebAppProcess.FillFieldAsync(page, "disbursement-payee", "东山镇财政所");
        await WebAppProcess.FillFieldAsync(page, "disbursement-voucher", "记-9001");
        await page.GetByTestId("save-disbursement").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("支出已登记");
        await Assertions.Expect(page.GetByTestId("allocations")).ToContainTextAsync("90.00%");
        await page.ScreenshotAsync(new() { Path = Shot("60-funds-batch"), FullPage = true });

        await page.GetByRole(AriaRole.Tab, new() { Name = "支出进度与排名" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("progress-Batch")).ToContainTextAsync(name);
        Assert.Equal("90.00%", await CellAsync(page, "progress-Batch", name, 3));
        Assert.Equal("1", await CellAsync(page, "progress-Township", "东山镇", 0));
        Assert.NotEqual("1", rankBefore);
        await page.ScreenshotAsync(new() { Path = Shot("61-funds-progress"), FullPage = true });

        // A project's public notice as Word.
        await page.GotoAsync(app.BaseUrl + "/projects");
        await WebAppProcess.InteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("project-rates")).ToContainTextAsync("开工率");
        await page.ScreenshotAsync(new() { Path = Shot("62-project-library"), FullPage = true });
        await page.GetByTestId("projects").Locator("tbody a").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("project-steps")).ToContainTextAsync("储备入库");
        await page.ScreenshotAsync(new() { Path = Shot("63-project-detail"), FullPage = true });
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("project-notice").ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename);
        Assert.StartsWith("项目公示-", download.SuggestedFilename);

        await page.GotoAsync(app.BaseUrl + "/assets");
        await WebAppProcess.InteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("assets")).ToContainTextAsync("光伏");
        await page.ScreenshotAsync(new() { Path = Shot("64-assets"), FullPage = true });
    }
}
