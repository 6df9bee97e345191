using Fupin.Web.Data;
using Fupin.Web.Features.Audit;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Supervision;

/// <summary>Units' lights by month (seed 003: 黄灯督办, 红灯约谈), the board, each unit's history, the 督办函 and 约谈 records.</summary>
public static class UnitLights
{
    public sealed record BoardRow(string Unit, UnitLight Light, string LightLabel, IReadOnlyList<string> Reasons, int Tasks, int OpenProblems, int Interviews,
        IReadOnlyList<MonthLight> History);

    public sealed record MonthLight(int Month, UnitLight Light);

    public sealed record Board(int Year, int Month, DateTime? ComputedAt, IReadOnlyList<BoardRow> Units);

    public sealed record InterviewRequest(string? Unit, int? Year, int? Month, DateOnly? On, string? Interviewer, string? Outcome);

    public sealed record InterviewView(Guid Id, string Unit, int Year, int Month, DateOnly On, string Interviewer, string Outcome, string RecordedBy);

    /// <summary>Every unit with tasks or rectification items, and why it stands behind at a month's end.</summary>
    public static async Task<Dictionary<string, IReadOnlyList<string>>> BehindAsync(AppDbContext db, int year, int month, CancellationToken ct)
    {
        var monthEnd = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        var tasks = await db.Set<PlanTask>().AsNoTracking().Where(t => t.Year == year).ToListAsync(ct);
        var ids = tasks.Select(t => t.Id).ToList();
        var reports = await db.Set<TaskReport>().AsNoTracking().Where(r => ids.Contains(r.TaskId) && r.ReportedOn <= monthEnd)
            .Select(r => new { r.TaskId, r.ReportedOn, r.Percent, r.Id }).ToListAsync(ct);
        var problems = await db.Set<RectificationItem>().AsNoTracking().Where(p => p.FoundOn <= monthEnd).ToListAsync(ct);
        var units = tasks.Select(t => t.LeadUnit).Concat(problems.Select(p => p.Unit)).Distinct().ToList();
        return units.ToDictionary(u => u, u => SupervisionRules.BehindReasons(
            tasks.Where(t => t.LeadUnit == u).Select(t => new SupervisionRules.TaskState(t.Number, t.Title, SupervisionRules.Milestones(t.Milestones, t.Deadline.Month),
                reports.Where(r => r.TaskId == t.Id).OrderByDescending(r => r.ReportedOn).ThenByDescending(r => r.Id).Select(r => (int?)r.Percent).FirstOrDefault())),
            problems.Where(p => p.Unit == u).Select(p => new SupervisionRules.ProblemState(p.Problem, p.Deadline, p.ClosedOn)), year, month));
    }

    /// <summary>Computes (or recomputes) the month's lights of every unit in the user's region from this month and the one before; answers how many units.</summary>
    public static async Task<int> ComputeAsync(AppDbContext db, TimeProvider clock, int year, int month, CancellationToken ct)
    {
        var now = await BehindAsync(db, year, month, ct);
        var (py, pm) = month == 1 ? (year - 1, 12) : (year, month - 1);
        var before = await BehindAsync(db, py, pm, ct);
        var region = db.User.RegionCode ?? "";
        var existing = await db.Set<UnitLightRecord>().Where(l => l.RegionCode == region && l.Year == year && l.Month == month).ToListAsync(ct);
        var at = clock.GetUtcNow().UtcDateTime;
        foreach (var (unit, reasons) in now)
        {
            var light = SupervisionRules.LightOf(reasons.Count > 0, before.TryGetValue(unit, out var b) && b.Count > 0);
            var text = light switch
            {
                UnitLight.Green => "按月度目标推进，无逾期整改问题",
                UnitLight.Red => "连续两个月未完成月度目标：" + string.Join("；", reasons),
                _ => string.Join("；", reasons),
            };
            var row = existing.FirstOrDefault(l => l.Unit == unit);
            if (row is null)
            {
                db.Add(new UnitLightRecord { Id = Guid.CreateVersion7(), RegionCode = region, Year = year, Month = month, Unit = unit, Light = light, Reasons = Cut(text), ComputedAt = at });
            }
            else
            {
                (row.Light, row.Reasons, row.ComputedAt) = (light, Cut(text), at);
            }
        }
        AuditEvents.Add(db, clock, "UnitLightsComputed", nameof(UnitLightRecord), $"{year}-{month:D2}", $"{year}年{month}月单位亮灯：{now.Count}个单位", region);
        await db.SaveChangesAsync(ct);
        return now.Count;
    }

    private static string Cut(string s) => s.Length > 2000 ? s[..2000] : s;

    public static async Task<Board> BoardAsync(AppDbContext db, int year, int month, CancellationToken ct)
    {
        var rows = await db.Set<UnitLightRecord>().AsNoTracking().Where(l => l.Year == year).ToListAsync(ct);
        var current = rows.Where(r => r.Month == month).ToList();
        var tasks = await db.Set<PlanTask>().AsNoTracking().Where(t => t.Year == year).GroupBy(t => t.LeadUnit).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var open = await db.Set<RectificationItem>().AsNoTracking().Where(p => p.Status == ProblemStatus.Open).GroupBy(p => p.Unit).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var talks = await db.Set<Interview>().AsNoTracking().Where(i => i.Year == year).GroupBy(i => i.Unit).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return new Board(year, month, current.Count == 0 ? null : current.Max(r => r.ComputedAt),
            [.. current.OrderByDescending(r => r.Light).ThenBy(r => r.Unit, StringComparer.Ordinal).Select(r => new BoardRow(r.Unit, r.Light, Labels.Of(r.Light),
                r.Reasons.Split('；', StringSplitOptions.RemoveEmptyEntries), tasks.GetValueOrDefault(r.Unit), open.GetValueOrDefault(r.Unit), talks.GetValueOrDefault(r.Unit),
                [.. rows.Where(x => x.Unit == r.Unit).OrderBy(x => x.Month).Select(x => new MonthLight(x.Month, x.Light))]))]);
    }

    /// <summary>督办函: to a unit behind in the month, listing its overdue tasks and problems, with a reply deadline.</summary>
    public static async Task<(byte[] Bytes, string FileName)?> NoticeAsync(AppDbContext db, TimeProvider clock, string unit, int year, int month, CancellationToken ct)
    {
        var record = await db.Set<UnitLightRecord>().AsNoTracking().FirstOrDefaultAsync(l => l.Unit == unit && l.Year == year && l.Month == month, ct);
        if (record is null || record.Light == UnitLight.Green)
        {
            return null;
        }
        var today = clock.Today();
        var reasons = record.Reasons.Split('；', StringSplitOptions.RemoveEmptyEntries);
        var bytes = WordDocument.Build(body =>
        {
            body.Append(WordDocument.Para("督 办 函", bold: true, size: 44, center: true));
            body.Append(WordDocument.Para($"〔{year}〕第{month}期", center: true));
            body.Append(WordDocument.Para($"{unit}：", size: 28));
            body.Append(WordDocument.Para($"　　经对{year}年{month}月工作要点推进情况进行督查，你单位亮{Labels.Of(record.Light)}，存在以下问题：", size: 24));
            var rows = new List<string[]> { new[] { "序号", "问题" } };
            rows.AddRange(reasons.Select((r, i) => new[] { (i + 1).ToString(), r }));
            body.Append(WordDocument.Grid(rows, header: true));
            body.Append(WordDocument.Para($"　　请你单位高度重视，对照问题逐项整改，于{today.AddDays(7):yyyy年M月d日}前将整改情况书面报送区扶贫开发领导小组办公室。"
                + (record.Light == UnitLight.Red ? "你单位已连续两个月未完成月度目标，将按规定进行约谈。" : ""), size: 24));
            body.Append(WordDocument.Para(""));
            body.Append(WordDocument.Para("区扶贫开发领导小组办公室", size: 24, right: true));
            body.Append(WordDocument.Para($"{today:yyyy年M月d日}", size: 24, right: true));
        });
        await AuditEvents.WriteAsync(db, clock, AuditEvent.Export, nameof(UnitLightRecord), record.Id.ToString(), $"督办函 docx：{unit}，{year}年{month}月", record.RegionCode, ct: ct);
        return (bytes, $"督办函-{unit}-{year}年{month}月.docx");
    }

    public static async Task<Outcome<Guid>> InterviewAsync(AppDbContext db, TimeProvider clock, InterviewRequest r, CancellationToken ct)
    {
        var today = clock.Today();
        var errors = new Errors();
        errors.Require("unit", r.Unit, "被约谈单位", 60);
        errors.Require("interviewer", r.Interviewer, "约谈人", 100);
        errors.Require("outcome", r.Outcome, "约谈情况及整改要求", 1000);
        if (r.On is not { } on || on > today)
        {
            errors.Add("on", "请填写约谈日期（不晚于今天）");
        }
        var (year, month) = (r.Year ?? today.Year, r.Month ?? today.Month);
        var unit = r.Unit?.Trim();
        if (!errors.Any && !await db.Set<UnitLightRecord>().AnyAsync(l => l.Unit == unit && l.Year == year && l.Month == month && l.Light == UnitLight.Red, ct))
        {
            errors.Add("unit", $"{unit}在{year}年{month}月不是红灯单位");
        }
        if (errors.Any)
        {
            return new Outcome<Guid>.Invalid(errors);
        }
        var row = new Interview
        {
            Id = Guid.CreateVersion7(),
            RegionCode = db.User.RegionCode!,
            Unit = unit!,
            Year = year,
            Month = month,
            On = r.On!.Value,
            Interviewer = r.Interviewer!.Trim(),
            Outcome = r.Outcome!.Trim(),
            RecordedBy = db.User.UserName,
        };
        db.Add(row);
        await db.SaveChangesAsync(ct);
        return new Outcome<Guid>.Done(row.Id);
    }

    public static async Task<IReadOnlyList<InterviewView>> InterviewsAsync(AppDbContext db, string? unit, CancellationToken ct)
    {
        var query = db.Set<Interview>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(unit))
        {
            query = query.Where(i => i.Unit == unit);
        }
        return [.. (await query.OrderByDescending(i => i.On).Take(500).ToListAsync(ct)).Select(i => new InterviewView(i.Id, i.Unit, i.Year, i.Month, i.On, i.Interviewer, i.Outcome, i.RecordedBy))];
    }
}
