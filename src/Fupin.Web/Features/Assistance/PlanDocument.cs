using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Fupin.Web.Data;
using Fupin.Web.Features.Audit;
using Fupin.Web.Features.Regions;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Assistance;

/// <summary>The printable 一户一策 plan (.docx) in the form a village posts: the household, its causes and needs, the responsible cadre, the measures, and signature lines.</summary>
public static class PlanDocument
{
    public static async Task<(byte[] Bytes, string FileName)?> BuildAsync(AppDbContext db, TimeProvider clock, Guid householdId, int year, CancellationToken ct)
    {
        var h = await db.Households.AsNoTracking().FirstOrDefaultAsync(x => x.Id == householdId, ct);
        var plan = h is null ? null : await Plans.GetAsync(db, householdId, year, clock.Today(), ct);
        if (h is null || plan?.Id is null)
        {
            return null;
        }
        var names = await RegionNames.ForVillagesAsync(db, [h.RegionCode], ct);
        var cadre = plan.CadreId is { } c ? await db.Set<Cadre>().IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(x => x.Id == c, ct) : null;
        var unit = cadre is null ? null : await db.Set<HelpUnit>().IgnoreQueryFilters().AsNoTracking().Where(u => u.Id == cadre.UnitId).Select(u => u.Name).FirstOrDefaultAsync(ct);

        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            body.Append(Para($"{year}年度{names.Township(h.RegionCode)}{names.Village(h.RegionCode)}贫困户帮扶计划（一户一策）", bold: true, size: 36, center: true));
            body.Append(Grid([
                ["户主姓名", h.HeadName, "户编号", h.HouseholdNumber],
                ["家庭人口", $"{h.MemberCount}人", "户类型", Labels.Of(h.Status)],
                ["致贫原因", plan.Causes ?? plan.SuggestedCauses, "计划完成时限", plan.TargetOn?.ToString("yyyy年M月d日") ?? ""],
                ["帮扶责任人", cadre?.Name ?? "", "帮扶单位及电话", $"{unit}{(cadre?.Phone is { } p ? " " + p : "")}"],
                ["帮扶需求", plan.Needs ?? "", "", ""],
            ], mergeLast: true));
            body.Append(Para("帮扶措施", bold: true, size: 28));
            var rows = new List<string[]> { new[] { "序号", "措施类别", "措施内容", "金额（元）", "资金来源", "实施单位", "完成时限", "落实情况" } };
            rows.AddRange(plan.Measures.Select((m, i) => new[]
            {
                (i + 1).ToString(), m.KindLabel, m.Content + (m.MemberName is { } n ? $"（{n}）" : ""), m.Amount?.ToString("0.##") ?? "", m.FundingLabel ?? "", m.Provider ?? "",
                m.EndOn?.ToString("yyyy-MM-dd") ?? "", m.Status == MeasureStatus.Done ? $"已落实{m.DoneOn:yyyy-MM-dd}" : m.StatusLabel,
            }));
            body.Append(Grid(rows, header: true));
            body.Append(Para(""));
            body.Append(Para("帮扶责任人（签字）：                户主（签字）：                村委会（盖章）：", size: 24));
            body.Append(Para($"{clock.Today():yyyy年M月d日}", size: 24, right: true));
            main.Document.Save();
        }
        await AuditEvents.WriteAsync(db, clock, AuditEvent.Export, nameof(AssistancePlan), plan.Id.ToString(), $"一户一策 docx：{h.HeadName}（{h.HouseholdNumber}），{year}年度",
            h.RegionCode, householdId, ct: ct);
        return (stream.ToArray(), $"一户一策-{h.HeadName}-{year}.docx");
    }

    private static Paragraph Para(string text, bool bold = false, int size = 21, bool center = false, bool right = false)
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

    private static Table Grid(IReadOnlyList<string[]> rows, bool header = false, bool mergeLast = false)
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
            // The last line of the household table (帮扶需求) spans the row after its label.
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
