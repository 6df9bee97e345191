namespace Fupin.Web.Rules;

/// <summary>Level of a 12-digit 统计用区划代码 (province 2 + city 2 + county 2 + township 3 + village 3).</summary>
public enum RegionLevel
{
    Nation = 0,
    Province = 1,
    City = 2,
    County = 3,
    Township = 4,
    Village = 5,
}

public static class RegionCodes
{
    public const int Length = 12;
    private static readonly int[] PrefixLengths = [0, 2, 4, 6, 9, 12];

    public static bool IsWellFormed(string? code) =>
        code is { Length: Length } && code.All(char.IsAsciiDigit);

    /// <summary>The level of a code: the shortest prefix after which only zeros follow.</summary>
    public static RegionLevel LevelOf(string code)
    {
        for (var level = 0; level < PrefixLengths.Length; level++)
        {
            var len = PrefixLengths[level];
            if (code.AsSpan(len).IndexOfAnyExcept('0') < 0)
            {
                return (RegionLevel)level;
            }
        }
        return RegionLevel.Village;
    }

    /// <summary>The significant prefix of a code: its scope. "460105000000" → "460105".</summary>
    public static string ScopePrefix(string code) => code[..PrefixLengths[(int)LevelOf(code)]];

    public static int PrefixLength(RegionLevel level) => PrefixLengths[(int)level];

    /// <summary>
    /// The inclusive code range a prefix covers. Range comparisons use the region-code index on every
    /// provider, where LIKE 'prefix%' does not on SQLite's binary collation.
    /// </summary>
    public static (string Low, string High) Range(string prefix) =>
        (prefix.PadRight(Length, '0'), prefix.PadRight(Length, '9'));

    /// <summary>The code of the ancestor at a level ("460105101203" at Township → "460105101000").</summary>
    public static string AncestorAt(string code, RegionLevel level) =>
        code[..PrefixLengths[(int)level]].PadRight(Length, '0');
}
