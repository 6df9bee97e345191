using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Fupin.BrowserTests;

/// <summary>
/// The restore drill with the published build's own verbs, as docs/deploy.md tells the county's IT person to run it:
/// backup while the server runs, more work, stop, restore (refused without --force over data), audit-verify.
/// </summary>
public abstract class BackupDrillTests(DeployedApp app)
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Backup_more_writes_and_restore_give_back_exactly_the_backup()
    {
        using var admin = app.Client("127.0.0.5");
        var token = await admin.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = DeployedApp.AdminPassword }, Ct);
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("accessToken").GetString());
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("统计用区划代码,名称\n520103000000,云岩区\n520103001000,中华北路街道\n")), "file", "区划.csv" } })
        {
            Assert.Equal(System.Net.HttpStatusCode.Accepted, (await admin.PostAsync("/api/v1/regions/import", form, Ct)).StatusCode);
        }
        await Task.Delay(3000, Ct);

        var archive = Path.Combine(app.Root, "drill.zip");
        var (backupCode, backupOutput) = await app.VerbAsync("backup", "--to", archive);
        Assert.True(backupCode == 0, backupOutput);
        var head = Regex.Match(backupOutput, @"审计链头：第 (\d+) 条 ([0-9a-f]{64})");
        Assert.True(head.Success, backupOutput);

        var added = await admin.PostAsJsonAsync("/api/v1/regions", new { code = "520103002000", name = "备份之后新增街道" }, Ct);
        Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync(Ct));

        app.StopApp();
        var (refusedCode, refusedOutput) = await app.VerbAsync("restore", "--from", archive);
        Assert.Equal(1, refusedCode);
        Assert.Contains("--force", refusedOutput);
        var (restoreCode, restoreOutput) = await app.VerbAsync("restore", "--from", archive, "--force");
        Assert.True(restoreCode == 0, restoreOutput);
        Assert.Contains("行数与备份清单一致", restoreOutput);
        var (verifyCode, verifyOutput) = await app.VerbAsync("audit-verify");
        Assert.True(verifyCode == 0, verifyOutput);
        Assert.Contains($"与检查点一致：", verifyOutput);
        Assert.Contains($"第 {head.Groups[1].Value} 条 {head.Groups[2].Value}", verifyOutput);
    }
}

public sealed class BackupDrillTestsOnSqlite(DrillSqliteApp app) : BackupDrillTests(app), IClassFixture<DrillSqliteApp>;

public sealed class BackupDrillTestsOnPostgres(DrillPostgresApp app) : BackupDrillTests(app), IClassFixture<DrillPostgresApp>;
