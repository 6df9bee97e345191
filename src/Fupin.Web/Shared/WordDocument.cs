using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Fupin.Web.Shared;

/// <summary>Printable Word documents (plans, notices): paragraphs in 宋体 and bordered tables, written to bytes.</summary>
public static class WordDocument
{
    public static byte[] Build(Action<Body> write)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            write(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    public static Paragraph Para(string text, bool bold = false, int size = 21, bool center = false, bool right = false)
    {
        var props = new RunProperties(new RunFonts { EastAsia = "宋体", Ascii = "Times New Roman", HighAnsi = "Times New Roman" }, new FontSize { Val = size.ToString() });
        if (bold)
        {
            props.Append(new Bold());
        }
        var p = new Paragraph(new Run(props, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        if (center || right)
        {
            p.PrependChild(new ParagraphProperties(new Justification { Val = center ? JustificationValues.Center : JustificationValues.Right }));
        }
        return p;
    }

    /// <summary>A bordered table; with a header the first row is bold, without one every other cell (the labels) is. With mergeLast the last row's second cell spans the rest.</summary>
    public static Table Grid(IReadOnlyList<string[]> rows, bool header = false, bool mergeLast = false)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(border, new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }));
        for (var i = 0; i < rows.Count; i++)
        {
            var tr = new TableRow();
            var cells = rows[i];
            var merge = mergeLast && i == rows.Count - 1;
            for (var j = 0; j < cells.Length; j++)
            {
                if (merge && j > 1)
                {
                    break;
                }
                var cell = new TableCell(Para(cells[j], bold: header && i == 0 || !header && j % 2 == 0));
                if (merge && j == 1)
                {
                    cell.PrependChild(new TableCellProperties(new GridSpan { Val = cells.Length - 1 }));
                }
                tr.Append(cell);
            }
            table.Append(tr);
        }
        return table;
    }
}
