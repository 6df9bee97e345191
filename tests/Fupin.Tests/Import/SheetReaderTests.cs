using System.Text;
using Fupin.Web.Features.Import;

namespace Fupin.Tests.Import;

/// <summary>The CSV reader against RFC 4180's cases, and the row it hands out without a string per cell.</summary>
public sealed class SheetReaderTests
{
    public static TheoryData<string, string[][]> Cases => new()
    {
        { "a,b,c\n1,2,3\n", [["a", "b", "c"], ["1", "2", "3"]] },
        { "a,b\r\n1,2\r\n", [["a", "b"], ["1", "2"]] },
        { "a,b\n1,2", [["a", "b"], ["1", "2"]] },
        { "a,,c\n,,\n", [["a", "", "c"], ["", "", ""]] },
        { "\"x,y\",z\n", [["x,y", "z"]] },
        { "\"say \"\"hi\"\"\",2\n", [["say \"hi\"", "2"]] },
        { "\"two\nlines\",b\n", [["two\nlines", "b"]] },
        { "\"\",b\n", [["", "b"]] },
        { "a\"b,c\n", [["a\"b", "c"]] },
        { "户编号,姓名\n4601050001,黎明\n", [["户编号", "姓名"], ["4601050001", "黎明"]] },
        { "a\n\nb\n", [["a"], [""], ["b"]] },
        { "\t110105194912310021,'0898\n", [["\t110105194912310021", "'0898"]] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Csv_cells_are_read_as_rfc_4180_says(string text, string[][] expected)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]);
            var rows = SheetReader.Rows(path, SheetReader.Kind.Csv).ToList();
            Assert.Equal(expected.Length, rows.Count);
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.Equal(expected[i], rows[i]);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Cells_longer_than_the_read_buffer_and_rows_across_its_edge_are_whole()
    {
        var path = Path.GetTempFileName();
        try
        {
            var longCell = new string('长', 200_000);
            var text = new StringBuilder();
            for (var i = 0; i < 5_000; i++)
            {
                text.Append(i).Append(",\"名,").Append(i).Append("\",").Append(i % 7 == 0 ? longCell : "x").Append('\n');
            }
            File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
            var n = 0;
            foreach (var row in SheetReader.Rows(path, SheetReader.Kind.Csv))
            {
                Assert.Equal([n.ToString(System.Globalization.CultureInfo.InvariantCulture), $"名,{n}", n % 7 == 0 ? longCell : "x"], row);
                n++;
            }
            Assert.Equal(5_000, n);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_row_gives_spans_and_strings_and_missing_cells_read_as_null()
    {
        var row = new SheetRow();
        row.Load(["户编号", null, "", " 黎明 "]);
        Assert.Equal(4, row.Count);
        Assert.Equal("户编号", row[0].ToString());
        Assert.Null(row.Text(1));
        Assert.Equal("", row.Text(2));
        Assert.True(row[1].IsEmpty && row[2].IsEmpty && row[9].IsEmpty);
        Assert.Null(row.Text(9));
        Assert.Equal(["户编号", null, "", " 黎明 "], row.ToArray());
        Assert.False(row.IsBlank);
        row.Load([" ", null, "\t"]);
        Assert.True(row.IsBlank);
        Assert.Equal("黎明", RowParser.Clean(" 黎明 ".AsSpan()).ToString());
        Assert.Equal("0898", RowParser.Clean("'0898").ToString());
        Assert.Equal("黎明", RowParser.Clean("\u3000黎明\u00A0".AsSpan()).ToString());
        Assert.Equal("黎 明", RowParser.Clean("\t黎 明\r".AsSpan()).ToString());
        Assert.Equal("", RowParser.Clean("\u2003".AsSpan()).ToString());
    }

    [Fact]
    public void Xlsx_rows_keep_their_cells_in_place_with_gaps_and_left_out_rows()
    {
        var path = Path.GetTempFileName() + ".xlsx";
        try
        {
            using (var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Create))
            {
                void Entry(string name, string xml)
                {
                    using var w = new StreamWriter(zip.CreateEntry(name).Open());
                    w.Write(xml);
                }
                Entry("xl/sharedStrings.xml", "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>户编号</t></si><si><r><t>黎</t></r><r><t>明</t></r></si></sst>");
                Entry("xl/worksheets/sheet1.xml", "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" +
                    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"C1\" t=\"inlineStr\"><is><t>姓名</t></is></c></row>" +
                    "<row r=\"3\"><c r=\"A3\"><v>4601</v></c><c r=\"B3\"/><c r=\"C3\" t=\"s\"><v>1</v></c><c r=\"D3\" t=\"b\"><v>1</v></c></row>" +
                    "</sheetData></worksheet>");
            }
            var rows = SheetReader.Rows(path, SheetReader.Kind.Xlsx).ToList();
            Assert.Equal(3, rows.Count);
            Assert.Equal(["户编号", null, "姓名"], rows[0]);
            Assert.Empty(rows[1]);
            Assert.Equal(["4601", null, "黎明", "是"], rows[2]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
