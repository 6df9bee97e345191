using Fupin.Web.Data;
using Fupin.Web.Features.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Accounts;

/// <summary>
/// On first start: the roles, and the three separated administrators of 三权分立 — system administrator
/// (admin), security administrator (security) and audit reviewer (auditor). Each password comes from its
/// variable when set (the operator's choice, used as is), otherwise it is generated, printed once to the
/// operator once (see FirstStartPasswords), and must be changed at the first sign-in. With the demo county, demo accounts of the business
/// roles are made too (FUPIN_DEMO_PASSWORD, or generated the same way).
/// </summary>
public static class AdminBootstrap
{
    public const string AdminUserName = "admin";
    public const string PasswordVariable = "FUPIN_ADMIN_PASSWORD";

    private sealed record Seed(string UserName, string DisplayName, string Role, string RegionCode, string Variable);

    private static readonly Seed[] Administrators =
    [
        new(AdminUserName, "系统管理员", Roles.SystemAdmin, new string('0', 12), PasswordVariable),
        new("security", "安全管理员", Roles.SecurityAdmin, new string('0', 12), "FUPIN_SECURITY_PASSWORD"),
        new("auditor", "安全审计员", Roles.AuditReviewer, new string('0', 12), "FUPIN_AUDITOR_PASSWORD"),
    ];

    private static readonly Seed[] DemoAccounts =
    [
        new("county", "海滨区扶贫办", Roles.CountyOffice, DemoCounty.CountyCode, "FUPIN_DEMO_PASSWORD"),
        new("xixiu", "西秀镇扶贫工作站", Roles.TownOfficial, "460105101000", "FUPIN_DEMO_PASSWORD"),
        new("mapo", "马坡村驻村工作队", Roles.VillageCadre, "460105101201", "FUPIN_DEMO_PASSWORD"),
        new("leader", "海滨区领导", Roles.Leader, DemoCounty.CountyCode, "FUPIN_DEMO_PASSWORD"),
        new(DemoAssistance.CadreUserName, "李帮扶（区财政局）", Roles.AssistanceCadre, DemoAssistance.CadreVillage, "FUPIN_DEMO_PASSWORD"),
    ];

    public static async Task RunAsync(IServiceProvider services, IConfiguration config, string contentRoot, TimeProvider clock, bool demoSeeded)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var printed = new List<(string User, string Role, string Password)>();
        if (!await users.Users.AnyAsync())
        {
            foreach (var seed in Administrators)
            {
                await CreateAsync(users, config, clock, seed, printed);
            }
        }
        if (demoSeeded && !await users.Users.AnyAsync(u => u.UserName == DemoAccounts[0].UserName))
        {
            var demoPassword = config["FUPIN_DEMO_PASSWORD"] ?? ManageAccounts.TemporaryPassword();
            foreach (var seed in DemoAccounts)
            {
                await CreateAsync(users, config, clock, seed, printed, demoPassword);
            }
        }
        await FirstStartPasswords.ShowAsync(printed, DatabaseSetup.DataFolder(config, contentRoot), users);
    }

    private static async Task CreateAsync(UserManager<AppUser> users, IConfiguration config, TimeProvider clock, Seed seed,
        List<(string, string, string)> printed, string? sharedGenerated = null)
    {
        var given = config[seed.Variable];
        var password = string.IsNullOrEmpty(given) ? sharedGenerated ?? ManageAccounts.TemporaryPassword() : given;
        var user = new AppUser
        {
            UserName = seed.UserName,
            DisplayName = seed.DisplayName,
            RegionCode = seed.RegionCode,
            MustChangePassword = string.IsNullOrEmpty(given),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        // The operator's own choice is taken as is, even where the policy would want more.
        var result = await users.CreateAsync(user);
        if (result.Succeeded)
        {
            user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
            result = await users.UpdateAsync(user);
        }
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, seed.Role);
        }
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"无法创建初始账号 {seed.UserName}：" + string.Join("；", result.Errors.Select(e => e.Description)));
        }
        if (string.IsNullOrEmpty(given))
        {
            printed.Add((seed.UserName, seed.Role, password));
        }
    }
}
