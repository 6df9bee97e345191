using Fupin.Web.Data;
using Fupin.Web.Features.Regions;
using Fupin.Web.Rules;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Procedures;

/// <summary>A case with its steps, acts, objections and files; lists of cases; each role's work list.</summary>
public static class ProcedureQueries
{
    public sealed record StepView(int Index, string Code, string Name, string Role, string RoleLabel, StepType Type, string Status);

    public sealed record ActView(int Seq, string StepName, StepDecision Decision, string? Opinion, string ActorName, string ActorRole, DateTime At,
        DateOnly? MeetingDate, int? Attendance, int? VotesFor, int? VotesAgainst, bool? HouseholdAgreed,
        DateOnly? PublicityFrom, DateOnly? PublicityTo, string? Findings, bool SampleChecked, string? SampleFinding);

    public sealed record ObjectionView(Guid Id, string StepCode, string RaisedBy, string Content, DateOnly RaisedOn, string RecordedBy,
        bool Resolved, bool? Upheld, string? Resolution, DateOnly? ResolvedOn, string? ResolvedBy, int Version);

    public sealed record AttachmentView(Guid Id, string? StepCode, string FileName, string ContentType, long Size, string UploadedBy, DateTime UploadedAt);

    public sealed record CaseView(
        Guid Id, ProcedureKind Kind, string KindLabel, string RegionCode, string VillageName, string TownshipName, Guid? HouseholdId,
        string Subject, int Year, CaseState State, string StateLabel, StepView Current, IReadOnlyList<StepView> Steps,
        DateOnly StartedOn, string StartedBy, DateOnly? ClosedOn, string? Outcome,
        DateOnly? PublicityStartedOn, DateOnly? PublicityEndsOn, int? PublicityDay, int? PublicityMinDays,
        bool CanAct, IReadOnlyList<string> CannotActReasons, bool CanObject,
        IReadOnlyList<ActView> Acts, IReadOnlyList<ObjectionView> Objections, IReadOnlyList<AttachmentView> Attachments, int Version)
    {
        /// <summary>For monitoring entry and risk removal: the category, source, risks or removal mode the case decides.</summary>
        public string? Monitoring { get; init; }
    }

    public sealed record CaseRow(Guid Id, ProcedureKind Kind, string KindLabel, string RegionCode, string VillageName, Guid? HouseholdId, string Subject,
        int Year, CaseState State, string StateLabel, string StepName, string StepRoleLabel, DateOnly StepEnteredOn, DateOnly? PublicityEndsOn, DateOnly StartedOn);

    public sealed record ObjectionRow(Guid CaseId, Guid ObjectionId, string KindLabel, string Subject, string VillageName, string RaisedBy, string Content, DateOnly RaisedOn);

    public sealed record WorkList(IReadOnlyList<CaseRow> AtMyStep, IReadOnlyList<CaseRow> PublicityEnding, IReadOnlyList<ObjectionRow> OpenObjections);

    public static async Task<CaseView?> GetAsync(AppDbContext db, ProcedureDefinitions definitions, Guid id, DateOnly today, CancellationToken ct)
    {
        var c = await db.Set<ProcedureCase>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return null;
        }
        var steps = definitions.Steps(c.Kind);
        var acts = await db.Set<ProcedureStep>().AsNoTracking().Where(s => s.CaseId == id).OrderBy(s => s.Seq).ToListAsync(ct);
        var objections = await db.Set<ProcedureObjection>().AsNoTracking().Where(o => o.CaseId == id).OrderBy(o => o.CreatedAt).ToListAsync(ct);
        var files = await db.Set<ProcedureAttachment>().AsNoTracking().Where(a => a.CaseId == id).OrderBy(a => a.UploadedAt).ToListAsync(ct);
        var names = await NamesAsync(db, [c.RegionCode, RegionCodes.AncestorAt(c.RegionCode, RegionLevel.Township)], ct);
        var closed = c.State is CaseState.Approved or CaseState.Rejected;
        var stepViews = steps.Select((s, i) => new StepView(i, s.Code, s.Name, s.Role, Accounts.Roles.Label(s.Role), s.Type,
            i < c.StepIndex || (closed && i == c.StepIndex && c.State == CaseState.Approved) ? "done"
            : i == c.StepIndex ? (closed ? "stopped" : "current") : "pending")).ToList();
        var current = stepViews[Math.Min(c.StepIndex, stepViews.Count - 1)];
        var open = objections.Count(o => !o.Resolved);
        var reasons = closed ? ["该案件已办结"]
            : ProcedureRules.CannotAct(c.State, steps[current.Index], db.User.Role, StepDecision.Pass, c.PublicityStartedOn, c.PublicityMinDays, open, today);
        var roleOk = ProcedureCommands.RoleRefusal(db.User, steps[current.Index]) is null;
        return new CaseView(c.Id, c.Kind, Labels.Of(c.Kind), c.RegionCode, names.GetValueOrDefault(c.RegionCode, ""),
            names.GetValueOrDefault(RegionCodes.AncestorAt(c.RegionCode, RegionLevel.Township), ""), c.HouseholdId, c.Subject, c.Year,
            c.State, Labels.Of(c.State), current, stepViews, c.StartedOn, c.StartedBy, c.ClosedOn, c.Outcome,
            c.PublicityStartedOn, c.PublicityStartedOn is { } ps ? ProcedureRules.PublicityEnds(ps, c.PublicityMinDays ?? 1) : null,
            c.PublicityStartedOn is { } p2 ? ProcedureRules.PublicityDay(p2, today) : null, c.PublicityMinDays,
            !closed && roleOk && c.State == CaseState.Open, reasons,
            ProcedureRules.CannotObject(c.State, steps[current.Index]) is null,
            acts.Select(a => new ActView(a.Seq, a.StepName, a.Decision, a.Opinion, a.ActorName, Accounts.Roles.Label(a.ActorRole), a.At,
                a.MeetingDate, a.Attendance, a.VotesFor, a.VotesAgainst, a.HouseholdAgreed, a.PublicityFrom, a.PublicityTo, a.Findings,
                a.SampleChecked, a.SampleFinding)).ToList(),
            objections.Select(o => new ObjectionView(o.Id, o.StepCode, o.RaisedBy, o.Content, o.RaisedOn, o.RecordedBy, o.Resolved, o.Upheld,
                o.Resolution, o.ResolvedOn, o.ResolvedBy, o.Version)).ToList(),
            files.Select(a => new AttachmentView(a.Id, a.StepCode, a.FileName, a.ContentType, a.Size, a.UploadedBy, a.UploadedAt)).ToList(),
            c.Version) with
        {
            Monitoring = c.Kind switch
            {
                ProcedureKind.MonitoringEntry => $"{Labels.Of(c.MonitoringType)}，来源：{Labels.Of(c.MonitoringSource)}，风险：{c.Risks}{(c.FindingId is null ? "" : "（由比对问题提出）")}",
                ProcedureKind.RiskRemoval => $"风险消除方式：{Labels.Of(c.RemovalMode)}",
                ProcedureKind.AssistancePause => $"歇帮理由：{c.Reason}",
                ProcedureKind.AssistanceResume => $"恢复帮扶理由：{c.Reason}",
                ProcedureKind.Removal => $"清退理由：{c.Reason}",
                _ => null,
            },
        };
    }

    public sealed record ListQuery
    {
        public ProcedureKind? Kind { get; set; }
        public CaseState? State { get; set; }
        public string? RegionCode { get; set; }
        public Guid? HouseholdId { get; set; }
        // Nullable: a property left out of the query string binds as null, so the defaults below apply (an int binds as 0).
        public int? Page { get; set; }
        public int? PageSize { get; set; }
    }

    public static async Task<Paged<CaseRow>> ListAsync(AppDbContext db, ProcedureDefinitions definitions, ListQuery q, CancellationToken ct)
    {
        var cases = db.Set<ProcedureCase>().AsNoTracking();
        if (q.Kind is { } kind)
        {
            cases = cases.Where(c => c.Kind == kind);
        }
        if (q.State is { } state)
        {
            cases = cases.Where(c => c.State == state);
        }
        if (q.HouseholdId is { } hid)
        {
            cases = cases.Where(c => c.HouseholdId == hid);
        }
        cases = cases.Within(q.RegionCode);
        var (skip, take) = Paging.Window(q.Page ?? 1, q.PageSize ?? 20);
        var total = await cases.CountAsync(ct);
        var page = await cases.OrderByDescending(c => c.UpdatedAt).ThenBy(c => c.Id).Skip(skip).Take(take).ToListAsync(ct);
        return new Paged<CaseRow>(await RowsAsync(db, definitions, page, ct), total);
    }

    /// <summary>
    /// What waits for this user: open cases whose current step their role owns, publicity periods that
    /// have ended or end within <paramref name="days"/> days, and objections not yet resolved. All in scope.
    /// </summary>
    public static async Task<WorkList> WorkListAsync(AppDbContext db, ProcedureDefinitions definitions, DateOnly today, int days, CancellationToken ct)
    {
        var open = await db.Set<ProcedureCase>().AsNoTracking()
            .Where(c => c.State == CaseState.Open || c.State == CaseState.OnHold)
            .OrderBy(c => c.StepEnteredOn).ThenBy(c => c.Id).Take(5000).ToListAsync(ct);
        var roles = (db.User.Role ?? "").Split(',');
        var mine = open.Where(c => c.State == CaseState.Open && roles.Contains(definitions.Steps(c.Kind)[Math.Min(c.StepIndex, definitions.Steps(c.Kind).Count - 1)].Role)).ToList();
        var ending = open.Where(c => c.PublicityStartedOn is { } s && ProcedureRules.PublicityEnds(s, c.PublicityMinDays ?? 1) <= today.AddDays(days))
            .OrderBy(c => ProcedureRules.PublicityEnds(c.PublicityStartedOn!.Value, c.PublicityMinDays ?? 1)).ToList();
        var objections = await db.Set<ProcedureObjection>().AsNoTracking().Where(o => !o.Resolved).OrderBy(o => o.RaisedOn).Take(500).ToListAsync(ct);
        var byId = open.ToDictionary(c => c.Id);
        var held = objections.Where(o => byId.ContainsKey(o.CaseId)).Select(o => byId[o.CaseId]);
        var rows = (await RowsAsync(db, definitions, mine.Concat(ending).Concat(held).DistinctBy(c => c.Id).ToList(), ct)).ToDictionary(r => r.Id);
        return new WorkList(
            mine.Select(c => rows[c.Id]).ToList(),
            ending.Select(c => rows[c.Id]).ToList(),
            objections.Where(o => byId.ContainsKey(o.CaseId)).Select(o =>
            {
                var c = rows[o.CaseId];
                return new ObjectionRow(c.Id, o.Id, c.KindLabel, c.Subject, c.VillageName, o.RaisedBy, o.Content, o.RaisedOn);
            }).ToList());
    }

    private static async Task<IReadOnlyList<CaseRow>> RowsAsync(AppDbContext db, ProcedureDefinitions definitions, IReadOnlyList<ProcedureCase> cases, CancellationToken ct)
    {
        var names = await NamesAsync(db, cases.Select(c => c.RegionCode).Distinct().ToList(), ct);
        return cases.Select(c =>
        {
            var steps = definitions.Steps(c.Kind);
            var step = steps[Math.Min(c.StepIndex, steps.Count - 1)];
            var closed = c.State is CaseState.Approved or CaseState.Rejected;
            return new CaseRow(c.Id, c.Kind, Labels.Of(c.Kind), c.RegionCode, names.GetValueOrDefault(c.RegionCode, ""), c.HouseholdId, c.Subject, c.Year,
                c.State, Labels.Of(c.State), closed ? $"已办结（{c.ClosedOn:yyyy-MM-dd}）" : step.Name, closed ? "" : Accounts.Roles.Label(step.Role), c.StepEnteredOn,
                c.PublicityStartedOn is { } s ? ProcedureRules.PublicityEnds(s, c.PublicityMinDays ?? 1) : null, c.StartedOn);
        }).ToList();
    }

    private static Task<Dictionary<string, string>> NamesAsync(AppDbContext db, IReadOnlyList<string> codes, CancellationToken ct) =>
        db.Regions.IgnoreQueryFilters().AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
}
