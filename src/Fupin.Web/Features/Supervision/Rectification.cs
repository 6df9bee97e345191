using Fupin.Web.Data;
using Fupin.Web.Features.Comparison;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Supervision;

/// <summary>问题整改台账 (问题清单、责任清单、任务清单): problems from assessments, inspections, audits and comparison, closed one by one (销号) with evidence.</summary>
public static class Rectification
{
    public sealed record ItemRequest(ProblemSource Source, string? Problem, string? Unit, string? Measures, DateOnly? FoundOn, DateOnly? Deadline, Guid? FindingId, int Version);

    public sealed record CloseRequest(string? Evidence, int Version);

    public sealed record ItemView(Guid Id, ProblemSource Source, string SourceLabel, string Problem, string Unit, string? Measures, DateOnly FoundOn, DateOnly Deadline,
        ProblemStatus Status, string StatusLabel, bool Overdue, DateOnly? ClosedOn, string? ClosedBy, string? Evidence, Guid? FindingId, int Version);

    public sealed record CountRow(string Key, string Name, int Open, int Closed, int Overdue);

    public sealed record Ledger(IReadOnlyList<ItemView> Items, IReadOnlyList<CountRow> BySource, IReadOnlyList<CountRow> ByUnit);

    private static ItemView View(RectificationItem p, DateOnly today) => new(p.Id, p.Source, Labels.Of(p.Source), p.Problem, p.Unit, p.Measures, p.FoundOn, p.Deadline,
        p.Status, Labels.Of(p.Status), p.Status == ProblemStatus.Open && p.Deadline < today, p.ClosedOn, p.ClosedBy, p.Evidence, p.FindingId, p.Version);

    public static async Task<Ledger> ListAsync(AppDbContext db, DateOnly today, CancellationToken ct, ProblemSource? source = null, string? unit = null, ProblemStatus? status = null)
    {
        var all = await db.Set<RectificationItem>().AsNoTracking().ToListAsync(ct);
        var items = all.Where(p => (source is null || p.Source == source) && (unit is null || p.Unit == unit) && (status is null || p.Status == status))
            .OrderBy(p => p.Status).ThenBy(p => p.Deadline).ThenBy(p => p.Id).Select(p => View(p, today)).ToList();
        List<CountRow> By(Func<RectificationItem, string> key, Func<string, string> name) =>
            [.. all.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new CountRow(g.Key, name(g.Key), g.Count(p => p.Status == ProblemStatus.Open),
                g.Count(p => p.Status == ProblemStatus.Closed), g.Count(p => p.Status == ProblemStatus.Open && p.Deadline < today)))];
        return new Ledger(items, By(p => p.Source.ToString(), k => Labels.Of(Enum.Parse<ProblemSource>(k))), By(p => p.Unit, k => k));
    }

    public static async Task<Outcome<Guid>> SaveAsync(AppDbContext db, TimeProvider clock, Guid? id, ItemRequest r, CancellationToken ct)
    {
        var today = clock.Today();
        var errors = new Errors();
        errors.Require("problem", r.Problem, "问题描述", 1000);
        errors.Require("unit", r.Unit, "责任单位", 60);
        errors.MaxLength("measures", r.Measures, "整改措施", 1000);
        if (!Enum.IsDefined(r.Source))
        {
            errors.Add("source", "请选择问题来源");
        }
        var found = r.FoundOn ?? today;
        if (found > today)
        {
            errors.Add("foundOn", "发现日期不能晚于今天");
        }
        if (r.Deadline is not { } deadline || deadline < found)
        {
            errors.Add("deadline", "请填写整改时限（不早于发现日期）");
        }
        if (r.FindingId is { } f && !await db.Set<ComparisonFinding>().AnyAsync(x => x.Id == f, ct))
        {
            errors.Add("findingId", "所关联的比对问题不存在或不在您的管辖范围内");
        }
        var existing = id is { } i ? await db.Set<RectificationItem>().FirstOrDefaultAsync(p => p.Id == i, ct) : null;
        if (id is not null && existing is null)
        {
            return new Outcome<Guid>.NotFound();
        }
        if (existing is { Status: ProblemStatus.Closed })
        {
            errors.Add("status", "该问题已销号");
        }
        if (errors.Any)
        {
            return new Outcome<Guid>.Invalid(errors);
        }
        var item = VersionedSave.Prepare(db, existing, id is null ? 0 : r.Version, () => new RectificationItem
        {
            Id = Guid.CreateVersion7(),
            RegionCode = db.User.RegionCode!,
            Problem = "",
            Unit = "",
            Status = ProblemStatus.Open,
        });
        if (item is null)
        {
            return new Outcome<Guid>.Conflict(Outcome.ConflictMessage);
        }
        (item.Source, item.Problem, item.Unit, item.Measures, item.FoundOn, item.Deadline, item.FindingId) =
            (r.Source, r.Problem!.Trim(), r.Unit!.Trim(), string.IsNullOrWhiteSpace(r.Measures) ? null : r.Measures.Trim(), found, r.Deadline!.Value, r.FindingId);
        return await VersionedSave.SaveAsync(db, () => item.Id, ct);
    }

    /// <summary>
    /// A comparison finding taken into the ledger (source 数据比对): the rule and its evidence as the problem, the
    /// finding's township as the unit unless another is named, its 整改时限 as the deadline. A finding goes in once.
    /// </summary>
    public static async Task<Outcome<Guid>> FromFindingAsync(AppDbContext db, TimeProvider clock, Guid findingId, string? unit, CancellationToken ct)
    {
        var finding = await Findings.GetAsync(db, findingId, clock.Today(), ct);
        if (finding is null)
        {
            return new Outcome<Guid>.NotFound();
        }
        if (await db.Set<RectificationItem>().AnyAsync(p => p.FindingId == findingId, ct))
        {
            return new Outcome<Guid>.Invalid(new Errors().Add("findingId", "该比对问题已转入整改台账"));
        }
        var problem = $"{finding.RuleName}：{finding.TownshipName}{finding.VillageName}{finding.HeadName}户（{finding.Subject}），系统登记{finding.RegistryEvidence}，部门名册{finding.RosterEvidence}";
        return await SaveAsync(db, clock, null, new ItemRequest(ProblemSource.Comparison, problem.Length > 1000 ? problem[..1000] : problem,
            string.IsNullOrWhiteSpace(unit) ? $"{finding.TownshipName}人民政府" : unit, finding.Measure, finding.FoundOn, finding.DueOn, findingId, 0), ct);
    }

    public static async Task<Outcome<int>> CloseAsync(AppDbContext db, TimeProvider clock, Guid id, CloseRequest r, CancellationToken ct)
    {
        var item = await db.Set<RectificationItem>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (item is null)
        {
            return new Outcome<int>.NotFound();
        }
        var errors = new Errors();
        errors.Require("evidence", r.Evidence, "整改情况及佐证", 1000);
        if (item.Status == ProblemStatus.Closed)
        {
            errors.Add("status", "该问题已销号");
        }
        if (string.IsNullOrWhiteSpace(item.Measures))
        {
            errors.Add("measures", "请先登记整改措施再销号");
        }
        if (errors.Any)
        {
            return new Outcome<int>.Invalid(errors);
        }
        Households.RegistryCommands.ExpectVersion(db, item, r.Version);
        (item.Status, item.ClosedOn, item.ClosedBy, item.Evidence) = (ProblemStatus.Closed, clock.Today(), db.User.UserName, r.Evidence!.Trim());
        return await VersionedSave.SaveAsync(db, () => item.Version, ct);
    }
}
