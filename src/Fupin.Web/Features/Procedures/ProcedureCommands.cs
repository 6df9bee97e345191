using Fupin.Web.Data;
using Fupin.Web.Features.Audit;
using Fupin.Web.Features.Exit;
using Fupin.Web.Features.Households;
using Fupin.Web.Features.Policy;
using Fupin.Web.Rules;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Procedures;

/// <summary>
/// Starting a case, acting on its current step, objections. Every act is a new step line and an audit
/// event; the case row carries where it stands, with a version so two people cannot both move it.
/// </summary>
public static class ProcedureCommands
{
    public const string ProcedureEvent = "ProcedureStep";

    public sealed record StartRequest
    {
        public ProcedureKind Kind { get; set; }
        /// <summary>For a household's identification or exit.</summary>
        public Guid? HouseholdId { get; set; }
        /// <summary>For a village's exit: the village's 12-digit code.</summary>
        public string? VillageCode { get; set; }
        /// <summary>识别年度, 脱贫年度 or 出列年度; by default this year (identification) or last year (exits, judged on a whole year's income).</summary>
        public int? Year { get; set; }
        /// <summary>Monitoring entry: the category, the source and the risks (labels, e.g. 因病、因灾).</summary>
        public Monitoring.MonitoringType? MonitoringType { get; set; }
        public Monitoring.MonitoringSource? MonitoringSource { get; set; }
        public string? Risks { get; set; }
        /// <summary>Monitoring entry proposed by a comparison finding (部门筛查预警).</summary>
        public Guid? FindingId { get; set; }
        /// <summary>Risk removal: 帮扶消除 or 自然消除.</summary>
        public Monitoring.RiskRemovalMode? RemovalMode { get; set; }
        /// <summary>歇帮 or restoring assistance: why.</summary>
        public string? Reason { get; set; }
    }

    public sealed record ActRequest
    {
        public StepDecision Decision { get; set; }
        public string? Opinion { get; set; }
        public DateOnly? MeetingDate { get; set; }
        public int? Attendance { get; set; }
        public int? VotesFor { get; set; }
        public int? VotesAgainst { get; set; }
        public bool? HouseholdAgreed { get; set; }
        public bool SampleChecked { get; set; }
        public string? SampleFinding { get; set; }
        public int Version { get; set; }
    }

    public sealed record ObjectionRequest
    {
        public string? RaisedBy { get; set; }
        public string? Content { get; set; }
    }

    public sealed record ResolveRequest
    {
        public bool Upheld { get; set; }
        public string? Resolution { get; set; }
        public int Version { get; set; }
    }

    public static async Task<Outcome<Guid>> StartAsync(AppDbContext db, ProcedureDefinitions definitions, TimeProvider clock, StartRequest r, CancellationToken ct)
    {
        var today = clock.Today();
        var steps = definitions.Steps(r.Kind);
        var errors = new Errors();
        if (RoleRefusal(db.User, steps[0]) is { } refused)
        {
            return new Outcome<Guid>.Forbidden(refused);
        }
        string region;
        string subject;
        Guid? householdId = null;
        int year;
        Monitoring.MonitoringCases.Entry? monitoring = null;
        if (r.Kind is ProcedureKind.MonitoringEntry or ProcedureKind.RiskRemoval)
        {
            var h = r.HouseholdId is { } hid ? await db.Households.AsNoTracking().FirstOrDefaultAsync(x => x.Id == hid, ct) : null;
            if (h is null)
            {
                return new Outcome<Guid>.NotFound();
            }
            (region, subject, householdId) = (h.RegionCode, h.HeadName, h.Id);
            year = r.Year ?? today.Year;
            monitoring = await Monitoring.MonitoringCases.CheckStartAsync(db, h, r, today, errors, ct);
        }
        else if (r.Kind is ProcedureKind.Removal)
        {
            var h = r.HouseholdId is { } hid ? await db.Households.AsNoTracking().FirstOrDefaultAsync(x => x.Id == hid, ct) : null;
            if (h is null)
            {
                return new Outcome<Guid>.NotFound();
            }
            (region, subject, householdId) = (h.RegionCode, h.HeadName, h.Id);
            year = r.Year ?? today.Year;
            errors.Require("reason", r.Reason, "清退理由", 200);
            if (h.Status is HouseholdStatus.Removed or HouseholdStatus.Applicant)
            {
                errors.Add("householdId", $"该户状态为“{Labels.Of(h.Status)}”，不能启动清退程序");
            }
        }
        else if (r.Kind is ProcedureKind.AssistancePause or ProcedureKind.AssistanceResume)
        {
            var h = r.HouseholdId is { } hid ? await db.Households.AsNoTracking().FirstOrDefaultAsync(x => x.Id == hid, ct) : null;
            if (h is null)
            {
                return new Outcome<Guid>.NotFound();
            }
            (region, subject, householdId) = (h.RegionCode, h.HeadName, h.Id);
            year = r.Year ?? today.Year;
            Assistance.AssistancePause.CheckStart(h, r, errors);
        }
        else if (r.Kind is ProcedureKind.Identification or ProcedureKind.HouseholdExit)
        {
            var h = r.HouseholdId is { } hid ? await db.Households.AsNoTracking().FirstOrDefaultAsync(x => x.Id == hid, ct) : null;
            if (h is null)
            {
                return new Outcome<Guid>.NotFound();
            }
            (region, subject, householdId) = (h.RegionCode, h.HeadName, h.Id);
            year = r.Year ?? (r.Kind == ProcedureKind.Identification ? today.Year : today.Year - 1);
            if (r.Kind == ProcedureKind.Identification && h.Status != HouseholdStatus.Applicant)
            {
                errors.Add("householdId", $"该户状态为“{Labels.Of(h.Status)}”，只有“申请中”的农户才能启动识别程序");
            }
            if (r.Kind == ProcedureKind.HouseholdExit)
            {
                if (h.Status is not (HouseholdStatus.NotLifted or HouseholdStatus.Returned))
                {
                    errors.Add("householdId", $"该户状态为“{Labels.Of(h.Status)}”，只有未脱贫或返贫户才能启动退出程序");
                }
                else if (await HouseholdExitReadiness.CheckAsync(db, h.Id, year, today, ct) is { Ready: false } readiness)
                {
                    foreach (var reason in readiness.Reasons)
                    {
                        errors.Add("readiness", reason);
                    }
                }
            }
        }
        else
        {
            var v = RegionCodes.IsWellFormed(r.VillageCode) ? await db.Regions.AsNoTracking().FirstOrDefaultAsync(x => x.Code == r.VillageCode, ct) : null;
            if (v is null || v.Level != RegionLevel.Village)
            {
                return new Outcome<Guid>.NotFound();
            }
            (region, subject) = (v.Code, v.Name);
            year = r.Year ?? today.Year - 1;
            if (!v.IsPovertyVillage)
            {
                errors.Add("villageCode", $"{v.Name}不是贫困村，无需出列");
            }
            else if (v.ExitYear is { } exited)
            {
                errors.Add("villageCode", $"{v.Name}已于{exited}年出列");
            }
            else if (await VillageExit.EvaluateAsync(db, v.Code, year, ct) is [var row] && !row.Ready)
            {
                foreach (var c in row.Criteria.Where(c => !c.Met))
                {
                    errors.Add("readiness", $"{c.Name}未达标：{c.Figure}（标准：{c.Threshold}）");
                }
            }
        }
        if (year < 2013 || year > today.Year)
        {
            errors.Add("year", $"年度应在2013年到{today.Year}年之间");
        }
        var kind = r.Kind;
        if (errors.Any is false && await db.Set<ProcedureCase>().AnyAsync(c => c.Kind == kind && c.RegionCode == region
                && (householdId == null || c.HouseholdId == householdId) && (c.State == CaseState.Open || c.State == CaseState.OnHold), ct))
        {
            errors.Add("householdId", $"已有一件办理中的{Labels.Of(kind)}案件，请在该案件中继续办理");
        }
        if (errors.Any)
        {
            return new Outcome<Guid>.Invalid(errors);
        }

        var @case = new ProcedureCase
        {
            Id = Guid.CreateVersion7(),
            Kind = kind,
            RegionCode = region,
            HouseholdId = householdId,
            Subject = subject,
            Year = year,
            StepCode = steps[0].Code,
            State = CaseState.Open,
            StartedOn = today,
            StartedBy = db.User.UserName,
            MonitoringType = monitoring?.Type,
            MonitoringSource = monitoring?.Source,
            Risks = monitoring?.Risks,
            FindingId = monitoring?.FindingId,
            RemovalMode = monitoring?.RemovalMode,
            Reason = r.Kind is ProcedureKind.AssistancePause or ProcedureKind.AssistanceResume or ProcedureKind.Removal ? r.Reason?.Trim() : null,
        };
        if (await EnterAsync(db, @case, 0, steps, today, ct) is { } problem)
        {
            return new Outcome<Guid>.Invalid(new Errors().Add("publicity", problem));
        }
        db.Add(@case);
        AuditEvents.Add(db, clock, ProcedureEvent, nameof(ProcedureCase), @case.Id.ToString(),
            $"{Labels.Of(kind)}：{subject}，启动（{year}年度）", region, householdId);
        return await VersionedSave.SaveAsync(db, () => @case.Id, ct);
    }

    public static async Task<Outcome<int>> ActAsync(AppDbContext db, ProcedureDefinitions definitions, TimeProvider clock, Guid caseId, ActRequest r, CancellationToken ct)
    {
        var today = clock.Today();
        var @case = await db.Set<ProcedureCase>().FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (@case is null)
        {
            return new Outcome<int>.NotFound();
        }
        var steps = definitions.Steps(@case.Kind);
        var step = steps[Math.Min(@case.StepIndex, steps.Count - 1)];
        if (@case.State is CaseState.Approved or CaseState.Rejected)
        {
            return new Outcome<int>.Invalid(new Errors().Add("state", "该案件已办结"));
        }
        if (RoleRefusal(db.User, step) is { } refused)
        {
            return new Outcome<int>.Forbidden(refused);
        }
        var open = await db.Set<ProcedureObjection>().CountAsync(o => o.CaseId == caseId && !o.Resolved, ct);
        var errors = new Errors();
        foreach (var reason in ProcedureRules.CannotAct(@case.State, step, db.User.Role, r.Decision, @case.PublicityStartedOn, @case.PublicityMinDays, open, today))
        {
            errors.Add("step", reason);
        }
        errors.MaxLength("opinion", r.Opinion, "意见", 1000);
        if (r.Decision == StepDecision.Reject && string.IsNullOrWhiteSpace(r.Opinion))
        {
            errors.Add("opinion", "不通过时须填写理由");
        }
        var line = new ProcedureStep
        {
            Id = Guid.CreateVersion7(),
            CaseId = caseId,
            RegionCode = @case.RegionCode,
            Seq = await db.Set<ProcedureStep>().CountAsync(s => s.CaseId == caseId, ct) + 1,
            StepCode = step.Code,
            StepName = step.Name,
            Decision = r.Decision,
            Opinion = r.Opinion?.Trim(),
            ActorId = db.User.UserId,
            ActorName = db.User.UserName,
            ActorRole = db.User.Role ?? "",
            At = clock.GetUtcNow().UtcDateTime,
            On = today,
        };
        switch (step.Type)
        {
            case StepType.Meeting:
                CheckMeeting(r, today, errors);
                (line.MeetingDate, line.Attendance, line.VotesFor, line.VotesAgainst) = (r.MeetingDate, r.Attendance, r.VotesFor, r.VotesAgainst);
                break;
            case StepType.Agreement:
                if (r.HouseholdAgreed is null)
                {
                    errors.Add("householdAgreed", "请记录农户是否认可");
                }
                else if (r.Decision == StepDecision.Pass && r.HouseholdAgreed == false)
                {
                    errors.Add("householdAgreed", "农户不认可时不能通过此步骤");
                }
                line.HouseholdAgreed = r.HouseholdAgreed;
                break;
            case StepType.Comparison:
                var findings = await ProcedureChecks.CompareAsync(db, @case, ct);
                line.Findings = findings.Count == 0 ? "未发现问题" : string.Join("\n", findings.Select(f => (f.Blocking ? "【不符】" : "【提示】") + f.Text));
                if (r.Decision == StepDecision.Pass && findings.Any(f => f.Blocking))
                {
                    errors.Add("step", "比对发现不符合条件的情况，不能通过：" + string.Join("；", findings.Where(f => f.Blocking).Select(f => f.Text)));
                }
                break;
            case StepType.Publicity:
                (line.PublicityFrom, line.PublicityTo) = (@case.PublicityStartedOn, today);
                break;
            case StepType.Application:
            case StepType.Review:
            case StepType.Announcement:
                break;
        }
        if (r.SampleChecked)
        {
            errors.Require("sampleFinding", r.SampleFinding, "抽查发现的情况", 1000);
        }
        if (r.Decision == StepDecision.Pass && @case.StepIndex >= steps.Count - 1 && @case.Kind == ProcedureKind.RiskRemoval && @case.HouseholdId is { } removing)
        {
            // The conditions are checked again at the decision: the household may have changed since the start.
            foreach (var reason in await Monitoring.MonitoringCases.RemovalRefusalsAsync(db, removing, today, ct))
            {
                errors.Add("readiness", reason);
            }
        }
        (line.SampleChecked, line.SampleFinding) = (r.SampleChecked, r.SampleChecked ? r.SampleFinding?.Trim() : null);
        if (errors.Any)
        {
            return new Outcome<int>.Invalid(errors);
        }

        RegistryCommands.ExpectVersion(db, @case, r.Version);
        db.Add(line);
        string detail;
        if (r.Decision == StepDecision.Reject)
        {
            await CloseRejectedAsync(db, @case, $"{step.Name}未通过：{line.Opinion}", today, ct);
            detail = $"{step.Name}：不通过（{line.Opinion}），案件办结";
        }
        else if (@case.StepIndex >= steps.Count - 1)
        {
            await ApproveAsync(db, @case, today, ct);
            detail = $"{step.Name}：通过，案件办结";
        }
        else
        {
            if (await EnterAsync(db, @case, @case.StepIndex + 1, steps, today, ct) is { } problem)
            {
                return new Outcome<int>.Invalid(new Errors().Add("publicity", problem));
            }
            detail = $"{step.Name}：通过，转入“{steps[@case.StepIndex].Name}”";
        }
        AuditEvents.Add(db, clock, ProcedureEvent, nameof(ProcedureCase), @case.Id.ToString(),
            $"{Labels.Of(@case.Kind)}：{@case.Subject}，{detail}", @case.RegionCode, @case.HouseholdId);
        return await VersionedSave.SaveAsync(db, () => @case.Version, ct);
    }

    public static async Task<Outcome<Guid>> RaiseObjectionAsync(AppDbContext db, ProcedureDefinitions definitions, TimeProvider clock, Guid caseId, ObjectionRequest r, CancellationToken ct)
    {
        var @case = await db.Set<ProcedureCase>().FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (@case is null)
        {
            return new Outcome<Guid>.NotFound();
        }
        var steps = definitions.Steps(@case.Kind);
        var step = steps[Math.Min(@case.StepIndex, steps.Count - 1)];
        var errors = new Errors();
        if (ProcedureRules.CannotObject(@case.State, step) is { } refused)
        {
            errors.Add("step", refused);
        }
        errors.Require("raisedBy", r.RaisedBy, "异议人", 60);
        errors.Require("content", r.Content, "异议内容", 1000);
        if (errors.Any)
        {
            return new Outcome<Guid>.Invalid(errors);
        }
        var today = clock.Today();
        var objection = new ProcedureObjection
        {
            Id = Guid.CreateVersion7(),
            CaseId = caseId,
            RegionCode = @case.RegionCode,
            StepCode = step.Code,
            RaisedBy = r.RaisedBy!.Trim(),
            Content = r.Content!.Trim(),
            RaisedOn = today,
            RecordedBy = db.User.UserName,
        };
        db.Add(objection);
        @case.State = CaseState.OnHold;
        AuditEvents.Add(db, clock, ProcedureEvent, nameof(ProcedureObjection), objection.Id.ToString(),
            $"{Labels.Of(@case.Kind)}：{@case.Subject}，{step.Name}期间登记异议，案件暂停", @case.RegionCode, @case.HouseholdId);
        return await VersionedSave.SaveAsync(db, () => objection.Id, ct);
    }

    public static async Task<Outcome<int>> ResolveObjectionAsync(AppDbContext db, TimeProvider clock, Guid caseId, Guid objectionId, ResolveRequest r, CancellationToken ct)
    {
        var objection = await db.Set<ProcedureObjection>().FirstOrDefaultAsync(o => o.Id == objectionId && o.CaseId == caseId, ct);
        var @case = objection is null ? null : await db.Set<ProcedureCase>().FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (objection is null || @case is null)
        {
            return new Outcome<int>.NotFound();
        }
        var errors = new Errors();
        if (objection.Resolved)
        {
            errors.Add("objection", "该异议已处理");
        }
        errors.Require("resolution", r.Resolution, "处理结果", 1000);
        if (errors.Any)
        {
            return new Outcome<int>.Invalid(errors);
        }
        var today = clock.Today();
        RegistryCommands.ExpectVersion(db, objection, r.Version);
        objection.Resolved = true;
        objection.Upheld = r.Upheld;
        objection.Resolution = r.Resolution!.Trim();
        objection.ResolvedOn = today;
        objection.ResolvedBy = db.User.UserName;
        if (r.Upheld)
        {
            await CloseRejectedAsync(db, @case, $"异议成立：{objection.Resolution}", today, ct);
        }
        else if (!await db.Set<ProcedureObjection>().AnyAsync(o => o.CaseId == caseId && !o.Resolved && o.Id != objectionId, ct))
        {
            @case.State = CaseState.Open;
        }
        AuditEvents.Add(db, clock, ProcedureEvent, nameof(ProcedureObjection), objection.Id.ToString(),
            $"{Labels.Of(@case.Kind)}：{@case.Subject}，异议处理：{(r.Upheld ? "异议成立，案件办结（未通过）" : "异议不成立，继续办理")}", @case.RegionCode, @case.HouseholdId);
        return await VersionedSave.SaveAsync(db, () => objection.Version, ct);
    }

    /// <summary>Why this user may not act on a step owned by another role; null when they may.</summary>
    public static string? RoleRefusal(CurrentUser user, StepDefinition step) =>
        user.Role is { } role && role.Split(',').Contains(step.Role) ? null
            : $"“{step.Name}”由{Accounts.Roles.Label(step.Role)}办理，您的角色不能办理此步骤";

    private static async Task<string?> EnterAsync(AppDbContext db, ProcedureCase @case, int index, IReadOnlyList<StepDefinition> steps, DateOnly today, CancellationToken ct)
    {
        var next = steps[index];
        @case.StepIndex = index;
        @case.StepCode = next.Code;
        @case.StepEnteredOn = today;
        @case.PublicityStartedOn = null;
        @case.PublicityMinDays = null;
        if (next.Type == StepType.Publicity)
        {
            var days = await PolicyValues.LookupAsync(db, PolicyKeys.PublicityMinDays, @case.RegionCode, today.Year, ct);
            if (days is null)
            {
                return $"{today.Year}年没有设定公示期最短天数，请先在政策参数中设定";
            }
            @case.PublicityStartedOn = today;
            @case.PublicityMinDays = (int)Math.Ceiling(days.Value);
        }
        return null;
    }

    private static async Task CloseRejectedAsync(AppDbContext db, ProcedureCase @case, string reason, DateOnly today, CancellationToken ct)
    {
        @case.State = CaseState.Rejected;
        @case.ClosedOn = today;
        @case.Outcome = reason.Length > 500 ? reason[..500] : reason;
        if (@case.Kind == ProcedureKind.Identification && @case.HouseholdId is { } id
            && await db.Households.FirstOrDefaultAsync(h => h.Id == id, ct) is { } h)
        {
            // Not registered; the reason stays on the applicant household.
            h.StatusReason = ("识别未通过：" + reason) is var text && text.Length > 200 ? text[..200] : text;
            h.StatusChangedOn = today;
        }
    }

    private static async Task ApproveAsync(AppDbContext db, ProcedureCase @case, DateOnly today, CancellationToken ct)
    {
        @case.State = CaseState.Approved;
        @case.ClosedOn = today;
        switch (@case.Kind)
        {
            case ProcedureKind.Identification:
                {
                    var h = await db.Households.FirstAsync(x => x.Id == @case.HouseholdId, ct);
                    h.Status = HouseholdStatus.NotLifted;
                    h.YearIdentified = @case.Year;
                    h.StatusChangedOn = today;
                    h.StatusReason = "区级审核公告，纳入建档立卡";
                    break;
                }
            case ProcedureKind.HouseholdExit:
                {
                    var h = await db.Households.FirstAsync(x => x.Id == @case.HouseholdId, ct);
                    h.Status = HouseholdStatus.Lifted;
                    h.YearLifted = @case.Year;
                    h.StatusChangedOn = today;
                    h.StatusReason = "退出程序公告，标注脱贫";
                    break;
                }
            case ProcedureKind.VillageExit:
                {
                    var v = await db.Regions.FirstAsync(x => x.Code == @case.RegionCode, ct);
                    v.ExitYear = @case.Year;
                    break;
                }
            case ProcedureKind.MonitoringEntry:
            case ProcedureKind.RiskRemoval:
                await Monitoring.MonitoringCases.ApplyAsync(db, @case, today, ct);
                break;
            case ProcedureKind.AssistancePause:
            case ProcedureKind.AssistanceResume:
                await Assistance.AssistancePause.ApplyAsync(db, @case, today, ct);
                break;
            case ProcedureKind.Removal:
                {
                    var h = await db.Households.FirstAsync(x => x.Id == @case.HouseholdId, ct);
                    h.Status = HouseholdStatus.Removed;
                    h.StatusChangedOn = today;
                    h.StatusReason = ("清退：" + @case.Reason) is var text && text.Length > 200 ? text[..200] : text;
                    break;
                }
        }
    }

    private static void CheckMeeting(ActRequest r, DateOnly today, Errors errors)
    {
        if (r.MeetingDate is not { } date)
        {
            errors.Add("meetingDate", "请填写会议日期");
        }
        else if (date > today)
        {
            errors.Add("meetingDate", "会议日期不能晚于今天");
        }
        if (r.Attendance is not > 0)
        {
            errors.Add("attendance", "请填写到会人数（大于0）");
        }
        if (r.VotesFor is not >= 0 || r.VotesAgainst is not >= 0)
        {
            errors.Add("votesFor", "请填写赞成票和反对票（不小于0）");
        }
        else if (r.Attendance is > 0 && r.VotesFor + r.VotesAgainst > r.Attendance)
        {
            errors.Add("votesFor", "赞成票与反对票之和不能超过到会人数");
        }
        else if (r.Decision == StepDecision.Pass && r.Attendance is > 0 && r.VotesFor * 2 <= r.Attendance)
        {
            errors.Add("votesFor", "赞成票未超过到会人数的一半，不能通过");
        }
    }
}
