using System.Text;
using Microsoft.Playwright;

namespace Fupin.BrowserTests;

/// <summary>The system administrator's going-live pages: the setup steps, the region tree, backups.</summary>
public sealed class GoLiveBrowserTests(WebAppProcess app) : IClassFixture<WebAppProcess>
{
    private static string Shot(string name) => Path.Combine(WebAppProcess.ScreenshotFolder, name + ".png");

    [Fact]
    public async Task The_administrator_follows_the_setup_steps_imports_a_region_list_renames_a_village_and_backs_up()
    {
        var page = await app.SignedInPageAsync("admin", WebAppProcess.AdminPassword, new ViewportSize { Width = 1366, Height = 768 });
        await Assertions.Expect(page.GetByTestId("setup-steps")).ToContainTextAsync("导入本县（区）的统计用区划代码表");
        await page.ScreenshotAsync(new() { Path = Shot("60-admin-setup-steps"), FullPage = true });

        await page.GotoAsync(app.BaseUrl + "/admin/regions");
        await WebAppProcess.InteractiveAsync(page);
        var file = Path.Combine(Path.GetTempPath(), $"区划-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "统计用区划代码,名称,城乡分类代码\n460105000000,海滨区,\n460105109000,新港镇,\n460105109201,新港村,220\n460105109202,渔港村,220\n",
            new UTF8Encoding(true), TestContext.Current.CancellationToken);
        await WebAppProcess.ChooseFileAsync(page, "#region-file", file);
        await Assertions.Expect(page.GetByTestId("import-state")).ToHaveTextAsync("导入成功", new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("import-message")).ToContainTextAsync("新增区划3个");
        // The county's sixty units page by fifty: the filter finds the new township's by code.
        await WebAppProcess.FillFieldAsync(page, "region-filter", "460105109");
        await Assertions.Expect(page.GetByTestId("region-table")).ToContainTextAsync("渔港村");
        File.Delete(file);

        // Rename 渔港村 in place; the old name stays in its history.
        var row = page.GetByTestId("region-table").Locator("tr", new() { HasText = "460105109202" });
        await row.GetByRole(AriaRole.Button, new() { Name = "更名" }).ClickAsync();
        await row.Locator("input").FillAsync("渔港社区");
        await row.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("region-table")).ToContainTextAsync("渔港社区");
        await page.GetByTestId("region-table").Locator("tr", new() { HasText = "460105109202" }).GetByRole(AriaRole.Button, new() { Name = "历史" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("region-table")).ToContainTextAsync("更名 “渔港村”");
        await page.ScreenshotAsync(new() { Path = Shot("61-admin-regions") });

        await page.GotoAsync(app.BaseUrl + "/admin/system");
        await WebAppProcess.InteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("backup-stale")).ToBeVisibleAsync();
        await page.GetByTestId("backup-now").ClickAsync();
        await Assertions.Expect(page.GetByTestId("backup-history")).ToContainTextAsync("备份成功", new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("backup-stale")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Shot("62-admin-backups"), FullPage = true });

        // The same page at phone width still shows the last backup.
        await page.SetViewportSizeAsync(390, 844);
        await Assertions.Expect(page.GetByTestId("last-backup")).ToContainTextAsync("最近一次成功备份");
        await Assertions.Expect(page.GetByTestId("backup-history")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\d+\.\d MB"));
        await page.ScreenshotAsync(new() { Path = Shot("63-admin-backups-phone"), FullPage = true });
    }
}
