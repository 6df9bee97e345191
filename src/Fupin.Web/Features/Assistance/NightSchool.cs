using Fupin.Web.Data;
using Fupin.Web.Features.Monitoring;
using Fupin.Web.Features.Regions;
using Fupin.Web.Rules;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Assistance;

/// <summary>电视夜校 (seeds 000, 002): sessions per village, the households that signed in, and the sign-in rate by village and township.</summary>
public static class NightSchool
{
    public sealed record SessionRequest(string? VillageCode, DateOnly? On, string? Topic);

    public sealed record SignInRequest(List<Guid>? HouseholdIds);

    public sealed record SessionRow(Guid Id, string RegionCode, string TownshipName, string VillageName, DateOnly On, string Topic, int Expected, int Signed, decimal? Rate, string RecordedBy);

    public sealed record Attendee(Guid HouseholdId, string HouseholdNumber, string HeadName, bool Signed);

    public sealed record SessionDetail(SessionRow Session, IReadOnlyList<Attendee> Households);

    public sealed record RateRow(string Code, string Name, int Sessions, int Expected, int Signed, decimal? Rate);

    public sealed record Rates(RateRow Total, IReadOnlyList<RateRow> ByTownship, IReadOnlyList<RateRow> ByVillage);

    public static decimal? Rate(int signed, int expected) => expected == 0 ? null : Math.Round(100m * signed / expected, 1);

    public static async Task<Paged<SessionRow>> ListAsync(AppDbContext db, string? regionCode, int page, int pageSize, CancellationToken ct)
    {
        var query = db.Set<NightSchoolSession>().AsNoTracking().Within(regionCode);
        var (skip, take) = Paging.Window(page, pageSize);
        var total = await query.CountAsync(ct);
        var sessions = await query.OrderByDescending(s => s.On).ThenBy(s => s.RegionCode).Skip(skip).Take(take).ToListAsync(ct);
        return new Paged<SessionRow>(await RowsAsync(db, sessions, ct), total);
    }

    private static async Task<IReadOnlyList<SessionRow>> RowsAsync(AppDbContext db, IReadOnlyList<NightSchoolSession> sessions, CancellationToken ct)
    {
        var ids = sessions.Select(s => s.Id).ToList();
        var signed = await db.Set<NightSchoolSignIn>().Where(x => ids.Contains(x.SessionId)).GroupBy(x => x.SessionId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var names = await RegionNames.ForVillagesAsync(db, sessions.Select(s => s.RegionCode), ct);
        return [.. sessions.Select(s => new SessionRow(s.Id, s.RegionCode, names.Township(s.RegionCode), names.Village(s.RegionCode), s.On, s.Topic, s.Expected,
            signed.GetValueOrDefault(s.Id), Rate(signed.GetValueOrDefault(s.Id), s.Expected), s.RecordedBy))];
    }

    /// <summary>A session; the households expected are those on the register or monitored in the village and not paused, counted now.</summary>
    public static async Task<Outcome<Guid>> CreateAsync(AppDbContext db, TimeProvider clock, SessionRequest r, CancellationToken ct)
    {
        var today = clock.Today();
        var errors = new Errors();
        errors.Require("topic", r.Topic, "课程主题", 100);
        var village = r.VillageCode?.Trim();
        if (!RegionCodes.IsWellFormed(village) || !await db.Regions.AnyAsync(x => x.Code == village && x.Level == RegionLevel.Village, ct))
        {
            errors.Add("villageCode", "请选择开课的村（须在您的管辖范围内）");
        }
        if (r.On is not { } on)
        {
            errors.Add("on", "请填写开课日期");
        }
        else if (on > today)
        {
            errors.Add("on", "开课日期不能晚于今天");
        }
        if (errors.Any)
        {
            return new Outcome<Guid>.Invalid(errors);
        }
        var expected = await db.Households.CountAsync(h => h.RegionCode == village && Lights.Lit.Contains(h.Status) && h.AssistancePausedOn == null, ct);
        var session = new NightSchoolSession { Id = Guid.CreateVersion7(), RegionCode = village!, On = r.On!.Value, Topic = r.Topic!.Trim(), Expected = expected, RecordedBy = db.User.UserName };
        db.Add(session);
        await db.SaveChangesAsync(ct);
        return new Outcome<Guid>.Done(session.Id);
    }

    public static async Task<SessionDetail?> GetAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var session = await db.Set<NightSchoolSession>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (session is null)
        {
            return null;
        }
        var signed = await db.Set<NightSchoolSignIn>().Where(x => x.SessionId == id).Select(x => x.HouseholdId).ToListAsync(ct);
        var households = await db.Households.AsNoTracking().Where(h => h.RegionCode == session.RegionCode && (Lights.Lit.Contains(h.Status) || signed.Contains(h.Id)))
            .OrderBy(h => h.HouseholdNumber).Select(h => new { h.Id, h.HouseholdNumber, h.HeadName }).ToListAsync(ct);
        var set = signed.ToHashSet();
        return new SessionDetail((await RowsAsync(db, [session], ct))[0], [.. households.Select(h => new Attendee(h.Id, h.HouseholdNumber, h.HeadName, set.Contains(h.Id)))]);
    }

    /// <summary>Signs households in (the head or a member attending); ones already signed are left as they are. Answers how many are signed now.</summary>
    public static async Task<Outcome<int>> SignInAsync(AppDbContext db, Guid sessionId, SignInRequest r, CancellationToken ct)
    {
        var session = await db.Set<NightSchoolSession>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
        {
            return new Outcome<int>.NotFound();
        }
        var ids = (r.HouseholdIds ?? []).Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Outcome<int>.Invalid(new Errors().Add("householdIds", "请选择签到的农户"));
        }
        var households = await db.Households.AsNoTracking().Where(h => ids.Contains(h.Id) && h.RegionCode == session.RegionCode)
            .Select(h => new { h.Id, h.HeadName }).ToListAsync(ct);
        if (households.Count != ids.Count)
        {
            return new Outcome<int>.Invalid(new Errors().Add("householdIds", "签到农户须为开课村的农户"));
        }
        var already = await db.Set<NightSchoolSignIn>().Where(x => x.SessionId == sessionId).Select(x => x.HouseholdId).ToListAsync(ct);
        foreach (var h in households.Where(h => !already.Contains(h.Id)))
        {
            db.Add(new NightSchoolSignIn { Id = Guid.CreateVersion7(), SessionId = sessionId, RegionCode = session.RegionCode, HouseholdId = h.Id, Attendee = h.HeadName });
        }
        var saved = await VersionedSave.SaveAsync(db, () => 0, ct);
        return saved is Outcome<int>.Done ? new Outcome<int>.Done(await db.Set<NightSchoolSignIn>().CountAsync(x => x.SessionId == sessionId, ct)) : saved;
    }

    /// <summary>Sign-in rate by village and township over a period: households signed in over households expected, summed over the sessions.</summary>
    public static async Task<Rates> RatesAsync(AppDbContext db, string? regionCode, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var sessions = await db.Set<NightSchoolSession>().AsNoTracking().Within(regionCode).Where(s => s.On >= from && s.On <= to)
            .Select(s => new { s.Id, s.RegionCode, s.Expected }).ToListAsync(ct);
        var ids = sessions.Select(s => s.Id).ToList();
        var signed = await db.Set<NightSchoolSignIn>().Where(x => ids.Contains(x.SessionId)).GroupBy(x => x.SessionId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var names = await RegionNames.ForVillagesAsync(db, sessions.Select(s => s.RegionCode), ct);
        RateRow Row(string code, string name, IEnumerable<(Guid Id, int Expected)> of)
        {
            var list = of.ToList();
            var s = list.Sum(x => signed.GetValueOrDefault(x.Id));
            var e = list.Sum(x => x.Expected);
            return new RateRow(code, name, list.Count, e, s, Rate(s, e));
        }
        return new Rates(Row("", "合计", sessions.Select(s => (s.Id, s.Expected))),
            [.. sessions.GroupBy(s => RegionCodes.AncestorAt(s.RegionCode, RegionLevel.Township)).OrderBy(g => g.Key)
                .Select(g => Row(g.Key, names.GetValueOrDefault(g.Key, g.Key), g.Select(s => (s.Id, s.Expected))))],
            [.. sessions.GroupBy(s => s.RegionCode).OrderBy(g => g.Key)
                .Select(g => Row(g.Key, $"{names.Township(g.Key)} {names.Village(g.Key)}", g.Select(s => (s.Id, s.Expected))))]);
    }
}
