using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Fupin.BrowserTests;

/// <summary>What a county clerk does on the first day: sign in, look at the county, find a household, add a person.</summary>
public sealed class RegistryBrowserTests(WebAppProcess app) : IClassFixture<WebAppProcess>
{
    private static string Shot(string name) => Path.Combine(WebAppProcess.ScreenshotFolder, name + ".png");

    /// <summary>A valid ID number from another county, so it cannot clash with the demo county's.</summary>
    private static string NewId()
    {
        var first17 = $"520102198{Random.Shared.Next(0, 10)}0{Random.Shared.Next(1, 10)}1{Random.Shared.Next(0, 10)}{Random.Shared.Next(100, 999)}";
        int[] w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = first17.Select((c, i) => (c - '0') * w[i]).Sum();
        return first17 + "10X98765432"[sum % 11];
    }

    [Fact]
    public async Task Wrong_password_shows_a_chinese_message_and_stays_on_the_sign_in_page()
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/households");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await page.FillAsync("#username", "admin");
        await page.FillAsync("#password", "wrong-password-123");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.GetByTestId("login-error")).ToHaveTextAsync("用户名或密码错误");
        await page.ScreenshotAsync(new() { Path = Shot("01-login-error") });
    }

    [Fact]
    public async Task Clerk_signs_in_sees_the_dashboard_filters_the_list_and_adds_a_member()
    {
        var page = await app.SignedInPageAsync();

        // Dashboard: the county's figures, in Chinese.
        await Assertions.Expect(page.Locator("#dashboard-title")).ToContainTextAsync("海滨区");
        await Assertions.Expect(page.GetByTestId("fig-households")).ToContainTextAsync("户");
        await Assertions.Expect(page.GetByTestId("village-incidence")).ToContainTextAsync("长流镇");
        await page.WaitForTimeoutAsync(500); // let the charts draw
        await page.ScreenshotAsync(new() { Path = Shot("02-dashboard"), FullPage = true });

        // The list, filtered to one township and one status.
        await page.GetByRole(AriaRole.Link, new() { Name = "农户名册" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("household-table")).ToContainTextAsync("共");
        await WebAppProcess.ChooseAsync(page, "filter-township", "西秀镇");
        await WebAppProcess.ChooseAsync(page, "filter-status", "未脱贫");
        var rows = page.GetByTestId("household-table").Locator("tbody tr");
        await Assertions.Expect(rows.First).ToContainTextAsync("西秀镇");
        foreach (var row in await rows.AllAsync())
        {
            await Assertions.Expect(row).ToContainTextAsync("西秀镇");
            await Assertions.Expect(row).ToContainTextAsync("未脱贫");
        }
        await page.ScreenshotAsync(new() { Path = Shot("03-household-list"), FullPage = true });

        // Open the first household.
        var headName = (await rows.First.Locator("td").Nth(1).InnerTextAsync()).Trim();
        await rows.First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("household-head")).ToContainTextAsync(headName);
        await Assertions.Expect(page.GetByTestId("member-table")).ToContainTextAsync("户主");
        await page.ScreenshotAsync(new() { Path = Shot("04-household"), FullPage = true });
        var householdUrl = page.Url;

        // An invalid ID number is refused with a message saying what is wrong.
        await page.GetByTestId("add-member").ClickAsync();
        var idInput = page.Locator("[data-testid=member-idnumber] input, input[data-testid=member-idnumber]").First;
        var nameInput = page.Locator("[data-testid=member-name] input, input[data-testid=member-name]").First;
        var valid = NewId();
        var corrupted = valid[..17] + (valid[17] == '0' ? '1' : '0');
        await idInput.FillAsync(corrupted);
        await nameInput.FillAsync("测试新成员");
        await page.GetByTestId("save-member").ClickAsync();
        await Assertions.Expect(page.GetByText("身份证号码校验位不正确").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("05-invalid-id"), FullPage = true });

        // A valid one is saved, and the new member is on the household page.
        await idInput.FillAsync(valid);
        await nameInput.FillAsync("测试新成员");
        await page.GetByTestId("save-member").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(householdUrl);
        await Assertions.Expect(page.GetByTestId("member-table")).ToContainTextAsync("测试新成员");
        await Assertions.Expect(page.GetByTestId("member-table")).ToContainTextAsync(valid[..4] + "**********" + valid[14..]);

        // And the list finds the household by the new member's name.
        await page.GotoAsync(app.BaseUrl + "/households");
        await WebAppProcess.InteractiveAsync(page);
        await page.Locator("[data-testid=filter-search] input, input[data-testid=filter-search]").First.FillAsync("测试新成员");
        await Assertions.Expect(page.GetByTestId("household-table").Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("household-table").Locator("tbody tr").First).ToContainTextAsync(headName);
        await page.ScreenshotAsync(new() { Path = Shot("06-search"), FullPage = true });
    }

    [Fact]
    public async Task Clerk_registers_a_new_household_through_the_form_after_fixing_what_it_says()
    {
        var page = await app.SignedInPageAsync();
        await page.GotoAsync(app.BaseUrl + "/households/new");
        await WebAppProcess.InteractiveAsync(page);

        // Saving an empty form: messages in Chinese at the fields, nothing saved.
        await page.GetByTestId("save-household").ClickAsync();
        await Assertions.Expect(page.GetByText("所属行政村不存在或不在您的管辖范围内").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("请填写身份证号码").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("07-new-household-errors"), FullPage = true });

        await WebAppProcess.ChooseAsync(page, page.Locator(".mud-select").Filter(new() { HasText = "乡镇" }).First, "东山镇");
        await WebAppProcess.ChooseAsync(page, "new-village", "城西村");
        var id = NewId();
        await WebAppProcess.FillFieldAsync(page, "member-idnumber", id);
        await WebAppProcess.FillFieldAsync(page, "member-name", "表单新户主");
        await WebAppProcess.ChooseAsync(page, page.Locator(".mud-select").Filter(new() { HasText = "文化程度" }).First, "初中");
        await page.GetByTestId("save-household").ClickAsync();

        await Assertions.Expect(page.GetByTestId("household-head")).ToContainTextAsync("表单新户主");
        await Assertions.Expect(page.GetByText("东山镇 城西村").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("member-table")).ToContainTextAsync("户主");
        await page.ScreenshotAsync(new() { Path = Shot("08-new-household-saved"), FullPage = true });

        // The income ledger: one year recorded, per-capita income computed (one person).
        await page.GetByRole(AriaRole.Tab, new() { Name = "收入台账" }).ClickAsync();
        await page.Locator(".mud-input-control").Filter(new() { HasText = "工资性收入" }).Locator("input").FillAsync("12000");
        await page.GetByTestId("save-income").ClickAsync();
        await Assertions.Expect(page.GetByTestId("per-capita").First).ToHaveTextAsync("12,000.00");
        await Assertions.Expect(page.GetByTestId("income-table")).ToContainTextAsync("高于监测线");
        await page.ScreenshotAsync(new() { Path = Shot("09-income-ledger"), FullPage = true });
    }

    [Fact]
    public async Task County_office_sees_the_village_exit_evaluation_by_township()
    {
        var page = await app.SignedInPageAsync();
        await page.GotoAsync(app.BaseUrl + "/exit/villages");
        await WebAppProcess.InteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("exit-summary")).ToContainTextAsync("个村达到出列条件");
        await Assertions.Expect(page.GetByText("东山镇", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("exit-table").First).ToContainTextAsync("贫困发生率");
        await page.ScreenshotAsync(new() { Path = Shot("14-village-exit"), FullPage = true });
    }
}
