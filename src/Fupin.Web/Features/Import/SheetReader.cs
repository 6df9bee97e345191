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

    /// <summary>Excel's last column is XFD: a cell reference beyond it is not a real sheet's.</summary>
    private const int MaxColumns = 16_384;

    private static readonly System.Buffers.SearchValues<char> Delimiters = System.Buffers.SearchValues.Create(",\n\r\"");

    static SheetReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Each row as an array of its cells (null: a cell an .xlsx left out).</summary>
    public static IEnumerable<string?[]> Rows(string path, Kind kind) => RowsOf(path, kind).Select(r => r.ToArray());

    /// <summary>
    /// Each row in one <see cref="SheetRow"/> reused from row to row (valid until the next one is read): a
    /// million-row file read without a string per cell.
    /// </summary>
    public static IEnumerable<SheetRow> RowsOf(string path, Kind kind) => kind == Kind.Xlsx ? XlsxRows(path) : CsvRows(path);

    /// <summary>A sheet read from its header row on: the header, its row number, and the rows below it, streamed.</summary>
    public sealed class AtHeader(IEnumerator<SheetRow> rows, List<string?[]> opening, int index) : IDisposable
    {
        public int HeaderRow => index + 1;
        public string?[] Header => opening[index];

        /// <summary>The rows below the header, each as an array of its cells.</summary>
        public IEnumerable<string?[]> DataRows() => Rows().Select(r => r.ToArray());

        /// <summary>The rows below the header in one reused <see cref="SheetRow"/> (see <see cref="RowsOf"/>).</summary>
        public IEnumerable<SheetRow> Rows()
        {
            var held = new SheetRow();
            foreach (var r in opening.Skip(index + 1))
            {
                held.Load(r);
                yield return held;
            }
            while (rows.MoveNext())
            {
                yield return rows.Current;
            }
        }

        public void Dispose() => rows.Dispose();
    }

    /// <summary>
    /// Finds the header: among the first ten rows, the first of those naming the most known columns (national
    /// exports have title rows above it). Null when no row names at least <paramref name="minimum"/>.
    /// </summary>
    public static AtHeader? OpenAtHeader(string path, Kind kind, Func<IReadOnlyList<string?>, int> score, int minimum = 3)
    {
        var rows = RowsOf(path, kind).GetEnumerator();
        var opening = new List<string?[]>();
        while (opening.Count < 10 && rows.MoveNext())
        {
            opening.Add(rows.Current.ToArray());
        }
        var best = opening.Select((r, i) => (Score: score(r), Index: i)).OrderByDescending(x => x.Score).ThenBy(x => x.Index).FirstOrDefault();
        if (opening.Count == 0 || best.Score < minimum)
        {
            rows.Dispose();
            return null;
        }
        return new AtHeader(rows, opening, best.Index);
    }

    /// <summary>
    /// The first worksheet, streamed with an XmlReader straight from the zip: shared strings, inline strings,
    /// numbers (as the text Excel stored), booleans. MiniExcel's general reader took 45 s for a million
    /// 31-column rows on this machine; reading the cells as text is what an import needs.
    /// </summary>
    private static IEnumerable<SheetRow> XlsxRows(string path)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(path);
        var sheet = FirstSheet(zip) ?? throw new InvalidDataException("工作簿中没有工作表");
        var shared = SharedStrings(zip);
        var settings = new System.Xml.XmlReaderSettings { IgnoreComments = true, IgnoreProcessingInstructions = true, IgnoreWhitespace = false, DtdProcessing = System.Xml.DtdProcessing.Prohibit };
        using var stream = sheet.Open();
        using var xml = System.Xml.XmlReader.Create(stream, settings);
        var row = new SheetRow();
        var text = new StringBuilder();
        var expectedRow = 1;
        while (xml.Read())
        {
            if (xml.NodeType != System.Xml.XmlNodeType.Element || xml.LocalName != "row")
            {
                continue;
            }
            row.Clear();
            // Rows Excel left out (empty) still count: row numbers must match what the user sees.
            if (int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                for (; expectedRow < number; expectedRow++)
                {
                    yield return row;
                }
            }
            expectedRow++;
            if (xml.IsEmptyElement)
            {
                yield return row;
                continue;
            }
            var depth = xml.Depth;
            while (xml.Read() && !(xml.NodeType == System.Xml.XmlNodeType.EndElement && xml.Depth == depth))
            {
                if (xml.NodeType != System.Xml.XmlNodeType.Element || xml.LocalName != "c")
                {
                    continue;
                }
                var reference = xml.GetAttribute("r");
                var index = reference is null ? row.Count : Letters(reference) is { Length: > 0 and <= 3 } letters ? ColumnIndex(letters) : -1;
                if (index is < 0 or >= MaxColumns)
                {
                    throw new InvalidDataException($"单元格引用“{reference}”超出了工作表的列范围");
                }
                var type = xml.GetAttribute("t");
                if (xml.IsEmptyElement)
                {
                    row.SetNull(index);
                    continue;
                }
                var cellDepth = xml.Depth;
                text.Clear();
                var inValue = false;
                while (xml.Read() && !(xml.NodeType == System.Xml.XmlNodeType.EndElement && xml.Depth == cellDepth))
                {
                    if (xml.NodeType == System.Xml.XmlNodeType.Element)
                    {
                        // <v> holds the value; <is><t> an inline string (possibly in runs); <f> a formula, ignored.
                        inValue = xml.LocalName is "v" or "t";
                    }
                    else if (xml.NodeType == System.Xml.XmlNodeType.EndElement)
                    {
                        inValue = false;
                    }
                    else if (inValue && xml.NodeType is System.Xml.XmlNodeType.Text or System.Xml.XmlNodeType.SignificantWhitespace or System.Xml.XmlNodeType.Whitespace)
                    {
                        text.Append(xml.Value);
                    }
                }
                switch (type)
                {
                    case "s":
                        if (SharedIndex(text) is { } si && si < shared.Count)
                        {
                            row.Set(index, shared[si]);
                        }
                        else
                        {
                            row.SetNull(index);
                        }
                        break;
                    case "b":
                        row.Set(index, text.Length == 1 && text[0] == '1' ? "是" : "否");
                        break;
                    default:
                        row.Set(index, text);
                        break;
                }
            }
            yield return row;
        }
    }

    /// <summary>A shared string's index, read from the cell's text without making a string of it.</summary>
    private static int? SharedIndex(StringBuilder text)
    {
        Span<char> digits = stackalloc char[10];
        if (text.Length is 0 or > 10)
        {
            return null;
        }
        text.CopyTo(0, digits, text.Length);
        return int.TryParse(digits[..text.Length], NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : null;
    }

    private static string Letters(string reference)
    {
        var i = 0;
        while (i < reference.Length && char.IsAsciiLetterUpper(reference[i]))
        {
            i++;
        }
        return reference[..i];
    }

    private static System.IO.Compression.ZipArchiveEntry? FirstSheet(System.IO.Compression.ZipArchive zip)
    {
        // The workbook's first <sheet>, through its relationship; else the first worksheet part.
        var workbook = zip.GetEntry("xl/workbook.xml");
        var rels = zip.GetEntry("xl/_rels/workbook.xml.rels");
        if (workbook is not null && rels is not null)
        {
            string? id = null;
            using (var w = System.Xml.XmlReader.Create(workbook.Open(), new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit }))
            {
                while (id is null && w.Read())
                {
                    if (w.NodeType == System.Xml.XmlNodeType.Element && w.LocalName == "sheet")
                    {
                        id = w.GetAttribute("id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
                    }
                }
            }
            using var r = System.Xml.XmlReader.Create(rels.Open(), new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit });
            while (id is not null && r.Read())
            {
                if (r.NodeType == System.Xml.XmlNodeType.Element && r.LocalName == "Relationship" && r.GetAttribute("Id") == id)
                {
                    var target = r.GetAttribute("Target") ?? "";
                    var name = target.StartsWith('/') ? target[1..] : "xl/" + target;
                    if (zip.GetEntry(name) is { } entry)
                    {
                        return entry;
                    }
                }
            }
        }
        return zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .OrderBy(e => e.FullName, StringComparer.Ordinal).FirstOrDefault();
    }

    private static List<string> SharedStrings(System.IO.Compression.ZipArchive zip)
    {
        var list = new List<string>();
        if (zip.GetEntry("xl/sharedStrings.xml") is not { } entry)
        {
            return list;
        }
        using var xml = System.Xml.XmlReader.Create(entry.Open(), new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit });
        StringBuilder? current = null;
        var inText = false;
        var inPhonetic = false;
        while (xml.Read())
        {
            switch (xml.NodeType)
            {
                case System.Xml.XmlNodeType.Element when xml.LocalName == "si":
                    current = new StringBuilder();
                    if (xml.IsEmptyElement)
                    {
                        list.Add("");
                        current = null;
                    }
                    break;
                case System.Xml.XmlNodeType.Element when xml.LocalName == "t":
                    inText = !xml.IsEmptyElement && !inPhonetic;
                    break;
                case System.Xml.XmlNodeType.Element when xml.LocalName == "rPh":
                    // Phonetic runs are not part of the text.
                    inPhonetic = !xml.IsEmptyElement;
                    break;
                case System.Xml.XmlNodeType.EndElement when xml.LocalName == "rPh":
                    inPhonetic = false;
                    break;
                case System.Xml.XmlNodeType.EndElement when xml.LocalName == "t":
                    inText = false;
                    break;
                case System.Xml.XmlNodeType.EndElement when xml.LocalName == "si":
                    list.Add(current?.ToString() ?? "");
                    current = null;
                    break;
                case System.Xml.XmlNodeType.Text or System.Xml.XmlNodeType.SignificantWhitespace or System.Xml.XmlNodeType.Whitespace when inText:
                    current?.Append(xml.Value);
                    break;
            }
        }
        return list;
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

    /// <summary>
    /// RFC 4180 CSV: quoted cells may hold commas, quotes ("") and line breaks. Reads blocks of characters
    /// and copies each cell's characters into the row; a row is handed out as soon as its line ends.
    /// </summary>
    private static IEnumerable<SheetRow> CsvRows(string path)
    {
        using var reader = new StreamReader(path, DetectEncoding(path), detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 });
        var buffer = new char[1 << 16];
        var row = new SheetRow();
        var quoted = false;
        var afterQuote = false;
        var any = false;
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            var i = 0;
            while (i < read)
            {
                if (quoted)
                {
                    var q = Array.IndexOf(buffer, '"', i, read - i);
                    if (q < 0)
                    {
                        row.Append(buffer.AsSpan(i, read - i));
                        i = read;
                        break;
                    }
                    row.Append(buffer.AsSpan(i, q - i));
                    quoted = false;
                    afterQuote = true;
                    i = q + 1;
                    continue;
                }
                var ch = buffer[i];
                if (afterQuote)
                {
                    afterQuote = false;
                    if (ch == '"')
                    {
                        // A doubled quote inside a quoted cell.
                        row.Append('"');
                        quoted = true;
                        i++;
                        continue;
                    }
                }
                // Plain characters up to the next delimiter go in at once.
                var stop = buffer.AsSpan(i, read - i).IndexOfAny(Delimiters);
                if (stop != 0)
                {
                    var length = stop < 0 ? read - i : stop;
                    row.Append(buffer.AsSpan(i, length));
                    any = true;
                    i += length;
                    continue;
                }
                any = true;
                switch (ch)
                {
                    case '"' when row.CellIsEmpty:
                        quoted = true;
                        break;
                    case '"':
                        row.Append('"');
                        break;
                    case ',':
                        row.EndCell();
                        break;
                    case '\r':
                        break;
                    case '\n':
                        row.EndCell();
                        yield return row;
                        row.Clear();
                        any = false;
                        break;
                }
                i++;
            }
        }
        if (any || !row.CellIsEmpty || row.Count > 0)
        {
            row.EndCell();
            yield return row;
        }
    }
}
