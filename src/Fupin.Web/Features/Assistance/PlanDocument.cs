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

        var bytes = WordDocument.Build(body =>
        {
            body.Append(WordDocument.Para($"{year}年度{names.Township(h.RegionCode)}{names.Village(h.RegionCode)}贫困户帮扶计划（一户一策）", bold: true, size: 36, center: true));
            body.Append(WordDocument.Grid([
                ["户主姓名", h.HeadName, "户编号", h.HouseholdNumber],
                ["家庭人口", $"{h.MemberCount}人", "户类型", Labels.Of(h.Status)],
                ["致贫原因", plan.Causes ?? plan.SuggestedCauses, "计划完成时限", plan.TargetOn?.ToString("yyyy年M月d日") ?? ""],
                ["帮扶责任人", cadre?.Name ?? "", "帮扶单位及电话", $"{unit}{(cadre?.Phone is { Length: > 0 } p ? " " + Rules.Masking.Phone(p) : "")}"],
                ["帮扶需求", plan.Needs ?? "", "", ""],
            ], mergeLast: true));
            body.Append(WordDocument.Para("帮扶措施", bold: true, size: 28));
            var rows = new List<string[]> { new[] { "序号", "措施类别", "措施内容", "金额（元）", "资金来源", "实施单位", "完成时限", "落实情况" } };
            rows.AddRange(plan.Measures.Select((m, i) => new[]
            {
                (i + 1).ToString(), m.KindLabel, m.Content + (m.MemberName is { } n ? $"（{n}）" : ""), m.Amount?.ToString("0.##") ?? "", m.FundingLabel ?? "", m.Provider ?? "",
                m.EndOn?.ToString("yyyy-MM-dd") ?? "", m.Status == MeasureStatus.Done ? $"已落实{m.DoneOn:yyyy-MM-dd}" : m.StatusLabel,
            }));
            body.Append(WordDocument.Grid(rows, header: true));
            body.Append(WordDocument.Para(""));
            body.Append(WordDocument.Para("帮扶责任人（签字）：                户主（签字）：                村委会（盖章）：", size: 24));
            body.Append(WordDocument.Para($"{clock.Today():yyyy年M月d日}", size: 24, right: true));
        });
        await AuditEvents.WriteAsync(db, clock, AuditEvent.Export, nameof(AssistancePlan), plan.Id.ToString(), $"一户一策 docx：{h.HeadName}（{h.HouseholdNumber}），{year}年度",
            h.RegionCode, householdId, ct: ct);
        return (bytes, $"一户一策-{h.HeadName}-{year}.docx");
    }
}
