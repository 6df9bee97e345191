using System.Text;
using Microsoft.AspNetCore.Identity;

namespace Fupin.Web.Features.Accounts;

/// <summary>
/// Optional TOTP second factor (authenticator apps). With Security:RequireTwoFactorForAdmins the three
/// privileged roles must enrol before they can do anything else, and API tokens for them need a code.
/// </summary>
public static class TwoFactor
{
    public static bool RequiredForAdmins(IConfiguration config) => config.GetValue("Security:RequireTwoFactorForAdmins", false);

    public static async Task<bool> MustEnrollAsync(UserManager<AppUser> users, IConfiguration config, AppUser user) =>
        RequiredForAdmins(config) && !user.TwoFactorEnabled && (await users.GetRolesAsync(user)).Any(Roles.Privileged.Contains);

    /// <summary>
    /// The key to type into an authenticator app (made on first use) and the otpauth URI for it. Making a key
    /// changes the security stamp (Created = true): the caller re-issues its own sign-in, or it would end.
    /// </summary>
    public static async Task<(string Key, string Uri, bool Created)> KeyAsync(UserManager<AppUser> users, AppUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        var created = false;
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
            created = true;
        }
        var uri = $"otpauth://totp/{Uri.EscapeDataString("扶贫系统:" + user.UserName)}?secret={key}&issuer={Uri.EscapeDataString("扶贫系统")}&digits=6";
        return (key!, uri, created);
    }

    public static string Grouped(string key)
    {
        var b = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            b.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }
        return b.ToString().TrimEnd().ToLowerInvariant();
    }

    public static Task<bool> VerifyAsync(UserManager<AppUser> users, AppUser user, string? code) =>
        string.IsNullOrWhiteSpace(code)
            ? Task.FromResult(false)
            : users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code.Replace(" ", "").Replace("-", ""));
}
