using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace Fupin.Web.Features.Import;

/// <summary>
/// Reads a registry file row by row, streamed, as cell texts: <c>.xlsx</c> through MiniExcel, CSV in UTF-8
/// (with or without BOM) or GB18030. Row numbers are those a spreadsheet shows (the first row is 1).
/// </summary>
public static class SheetReader
{
    public enum Kind
    {
        Xlsx,
        Csv,
    }

    static SheetReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static IEnumerable<string?[]> Rows(string path, Kind kind) => kind == Kind.Xlsx ? XlsxRows(path) : CsvRows(path);

    private static IEnumerable<string?[]> XlsxRows(string path)
    {
        foreach (IDictionary<string, object?> row in MiniExcel.Query(path, useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            var width = 0;
            foreach (var key in row.Keys)
            {
                width = Math.Max(width, ColumnIndex(key) + 1);
            }
            var cells = new string?[width];
            foreach (var (key, value) in row)
            {
                cells[ColumnIndex(key)] = Text(value);
            }
            yield return cells;
        }
    }

    /// <summary>"A" → 0, "AB" → 27.</summary>
    public static int ColumnIndex(string letters)
    {
        var n = 0;
        foreach (var c in letters)
        {
            n = n * 26 + (c - 'A' + 1);
        }
        return n - 1;
    }

    public static string ColumnLetters(int index)
    {
        var s = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            s = (char)('A' + (n - 1) % 26) + s;
        }
        return s;
    }

    /// <summary>
    /// A cell as text. A number Excel stored as a number keeps its digits when it is whole and short; an
    /// 18-digit ID stored as a number has already lost its last digits, and shows as 4.60105E+17 so the
    /// check says so.
    /// </summary>
    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        double d when Math.Abs(d) < 1e15 && d == Math.Floor(d) => ((long)d).ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("0.#####E+0", CultureInfo.InvariantCulture),
        DateTime t => t.TimeOfDay == TimeSpan.Zero ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        bool b => b ? "是" : "否",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>UTF-8 when the bytes are valid UTF-8 (BOM or not), otherwise GB18030 (which covers GBK and GB2312).</summary>
    public static Encoding DetectEncoding(string path)
    {
        using var file = File.OpenRead(path);
        var buffer = new byte[64 * 1024];
        var read = file.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var span = buffer.AsSpan(0, read);
        if (span.StartsWith("\uFEFF"u8))
        {
            return new UTF8Encoding(false);
        }
        // A multi-byte character cut at the end of the sample is not an error.
        var cut = span.Length;
        while (cut > 0 && span.Length - cut < 4 && (span[cut - 1] & 0xC0) == 0x80)
        {
            cut--;
        }
        if (cut > 0 && span[cut - 1] >= 0xC0)
        {
            cut--;
        }
        return System.Text.Unicode.Utf8.IsValid(read == buffer.Length ? span[..cut] : span) ? new UTF8Encoding(false) : Encoding.GetEncoding("GB18030");
    }

    private static IEnumerable<string?[]> CsvRows(string path)
    {
        using var reader = new StreamReader(path, DetectEncoding(path), detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 });
        var cells = new List<string?>(40);
        var cell = new StringBuilder(64);
        var quoted = false;
        var any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            any = true;
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        cell.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    cell.Append(ch);
                }
                continue;
            }
            switch (ch)
            {
                case '"' when cell.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    yield return [.. cells];
                    cells.Clear();
                    any = false;
                    break;
                default:
                    cell.Append(ch);
                    break;
            }
        }
        if (any)
        {
            cells.Add(cell.ToString());
            yield return [.. cells];
        }
    }
}
