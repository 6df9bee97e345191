using Fupin.Web.Shared;
using MiniExcelLibs;

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
        IEnumerable<Dictionary<string, object?>> Lines()
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
                var d = new Dictionary<string, object?>(width + 2)
                {
                    ["行号"] = line.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    [ErrorHeader] = errors.GetValueOrDefault(line) ?? "",
                };
                for (var i = 0; i < width; i++)
                {
                    d[titles[i]] = ExcelText.Safe(i < cells.Length ? cells[i] : null);
                }
                yield return d;
            }
        }

        // Bad rows first would reorder the sheet; the user's row numbers must stay as they were.
        await MiniExcel.SaveAsAsync(target, Lines(), sheetName: "错误报告", overwriteFile: true, cancellationToken: ct);
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
