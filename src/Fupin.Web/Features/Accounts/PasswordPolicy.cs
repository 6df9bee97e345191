using Microsoft.AspNetCore.Identity;

namespace Fupin.Web.Features.Accounts;

/// <summary>
/// Length is Identity's (Security:PasswordMinLength, default 12); this adds what length does not catch:
/// passwords on the lists attackers try first, one repeated character, and the account's own name.
/// </summary>
public sealed class PasswordPolicy : IPasswordValidator<AppUser>
{
    // The most common passwords of the public breach lists, and their obvious Chinese-keyboard variants.
    private static readonly HashSet<string> Blocked = new(StringComparer.OrdinalIgnoreCase)
    {
        "123456789012", "1234567890123", "12345678901234", "123456123456", "111111111111", "000000000000", "123123123123",
        "qwertyuiop12", "qwertyuiop123", "1qaz2wsx3edc", "1q2w3e4r5t6y", "1qaz2wsx3edc4rfv", "qwer1234qwer", "asdf1234asdf",
        "password1234", "password12345", "password123456", "passw0rd1234", "p@ssw0rd1234", "p@ssword1234", "administrator",
        "admin1234567", "admin123456789", "admin@123456", "root12345678", "welcome12345", "welcome123456", "iloveyou1234",
        "abc123456789", "abcd12345678", "abcdefghijkl", "aaaaaaaaaaaa", "woaini123456", "woaini520520", "5201314520",
        "520131452013", "a12345678910", "zxcvbnm12345", "zxcvbnm123456", "qazwsxedcrfv", "88888888888888", "666666666666",
        "fupin1234567", "fupin@123456", "fupin123456789", "xiangcun123456", "zhengfu123456", "changeme1234", "letmein12345",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        var errors = new List<IdentityError>();
        var p = password ?? "";
        if (Blocked.Contains(p))
        {
            errors.Add(new IdentityError { Code = "PasswordCommon", Description = "该密码过于常见，容易被猜到，请换一个" });
        }
        if (p.Length > 0 && p.All(c => c == p[0]))
        {
            errors.Add(new IdentityError { Code = "PasswordRepeated", Description = "密码不能由同一个字符重复组成" });
        }
        if (!string.IsNullOrEmpty(user.UserName) && p.Contains(user.UserName, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new IdentityError { Code = "PasswordContainsUserName", Description = "密码不能包含用户名" });
        }
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }
}
