using Fupin.Tests.Infrastructure;
using Fupin.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Fupin.Tests.Operations;

/// <summary>The file of generated first-start passwords lives only until every account in it has changed its password.</summary>
public abstract class FirstStartPasswordTests(FupinApp app)
{
    [Fact]
    public async Task The_password_file_stays_while_an_account_in_it_still_has_its_first_password_and_goes_after()
    {
        var folder = Directory.CreateTempSubdirectory("fupin-first-").FullName;
        var name = "first" + Guid.NewGuid().ToString("N")[..10];
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = name, DisplayName = name, RegionCode = TestData.TownshipA, MustChangePassword = true };
        Assert.True((await users.CreateAsync(user, "First-Start-Pass-2026")).Succeeded);
        await File.WriteAllTextAsync(Path.Combine(folder, FirstStartPasswords.FileName),
            $"# header\n  admin      系统管理员        初始密码: x\n  {name}   县(区)扶贫办      初始密码: y\n", TestContext.Current.CancellationToken);

        await FirstStartPasswords.ForgetIfChangedAsync(folder, users.Users);
        Assert.True(File.Exists(Path.Combine(folder, FirstStartPasswords.FileName)));

        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await FirstStartPasswords.ForgetIfChangedAsync(folder, users.Users);
        Assert.False(File.Exists(Path.Combine(folder, FirstStartPasswords.FileName)));
        Directory.Delete(folder, recursive: true);
    }
}

public sealed class FirstStartPasswordTestsOnSqlite(SqliteApp app) : FirstStartPasswordTests(app), IClassFixture<SqliteApp>;

public sealed class FirstStartPasswordTestsOnPostgres(PostgresApp app) : FirstStartPasswordTests(app), IClassFixture<PostgresApp>;
