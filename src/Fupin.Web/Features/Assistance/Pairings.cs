using Fupin.Web.Data;
using Fupin.Web.Features.Households;
using Fupin.Web.Features.Policy;
using Fupin.Web.Features.Regions;
using Fupin.Web.Rules;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Assistance;

/// <summary>结对帮扶: helping units, their cadres, each household's responsible cadre (reassigning keeps history), and a cadre's own households.</summary>
public static class Pairings
{
    public sealed record UnitRequest(string? Name, UnitKind Kind, string? Contact, string? Phone, int Version);

    public sealed record UnitView(Guid Id, string RegionCode, string Name, UnitKind Kind, string KindLabel, string? Contact, string? Phone, int Cadres, int Version);

    public sealed record CadreRequest(Guid UnitId, string? Name, string? Post, string? Phone, string? RegionCode, string? UserName, bool Active, int Version);

    public sealed record CadreView(Guid Id, string RegionCode, string RegionName, Guid UnitId, string UnitName, string Name, string? Post, string? Phone,
        string? UserName, bool Active, int Households, int Version);

    public sealed record PairRequest(Guid CadreId, string? Reason);

    public sealed record PairingView(Guid Id, Guid CadreId, string CadreName, string UnitName, string? CadrePost, string? CadrePhone, DateOnly FromOn, DateOnly? ToOn,
        string? Reason, string AssignedBy);

    public sealed record MyHousehold(Guid HouseholdId, string HouseholdNumber, string HeadName, string TownshipName, string VillageName, string? Address,
        HouseholdStatus Status, string StatusLabel, bool Paused, DateOnly PairedOn, DateOnly? LastVisit, DateOnly NextVisitDue, bool VisitOverdue,
        double? Latitude, double? Longitude, int OpenMeasures, int MeasuresDueSoon);

    public sealed record MyView(IReadOnlyList<CadreView> Cadres, IReadOnlyList<MyHousehold> Households, int IntervalDays);

    public static async Task<IReadOnlyList<UnitView>> UnitsAsync(AppDbContext db, CancellationToken ct)
    {
        var units = await db.Set<HelpUnit>().AsNoTracking().OrderBy(u => u.Name).ToListAsync(ct);
        var counts = await db.Set<Cadre>().Where(c => c.Active).GroupBy(c => c.UnitId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return [.. units.Select(u => new UnitView(u.Id, u.RegionCode, u.Name, u.Kind, Labels.Of(u.Kind), u.Contact, Masking.Phone(u.Phone), counts.GetValueOrDefault(u.Id), u.Version))];
    }

    public static async Task<Outcome<Guid>> SaveUnitAsync(AppDbContext db, Guid? id, UnitRequest r, CancellationToken ct)
    {
        var stored = id is { } known && r.Phone?.Contains('*') == true
            ? await db.Set<HelpUnit>().AsNoTracking().Where(u => u.Id == known).Select(u => u.Phone).FirstOrDefaultAsync(ct) : null;
        r = r with { Phone = Masking.Resubmitted(r.Phone, stored) };
        var errors = new Errors();
        errors.Require("name", r.Name, "单位名称", 100);
        errors.MaxLength("contact", r.Contact, "联系人", 50);
        errors.Digits("phone", r.Phone, "联系电话", 7, 20);
        if (errors.Any)
        {
            return new Outcome<Guid>.Invalid(errors);
        }
        var existing = id is { } i ? await db.Set<HelpUnit>().FirstOrDefaultAsync(u => u.Id == i, ct) : null;
        if (id is not null && existing is null)
        {
            return new Outcome<Guid>.NotFound();
        }
        var unit = VersionedSave.Prepare(db, existing, id is null ? 0 : r.Version,
            () => new HelpUnit { Id = Guid.CreateVersion7(), RegionCode = db.User.RegionCode!, Name = r.Name!.Trim() });
        if (unit is null)
        {
            return new Outcome<Guid>.Conflict(Outcome.ConflictMessage);
        }
        (unit.Name, unit.Kind, unit.Contact, unit.Phone) = (r.Name!.Trim(), r.Kind, r.Contact?.Trim(), r.Phone?.Trim());
        return await VersionedSave.SaveAsync(db, () => unit.Id, ct);
    }

    public static async Task<IReadOnlyList<CadreView>> CadresAsync(AppDbContext db, string? regionCode, Guid? unitId, bool activeOnly, CancellationToken ct)
    {
        var query = db.Set<Cadre>().AsNoTracking().Within(regionCode);
        if (unitId is { } u)
        {
            query = query.Where(c => c.UnitId == u);
        }
        if (activeOnly)
        {
            query = query.Where(c => c.Active);
        }
        return await ViewsAsync(db, await query.OrderBy(c => c.RegionCode).ThenBy(c => c.Name).Take(2000).ToListAsync(ct), ct);
    }

    private static async Task<IReadOnlyList<CadreView>> ViewsAsync(AppDbContext db, IReadOnlyList<Cadre> cadres, CancellationToken ct)
    {
        var unitIds = cadres.Select(c => c.UnitId).Distinct().ToList();
        // A unit kept by the county is shown to a township's users by name only.
        var units = await db.Set<HelpUnit>().IgnoreQueryFilters().AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var ids = cadres.Select(c => c.Id).ToList();
        var counts = await db.Set<Pairing>().Where(p => p.ToOn == null && ids.Contains(p.CadreId)).GroupBy(p => p.CadreId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var regions = cadres.Select(c => c.RegionCode).Distinct().ToList();
        var names = await db.Regions.IgnoreQueryFilters().AsNoTracking().Where(r => regions.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        return [.. cadres.Select(c => new CadreView(c.Id, c.RegionCode, names.GetValueOrDefault(c.RegionCode, c.RegionCode), c.UnitId, units.GetValueOrDefault(c.UnitId, ""),
            c.Name, c.Post, Masking.Phone(c.Phone), c.UserName, c.Active, counts.GetValueOrDefault(c.Id), c.Version))];
    }

    public static async Task<Outcome<Guid>> SaveCadreAsync(AppDbContext db, Guid? id, CadreRequest r, CancellationToken ct)
    {
        // The list shows phones masked; sent back unchanged, the stored number stays.
        var stored = id is { } known && r.Phone?.Contains('*') == true
            ? await db.Set<Cadre>().AsNoTracking().Where(c => c.Id == known).Select(c => c.Phone).FirstOrDefaultAsync(ct) : null;
        r = r with { Phone = Masking.Resubmitted(r.Phone, stored) };
        var errors = new Errors();
        errors.Require("name", r.Name, "姓名", 50);
        errors.MaxLength("post", r.Post, "职务", 50);
        errors.Digits("phone", r.Phone, "联系电话", 7, 20);
        errors.MaxLength("userName", r.UserName, "登录账号", 100);
        var region = string.IsNullOrWhiteSpace(r.RegionCode) ? db.User.RegionCode : r.RegionCode.Trim();
        if (!RegionCodes.IsWellFormed(region) || !await db.Regions.AnyAsync(x => x.Code == region, ct))
        {
            errors.Add("regionCode", "工作所在区划不存在或不在您的管辖范围内");
        }
        if (!await db.Set<HelpUnit>().IgnoreQueryFilters().AnyAsync(u => u.Id == r.UnitId, ct))
        {
            errors.Add("unitId", "请选择帮扶单位");
        }
        var userName = string.IsNullOrWhiteSpace(r.UserName) ? null : r.UserName.Trim();
        if (userName is not null && await db.Set<Cadre>().IgnoreQueryFilters().AnyAsync(c => c.UserName == userName && c.Id != id, ct))
        {
            errors.Add("userName", $"账号“{userName}”已关联其他帮扶干部");
        }
        if (errors.Any)
        {
            return new Outcome<Guid>.Invalid(errors);
        }
        var existing = id is { } i ? await db.Set<Cadre>().FirstOrDefaultAsync(c => c.Id == i, ct) : null;
        if (id is not null && existing is null)
        {
            return new Outcome<Guid>.NotFound();
        }
        var cadre = VersionedSave.Prepare(db, existing, id is null ? 0 : r.Version, () => new Cadre { Id = Guid.CreateVersion7(), RegionCode = region!, Name = r.Name!.Trim() });
        if (cadre is null)
        {
            return new Outcome<Guid>.Conflict(Outcome.ConflictMessage);
        }
        (cadre.RegionCode, cadre.UnitId, cadre.Name, cadre.Post, cadre.Phone, cadre.UserName) = (region!, r.UnitId, r.Name!.Trim(), r.Post?.Trim(), r.Phone?.Trim(), userName);
        cadre.Active = id is null || r.Active;
        return await VersionedSave.SaveAsync(db, () => cadre.Id, ct);
    }

    /// <summary>A cadre's full phone number, for who may reveal personal data; an audit event names the field, not the value.</summary>
    public static async Task<Outcome<RevealPersonalData.Revealed>> RevealPhoneAsync(AppDbContext db, TimeProvider clock, Guid cadreId, CancellationToken ct)
    {
        var cadre = await db.Set<Cadre>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == cadreId, ct);
        if (cadre is null)
        {
            return new Outcome<RevealPersonalData.Revealed>.NotFound();
        }
        await Audit.AuditEvents.WriteAsync(db, clock, Audit.AuditEvent.Reveal, nameof(Cadre), cadre.Id.ToString(), "phone", cadre.RegionCode, ct: ct);
        return new Outcome<RevealPersonalData.Revealed>.Done(new("phone", cadre.Phone));
    }

    /// <summary>The household's responsible cadres, the current one first, then the earlier ones.</summary>
    public static async Task<IReadOnlyList<PairingView>?> HistoryAsync(AppDbContext db, Guid householdId, CancellationToken ct)
    {
        if (!await db.Households.AnyAsync(h => h.Id == householdId, ct))
        {
            return null;
        }
        var rows = await db.Set<Pairing>().AsNoTracking().Where(p => p.HouseholdId == householdId).ToListAsync(ct);
        var cadreIds = rows.Select(p => p.CadreId).Distinct().ToList();
        var cadres = await db.Set<Cadre>().IgnoreQueryFilters().AsNoTracking().Where(c => cadreIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var unitIds = cadres.Values.Select(c => c.UnitId).Distinct().ToList();
        var units = await db.Set<HelpUnit>().IgnoreQueryFilters().AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return [.. rows.OrderBy(p => p.ToOn is not null).ThenByDescending(p => p.FromOn).ThenByDescending(p => p.Id).Select(p =>
        {
            var c = cadres.GetValueOrDefault(p.CadreId);
            return new PairingView(p.Id, p.CadreId, c?.Name ?? "", c is null ? "" : units.GetValueOrDefault(c.UnitId, ""), c?.Post, Masking.Phone(c?.Phone), p.FromOn, p.ToOn, p.Reason, p.AssignedBy);
        })];
    }

    /// <summary>Pairs the household with a cadre from today; the current pairing, if any, ends today and stays in the history.</summary>
    public static async Task<Outcome<Guid>> PairAsync(AppDbContext db, TimeProvider clock, Guid householdId, PairRequest r, CancellationToken ct)
    {
        var h = await db.Households.AsNoTracking().FirstOrDefaultAsync(x => x.Id == householdId, ct);
        if (h is null)
        {
            return new Outcome<Guid>.NotFound();
        }
        var today = clock.Today();
        var errors = new Errors();
        errors.MaxLength("reason", r.Reason, "调整原因", 200);
        var cadre = await db.Set<Cadre>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == r.CadreId, ct);
        if (cadre is null || !cadre.Active)
        {
            errors.Add("cadreId", "请选择在岗的帮扶干部（须在您的管辖范围内）");
        }
        var current = await db.Set<Pairing>().FirstOrDefaultAsync(p => p.HouseholdId == householdId && p.ToOn == null, ct);
        if (current is not null && current.CadreId == r.CadreId)
        {
            errors.Add("cadreId", "该干部已是该户的帮扶责任人");
        }
        if (current is not null && string.IsNullOrWhiteSpace(r.Reason))
        {
            errors.Add("reason", "调整帮扶责任人请填写原因");
        }
        if (errors.Any)
        {
            return new Outcome<Guid>.Invalid(errors);
        }
        // The old line is closed before the new one opens: one current pairing per household at all times.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (current is not null)
        {
            current.ToOn = today;
            await db.SaveChangesAsync(ct);
        }
        var pairing = new Pairing
        {
            Id = Guid.CreateVersion7(),
            RegionCode = h.RegionCode,
            HouseholdId = householdId,
            CadreId = r.CadreId,
            FromOn = today,
            Reason = r.Reason?.Trim(),
            AssignedBy = db.User.UserName,
        };
        db.Add(pairing);
        var saved = await VersionedSave.SaveAsync(db, () => pairing.Id, ct);
        if (saved is Outcome<Guid>.Done)
        {
            await tx.CommitAsync(ct);
        }
        return saved;
    }

    /// <summary>The cadres tied to the signed-in account (found by the account, wherever the cadre's record is kept).</summary>
    public static Task<List<Cadre>> MineAsync(AppDbContext db, CancellationToken ct)
    {
        var me = db.User.UserName;
        return db.Set<Cadre>().IgnoreQueryFilters().AsNoTracking().Where(c => c.UserName == me && c.Active).ToListAsync(ct);
    }

    /// <summary>An assistance cadre's own view: their households, when each visit is due, open measures, and where the household is.</summary>
    public static async Task<MyView> MyAsync(AppDbContext db, DateOnly today, CancellationToken ct)
    {
        var mine = await MineAsync(db, ct);
        var ids = mine.Select(c => c.Id).ToList();
        var pairs = await db.Set<Pairing>().AsNoTracking().Where(p => p.ToOn == null && ids.Contains(p.CadreId)).ToListAsync(ct);
        var householdIds = pairs.Select(p => p.HouseholdId).ToList();
        var households = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, ct);
        var lastVisits = await db.Set<Visit>().AsNoTracking().Where(v => householdIds.Contains(v.HouseholdId) && ids.Contains(v.CadreId))
            .OrderByDescending(v => v.VisitedAt).Select(v => new { v.HouseholdId, v.VisitedOn, v.VisitedAt, v.Latitude, v.Longitude }).ToListAsync(ct);
        var latest = lastVisits.GroupBy(v => v.HouseholdId).ToDictionary(g => g.Key, g => g.First());
        var year = today.Year;
        var measures = await db.Set<AssistanceMeasure>().AsNoTracking()
            .Where(m => householdIds.Contains(m.HouseholdId) && m.Year == year && (m.Status == MeasureStatus.Planned || m.Status == MeasureStatus.InProgress))
            .Select(m => new { m.HouseholdId, m.EndOn }).ToListAsync(ct);
        var soon = today.AddDays(30);
        var lines = await PolicyValues.LoadAsync(db, [PolicyKeys.VisitIntervalDays], year, ct);
        var interval = (int)(lines(PolicyKeys.VisitIntervalDays, db.User.RegionCode ?? "", year) ?? 30);
        var names = await RegionNames.ForVillagesAsync(db, households.Values.Select(h => h.RegionCode), ct);
        var rows = new List<MyHousehold>();
        foreach (var p in pairs.Where(p => households.ContainsKey(p.HouseholdId)))
        {
            var h = households[p.HouseholdId];
            var v = latest.GetValueOrDefault(p.HouseholdId);
            var pair = new AssistanceRules.PairRow(p.HouseholdId, p.CadreId, p.FromOn, v?.VisitedOn);
            var due = AssistanceRules.DueOn(pair, interval);
            var open = measures.Where(m => m.HouseholdId == p.HouseholdId).ToList();
            rows.Add(new MyHousehold(h.Id, h.HouseholdNumber, h.HeadName, names.Township(h.RegionCode), names.Village(h.RegionCode), h.Address, h.Status, Labels.Of(h.Status),
                h.AssistancePausedOn is not null, p.FromOn, v?.VisitedOn, due, h.AssistancePausedOn is null && due < today, v?.Latitude, v?.Longitude,
                open.Count, open.Count(m => m.EndOn is { } e && e <= soon)));
        }
        return new MyView(await ViewsAsync(db, mine, ct), [.. rows.OrderByDescending(r => r.VisitOverdue).ThenBy(r => r.NextVisitDue).ThenBy(r => r.HeadName)], interval);
    }
}
