using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Fupin.BrowserTests;

public sealed class AccessBrowserTests(WebAppProcess app) : IClassFixture<WebAppProcess>
{
    private static string Shot(string name) => Path.Combine(WebAppProcess.ScreenshotFolder, name + ".png");

    [Fact]
    public async Task Village_cadre_sees_only_their_village_its_figures_and_masked_id_numbers()
    {
        var page = await app.SignedInPageAsync("mapo", WebAppProcess.DemoPassword);

        await Assertions.Expect(page.Locator("#dashboard-title")).ToContainTextAsync("马坡村");
        await Assertions.Expect(page.GetByTestId("village-incidence").Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("village-incidence")).ToContainTextAsync("马坡村");
        await page.ScreenshotAsync(new() { Path = Shot("10-village-dashboard"), FullPage = true });

        await page.GotoAsync(app.BaseUrl + "/households");
        await WebAppProcess.InteractiveAsync(page);
        var rows = page.GetByTestId("household-table").Locator("tbody tr");
        await Assertions.Expect(rows.First).ToContainTextAsync("马坡村");
        foreach (var row in await rows.AllAsync())
        {
            await Assertions.Expect(row).ToContainTextAsync("马坡村");
        }
        await page.ScreenshotAsync(new() { Path = Shot("11-village-list"), FullPage = true });

        await rows.First.ClickAsync();
        var ids = page.GetByTestId("member-id");
        await Assertions.Expect(ids.First).ToHaveTextAsync(new Regex(@"^\d{4}\*{10}[\dX]{4}"));
        // Revealing one number is possible for a cadre, and shows it in full.
        await ids.First.GetByTestId("reveal").ClickAsync();
        await Assertions.Expect(ids.First).ToHaveTextAsync(new Regex(@"^\d{17}[\dX]"));
        await page.ScreenshotAsync(new() { Path = Shot("12-village-household"), FullPage = true });

        // Asking for another village's list (by its code in the address) finds nothing.
        await page.GotoAsync(app.BaseUrl + "/households?region=460105105201");
        await WebAppProcess.InteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("household-table").Locator("tbody tr").First).ToContainTextAsync("没有符合条件的农户");

        // Signing out (a form post with its antiforgery token) ends the session.
        await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await page.GotoAsync(app.BaseUrl + "/households");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/login"));
    }

    [Fact]
    public async Task System_admin_creates_an_account_and_receives_its_one_time_password()
    {
        var page = await app.SignedInPageAsync("admin", WebAppProcess.AdminPassword);
        await Assertions.Expect(page.Locator("#dashboard-title")).ToContainTextAsync("欢迎使用");
        await page.GotoAsync(app.BaseUrl + "/admin/accounts");
        await WebAppProcess.InteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("account-table")).ToContainTextAsync("auditor");

        await page.GetByTestId("new-account").ClickAsync();
        await page.Locator("[data-testid=account-username] input, input[data-testid=account-username]").First.FillAsync("newcadre01");
        await page.GetByTestId("save-account").ClickAsync();
        await Assertions.Expect(page.GetByTestId("issued-password")).ToContainTextAsync("newcadre01 的临时密码");
        await Assertions.Expect(page.GetByTestId("account-table")).ToContainTextAsync("待改初始密码");
        await page.ScreenshotAsync(new() { Path = Shot("13-accounts"), FullPage = true });

        // The registry is not the system administrator's (三权分立).
        await page.GotoAsync(app.BaseUrl + "/households");
        await Assertions.Expect(page.GetByText("农户名册")).ToHaveCountAsync(0);
    }
}
