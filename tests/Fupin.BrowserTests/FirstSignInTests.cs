using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Fupin.BrowserTests;

public sealed class FirstSignInTests(FirstStartProcess app) : IClassFixture<FirstStartProcess>
{
    [Fact]
    public async Task Generated_admin_password_is_left_for_the_operator_only_and_must_be_changed_at_first_sign_in()
    {
        var printed = app.PrintedPassword;
        Assert.Equal(16, printed.Length);
        // Not in the output (a service's output is a log); in a file only the service's user can read.
        Assert.DoesNotContain(printed, app.Output);
        Assert.Contains("first-start-passwords.txt", app.Output);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(app.PasswordFile));

        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/account/login");
        await page.FillAsync("#username", "admin");
        await page.FillAsync("#password", printed);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/change-password"));

        // Nothing else opens until the password is changed.
        await page.GotoAsync(app.BaseUrl + "/admin/accounts");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/change-password"));

        await page.FillAsync("#current", printed);
        await page.FillAsync("#new", "short");
        await page.FillAsync("#confirm", "short");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.GetByText("新密码至少需要12个字符")).ToBeVisibleAsync();

        await page.FillAsync("#current", printed);
        await page.FillAsync("#new", "My-Own-Pass-2026!");
        await page.FillAsync("#confirm", "My-Own-Pass-2026!");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page).ToHaveURLAsync(app.BaseUrl + "/");
        // The system administrator's home is account administration, not the registry (三权分立).
        await Assertions.Expect(page.Locator("#dashboard-title")).ToContainTextAsync("欢迎使用");
    }
}
