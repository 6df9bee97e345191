namespace Fupin.Web.Shared;

/// <summary>Cell text that a spreadsheet will not run as a formula (CSV/formula injection).</summary>
public static class ExcelText
{
    private static readonly char[] Triggers = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];

    public static string? Safe(string? value) =>
        string.IsNullOrEmpty(value) || Array.IndexOf(Triggers, value[0]) < 0 ? value : "'" + value;
}
