using System.Text.RegularExpressions;
using Fupin.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Fupin.BrowserTests;

public sealed class TwoFactorBrowserTests(TwoFactorProcess app) : IClassFixture<TwoFactorProcess>
{
    [Fact]
    public async Task An_administrator_must_enrol_a_second_factor_and_then_signs_in_with_it()
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/account/login");
        await page.FillAsync("#username", "security");
        await page.FillAsync("#password", WebAppProcess.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/two-factor"));
        await page.GotoAsync(app.BaseUrl + "/admin/accounts");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/two-factor"));
        await Assertions.Expect(page.GetByText("管理员账号须启用双因素认证")).ToBeVisibleAsync();

        var key = (await page.GetByTestId("totp-key").InnerTextAsync()).Replace(" ", "");
        await page.FillAsync("#code", "000000" == Totp.Code(key, DateTimeOffset.UtcNow) ? "111111" : "000000");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.GetByText("动态码不正确")).ToBeVisibleAsync();
        await page.FillAsync("#code", Totp.Code(key, DateTimeOffset.UtcNow));
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page).ToHaveURLAsync(app.BaseUrl + "/");
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebAppProcess.ScreenshotFolder, "20-two-factor-done.png") });

        // Next time: password, then the code.
        await context.ClearCookiesAsync();
        await page.GotoAsync(app.BaseUrl + "/account/login");
        await page.FillAsync("#username", "security");
        await page.FillAsync("#password", WebAppProcess.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/login-2fa"));
        await page.FillAsync("#code", Totp.Code(key, DateTimeOffset.UtcNow));
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page).ToHaveURLAsync(app.BaseUrl + "/");
        await Assertions.Expect(page.Locator("#dashboard-title")).ToContainTextAsync("欢迎使用");
    }
}
