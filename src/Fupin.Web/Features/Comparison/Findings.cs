using Fupin.Web.Data;
using Fupin.Web.Features.Households;
using Fupin.Web.Features.Regions;
using Fupin.Web.Rules;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Comparison;

/// <summary>Findings: the list with filters, the counts by township, village, rule and round, and working one to closure.</summary>
public static class Findings
{
    public sealed record Query
    {
        public string? RegionCode { get; init; }
        public Guid? RoundId { get; init; }
        public ComparisonRule? Rule { get; init; }
        public FindingState? State { get; init; }
        /// <summary>open: not yet 销号; closed: 销号.</summary>
        public bool? Open { get; init; }
        public bool? Overdue { get; init; }
        public Guid? HouseholdId { get; init; }
        public int? Page { get; init; }
        public int? PageSize { get; init; }
    }

    public sealed record View(Guid Id, Guid RoundId, string RoundName, Guid HouseholdId, string HouseholdNumber, string HeadName, Guid? MemberId,
        string RegionCode, string TownshipName, string VillageName, ComparisonRule Rule, string RuleName, FindingSeverity Severity, string SeverityLabel,
        string Subject, string RegistryEvidence, string RosterEvidence, FindingState State, string StateLabel, DateOnly FoundOn, DateOnly DueOn, bool Overdue,
        bool? Verified, string? VerifyNote, string? VerifiedBy, DateOnly? VerifiedOn, string? Measure, string? RectifiedBy, DateOnly? RectifiedOn,
        string? CloseNote, string? ClosedBy, DateOnly? ClosedOn, int Version);

    public sealed record VerifyRequest(bool Verified, string? Note, int Version);

    public sealed record RectifyRequest(string? Measure, int Version);

    public sealed record CloseRequest(string? Note, int Version);

    public sealed record CountRow(string Key, string Name, int Open, int Closed, int Overdue);

    public sealed record Summary(int Open, int Closed, int Overdue, IReadOnlyList<CountRow> ByTownship, IReadOnlyList<CountRow> ByVillage,
        IReadOnlyList<CountRow> ByRule, IReadOnlyList<CountRow> ByRound);

    public static IQueryable<ComparisonFinding> Filter(AppDbContext db, Query q, DateOnly today)
    {
        var query = db.Set<ComparisonFinding>().AsNoTracking().Within(q.RegionCode);
        if (q.RoundId is { } round)
        {
            query = query.Where(f => f.RoundId == round);
        }
        if (q.Rule is { } rule)
        {
            query = query.Where(f => f.Rule == rule);
        }
        if (q.State is { } state)
        {
            query = query.Where(f => f.State == state);
        }
        if (q.Open == true)
        {
            query = query.Where(f => f.State != FindingState.Closed);
        }
        else if (q.Open == false)
        {
            query = query.Where(f => f.State == FindingState.Closed);
        }
        if (q.Overdue == true)
        {
            query = query.Where(f => (f.State == FindingState.Open || f.State == FindingState.Confirmed) && f.DueOn < today);
        }
        if (q.HouseholdId is { } household)
        {
            query = query.Where(f => f.HouseholdId == household);
        }
        return query;
    }

    public static bool IsOverdue(FindingState state, DateOnly due, DateOnly today) => state is FindingState.Open or FindingState.Confirmed && due < today;

    public static async Task<Paged<View>> ListAsync(AppDbContext db, Query q, DateOnly today, CancellationToken ct)
    {
        var query = Filter(db, q, today);
        var (skip, take) = Paging.Window(q.Page ?? 1, q.PageSize ?? 20);
        var total = await query.CountAsync(ct);
        // Unclosed first, the most urgent (earliest due) at the top; then by village.
        var rows = await query.OrderBy(f => f.State == FindingState.Closed).ThenBy(f => f.DueOn).ThenBy(f => f.RegionCode).ThenBy(f => f.Id)
            .Skip(skip).Take(take).ToListAsync(ct);
        return new Paged<View>(await ViewsAsync(db, rows, today, ct), total);
    }

    public static async Task<View?> GetAsync(AppDbContext db, Guid id, DateOnly today, CancellationToken ct) =>
        await db.Set<ComparisonFinding>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct) is { } f ? (await ViewsAsync(db, [f], today, ct))[0] : null;

    public static async Task<IReadOnlyList<View>> ViewsAsync(AppDbContext db, IReadOnlyList<ComparisonFinding> rows, DateOnly today, CancellationToken ct)
    {
        var householdIds = rows.Select(f => f.HouseholdId).Distinct().ToList();
        var households = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id))
            .Select(h => new { h.Id, h.HouseholdNumber, h.HeadName }).ToDictionaryAsync(h => h.Id, ct);
        var roundIds = rows.Select(f => f.RoundId).Distinct().ToList();
        var rounds = await db.Set<ComparisonRound>().IgnoreQueryFilters().AsNoTracking().Where(r => roundIds.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var names = await RegionNames.ForVillagesAsync(db, rows.Select(f => f.RegionCode), ct);
        return [.. rows.Select(f => new View(f.Id, f.RoundId, rounds.GetValueOrDefault(f.RoundId, ""), f.HouseholdId,
            households.TryGetValue(f.HouseholdId, out var h) ? h.HouseholdNumber : "", h?.HeadName ?? "", f.MemberId,
            f.RegionCode, names.Township(f.RegionCode), names.Village(f.RegionCode), f.Rule, ComparisonRules.Of(f.Rule).Name, f.Severity, Labels.Of(f.Severity),
            f.Subject, f.RegistryEvidence, f.RosterEvidence, f.State, Labels.Of(f.State), f.FoundOn, f.DueOn, IsOverdue(f.State, f.DueOn, today),
            f.Verified, f.VerifyNote, f.VerifiedBy, f.VerifiedOn, f.Measure, f.RectifiedBy, f.RectifiedOn, f.CloseNote, f.ClosedBy, f.ClosedOn, f.Version))];
    }

    private sealed record Group(string RegionCode, ComparisonRule Rule, Guid RoundId, bool Closed, bool Overdue, int Count);

    public static async Task<Summary> SummaryAsync(AppDbContext db, Query q, DateOnly today, CancellationToken ct)
    {
        var groups = await Filter(db, q with { Page = null, PageSize = null }, today)
            .GroupBy(f => new { f.RegionCode, f.Rule, f.RoundId, Closed = f.State == FindingState.Closed, Overdue = (f.State == FindingState.Open || f.State == FindingState.Confirmed) && f.DueOn < today })
            .Select(g => new Group(g.Key.RegionCode, g.Key.Rule, g.Key.RoundId, g.Key.Closed, g.Key.Overdue, g.Count()))
            .ToListAsync(ct);
        var names = await RegionNames.ForVillagesAsync(db, groups.Select(g => g.RegionCode), ct);
        var roundIds = groups.Select(g => g.RoundId).Distinct().ToList();
        var rounds = await db.Set<ComparisonRound>().IgnoreQueryFilters().AsNoTracking().Where(r => roundIds.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => (r.Name, r.RunAt), ct);
        List<CountRow> By(Func<Group, string> key, Func<string, string> name, Func<IEnumerable<CountRow>, IEnumerable<CountRow>> order) =>
            [.. order(groups.GroupBy(g => key(g)).Select(x => new CountRow(x.Key, name(x.Key),
                x.Where(g => !g.Closed).Sum(g => g.Count), x.Where(g => g.Closed).Sum(g => g.Count), x.Where(g => g.Overdue).Sum(g => g.Count))))];
        return new Summary(groups.Where(g => !g.Closed).Sum(g => g.Count), groups.Where(g => g.Closed).Sum(g => g.Count), groups.Where(g => g.Overdue).Sum(g => g.Count),
            By(g => RegionCodes.AncestorAt(g.RegionCode, RegionLevel.Township), c => names.GetValueOrDefault(c, c), r => r.OrderBy(x => x.Key)),
            By(g => g.RegionCode, c => $"{names.Township(c)} {names.Village(c)}", r => r.OrderBy(x => x.Key)),
            By(g => g.Rule.ToString(), c => ComparisonRules.Of(Enum.Parse<ComparisonRule>(c)).Name, r => r.OrderBy(x => (int)Enum.Parse<ComparisonRule>(x.Key))),
            By(g => g.RoundId.ToString(), c => rounds.TryGetValue(Guid.Parse(c), out var x) ? x.Name : c,
                r => r.OrderByDescending(x => rounds.TryGetValue(Guid.Parse(x.Key), out var y) ? y.RunAt : DateTime.MinValue)));
    }

    public static async Task<Outcome<int>> VerifyAsync(AppDbContext db, TimeProvider clock, Guid id, VerifyRequest r, CancellationToken ct) =>
        await ChangeAsync(db, id, r.Version, FindingState.Open, "核实", errors => errors.Require("note", r.Note, "核实情况", 500), f =>
        {
            f.State = r.Verified ? FindingState.Confirmed : FindingState.Unfounded;
            (f.Verified, f.VerifyNote, f.VerifiedBy, f.VerifiedOn) = (r.Verified, r.Note!.Trim(), db.User.UserName, clock.Today());
        }, ct);

    public static async Task<Outcome<int>> RectifyAsync(AppDbContext db, TimeProvider clock, Guid id, RectifyRequest r, CancellationToken ct) =>
        await ChangeAsync(db, id, r.Version, FindingState.Confirmed, "整改", errors => errors.Require("measure", r.Measure, "整改措施", 500), f =>
        {
            f.State = FindingState.Rectified;
            (f.Measure, f.RectifiedBy, f.RectifiedOn) = (r.Measure!.Trim(), db.User.UserName, clock.Today());
        }, ct);

    public static async Task<Outcome<int>> CloseAsync(AppDbContext db, TimeProvider clock, Guid id, CloseRequest r, CancellationToken ct) =>
        await ChangeAsync(db, id, r.Version, null, "销号", errors => errors.Require("note", r.Note, "销号说明", 500), f =>
        {
            f.State = FindingState.Closed;
            (f.CloseNote, f.ClosedBy, f.ClosedOn) = (r.Note!.Trim(), db.User.UserName, clock.Today());
        }, ct);

    /// <summary>Why a step cannot be taken in this state; null when it can.</summary>
    public static string? Refusal(FindingState state, string step) => (step, state) switch
    {
        ("核实", FindingState.Open) => null,
        ("核实", _) => $"该问题已核实（{Labels.Of(state)}），不能再次核实",
        ("整改", FindingState.Confirmed) => null,
        ("整改", FindingState.Open) => "请先核实：核实属实后才能登记整改",
        ("整改", _) => $"该问题当前为“{Labels.Of(state)}”，不能登记整改",
        ("销号", FindingState.Rectified or FindingState.Unfounded) => null,
        ("销号", FindingState.Closed) => "该问题已销号",
        ("销号", _) => "只有已整改或核实不属实的问题才能销号",
        _ => "无此操作",
    };

    private static async Task<Outcome<int>> ChangeAsync(AppDbContext db, Guid id, int version, FindingState? from, string step, Action<Errors> validate,
        Action<ComparisonFinding> apply, CancellationToken ct)
    {
        var f = await db.Set<ComparisonFinding>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (f is null)
        {
            return new Outcome<int>.NotFound();
        }
        var errors = new Errors();
        if (Refusal(f.State, step) is { } refused)
        {
            errors.Add("state", refused);
        }
        validate(errors);
        if (errors.Any)
        {
            return new Outcome<int>.Invalid(errors);
        }
        RegistryCommands.ExpectVersion(db, f, version);
        apply(f);
        return await VersionedSave.SaveAsync(db, () => f.Version, ct);
    }

    public static readonly string[] ExportHeaders =
    [
        "乡(镇)", "行政村", "户编号", "户主姓名", "对象", "比对规则", "严重程度", "系统登记情况", "部门名册情况", "比对轮次", "发现日期", "整改时限", "是否逾期",
        "状态", "核实情况", "核实人", "核实日期", "整改措施", "整改人", "整改日期", "销号说明", "销号人", "销号日期",
    ];

    public static IReadOnlyList<string?> ExportRow(View v) =>
    [
        v.TownshipName, v.VillageName, v.HouseholdNumber, v.HeadName, v.Subject, v.RuleName, v.SeverityLabel, v.RegistryEvidence, v.RosterEvidence, v.RoundName,
        D(v.FoundOn), D(v.DueOn), v.Overdue ? "逾期" : "", v.StateLabel,
        v.Verified is { } yes ? (yes ? "属实：" : "不属实：") + v.VerifyNote : null, v.VerifiedBy, D(v.VerifiedOn), v.Measure, v.RectifiedBy, D(v.RectifiedOn),
        v.CloseNote, v.ClosedBy, D(v.ClosedOn),
    ];

    private static string? D(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
