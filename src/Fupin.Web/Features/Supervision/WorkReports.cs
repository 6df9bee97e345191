using Fupin.Web.Data;
using Fupin.Web.Features.Audit;
using Fupin.Web.Features.Funds;
using Fupin.Web.Rules;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Supervision;

/// <summary>
/// The periodic work report in the seeds' shape — 一、基本情况；二、进展情况；三、存在问题；四、下一步计划 — with every
/// figure filled from <see cref="CountyFigures"/> for the region and period, and the narrative people write kept
/// with the report. The monthly 通报 ranks townships and units.
/// </summary>
public static class WorkReports
{
    public sealed record ReportRequest(string? RegionCode, DateOnly? From, DateOnly? To, string? Title, string? Progress, string? Problems, string? NextSteps, int Version);

    public sealed record ReportView(Guid Id, string RegionCode, DateOnly From, DateOnly To, string Title, string? Progress, string? Problems, string? NextSteps, string CreatedBy,
        DateTime UpdatedAt, int Version);

    private static ReportView View(WorkReport r) => new(r.Id, r.RegionCode, r.From, r.To, r.Title, r.Progress, r.Problems, r.NextSteps, r.CreatedBy, r.UpdatedAt, r.Version);

    public static async Task<IReadOnlyList<ReportView>> ListAsync(AppDbContext db, CancellationToken ct) =>
        [.. (await db.Set<WorkReport>().AsNoTracking().OrderByDescending(r => r.To).ThenByDescending(r => r.CreatedAt).Take(200).ToListAsync(ct)).Select(View)];

    public static async Task<ReportView?> GetAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        await db.Set<WorkReport>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is { } r ? View(r) : null;

    public static async Task<Outcome<Guid>> SaveAsync(AppDbContext db, TimeProvider clock, Guid? id, ReportRequest r, CancellationToken ct)
    {
        var today = clock.Today();
        var errors = new Errors();
        errors.Require("title", r.Title, "报告标题", 100);
        errors.MaxLength("progress", r.Progress, "进展情况补充", 4000);
        errors.MaxLength("problems", r.Problems, "存在问题", 4000);
        errors.MaxLength("nextSteps", r.NextSteps, "下一步计划", 4000);
        if (r.From is not { } from || r.To is not { } to || to < from || to > today)
        {
            errors.Add("to", "请填写报告期（起止日期，截止日期不晚于今天）");
        }
        var existing = id is { } i ? await db.Set<WorkReport>().FirstOrDefaultAsync(x => x.Id == i, ct) : null;
        if (id is not null && existing is null)
        {
            return new Outcome<Guid>.NotFound();
        }
        var region = existing?.RegionCode ?? (string.IsNullOrWhiteSpace(r.RegionCode) ? db.User.RegionCode : r.RegionCode.Trim());
        if (existing is null && (!RegionCodes.IsWellFormed(region) || !await db.Regions.AnyAsync(x => x.Code == region, ct)))
        {
            errors.Add("regionCode", "报告区划不存在或不在您的管辖范围内");
        }
        if (errors.Any)
        {
            return new Outcome<Guid>.Invalid(errors);
        }
        var report = VersionedSave.Prepare(db, existing, id is null ? 0 : r.Version, () => new WorkReport { Id = Guid.CreateVersion7(), RegionCode = region!, Title = "", CreatedBy = db.User.UserName });
        if (report is null)
        {
            return new Outcome<Guid>.Conflict(Outcome.ConflictMessage);
        }
        static string? Text(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        (report.From, report.To, report.Title, report.Progress, report.Problems, report.NextSteps) = (r.From!.Value, r.To!.Value, r.Title!.Trim(), Text(r.Progress), Text(r.Problems), Text(r.NextSteps));
        return await VersionedSave.SaveAsync(db, () => report.Id, ct);
    }

    /// <summary>The sentences of 基本情况 and 进展情况, each built from the figures (the same numbers the statistics pages show).</summary>
    public static IReadOnlyList<(string Heading, string Text)> Sentences(CountyFigures.Figures f)
    {
        var place = f.Level == RegionLevel.County ? "全区" : f.Level == RegionLevel.Township ? "全镇" : "全村";
        static string P(decimal? v, string unit = "%") => v is { } x ? $"{x:0.##}{unit}" : "—";
        return
        [
            ("基本情况", $"{place}建档立卡贫困户{f.Households}户{f.People}人，其中未脱贫（含返贫）{f.PoorHouseholds}户{f.PoorPeople}人，贫困发生率{P(f.Incidence)}；"
                + $"防返贫监测对象{f.MonitoredHouseholds}户。"),
            ("（一）脱贫退出", $"{f.From:yyyy年M月d日}至{f.To:yyyy年M月d日}，{place}标注脱贫{f.LiftedHouseholds}户{f.LiftedPeople}人。"),
            ("（二）防返贫监测", $"三色灯管理：红灯{f.Red}户、黄灯{f.Yellow}户、绿灯{f.Green}户。部门数据比对发现问题未销号{f.FindingsOpen}个（逾期{f.FindingsOverdue}个），已销号{f.FindingsClosed}个。"),
            ("（三）精准帮扶", $"落实一户一策帮扶措施{f.CoverageWithMeasure}户，已落实{f.CoverageReached}户，占{P(f.CoverageShare)}；尚无帮扶措施{f.WithoutMeasure}户。"
                + $"结对帮扶{f.VisitPairs}对，期内走访{f.VisitsInPeriod}户次，超过走访间隔未走访{f.VisitsOverdue}对。"),
            ("（四）资金项目", $"下达扶贫资金{FundsRules.Wan(f.FundsIssued)}万元，已支出{FundsRules.Wan(f.FundsSpent)}万元，支出进度{P(f.FundsProgress)}，期内支出{FundsRules.Wan(f.SpentInPeriod)}万元。"
                + $"实施项目{f.Projects}个，开工率{P(f.StartRate)}，竣工率{P(f.CompletionRate)}，产业项目资金占比{P(f.IndustryShare)}。"),
            ("（五）督查整改", $"责任单位亮灯：绿灯{f.UnitsGreen}个、黄灯{f.UnitsYellow}个、红灯{f.UnitsRed}个；问题整改台账未销号{f.ProblemsOpen}个，其中逾期{f.ProblemsOverdue}个。"),
        ];
    }

    public static async Task<(byte[] Bytes, string FileName)?> DocumentAsync(AppDbContext db, TimeProvider clock, Guid id, CancellationToken ct)
    {
        var report = await db.Set<WorkReport>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        var figures = report is null ? null : await CountyFigures.ForAsync(db, report.RegionCode, report.From, report.To, clock.Today(), ct);
        if (report is null || figures is null)
        {
            return null;
        }
        var sentences = Sentences(figures);
        var bytes = WordDocument.Build(body =>
        {
            body.Append(WordDocument.Para(report.Title, bold: true, size: 36, center: true));
            body.Append(WordDocument.Para($"（{report.From:yyyy年M月d日}—{report.To:yyyy年M月d日}）", center: true));
            body.Append(WordDocument.Para("一、基本情况", bold: true, size: 28));
            body.Append(WordDocument.Para("　　" + sentences[0].Text, size: 24));
            body.Append(WordDocument.Grid([
                ["指标", "户数", "人数"],
                ["建档立卡", figures.Households.ToString(), figures.People.ToString()],
                ["未脱贫（含返贫）", figures.PoorHouseholds.ToString(), figures.PoorPeople.ToString()],
                ["期内脱贫", figures.LiftedHouseholds.ToString(), figures.LiftedPeople.ToString()],
                ["防返贫监测对象", figures.MonitoredHouseholds.ToString(), ""],
            ], header: true));
            body.Append(WordDocument.Para("二、进展情况", bold: true, size: 28));
            foreach (var (heading, text) in sentences.Skip(1))
            {
                body.Append(WordDocument.Para(heading, bold: true, size: 24));
                body.Append(WordDocument.Para("　　" + text, size: 24));
            }
            body.Append(WordDocument.Grid([
                ["资金与项目", "数值"],
                ["下达资金（万元）", FundsRules.Wan(figures.FundsIssued)],
                ["已支出（万元）", FundsRules.Wan(figures.FundsSpent)],
                ["支出进度", figures.FundsProgress is { } p ? $"{p:0.00}%" : "—"],
                ["开工率", figures.StartRate is { } s ? $"{s:0.#}%" : "—"],
                ["竣工率", figures.CompletionRate is { } c ? $"{c:0.#}%" : "—"],
            ], header: true));
            if (report.Progress is { } more)
            {
                body.Append(WordDocument.Para("　　" + more, size: 24));
            }
            body.Append(WordDocument.Para("三、存在问题", bold: true, size: 28));
            body.Append(WordDocument.Para("　　" + (report.Problems ?? "（待填写）"), size: 24));
            body.Append(WordDocument.Para("四、下一步计划", bold: true, size: 28));
            body.Append(WordDocument.Para("　　" + (report.NextSteps ?? "（待填写）"), size: 24));
        });
        await AuditEvents.WriteAsync(db, clock, AuditEvent.Export, nameof(WorkReport), id.ToString(), $"工作报告 docx：{report.Title}", report.RegionCode, ct: ct);
        return (bytes, $"{report.Title}.docx");
    }

    public sealed record BulletinRow(int Rank, string Name, string Figure, string Detail);

    public sealed record Bulletin(int Year, int Month, IReadOnlyList<BulletinRow> Townships, IReadOnlyList<BulletinRow> Units);

    /// <summary>月度通报: townships ranked by spending progress (ties by money spent, then code), units by light and overdue items.</summary>
    public static async Task<Bulletin> BulletinAsync(AppDbContext db, int year, int month, CancellationToken ct)
    {
        var monthEnd = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        var progress = await SpendingProgress.GetAsync(db, null, monthEnd, ct);
        var townships = progress.Of(ProgressDimension.Township).Select(l => new BulletinRow(l.Rank ?? 0, l.Name, l.Progress is { } p ? $"{p:0.00}%" : "—",
            $"分配{l.AllocatedWan}万元，支出{l.SpentWan}万元")).ToList();
        var board = await UnitLights.BoardAsync(db, year, month, ct);
        var units = board.Units.Select((u, i) => new BulletinRow(i + 1, u.Unit, u.LightLabel, string.Join("；", u.Reasons))).ToList();
        return new Bulletin(year, month, townships, units);
    }

    public static async Task<(byte[] Bytes, string FileName)> BulletinWordAsync(AppDbContext db, TimeProvider clock, int year, int month, CancellationToken ct)
    {
        var b = await BulletinAsync(db, year, month, ct);
        var bytes = WordDocument.Build(body =>
        {
            body.Append(WordDocument.Para($"{year}年{month}月脱贫攻坚工作通报", bold: true, size: 36, center: true));
            body.Append(WordDocument.Para("一、各乡镇扶贫资金支出进度排名", bold: true, size: 28));
            body.Append(WordDocument.Grid([new[] { "排名", "乡镇", "支出进度", "情况" }, .. b.Townships.Select(t => new[] { t.Rank.ToString(), t.Name, t.Figure, t.Detail })], header: true));
            body.Append(WordDocument.Para("二、责任单位亮灯情况", bold: true, size: 28));
            body.Append(WordDocument.Grid([new[] { "序号", "单位", "灯色", "原因" }, .. b.Units.Select(u => new[] { u.Rank.ToString(), u.Name, u.Figure, u.Detail })], header: true));
        });
        await AuditEvents.WriteAsync(db, clock, AuditEvent.Export, nameof(WorkReport), null, $"月度通报 docx：{year}年{month}月", db.User.RegionCode, ct: ct);
        return (bytes, $"{year}年{month}月工作通报.docx");
    }

    public static async Task<(byte[] Bytes, string FileName)> BulletinExcelAsync(AppDbContext db, TimeProvider clock, int year, int month, CancellationToken ct)
    {
        var b = await BulletinAsync(db, year, month, ct);
        var rows = b.Townships.Select(t => (IReadOnlyList<string?>)["乡镇", t.Rank.ToString(), t.Name, t.Figure, t.Detail])
            .Concat(b.Units.Select(u => (IReadOnlyList<string?>)["责任单位", u.Rank.ToString(), u.Name, u.Figure, u.Detail]));
        var bytes = await XlsxWriter.ToBytesAsync("通报", ["类别", "排名", "名称", "支出进度/灯色", "情况"], rows, ct);
        await AuditEvents.WriteAsync(db, clock, AuditEvent.Export, nameof(WorkReport), null, $"月度通报 xlsx：{year}年{month}月", db.User.RegionCode, ct: ct);
        return (bytes, $"{year}年{month}月工作通报.xlsx");
    }
}
