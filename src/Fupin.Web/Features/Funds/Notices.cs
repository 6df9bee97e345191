using Fupin.Web.Data;
using Fupin.Web.Features.Audit;
using Fupin.Web.Rules;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Funds;

/// <summary>
/// 公告公示 of a project or a batch: the notice as Word (project, place, money by source, beneficiaries with
/// names masked, the supervision phone), and where and for how long it was posted.
/// </summary>
public static class Notices
{
    public sealed record PostingRequest(DateOnly? PostedOn, string? Place, int? Days);

    /// <summary>The national poverty-alleviation supervision line (12317) unless the county sets its own (Funds:SupervisionPhone).</summary>
    public static string SupervisionPhone(IConfiguration config) => config["Funds:SupervisionPhone"] ?? "12317";

    public static async Task<(byte[] Bytes, string FileName)?> ProjectAsync(AppDbContext db, TimeProvider clock, IConfiguration config, Guid id, CancellationToken ct)
    {
        var d = await Projects.GetAsync(db, id, ct);
        if (d is null)
        {
            return null;
        }
        var p = d.Project;
        var today = clock.Today();
        var bytes = WordDocument.Build(body =>
        {
            body.Append(WordDocument.Para($"{p.Year}年度扶贫项目公告公示", bold: true, size: 36, center: true));
            body.Append(WordDocument.Para($"根据扶贫资金项目公告公示制度，现将{p.Name}有关情况公示如下，接受群众监督：", size: 24));
            body.Append(WordDocument.Grid([
                ["项目名称", p.Name, "项目类型", p.TypeLabel],
                ["建设地点", $"{p.PlaceName} {d.Place}", "责任单位", p.ResponsibleUnit],
                ["项目阶段", p.StageLabel, "计划投资（万元）", FundsRules.Wan(p.Planned)],
                ["受益户数", $"{p.ExpectedHouseholds}户{d.ExpectedPeople}人", "标签", p.Tags ?? ""],
                ["建设内容", d.Content ?? "", "", ""],
            ], mergeLast: true));
            body.Append(WordDocument.Para("资金来源", bold: true, size: 28));
            var money = new List<string[]> { new[] { "资金来源", "金额（万元）" } };
            money.AddRange(d.Funding.Where(f => f.Amount > 0).Select(f => new[] { Labels.Of(f.Source), FundsRules.Wan(f.Amount) }));
            money.Add(["合计", FundsRules.Wan(d.Funding.Sum(f => f.Amount))]);
            body.Append(WordDocument.Grid(money, header: true));
            if (d.PerformanceTargets is { } targets)
            {
                body.Append(WordDocument.Para("绩效目标：" + targets, size: 24));
            }
            if (d.Beneficiaries.Count > 0)
            {
                body.Append(WordDocument.Para("受益农户", bold: true, size: 28));
                var people = new List<string[]> { new[] { "序号", "户主", "所在村", "家庭人口" } };
                // Names on a public notice show the surname only; no ID numbers.
                people.AddRange(d.Beneficiaries.Select((b, i) => new[] { (i + 1).ToString(), Masking.Name(b.HeadName), b.VillageName, $"{b.MemberCount}人" }));
                body.Append(WordDocument.Grid(people, header: true));
            }
            body.Append(WordDocument.Para(""));
            body.Append(WordDocument.Para($"公示期：自公示之日起不少于7天。如有异议，请向{p.ResponsibleUnit}反映，或拨打监督举报电话：{SupervisionPhone(config)}。", size: 24));
            body.Append(WordDocument.Para($"{p.ResponsibleUnit}　{today:yyyy年M月d日}", size: 24, right: true));
        });
        await AuditEvents.WriteAsync(db, clock, AuditEvent.Export, nameof(Project), id.ToString(), $"项目公告公示 docx：{p.Name}", p.RegionCode, ct: ct);
        return (bytes, $"项目公示-{p.Name}.docx");
    }

    public static async Task<(byte[] Bytes, string FileName)?> BatchAsync(AppDbContext db, TimeProvider clock, IConfiguration config, Guid id, CancellationToken ct)
    {
        var batch = await db.Set<FundBatch>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (batch is null)
        {
            return null;
        }
        var allocations = await FundFlows.AllocationsAsync(db, id, null, ct);
        var bytes = WordDocument.Build(body =>
        {
            body.Append(WordDocument.Para($"{batch.Name}分配情况公告", bold: true, size: 36, center: true));
            body.Append(WordDocument.Para($"资金来源：{Labels.Of(batch.Source)}；下达文号：{batch.DocumentNo}；下达日期：{batch.IssuedOn:yyyy年M月d日}；金额：{FundsRules.Wan(batch.Amount)}万元。", size: 24));
            var rows = new List<string[]> { new[] { "序号", "分配对象", "类别", "金额（万元）", "分配日期", "文号" } };
            rows.AddRange(allocations.Select((a, i) => new[] { (i + 1).ToString(), a.TargetName, a.TargetLabel, FundsRules.Wan(a.Amount), a.AllocatedOn.ToString("yyyy-MM-dd"), a.DocumentNo ?? "" }));
            rows.Add(["", "合计", "", FundsRules.Wan(allocations.Sum(a => a.Amount)), "", ""]);
            body.Append(WordDocument.Grid(rows, header: true));
            body.Append(WordDocument.Para($"监督举报电话：{SupervisionPhone(config)}", size: 24));
        });
        await AuditEvents.WriteAsync(db, clock, AuditEvent.Export, nameof(FundBatch), id.ToString(), $"资金分配公告 docx：{batch.Name}", batch.RegionCode, ct: ct);
        return (bytes, $"资金公告-{batch.Name}.docx");
    }

    public static async Task<Outcome<Guid>> PostAsync(AppDbContext db, TimeProvider clock, Guid? projectId, Guid? batchId, PostingRequest r, CancellationToken ct)
    {
        var region = projectId is { } p ? await db.Set<Project>().Where(x => x.Id == p).Select(x => x.RegionCode).FirstOrDefaultAsync(ct)
            : batchId is { } b ? await db.Set<FundBatch>().Where(x => x.Id == b).Select(x => x.RegionCode).FirstOrDefaultAsync(ct) : null;
        if (region is null)
        {
            return new Outcome<Guid>.NotFound();
        }
        var errors = new Errors();
        errors.Require("place", r.Place, "公示地点", 100);
        if (r.PostedOn is not { } on || on > clock.Today())
        {
            errors.Add("postedOn", "请填写公示日期（不晚于今天）");
        }
        if (r.Days is not (>= 1 and <= 365))
        {
            errors.Add("days", "公示天数应在1到365天之间");
        }
        if (errors.Any)
        {
            return new Outcome<Guid>.Invalid(errors);
        }
        var row = new NoticePosting
        {
            Id = Guid.CreateVersion7(),
            RegionCode = region,
            ProjectId = projectId,
            BatchId = batchId,
            PostedOn = r.PostedOn!.Value,
            Place = r.Place!.Trim(),
            Days = r.Days!.Value,
            PostedBy = db.User.UserName,
        };
        db.Add(row);
        await db.SaveChangesAsync(ct);
        return new Outcome<Guid>.Done(row.Id);
    }
}
