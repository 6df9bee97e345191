using Fupin.Web.Shared;

namespace Fupin.Web.Features.Import;

/// <summary>
/// The error report: the original sheet, row for row, with a first column saying in Chinese what is wrong
/// in each bad row (empty for good rows), so the user fixes the rows in place and uploads the file again.
/// Every cell is written as text and neutralised against formulas.
/// </summary>
public static class ImportReport
{
    public const string ErrorHeader = "错误说明";

    public static async Task WriteAsync(string source, SheetReader.Kind kind, int headerRow, IReadOnlyDictionary<int, string> errors, string target, CancellationToken ct)
    {
        var rows = SheetReader.Rows(source, kind);
        string[] titles = [];
        var width = 0;
        IEnumerable<IReadOnlyList<string?>> Lines()
        {
            var line = 0;
            foreach (var cells in rows)
            {
                line++;
                if (line < headerRow)
                {
                    continue;
                }
                if (line == headerRow)
                {
                    width = cells.Length;
                    titles = Titles(cells);
                    continue;
                }
                if (cells.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }
                var d = new string?[width + 2];
                d[0] = line.ToString(System.Globalization.CultureInfo.InvariantCulture);
                d[1] = errors.GetValueOrDefault(line) ?? "";
                for (var i = 0; i < width; i++)
                {
                    d[i + 2] = ExcelText.Safe(i < cells.Length ? cells[i] : null);
                }
                yield return d;
            }
        }

        // Bad rows first would reorder the sheet; the user's row numbers must stay as they were. The header
        // is known once the header row has been read, which happens before the first data row is asked for.
        var body = Lines().GetEnumerator();
        var first = body.MoveNext() ? body.Current : null;
        await XlsxWriter.WriteAsync(target, "错误报告", ["行号", ErrorHeader, .. titles], Rest(), ct);

        IEnumerable<IReadOnlyList<string?>> Rest()
        {
            if (first is not null)
            {
                yield return first;
            }
            while (body.MoveNext())
            {
                yield return body.Current;
            }
            body.Dispose();
        }
    }

    /// <summary>Header texts as unique keys: a blank or repeated header is named by its column letters.</summary>
    private static string[] Titles(string?[] header)
    {
        var used = new HashSet<string>(["行号", ErrorHeader]);
        var titles = new string[header.Length];
        for (var i = 0; i < header.Length; i++)
        {
            var t = header[i]?.Trim();
            titles[i] = string.IsNullOrEmpty(t) || !used.Add(t) ? $"第{SheetReader.ColumnLetters(i)}列" : t;
        }
        return titles;
    }
}
