using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Fupin.Web.Data;
using Fupin.Web.Features.Import;
using Fupin.Web.Features.Policy;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Supervision;

/// <summary>工作要点: a year's tasks (entered, or imported from an Excel or Word outline) and the units' fortnightly reports on them.</summary>
public static partial class WorkPlan
{
    public const string ReportIntervalKey = "supervision.reportIntervalDays";

    public sealed record TaskRequest(int? Year, string? Number, string? Title, string? Content, string? LeadUnit, string? CoUnits, DateOnly? Deadline, List<int>? Milestones, int Version);

    public sealed record ReportRequest(string? Unit, DateOnly? ReportedOn, int? Percent, string? Progress, string? Problems);

    public sealed record TaskRow(Guid Id, int Year, string Number, string Title, string? Content, string LeadUnit, string? CoUnits, DateOnly Deadline, int[] Milestones,
        int Percent, DateOnly? LastReport, bool ReportLate, int DueNow, bool Behind, int Version);

    public sealed record ReportView(Guid Id, string Unit, DateOnly ReportedOn, int Percent, string Progress, string? Problems, string? FileName, string ReportedBy);

    public sealed record ImportResult(int Tasks, IReadOnlyList<string> Errors);

    public static async Task<IReadOnlyList<TaskRow>> ListAsync(AppDbContext db, int year, DateOnly today, CancellationToken ct, string? unit = null)
    {
        var query = db.Set<PlanTask>().AsNoTracking().Where(t => t.Year == year);
        if (!string.IsNullOrWhiteSpace(unit))
        {
            query = query.Where(t => t.LeadUnit == unit);
        }
        var tasks = await query.ToListAsync(ct);
        var ids = tasks.Select(t => t.Id).ToList();
        var reports = await db.Set<TaskReport>().AsNoTracking().Where(r => ids.Contains(r.TaskId)).Select(r => new { r.TaskId, r.ReportedOn, r.Percent }).ToListAsync(ct);
        var interval = await IntervalAsync(db, year, ct);
        return [.. tasks.OrderBy(t => t.Number, NumberOrder.Instance).Select(t =>
        {
            var last = reports.Where(r => r.TaskId == t.Id).OrderByDescending(r => r.ReportedOn).FirstOrDefault();
            var milestones = SupervisionRules.Milestones(t.Milestones, t.Deadline.Month);
            var dueNow = today.Year == year ? milestones[Math.Max(0, today.Month - 2)] : today.Year > year ? 100 : 0;
            var percent = last?.Percent ?? 0;
            return new TaskRow(t.Id, t.Year, t.Number, t.Title, t.Content, t.LeadUnit, t.CoUnits, t.Deadline, milestones, percent, last?.ReportedOn,
                SupervisionRules.ReportLate(last?.ReportedOn, DateOnly.FromDateTime(t.CreatedAt), percent, interval, today), dueNow, percent < dueNow, t.Version);
        })];
    }

    private static async Task<int> IntervalAsync(AppDbContext db, int year, CancellationToken ct) =>
        (int)((await PolicyValues.LookupAsync(db, ReportIntervalKey, db.User.RegionCode ?? "", year, ct))?.Value ?? 14);

    public static async Task<Outcome<Guid>> SaveAsync(AppDbContext db, TimeProvider clock, Guid? id, TaskRequest r, CancellationToken ct)
    {
        var errors = Check(r, clock.Today());
        var existing = id is { } i ? await db.Set<PlanTask>().FirstOrDefaultAsync(t => t.Id == i, ct) : null;
        if (id is not null && existing is null)
        {
            return new Outcome<Guid>.NotFound();
        }
        var year = r.Year ?? r.Deadline?.Year ?? clock.Today().Year;
        var number = r.Number?.Trim();
        if (!errors.Any && await db.Set<PlanTask>().AnyAsync(t => t.Year == year && t.Number == number && t.Id != id, ct))
        {
            errors.Add("number", $"{year}年工作要点已有序号为{number}的任务");
        }
        if (errors.Any)
        {
            return new Outcome<Guid>.Invalid(errors);
        }
        var task = VersionedSave.Prepare(db, existing, id is null ? 0 : r.Version,
            () => new PlanTask { Id = Guid.CreateVersion7(), RegionCode = db.User.RegionCode!, Number = "", Title = "", LeadUnit = "", Milestones = "" });
        if (task is null)
        {
            return new Outcome<Guid>.Conflict(Outcome.ConflictMessage);
        }
        Apply(task, r, year);
        return await VersionedSave.SaveAsync(db, () => task.Id, ct);
    }

    private static Errors Check(TaskRequest r, DateOnly today)
    {
        var errors = new Errors();
        errors.Require("number", r.Number, "序号", 20);
        errors.Require("title", r.Title, "任务名称", 200);
        errors.MaxLength("content", r.Content, "任务内容", 2000);
        errors.Require("leadUnit", r.LeadUnit, "牵头单位", 60);
        errors.MaxLength("coUnits", r.CoUnits, "配合单位", 200);
        if (r.Deadline is null)
        {
            errors.Add("deadline", "请填写完成时限");
        }
        var year = r.Year ?? r.Deadline?.Year ?? today.Year;
        if (r.Deadline is { } d && d.Year != year)
        {
            errors.Add("deadline", $"完成时限应在{year}年内");
        }
        if (SupervisionRules.MilestonesRefusal(r.Milestones) is { } m)
        {
            errors.Add("milestones", m);
        }
        return errors;
    }

    private static void Apply(PlanTask task, TaskRequest r, int year)
    {
        task.Year = year;
        task.Number = r.Number!.Trim();
        task.Title = r.Title!.Trim();
        task.Content = string.IsNullOrWhiteSpace(r.Content) ? null : r.Content.Trim();
        task.LeadUnit = r.LeadUnit!.Trim();
        task.CoUnits = string.IsNullOrWhiteSpace(r.CoUnits) ? null : r.CoUnits.Trim();
        task.Deadline = r.Deadline!.Value;
        task.Milestones = string.Join(',', r.Milestones ?? [.. SupervisionRules.Linear(task.Deadline.Month)]);
    }

    public static async Task<IReadOnlyList<ReportView>?> ReportsAsync(AppDbContext db, Guid taskId, CancellationToken ct)
    {
        if (!await db.Set<PlanTask>().AnyAsync(t => t.Id == taskId, ct))
        {
            return null;
        }
        return [.. (await db.Set<TaskReport>().AsNoTracking().Where(r => r.TaskId == taskId).OrderByDescending(r => r.ReportedOn).ThenByDescending(r => r.Id).ToListAsync(ct))
            .Select(r => new ReportView(r.Id, r.Unit, r.ReportedOn, r.Percent, r.Progress, r.Problems, r.FileName, r.ReportedBy))];
    }

    /// <summary>A unit's report; the unit must be the task's lead or one of its co-units. A file (Word, PDF…) may come with it.</summary>
    public static async Task<Outcome<Guid>> ReportAsync(AppDbContext db, FileStore files, TimeProvider clock, Guid taskId, ReportRequest r, (string Name, Stream Content, long Length)? file,
        CancellationToken ct)
    {
        var task = await db.Set<PlanTask>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null)
        {
            return new Outcome<Guid>.NotFound();
        }
        var today = clock.Today();
        var errors = new Errors();
        errors.Require("progress", r.Progress, "工作进展", 2000);
        errors.MaxLength("problems", r.Problems, "存在问题", 1000);
        var unit = string.IsNullOrWhiteSpace(r.Unit) ? task.LeadUnit : r.Unit.Trim();
        var units = new[] { task.LeadUnit }.Concat((task.CoUnits ?? "").Split(['、', ',', '，', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (!units.Contains(unit))
        {
            errors.Add("unit", $"“{unit}”不是该任务的牵头或配合单位");
        }
        if (r.Percent is not (>= 0 and <= 100))
        {
            errors.Add("percent", "完成进度应为0到100之间的百分数");
        }
        var on = r.ReportedOn ?? today;
        if (on > today)
        {
            errors.Add("reportedOn", "报送日期不能晚于今天");
        }
        if (errors.Any)
        {
            return new Outcome<Guid>.Invalid(errors);
        }
        FileStore.Stored? stored = null;
        if (file is { } f)
        {
            var saved = await files.SaveAsync(f.Name, f.Content, f.Length, ct);
            if (saved is not Outcome<FileStore.Stored>.Done { Value: var s })
            {
                return saved.As<Guid>();
            }
            stored = s;
        }
        var report = new TaskReport
        {
            Id = Guid.CreateVersion7(),
            TaskId = taskId,
            RegionCode = task.RegionCode,
            Unit = unit,
            ReportedOn = on,
            Percent = r.Percent!.Value,
            Progress = r.Progress!.Trim(),
            Problems = string.IsNullOrWhiteSpace(r.Problems) ? null : r.Problems.Trim(),
            FileName = stored?.FileName,
            ContentType = stored?.ContentType,
            Sha256 = stored?.Sha256,
            ReportedBy = db.User.UserName,
        };
        db.Add(report);
        await db.SaveChangesAsync(ct);
        return new Outcome<Guid>.Done(report.Id);
    }

    public static async Task<(TaskReport Row, string Path)?> OpenReportFileAsync(AppDbContext db, FileStore files, Guid reportId, CancellationToken ct)
    {
        var row = await db.Set<TaskReport>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId, ct);
        return row?.Sha256 is { } sha && files.PathIfPresent(sha) is { } path ? (row, path) : null;
    }

    /// <summary>
    /// Imports a year's tasks from an Excel sheet (序号, 任务名称, 任务内容, 牵头单位, 配合单位, 完成时限, and optionally 1月…12月) or a Word
    /// outline (numbered paragraphs "1、…" with 牵头单位：… and 完成时限：… in the text below them). All or nothing: any bad task, and nothing is written.
    /// </summary>
    public static async Task<Outcome<ImportResult>> ImportAsync(AppDbContext db, TimeProvider clock, int year, string fileName, Stream content, CancellationToken ct)
    {
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        var temp = Path.GetTempFileName();
        try
        {
            await using (var f = File.Create(temp))
            {
                await content.CopyToAsync(f, ct);
            }
            List<(int Line, TaskRequest Request)> parsed;
            try
            {
                parsed = ext switch
                {
                    ".xlsx" => FromSheet(temp, year),
                    ".docx" => FromWord(temp, year),
                    _ => throw new InvalidDataException("只能导入 .xlsx 或 .docx 文件"),
                };
            }
            catch (Exception e) when (e is InvalidDataException or FileFormatException or OpenXmlPackageException or IOException)
            {
                return new Outcome<ImportResult>.Invalid(new Errors().Add("file", e is InvalidDataException ? e.Message : "文件无法读取，请确认是 Excel（.xlsx）或 Word（.docx）文件"));
            }
            var errors = new List<string>();
            var today = clock.Today();
            foreach (var (line, r) in parsed)
            {
                if (Check(r, today) is { Any: true } e)
                {
                    errors.Add($"第{line}{(ext == ".docx" ? "段" : "行")}（{r.Number} {r.Title}）：{e.Summary}");
                }
            }
            foreach (var dup in parsed.GroupBy(p => p.Request.Number?.Trim()).Where(g => g.Count() > 1))
            {
                errors.Add($"序号{dup.Key}重复");
            }
            var numbers = parsed.Select(p => p.Request.Number?.Trim()).ToList();
            var existing = await db.Set<PlanTask>().Where(t => t.Year == year && numbers.Contains(t.Number)).Select(t => t.Number).ToListAsync(ct);
            errors.AddRange(existing.Select(n => $"{year}年已有序号为{n}的任务"));
            if (parsed.Count == 0)
            {
                errors.Add("文件中没有找到任务");
            }
            if (errors.Count > 0)
            {
                return new Outcome<ImportResult>.Done(new ImportResult(0, errors));
            }
            foreach (var (_, r) in parsed)
            {
                var task = new PlanTask { Id = Guid.CreateVersion7(), RegionCode = db.User.RegionCode!, Number = "", Title = "", LeadUnit = "", Milestones = "" };
                Apply(task, r, year);
                db.Add(task);
            }
            await db.SaveChangesAsync(ct);
            return new Outcome<ImportResult>.Done(new ImportResult(parsed.Count, []));
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static List<(int, TaskRequest)> FromSheet(string path, int year)
    {
        string[] wanted = ["序号", "任务名称", "任务内容", "牵头单位", "配合单位", "完成时限"];
        using var at = SheetReader.OpenAtHeader(path, SheetReader.Kind.Xlsx, h => h.Count(c => wanted.Contains(c?.Trim()))) ?? throw new InvalidDataException("没有找到标题行（序号、任务名称、牵头单位、完成时限…）");
        var header = at.Header.Select(h => h?.Trim() ?? "").ToList();
        int Col(string name) => header.IndexOf(name);
        var months = Enumerable.Range(1, 12).Select(m => header.IndexOf($"{m}月")).ToArray();
        var list = new List<(int, TaskRequest)>();
        var line = at.HeaderRow;
        foreach (var row in at.DataRows())
        {
            line++;
            string? Cell(int i) => i >= 0 && i < row.Length ? row[i]?.Trim() : null;
            if (row.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            List<int>? milestones = months.All(i => i >= 0) ? [.. months.Select(i => int.TryParse(Cell(i)?.TrimEnd('%'), out var v) ? v : -1)] : null;
            list.Add((line, new TaskRequest(year, Cell(Col("序号")), Cell(Col("任务名称")), Cell(Col("任务内容")), Cell(Col("牵头单位")), Cell(Col("配合单位")),
                ParseDate(Cell(Col("完成时限")), year), milestones, 0)));
        }
        return list;
    }

    private static List<(int, TaskRequest)> FromWord(string path, int year)
    {
        using var doc = WordprocessingDocument.Open(path, false);
        var paragraphs = doc.MainDocumentPart?.Document.Body?.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText.Trim()).ToList() ?? [];
        var list = new List<(int, TaskRequest)>();
        (int Line, string Number, string Title, List<string> Body)? current = null;
        void Flush()
        {
            if (current is { } c)
            {
                var text = string.Join("\n", c.Body);
                var lead = LeadPattern().Match(text) is { Success: true } l ? l.Groups[1].Value.Trim() : null;
                var co = CoPattern().Match(text) is { Success: true } o ? o.Groups[1].Value.Trim() : null;
                var deadline = DeadlinePattern().Match(text) is { Success: true } d ? ParseDate(d.Groups[1].Value, year) : null;
                list.Add((c.Line, new TaskRequest(year, c.Number, c.Title, text.Length > 2000 ? text[..2000] : text, lead, co, deadline, null, 0)));
            }
        }
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var p = paragraphs[i];
            if (TaskPattern().Match(p) is { Success: true } m)
            {
                Flush();
                current = (i + 1, m.Groups[1].Value, m.Groups[2].Value.Trim(), []);
            }
            else if (current is { } c && p.Length > 0)
            {
                c.Body.Add(p);
            }
        }
        Flush();
        return list;
    }

    private static DateOnly? ParseDate(string? text, int year)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var t = text.Trim();

        if (double.TryParse(t, out var serial) && serial is > 20000 and < 80000)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        }
        if (ChineseDate().Match(t) is { Success: true } m)
        {
            var y = m.Groups[1].Success ? int.Parse(m.Groups[1].Value) : year;
            var month = int.Parse(m.Groups[2].Value);
            if (month is < 1 or > 12)
            {
                return null;
            }
            var day = m.Groups[3].Success ? int.Parse(m.Groups[3].Value) : DateTime.DaysInMonth(y, month);
            return day <= DateTime.DaysInMonth(y, month) ? new DateOnly(y, month, day) : null;
        }
        return DateOnly.TryParse(t, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    [GeneratedRegex(@"^(\d+(?:\.\d+)*)[、.．]\s*(.+)$")]
    private static partial Regex TaskPattern();

    [GeneratedRegex(@"牵头单位[:：]\s*([^；;。\n]+)")]
    private static partial Regex LeadPattern();

    [GeneratedRegex(@"配合单位[:：]\s*([^；;。\n]+)")]
    private static partial Regex CoPattern();

    [GeneratedRegex(@"(?:完成)?时限[:：]\s*([0-9年月日\-/]+)")]
    private static partial Regex DeadlinePattern();

    [GeneratedRegex(@"^(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})日)?(?:底|前)?$")]
    private static partial Regex ChineseDate();

    /// <summary>Task numbers in outline order: 2 before 10, 1.2 before 1.10.</summary>
    private sealed class NumberOrder : IComparer<string>
    {
        public static readonly NumberOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            var a = (x ?? "").Split('.');
            var b = (y ?? "").Split('.');
            for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
            {
                var c = int.TryParse(a[i], out var p) && int.TryParse(b[i], out var q) ? p.CompareTo(q) : string.CompareOrdinal(a[i], b[i]);
                if (c != 0)
                {
                    return c;
                }
            }
            return a.Length.CompareTo(b.Length);
        }
    }
}
