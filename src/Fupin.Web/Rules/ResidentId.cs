using System.Globalization;

namespace Fupin.Web.Rules;

public enum Sex
{
    Male = 1,
    Female = 2,
}

/// <summary>What GB 11643-1999 lets us read from a valid resident ID number (公民身份号码).</summary>
public sealed record ResidentIdInfo(string Normalized, DateOnly BirthDate, Sex Sex)
{
    /// <summary>The first six digits: the region where the number was issued.</summary>
    public string AddressCode => Normalized[..6];
}

/// <summary>GB 11643-1999 resident ID number: 6 address + 8 birth date + 3 sequence + MOD 11-2 check char.</summary>
public static class ResidentId
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    /// <summary>The check character for the first 17 digits.</summary>
    public static char CheckChar(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }
        return CheckChars[sum % 11];
    }

    /// <summary>
    /// Validates an ID number. Returns null and a Chinese message saying what is wrong, or the parsed
    /// number (upper-case X) when valid. <paramref name="today"/> bounds the birth date.
    /// </summary>
    public static ResidentIdInfo? TryParse(string? input, DateOnly today, out string? error)
    {
        error = null;
        var s = (input ?? string.Empty).Trim();
        if (s.Length == 0)
        {
            error = "请填写身份证号码";
            return null;
        }
        if (s.Length != 18)
        {
            error = $"身份证号码应为18位，当前为{s.Length}位";
            return null;
        }
        for (var i = 0; i < 17; i++)
        {
            if (s[i] is < '0' or > '9')
            {
                error = "身份证号码前17位必须是数字";
                return null;
            }
        }
        var last = char.ToUpperInvariant(s[17]);
        if (last is not ((>= '0' and <= '9') or 'X'))
        {
            error = "身份证号码第18位必须是数字或X";
            return null;
        }
        // Digits 7–14 are the birth date, yyyyMMdd (all digits, checked above).
        var year = (s[6] - '0') * 1000 + (s[7] - '0') * 100 + (s[8] - '0') * 10 + (s[9] - '0');
        var month = (s[10] - '0') * 10 + (s[11] - '0');
        var day = (s[12] - '0') * 10 + (s[13] - '0');
        if (year < 1850 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            error = "身份证号码中的出生日期不是有效日期";
            return null;
        }
        var birth = new DateOnly(year, month, day);
        if (birth > today)
        {
            error = "身份证号码中的出生日期晚于今天";
            return null;
        }
        var expected = CheckChar(s.AsSpan(0, 17));
        if (expected != last)
        {
            error = "身份证号码校验位不正确，请核对号码是否抄错";
            return null;
        }
        // Most numbers are already in the normalized form: then that string is the one kept.
        var normalized = last == s[17] ? s : string.Concat(s.AsSpan(0, 17), [last]);
        var sex = (s[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female;
        return new ResidentIdInfo(normalized, birth, sex);
    }

    public static bool IsValid(string? input, DateOnly today) => TryParse(input, today, out _) is not null;

    /// <summary>Builds a valid number from its parts (used by the demo generator and tests).</summary>
    public static string Compose(string addressCode, DateOnly birth, int sequence)
    {
        var first17 = $"{addressCode}{birth:yyyyMMdd}{sequence:000}";
        return first17 + CheckChar(first17);
    }
}
