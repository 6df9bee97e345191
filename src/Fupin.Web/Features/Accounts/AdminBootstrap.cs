using System.Security.Cryptography;
using Fupin.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Accounts;

/// <summary>
/// On first start: the roles, and a first administrator. Its password is FUPIN_ADMIN_PASSWORD when set
/// (used as is), otherwise generated, printed once to the console, and to be changed at first sign-in.
/// </summary>
public static class AdminBootstrap
{
    public const string AdminUserName = "admin";
    public const string PasswordVariable = "FUPIN_ADMIN_PASSWORD";

    public static async Task RunAsync(IServiceProvider services, IConfiguration config, TimeProvider clock)
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
        if (await users.Users.AnyAsync())
        {
            return;
        }
        var given = config[PasswordVariable] ?? config["Admin:Password"];
        var password = string.IsNullOrEmpty(given) ? Generate() : given;
        var admin = new AppUser
        {
            UserName = AdminUserName,
            DisplayName = "系统管理员",
            RegionCode = new string('0', 12),
            MustChangePassword = string.IsNullOrEmpty(given),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        // The operator's own choice is taken as is, even if shorter than the policy wants.
        var result = await users.CreateAsync(admin);
        if (result.Succeeded)
        {
            var hasher = users.PasswordHasher;
            admin.PasswordHash = hasher.HashPassword(admin, password);
            result = await users.UpdateAsync(admin);
        }
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(admin, Roles.SystemAdmin);
        }
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("无法创建初始管理员：" + string.Join("；", result.Errors.Select(e => e.Description)));
        }
        if (string.IsNullOrEmpty(given))
        {
            // Deliberately the console, not the log: log sinks keep what they are given.
            Console.WriteLine();
            Console.WriteLine("================================================================");
            Console.WriteLine($"  初始管理员账号: {AdminUserName}");
            Console.WriteLine($"  初始密码(仅显示这一次，首次登录后须修改): {password}");
            Console.WriteLine("================================================================");
            Console.WriteLine();
        }
    }

    private static string Generate()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
        return RandomNumberGenerator.GetString(alphabet, 16);
    }
}
