using Fupin.Web.Data;
using Fupin.Web.Features.Accounts;
using Fupin.Web.Features.Policy;
using Fupin.Web.Features.Regions;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Assistance;

/// <summary>走访: recording a visit (with the browser's GPS point and photos), a household's visits, and visit compliance against the policy frequency.</summary>
public static class Visits
{
    public sealed record VisitRequest
    {
        /// <summary>The visiting cadre; an assistance cadre's own record when left out.</summary>
        public Guid? CadreId { get; set; }
        /// <summary>When; now when left out.</summary>
        public DateTime? VisitedAt { get; set; }
        public double? Latitude { get; set; }
        public double? Longitude { get; set; }
        public double? Accuracy { get; set; }
        public string? Notes { get; set; }
        public string? Problems { get; set; }
        public List<Guid>? MeasureIds { get; set; }
    }

    public sealed record VisitView(Guid Id, Guid HouseholdId, Guid CadreId, string CadreName, DateTime VisitedAt, DateOnly VisitedOn, double? Latitude, double? Longitude,
        double? Accuracy, string Notes, string? Problems, IReadOnlyList<Guid> MeasureIds, IReadOnlyList<string> MeasureNames, string RecordedBy, IReadOnlyList<Plans.FileView> Photos);

    public sealed record OverdueRow(Guid HouseholdId, string HouseholdNumber, string HeadName, string TownshipName, string VillageName, Guid CadreId, string CadreName,
        string UnitName, DateOnly PairedOn, DateOnly? LastVisit, DateOnly DueOn, int DaysOverdue);

    public sealed record CadreRow(Guid CadreId, string CadreName, string UnitName, int Households, int Overdue, int VisitsInInterval);

    public sealed record Compliance(DateOnly AsOf, int IntervalDays, int Pairs, int OverduePairs, IReadOnlyList<CadreRow> ByCadre, IReadOnlyList<OverdueRow> Overdue);

    public static async Task<Outcome<Guid>> AddAsync(AppDbContext db, TimeProvider clock, Guid householdId, VisitRequest r, CancellationToken ct)
    {
        var h = await db.Households.AsNoTracking().FirstOrDefaultAsync(x => x.Id == householdId, ct);
        if (h is null)
        {
            return new Outcome<Guid>.NotFound();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new Errors();
        errors.Require("notes", r.Notes, "走访情况", 1000);
        errors.MaxLength("problems", r.Problems, "发现的问题", 500);
        var at = r.VisitedAt is { } v ? (v.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : v.ToUniversalTime()) : now;
        if (at > now.AddMinutes(10))
        {
            errors.Add("visitedAt", "走访时间不能晚于现在");
        }
        else if (at < now.AddDays(-60))
        {
            errors.Add("visitedAt", "只能补录60天内的走访");
        }
        if (r.Latitude is { } lat && (lat < -90 || lat > 90) || r.Longitude is { } lng && (lng < -180 || lng > 180) || (r.Latitude is null) != (r.Longitude is null))
        {
            errors.Add("latitude", "定位坐标无效，请重新定位");
        }
        var cadreId = r.CadreId;
        var mine = await Pairings.MineAsync(db, ct);
        if (db.User.Principal.IsInRole(Roles.AssistanceCadre))
        {
            // A cadre records their own visits only.
            if (mine.Count == 0)
            {
                errors.Add("cadreId", "您的账号尚未关联帮扶干部，请联系扶贫办在“结对帮扶”中关联");
            }
            else if (cadreId is not null && mine.All(c => c.Id != cadreId))
            {
                errors.Add("cadreId", "帮扶干部只能登记本人的走访");
            }
            cadreId ??= mine.FirstOrDefault()?.Id;
        }
        else
        {
            cadreId ??= mine.FirstOrDefault()?.Id
                ?? await db.Set<Pairing>().Where(p => p.HouseholdId == householdId && p.ToOn == null).Select(p => (Guid?)p.CadreId).FirstOrDefaultAsync(ct);
            if (cadreId is null)
            {
                errors.Add("cadreId", "请选择走访的帮扶干部（该户尚未结对）");
            }
            // Credited only to a cadre in the acting user's scope, or to the one paired with this household (who may work
            // for a unit above the village).
            else if (!await db.Set<Cadre>().AnyAsync(c => c.Id == cadreId, ct)
                     && !await db.Set<Pairing>().AnyAsync(p => p.HouseholdId == householdId && p.CadreId == cadreId, ct))
            {
                errors.Add("cadreId", "帮扶干部不存在，或不在您的管辖范围内");
            }
        }
        var measureIds = (r.MeasureIds ?? []).Distinct().ToList();
        if (measureIds.Count > 0 && await db.Set<AssistanceMeasure>().CountAsync(m => measureIds.Contains(m.Id) && m.HouseholdId == householdId, ct) != measureIds.Count)
        {
            errors.Add("measureIds", "所选措施不属于该户的帮扶计划");
        }
        if (errors.Any)
        {
            return new Outcome<Guid>.Invalid(errors);
        }
        var visit = new Visit
        {
            Id = Guid.CreateVersion7(),
            RegionCode = h.RegionCode,
            HouseholdId = householdId,
            CadreId = cadreId!.Value,
            VisitedAt = at,
            VisitedOn = DateOnly.FromDateTime(ChinaTime.ToChina(at)),
            Latitude = r.Latitude is { } la ? Math.Round(la, 6) : null,
            Longitude = r.Longitude is { } lo ? Math.Round(lo, 6) : null,
            Accuracy = r.Accuracy is { } acc ? Math.Round(acc, 1) : null,
            Notes = r.Notes!.Trim(),
            Problems = string.IsNullOrWhiteSpace(r.Problems) ? null : r.Problems.Trim(),
            Measures = measureIds.Count == 0 ? null : string.Join(',', measureIds),
            RecordedBy = db.User.UserName,
        };
        db.Add(visit);
        await db.SaveChangesAsync(ct);
        return new Outcome<Guid>.Done(visit.Id);
    }

    public static async Task<IReadOnlyList<VisitView>?> ListAsync(AppDbContext db, Guid householdId, CancellationToken ct)
    {
        if (!await db.Households.AnyAsync(h => h.Id == householdId, ct))
        {
            return null;
        }
        var visits = await db.Set<Visit>().AsNoTracking().Where(v => v.HouseholdId == householdId).OrderByDescending(v => v.VisitedAt).Take(200).ToListAsync(ct);
        var cadreIds = visits.Select(v => v.CadreId).Distinct().ToList();
        var cadres = await db.Set<Cadre>().IgnoreQueryFilters().AsNoTracking().Where(c => cadreIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var measures = await db.Set<AssistanceMeasure>().AsNoTracking().Where(m => m.HouseholdId == householdId).ToDictionaryAsync(m => m.Id, m => $"{Labels.Of(m.Kind)}：{m.Content}", ct);
        var ids = visits.Select(v => v.Id).ToList();
        var photos = (await db.Set<AssistanceFile>().AsNoTracking().Where(f => f.Owner == FileOwner.Visit && ids.Contains(f.OwnerId)).OrderBy(f => f.UploadedAt).ToListAsync(ct))
            .GroupBy(f => f.OwnerId).ToDictionary(g => g.Key, g => g.Select(Plans.ViewOf).ToList());
        return [.. visits.Select(v =>
        {
            var mids = (v.Measures ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();
            return new VisitView(v.Id, v.HouseholdId, v.CadreId, cadres.GetValueOrDefault(v.CadreId, ""), v.VisitedAt, v.VisitedOn, v.Latitude, v.Longitude, v.Accuracy,
                v.Notes, v.Problems, mids, [.. mids.Select(m => measures.GetValueOrDefault(m, ""))], v.RecordedBy, photos.GetValueOrDefault(v.Id) ?? []);
        })];
    }

    /// <summary>
    /// Visit compliance at a day: every current pairing of a household that is not paused, the last visit of
    /// that cadre to it, and whether the interval (policy <c>visit.intervalDays</c>) has run out.
    /// </summary>
    public static async Task<Compliance> ComplianceAsync(AppDbContext db, string? regionCode, DateOnly asOf, CancellationToken ct)
    {
        var pairs = await (from p in db.Set<Pairing>().AsNoTracking().Within(regionCode)
                           join h in db.Households.AsNoTracking() on p.HouseholdId equals h.Id
                           where p.FromOn <= asOf && (p.ToOn == null || p.ToOn > asOf) && h.AssistancePausedOn == null
                           select new { p.HouseholdId, p.CadreId, p.FromOn, h.RegionCode, h.HouseholdNumber, h.HeadName }).ToListAsync(ct);
        var last = await db.Set<Visit>().AsNoTracking().Within(regionCode).Where(v => v.VisitedOn <= asOf)
            .GroupBy(v => new { v.HouseholdId, v.CadreId }).Select(g => new { g.Key.HouseholdId, g.Key.CadreId, Last = g.Max(v => v.VisitedOn) })
            .ToDictionaryAsync(x => (x.HouseholdId, x.CadreId), x => x.Last, ct);
        var lines = await PolicyValues.LoadAsync(db, [PolicyKeys.VisitIntervalDays], asOf.Year, ct);
        var region = regionCode ?? db.User.RegionCode ?? "";
        var interval = (int)(lines(PolicyKeys.VisitIntervalDays, region, asOf.Year) ?? 30);
        var rows = pairs.Select(p => new AssistanceRules.PairRow(p.HouseholdId, p.CadreId, p.FromOn, last.TryGetValue((p.HouseholdId, p.CadreId), out var d) ? d : null)).ToList();
        var overdue = AssistanceRules.Overdue(rows, interval, asOf);
        var cadreIds = pairs.Select(p => p.CadreId).Distinct().ToList();
        var cadres = await db.Set<Cadre>().IgnoreQueryFilters().AsNoTracking().Where(c => cadreIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var unitIds = cadres.Values.Select(c => c.UnitId).Distinct().ToList();
        var units = await db.Set<HelpUnit>().IgnoreQueryFilters().AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var names = await RegionNames.ForVillagesAsync(db, pairs.Select(p => p.RegionCode), ct);
        var info = pairs.ToDictionary(p => (p.HouseholdId, p.CadreId));
        string Cadre(Guid id) => cadres.TryGetValue(id, out var c) ? c.Name : "";
        string Unit(Guid id) => cadres.TryGetValue(id, out var c) ? units.GetValueOrDefault(c.UnitId, "") : "";
        var from = asOf.AddDays(-interval);
        var overdueSet = overdue.Select(o => (o.HouseholdId, o.CadreId)).ToHashSet();
        var byCadre = rows.GroupBy(r => r.CadreId).Select(g => new CadreRow(g.Key, Cadre(g.Key), Unit(g.Key), g.Count(),
            g.Count(r => overdueSet.Contains((r.HouseholdId, r.CadreId))), g.Count(r => r.LastVisit > from))).OrderByDescending(c => c.Overdue).ThenBy(c => c.CadreName).ToList();
        return new Compliance(asOf, interval, rows.Count, overdue.Count, byCadre, [.. overdue.Select(o =>
        {
            var p = info[(o.HouseholdId, o.CadreId)];
            var due = AssistanceRules.DueOn(o, interval);
            return new OverdueRow(o.HouseholdId, p.HouseholdNumber, p.HeadName, names.Township(p.RegionCode), names.Village(p.RegionCode), o.CadreId, Cadre(o.CadreId),
                Unit(o.CadreId), o.FromOn, o.LastVisit, due, asOf.DayNumber - due.DayNumber);
        }).OrderByDescending(o => o.DaysOverdue).ThenBy(o => o.VillageName).ThenBy(o => o.HeadName)]);
    }

    /// <summary>Of the households given, those with a pairing overdue for a visit today (the household list's flag).</summary>
    public static async Task<HashSet<Guid>> OverdueAmongAsync(AppDbContext db, IReadOnlyCollection<Guid> householdIds, DateOnly today, CancellationToken ct)
    {
        var ids = householdIds.ToList();
        var pairs = await db.Set<Pairing>().AsNoTracking().Where(p => p.ToOn == null && ids.Contains(p.HouseholdId))
            .Join(db.Households.Where(h => h.AssistancePausedOn == null), p => p.HouseholdId, h => h.Id, (p, h) => new { p.HouseholdId, p.CadreId, p.FromOn, h.RegionCode })
            .ToListAsync(ct);
        if (pairs.Count == 0)
        {
            return [];
        }
        var last = await db.Set<Visit>().AsNoTracking().Where(v => ids.Contains(v.HouseholdId)).GroupBy(v => new { v.HouseholdId, v.CadreId })
            .Select(g => new { g.Key.HouseholdId, g.Key.CadreId, Last = g.Max(v => v.VisitedOn) }).ToDictionaryAsync(x => (x.HouseholdId, x.CadreId), x => x.Last, ct);
        var lines = await PolicyValues.LoadAsync(db, [PolicyKeys.VisitIntervalDays], today.Year, ct);
        return [.. pairs.Where(p => AssistanceRules.DueOn(new(p.HouseholdId, p.CadreId, p.FromOn, last.TryGetValue((p.HouseholdId, p.CadreId), out var d) ? d : null),
            (int)(lines(PolicyKeys.VisitIntervalDays, p.RegionCode, today.Year) ?? 30)) < today).Select(p => p.HouseholdId)];
    }
}
