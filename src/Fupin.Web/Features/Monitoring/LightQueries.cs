using Fupin.Web.Data;
using Fupin.Web.Features.Comparison;
using Fupin.Web.Features.Households;
using Fupin.Web.Features.Regions;
using Fupin.Web.Rules;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Monitoring;

/// <summary>The lights dashboard, the list of red and yellow households, one household's light; overrides, follow-ups and risk events.</summary>
public static class LightQueries
{
    public sealed record ReasonView(LightReason Reason, string Label, Light Light, string Detail, string FollowUp);

    public sealed record HouseholdView(Guid HouseholdId, Light? Light, string? LightLabel, Light? Computed, IReadOnlyList<ReasonView> Reasons, DateTime? ComputedAt,
        Light? PreviousLight, Light? Override, string? OverrideReason, string? OverrideBy, DateOnly? OverrideOn, string? FollowUp, DateOnly? FollowUpDue,
        bool FollowUpOverdue, int NoteVersion, MonitoringType? MonitoringType, MonitoringSource? MonitoringSource, string? MonitoringRisks, DateOnly? MonitoringSince,
        DateOnly? RiskRemovedOn, RiskRemovalMode? RiskRemovalMode, bool IsMonitored, int OpenFindings, IReadOnlyList<EventView> Events);

    public sealed record EventView(Guid Id, RiskEventKind Kind, string KindLabel, DateOnly OccurredOn, string Note, string RecordedBy);

    public sealed record CountRow(string Code, string Name, int Red, int Yellow, int Green, int PreviousRed, int PreviousYellow, int PreviousGreen, int Changed)
    {
        public int Total => Red + Yellow + Green;
    }

    public sealed record Dashboard(CountRow Total, IReadOnlyList<CountRow> ByTownship, IReadOnlyList<CountRow> ByVillage, DateTime? ComputedAt, DateTime? PreviousAt);

    public sealed record ListRow(Guid HouseholdId, string HouseholdNumber, string HeadName, string RegionCode, string TownshipName, string VillageName,
        Light Light, string LightLabel, bool Overridden, Light? PreviousLight, IReadOnlyList<ReasonView> Reasons, string? FollowUp, DateOnly? FollowUpDue, bool FollowUpOverdue,
        bool IsMonitored);

    public sealed record NoteRequest
    {
        /// <summary>Override the computed light (null: clear the override).</summary>
        public Light? Override { get; set; }
        public string? OverrideReason { get; set; }
        public string? FollowUp { get; set; }
        public DateOnly? FollowUpDue { get; set; }
        public int Version { get; set; }
    }

    public sealed record EventRequest(RiskEventKind Kind, DateOnly? OccurredOn, string? Note);

    public static IReadOnlyList<ReasonView> Reasons(string codes, string detail)
    {
        var lines = detail.Split('\n');
        return [.. codes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select((c, i) => Enum.TryParse<LightReason>(c, out var r)
            ? new ReasonView(r, Labels.Of(r), LightRules.ColourOf(r), i < lines.Length ? lines[i] : "", LightRules.FollowUp(r)) : null).OfType<ReasonView>()];
    }

    public static async Task<HouseholdView?> GetAsync(AppDbContext db, Guid householdId, DateOnly today, CancellationToken ct)
    {
        var h = await db.Households.AsNoTracking().FirstOrDefaultAsync(x => x.Id == householdId, ct);
        if (h is null)
        {
            return null;
        }
        var light = await db.Set<HouseholdLight>().AsNoTracking().FirstOrDefaultAsync(l => l.HouseholdId == householdId, ct);
        var note = await db.Set<LightNote>().AsNoTracking().FirstOrDefaultAsync(n => n.HouseholdId == householdId, ct);
        var open = await db.Set<ComparisonFinding>().CountAsync(f => f.HouseholdId == householdId && f.State != FindingState.Closed, ct);
        var events = await db.Set<RiskEvent>().AsNoTracking().Where(e => e.HouseholdId == householdId).OrderByDescending(e => e.OccurredOn).Take(20).ToListAsync(ct);
        var shown = note?.Override ?? light?.Light;
        return new HouseholdView(householdId, shown, shown is { } s ? Labels.Of(s) : null, light?.Light,
            light is null ? [] : Reasons(light.Reasons, light.Detail), light?.ComputedAt, light?.PreviousLight,
            note?.Override, note?.OverrideReason, note?.OverrideBy, note?.OverrideOn, note?.FollowUp, note?.FollowUpDue, note?.FollowUpDue < today,
            note?.Version ?? 0, h.MonitoringType, h.MonitoringSource, h.MonitoringRisks, h.MonitoringSince, h.RiskRemovedOn, h.RiskRemovalMode, h.IsMonitored, open,
            [.. events.Select(e => new EventView(e.Id, e.Kind, Labels.Of(e.Kind), e.OccurredOn, e.Note, e.RecordedBy))]);
    }

    private static IQueryable<HouseholdLight> InRegion(AppDbContext db, string? regionCode) => db.Set<HouseholdLight>().AsNoTracking().Within(regionCode);

    /// <summary>Counts by light (overrides applied) per township and village, now and after the previous round.</summary>
    public static async Task<Dashboard> DashboardAsync(AppDbContext db, string? regionCode, CancellationToken ct)
    {
        var groups = await InRegion(db, regionCode).GroupBy(l => new { l.RegionCode, l.Light, l.PreviousLight })
            .Select(g => new { g.Key.RegionCode, g.Key.Light, g.Key.PreviousLight, Count = g.Count() }).ToListAsync(ct);
        var overridden = await (from l in InRegion(db, regionCode)
                                join n in db.Set<LightNote>().AsNoTracking() on l.HouseholdId equals n.HouseholdId
                                where n.Override != null
                                select new { l.RegionCode, l.Light, l.PreviousLight, Override = n.Override!.Value }).ToListAsync(ct);
        var cells = new Dictionary<string, int[]>();
        void Add(string region, Light now, Light? before, int count)
        {
            if (!cells.TryGetValue(region, out var c))
            {
                cells[region] = c = new int[7];
            }
            c[(int)now] += count;
            if (before is { } b)
            {
                c[3 + (int)b] += count;
                if (b != now)
                {
                    c[6] += count;
                }
            }
        }
        foreach (var g in groups)
        {
            Add(g.RegionCode, g.Light, g.PreviousLight, g.Count);
        }
        foreach (var o in overridden)
        {
            Add(o.RegionCode, o.Light, o.PreviousLight, -1);
            Add(o.RegionCode, o.Override, o.PreviousLight, 1);
        }
        var names = await RegionNames.ForVillagesAsync(db, cells.Keys, ct);
        CountRow Row(string code, string name, IEnumerable<int[]> parts)
        {
            var sum = new int[7];
            foreach (var p in parts)
            {
                for (var i = 0; i < 7; i++)
                {
                    sum[i] += p[i];
                }
            }
            return new CountRow(code, name, sum[2], sum[1], sum[0], sum[5], sum[4], sum[3], sum[6]);
        }
        var byVillage = cells.OrderBy(c => c.Key).Select(c => Row(c.Key, $"{names.Township(c.Key)} {names.Village(c.Key)}", [c.Value])).ToList();
        var byTownship = cells.GroupBy(c => RegionCodes.AncestorAt(c.Key, RegionLevel.Township)).OrderBy(g => g.Key)
            .Select(g => Row(g.Key, names.GetValueOrDefault(g.Key, g.Key), g.Select(c => c.Value))).ToList();
        var at = await InRegion(db, regionCode).MaxAsync(l => (DateTime?)l.ComputedAt, ct);
        var previousAt = await InRegion(db, regionCode).MaxAsync(l => l.PreviousAt, ct);
        return new Dashboard(Row("", "合计", cells.Values), byTownship, byVillage, at, previousAt);
    }

    /// <summary>Households of a light (overrides applied), most serious first, with reasons and follow-up.</summary>
    public static async Task<Paged<ListRow>> ListAsync(AppDbContext db, string? regionCode, Light? light, DateOnly today, int page, int pageSize, CancellationToken ct)
    {
        var query = from l in InRegion(db, regionCode)
                    join n in db.Set<LightNote>().AsNoTracking() on l.HouseholdId equals n.HouseholdId into notes
                    from n in notes.DefaultIfEmpty()
                    select new { L = l, N = n, Shown = n != null && n.Override != null ? n.Override!.Value : l.Light };
        query = light is { } wanted ? query.Where(x => x.Shown == wanted) : query.Where(x => x.Shown != Light.Green);
        var (skip, take) = Paging.Window(page, pageSize);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(x => x.L.RegionCode).ThenBy(x => x.L.HouseholdId).Skip(skip).Take(take).ToListAsync(ct);
        var ids = rows.Select(x => x.L.HouseholdId).ToList();
        var households = await db.Households.AsNoTracking().Where(h => ids.Contains(h.Id))
            .Select(h => new { h.Id, h.HouseholdNumber, h.HeadName, Monitored = h.MonitoringType != null && h.RiskRemovedOn == null }).ToDictionaryAsync(h => h.Id, ct);
        var names = await RegionNames.ForVillagesAsync(db, rows.Select(x => x.L.RegionCode), ct);
        return new Paged<ListRow>([.. rows.Select(x =>
        {
            var h = households.GetValueOrDefault(x.L.HouseholdId);
            return new ListRow(x.L.HouseholdId, h?.HouseholdNumber ?? "", h?.HeadName ?? "", x.L.RegionCode, names.Township(x.L.RegionCode), names.Village(x.L.RegionCode),
                x.Shown, Labels.Of(x.Shown), x.N?.Override is not null, x.L.PreviousLight, Reasons(x.L.Reasons, x.L.Detail), x.N?.FollowUp, x.N?.FollowUpDue,
                x.N?.FollowUpDue < today, h?.Monitored ?? false);
        })], total);
    }

    public static async Task<Outcome<int>> SaveNoteAsync(AppDbContext db, TimeProvider clock, Guid householdId, NoteRequest r, CancellationToken ct)
    {
        var h = await db.Households.AsNoTracking().FirstOrDefaultAsync(x => x.Id == householdId, ct);
        if (h is null)
        {
            return new Outcome<int>.NotFound();
        }
        var today = clock.Today();
        var errors = new Errors();
        if (r.Override is not null)
        {
            errors.Require("overrideReason", r.OverrideReason, "调整灯色的理由", 500);
        }
        errors.MaxLength("followUp", r.FollowUp, "后续帮扶措施", 500);
        if (!string.IsNullOrWhiteSpace(r.FollowUp) && r.FollowUpDue is null)
        {
            errors.Add("followUpDue", "请填写后续帮扶措施的完成时限");
        }
        if (errors.Any)
        {
            return new Outcome<int>.Invalid(errors);
        }
        var note = await db.Set<LightNote>().FirstOrDefaultAsync(n => n.HouseholdId == householdId, ct);
        if (note is null)
        {
            if (r.Version != 0)
            {
                return new Outcome<int>.Conflict(Outcome.ConflictMessage);
            }
            note = new LightNote { HouseholdId = householdId, RegionCode = h.RegionCode };
            db.Add(note);
        }
        else
        {
            RegistryCommands.ExpectVersion(db, note, r.Version);
        }
        if (r.Override != note.Override || (r.Override is not null && r.OverrideReason?.Trim() != note.OverrideReason))
        {
            note.Override = r.Override;
            note.OverrideReason = r.Override is null ? null : r.OverrideReason!.Trim();
            note.OverrideBy = r.Override is null ? null : db.User.UserName;
            note.OverrideOn = r.Override is null ? null : today;
        }
        var followUp = string.IsNullOrWhiteSpace(r.FollowUp) ? null : r.FollowUp.Trim();
        if (followUp != note.FollowUp || r.FollowUpDue != note.FollowUpDue)
        {
            (note.FollowUp, note.FollowUpDue, note.FollowUpBy) = (followUp, followUp is null ? null : r.FollowUpDue, followUp is null ? null : db.User.UserName);
        }
        return await VersionedSave.SaveAsync(db, () => note.Version, ct);
    }

    public static async Task<Outcome<Guid>> AddEventAsync(AppDbContext db, TimeProvider clock, Guid householdId, EventRequest r, CancellationToken ct)
    {
        var h = await db.Households.AsNoTracking().FirstOrDefaultAsync(x => x.Id == householdId, ct);
        if (h is null)
        {
            return new Outcome<Guid>.NotFound();
        }
        var today = clock.Today();
        var errors = new Errors();
        if (!Enum.IsDefined(r.Kind))
        {
            errors.Add("kind", "请选择风险事件类别");
        }
        if (r.OccurredOn is not { } on)
        {
            errors.Add("occurredOn", "请填写发生日期");
        }
        else if (on > today)
        {
            errors.Add("occurredOn", "发生日期不能晚于今天");
        }
        errors.Require("note", r.Note, "受影响情况", 500);
        if (errors.Any)
        {
            return new Outcome<Guid>.Invalid(errors);
        }
        var e = new RiskEvent
        {
            Id = Guid.CreateVersion7(),
            HouseholdId = householdId,
            RegionCode = h.RegionCode,
            Kind = r.Kind,
            OccurredOn = r.OccurredOn!.Value,
            Note = r.Note!.Trim(),
            RecordedBy = db.User.UserName,
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(e);
        return await VersionedSave.SaveAsync(db, () => e.Id, ct);
    }
}
