using System.Collections.Frozen;
using System.Globalization;
using Fupin.Web.Features.Households;
using Fupin.Web.Shared;

namespace Fupin.Web.Features.Import;

/// <summary>
/// Code values by their Chinese label (or member name), looked up once per type: a million-row file parses
/// fifteen code cells a row. Includes the national system's older and finer labels (大专及以上, 七年级…).
/// </summary>
public static class CodeText
{
    private static class Table<T> where T : struct, Enum
    {
        public static readonly FrozenDictionary<string, T> ByText = Build();

        private static FrozenDictionary<string, T> Build()
        {
            var d = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
            foreach (var v in Enum.GetValues<T>())
            {
                d.TryAdd(Labels.Of(v), v);
                d.TryAdd(v.ToString(), v);
            }
            return d.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        }
    }

    private static readonly FrozenDictionary<string, Education> EducationExtra = new Dictionary<string, Education>
    {
        ["大专及以上"] = Education.College,
        ["文盲"] = Education.Illiterate,
        ["半文盲"] = Education.Illiterate,
        ["学龄前"] = Education.Preschooler,
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, SchoolStage> StageExtra = new Dictionary<string, SchoolStage>
    {
        ["学前"] = SchoolStage.Preschool,
        ["一年级"] = SchoolStage.Primary,
        ["二年级"] = SchoolStage.Primary,
        ["三年级"] = SchoolStage.Primary,
        ["四年级"] = SchoolStage.Primary,
        ["五年级"] = SchoolStage.Primary,
        ["六年级"] = SchoolStage.Primary,
        ["七年级"] = SchoolStage.JuniorHigh,
        ["八年级"] = SchoolStage.JuniorHigh,
        ["九年级"] = SchoolStage.JuniorHigh,
        ["高中一年级"] = SchoolStage.SeniorHigh,
        ["高中二年级"] = SchoolStage.SeniorHigh,
        ["高中三年级"] = SchoolStage.SeniorHigh,
        ["中职一年级"] = SchoolStage.Vocational,
        ["中职二年级"] = SchoolStage.Vocational,
        ["中职三年级"] = SchoolStage.Vocational,
        ["高职一年级"] = SchoolStage.Higher,
        ["高职二年级"] = SchoolStage.Higher,
        ["高职三年级"] = SchoolStage.Higher,
        ["技师学院"] = SchoolStage.Vocational,
        ["大专及以上"] = SchoolStage.Higher,
        ["本科"] = SchoolStage.Higher,
        ["硕士研究生及以上"] = SchoolStage.Higher,
        ["本科一年级"] = SchoolStage.Higher,
        ["本科二年级"] = SchoolStage.Higher,
        ["本科三年级"] = SchoolStage.Higher,
        ["本科四年级"] = SchoolStage.Higher,
        ["本科五年级"] = SchoolStage.Higher,
    }.ToFrozenDictionary();

    private static class Lookup<T> where T : struct, Enum
    {
        public static readonly FrozenDictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> ByText = Table<T>.ByText.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static readonly FrozenDictionary<string, Education>.AlternateLookup<ReadOnlySpan<char>> EducationExtraByText = EducationExtra.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenDictionary<string, SchoolStage>.AlternateLookup<ReadOnlySpan<char>> StageExtraByText = StageExtra.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool TryParse<T>(string text, out T value) where T : struct, Enum => TryParse(text.AsSpan(), out value);

    /// <summary>A code by its label, read where the characters lie (no string made for the lookup).</summary>
    public static bool TryParse<T>(ReadOnlySpan<char> text, out T value) where T : struct, Enum
    {
        if (Lookup<T>.ByText.TryGetValue(text, out value))
        {
            return true;
        }
        if (typeof(T) == typeof(Education) && EducationExtraByText.TryGetValue(text, out var e))
        {
            value = (T)(object)e;
            return true;
        }
        if (typeof(T) == typeof(SchoolStage) && StageExtraByText.TryGetValue(text, out var s))
        {
            value = (T)(object)s;
            return true;
        }
        return false;
    }

    public static string Choices<T>() where T : struct, Enum => string.Join("、", Enum.GetValues<T>().Select(v => Labels.Of(v)));

    private static readonly char[] ListSeparators = ['、', ',', '，', ';', '；', '/', ' '];

    public static string[] Split(string text) => text.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The items of a list cell (as <see cref="Split"/> cuts them), as ranges of <paramref name="text"/>: trimmed, none empty.</summary>
    public static List<Range> Parts(ReadOnlySpan<char> text, List<Range> into)
    {
        into.Clear();
        foreach (var range in text.SplitAny(ListSeparators))
        {
            var (offset, length) = range.GetOffsetAndLength(text.Length);
            var part = text.Slice(offset, length);
            var trimmed = part.Trim();
            if (trimmed.Length > 0)
            {
                var start = offset + (part.Length - part.TrimStart().Length);
                into.Add(new Range(start, start + trimmed.Length));
            }
        }
        return into;
    }

    public static bool? YesNo(string text) => YesNo(text.AsSpan());

    public static bool? YesNo(ReadOnlySpan<char> text) => text switch
    {
        "是" or "Y" or "y" or "1" or "true" or "TRUE" or "已签约" or "参加" or "已参保" => true,
        "否" or "N" or "n" or "0" or "false" or "FALSE" or "未签约" or "未参加" or "未参保" => false,
        _ => null,
    };

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyyMMdd", "yyyy.M.d", "yyyy年M月d日", "yyyy-MM-dd HH:mm"];

    public static DateOnly? Date(string text) => Date(text.AsSpan());

    public static DateOnly? Date(ReadOnlySpan<char> text)
    {
        // A date cell read as Excel stores it: days since 1899-12-30.
        if (text.Length == 5 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var serial))
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        }
        // The common form first, without the format machinery: 2001-05-12.
        if (text.Length == 10 && text[4] == '-' && text[7] == '-'
            && int.TryParse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && int.TryParse(text.Slice(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && int.TryParse(text.Slice(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(Math.Max(y, 1), m) && y >= 1)
        {
            return new DateOnly(y, m, d);
        }
        return DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? DateOnly.FromDateTime(t) : null;
    }

    /// <summary>A year from "2016", "2016年", "201603", "2016-03" or a date.</summary>
    public static int? Year(string text) => Year(text.AsSpan());

    public static int? Year(ReadOnlySpan<char> text)
    {
        if (text.Length == 5 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var serial))
        {
            return DateTime.FromOADate(serial).Year;
        }
        if (text.Length >= 4 && int.TryParse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && (text.Length == 4 || !char.IsAsciiDigit(text[4]) || text.Length is 6 or 8))
        {
            return y;
        }
        return null;
    }
}
