using System.Text;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace Fupin.BrowserTests;

/// <summary>A clerk imports a sheet, watches it land, then fixes a bad sheet from its error report.</summary>
public sealed class ImportBrowserTests(WebAppProcess app) : IClassFixture<WebAppProcess>
{
    private static string Shot(string name) => Path.Combine(WebAppProcess.ScreenshotFolder, name + ".png");

    private static string NewId(int n)
    {
        var first17 = $"52010219{70 + n % 30:D2}0{1 + n % 9}1{n % 10}{100 + n % 800:D3}";
        int[] w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = first17.Select((c, i) => (c - '0') * w[i]).Sum();
        return first17 + "10X98765432"[sum % 11];
    }

    private static string Sheet(int households, int start, Func<int, string, string>? spoil = null)
    {
        var b = new StringBuilder("户编号,乡(镇),行政村,户主姓名,与户主关系,姓名,证件号码,文化程度,户属性,主要致贫原因,识别年度\n");
        var prefix = "B" + Guid.NewGuid().ToString("N")[..6];
        for (var h = 0; h < households; h++)
        {
            var id = NewId(start + h);
            b.Append($"{prefix}{h:D4},西秀镇,马坡村,导入户主{h},户主,导入户主{h},{spoil?.Invoke(h, id) ?? id},初中,一般贫困户,因病,2017\n");
        }
        return b.ToString();
    }

    [Fact]
    public async Task A_clerk_imports_a_sheet_and_downloads_the_error_report_of_a_bad_one()
    {
        var page = await app.SignedInPageAsync();
        await page.GotoAsync(app.BaseUrl + "/imports");
        await WebAppProcess.InteractiveAsync(page);

        var good = Path.Combine(Path.GetTempPath(), $"名册-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(good, Sheet(400, Random.Shared.Next(0, 100_000)), new UTF8Encoding(true), TestContext.Current.CancellationToken);
        await WebAppProcess.ChooseFileAsync(page, "#import-file", good);
        await Assertions.Expect(page.GetByTestId("import-state")).ToHaveTextAsync("导入成功", new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("import-counts")).ToContainTextAsync("已写入 400 / 400 行");
        await Assertions.Expect(page.GetByTestId("import-message")).ToContainTextAsync("新增400户");
        await page.ScreenshotAsync(new() { Path = Shot("30-import-done"), FullPage = true });

        // A sheet with two bad rows: nothing is written, and the report says which and why.
        var bad = Path.Combine(Path.GetTempPath(), $"名册-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(bad, Sheet(50, Random.Shared.Next(100_000, 200_000), (h, id) => h is 7 or 31 ? id[..17] + (id[17] == '0' ? '1' : '0') : id), new UTF8Encoding(true), TestContext.Current.CancellationToken);
        await WebAppProcess.ChooseFileAsync(page, "#import-file", bad);
        await Assertions.Expect(page.GetByTestId("import-state")).ToHaveTextAsync("未通过（未写入）", new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("import-message")).ToContainTextAsync("2行有错误");
        await page.ScreenshotAsync(new() { Path = Shot("31-import-errors"), FullPage = true });
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("error-report").ClickAsync());
        var report = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(report);
        var rows = MiniExcel.Query(report, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(50, rows.Count);
        var flagged = rows.Where(r => !string.IsNullOrEmpty(r["错误说明"]?.ToString())).Select(r => r["行号"]?.ToString()).ToList();
        Assert.Equal(["9", "33"], flagged);
        await Assertions.Expect(page.GetByTestId("import-history")).ToContainTextAsync("未通过");
        File.Delete(good);
        File.Delete(bad);
        File.Delete(report);
    }
}
