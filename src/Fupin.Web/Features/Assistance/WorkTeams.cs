using Fupin.Web.Data;
using Fupin.Web.Features.Regions;
using Fupin.Web.Rules;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Assistance;

/// <summary>驻村工作队 (seed 001: 日常驻村、查岗、日志、双月报、例会、请销假): teams, members, attendance checks, logs, and attendance by team.</summary>
public static class WorkTeams
{
    public sealed record TeamRequest(string? VillageCode, string? Name, string? SentBy, DateOnly? FromOn, DateOnly? ToOn, int Version);

    public sealed record MemberRequest(string? Name, TeamRole Role, string? Unit, string? Phone, DateOnly? FromOn);

    public sealed record CheckInRequest(Guid MemberId, DateOnly? On, AttendanceKind Kind, string? Note);

    public sealed record LogRequest(Guid? MemberId, DateOnly? On, TeamLogKind Kind, string? Content);

    public sealed record TeamRow(Guid Id, string RegionCode, string TownshipName, string VillageName, string Name, string SentBy, string? FirstSecretary, int Members,
        DateOnly FromOn, DateOnly? ToOn, int Version);

    public sealed record MemberView(Guid Id, string Name, TeamRole Role, string RoleLabel, string? Unit, string? Phone, DateOnly FromOn, DateOnly? ToOn);

    public sealed record CheckInView(Guid Id, Guid MemberId, string MemberName, DateOnly On, AttendanceKind Kind, string KindLabel, string? Note, string CheckedBy);

    public sealed record LogView(Guid Id, Guid? MemberId, string? MemberName, DateOnly On, TeamLogKind Kind, string KindLabel, string Content, string WrittenBy);

    public sealed record TeamDetail(TeamRow Team, IReadOnlyList<MemberView> Members, IReadOnlyList<CheckInView> CheckIns, IReadOnlyList<LogView> Logs);

    public sealed record AttendanceRow(Guid TeamId, string TeamName, string TownshipName, string VillageName, int Members, int Checks, int Present, int Official,
        int Leave, int Absent, decimal? Rate, int Logs, DateOnly? LastLog);

    public static async Task<IReadOnlyList<TeamRow>> ListAsync(AppDbContext db, string? regionCode, CancellationToken ct)
    {
        var teams = await db.Set<WorkTeam>().AsNoTracking().Within(regionCode).OrderBy(t => t.RegionCode).ThenBy(t => t.FromOn).ToListAsync(ct);
        return await RowsAsync(db, teams, ct);
    }

    private static async Task<IReadOnlyList<TeamRow>> RowsAsync(AppDbContext db, IReadOnlyList<WorkTeam> teams, CancellationToken ct)
    {
        var ids = teams.Select(t => t.Id).ToList();
        var members = await db.Set<TeamMember>().AsNoTracking().Where(m => ids.Contains(m.TeamId) && m.ToOn == null).ToListAsync(ct);
        var names = await RegionNames.ForVillagesAsync(db, teams.Select(t => t.RegionCode), ct);
        return [.. teams.Select(t => new TeamRow(t.Id, t.RegionCode, names.Township(t.RegionCode), names.Village(t.RegionCode), t.Name, t.SentBy,
            members.FirstOrDefault(m => m.TeamId == t.Id && m.Role == TeamRole.FirstSecretary)?.Name, members.Count(m => m.TeamId == t.Id), t.FromOn, t.ToOn, t.Version))];
    }

    public static async Task<Outcome<Guid>> SaveAsync(AppDbContext db, TimeProvider clock, Guid? id, TeamRequest r, CancellationToken ct)
    {
        var errors = new Errors();
        errors.Require("name", r.Name, "工作队名称", 100);
        errors.Require("sentBy", r.SentBy, "派出单位", 100);
        var existing = id is { } i ? await db.Set<WorkTeam>().FirstOrDefaultAsync(t => t.Id == i, ct) : null;
        if (id is not null && existing is null)
        {
            return new Outcome<Guid>.NotFound();
        }
        var village = existing?.RegionCode ?? r.VillageCode?.Trim();
        if (existing is null && (!RegionCodes.IsWellFormed(village) || !await db.Regions.AnyAsync(x => x.Code == village && x.Level == RegionLevel.Village, ct)))
        {
            errors.Add("villageCode", "请选择驻村的村（须在您的管辖范围内）");
        }
        if (r.FromOn is null)
        {
            errors.Add("fromOn", "请填写进驻日期");
        }
        else if (r.ToOn is { } to && to < r.FromOn)
        {
            errors.Add("toOn", "撤离日期不能早于进驻日期");
        }
        if (errors.Any)
        {
            return new Outcome<Guid>.Invalid(errors);
        }
        var team = VersionedSave.Prepare(db, existing, id is null ? 0 : r.Version, () => new WorkTeam { Id = Guid.CreateVersion7(), RegionCode = village!, Name = "", SentBy = "" });
        if (team is null)
        {
            return new Outcome<Guid>.Conflict(Outcome.ConflictMessage);
        }
        (team.Name, team.SentBy, team.FromOn, team.ToOn) = (r.Name!.Trim(), r.SentBy!.Trim(), r.FromOn!.Value, r.ToOn);
        return await VersionedSave.SaveAsync(db, () => team.Id, ct);
    }

    public static async Task<TeamDetail?> GetAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var team = await db.Set<WorkTeam>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (team is null)
        {
            return null;
        }
        var members = await db.Set<TeamMember>().AsNoTracking().Where(m => m.TeamId == id).OrderBy(m => m.ToOn != null).ThenBy(m => m.Role).ThenBy(m => m.Name).ToListAsync(ct);
        var names = members.ToDictionary(m => m.Id, m => m.Name);
        var checks = await db.Set<TeamCheckIn>().AsNoTracking().Where(c => c.TeamId == id).OrderByDescending(c => c.On).Take(100).ToListAsync(ct);
        var logs = await db.Set<TeamLog>().AsNoTracking().Where(l => l.TeamId == id).OrderByDescending(l => l.On).ThenByDescending(l => l.Id).Take(100).ToListAsync(ct);
        return new TeamDetail((await RowsAsync(db, [team], ct))[0],
            [.. members.Select(m => new MemberView(m.Id, m.Name, m.Role, Labels.Of(m.Role), m.Unit, Rules.Masking.Phone(m.Phone), m.FromOn, m.ToOn))],
            [.. checks.Select(c => new CheckInView(c.Id, c.MemberId, names.GetValueOrDefault(c.MemberId, ""), c.On, c.Kind, Labels.Of(c.Kind), c.Note, c.CheckedBy))],
            [.. logs.Select(l => new LogView(l.Id, l.MemberId, l.MemberId is { } m ? names.GetValueOrDefault(m) : null, l.On, l.Kind, Labels.Of(l.Kind), l.Content, l.WrittenBy))]);
    }

    public static async Task<Outcome<Guid>> AddMemberAsync(AppDbContext db, TimeProvider clock, Guid teamId, MemberRequest r, CancellationToken ct)
    {
        var team = await db.Set<WorkTeam>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == teamId, ct);
        if (team is null)
        {
            return new Outcome<Guid>.NotFound();
        }
        var errors = new Errors();
        errors.Require("name", r.Name, "姓名", 50);
        errors.MaxLength("unit", r.Unit, "所在单位", 100);
        errors.Digits("phone", r.Phone, "联系电话", 7, 20);
        if (r.Role == TeamRole.FirstSecretary && await db.Set<TeamMember>().AnyAsync(m => m.TeamId == teamId && m.ToOn == null && m.Role == TeamRole.FirstSecretary, ct))
        {
            errors.Add("role", "该工作队已有在任第一书记，请先办理原第一书记离队");
        }
        if (errors.Any)
        {
            return new Outcome<Guid>.Invalid(errors);
        }
        var member = new TeamMember
        {
            Id = Guid.CreateVersion7(),
            TeamId = teamId,
            RegionCode = team.RegionCode,
            Name = r.Name!.Trim(),
            Role = r.Role,
            Unit = r.Unit?.Trim(),
            Phone = r.Phone?.Trim(),
            FromOn = r.FromOn ?? clock.Today(),
        };
        db.Add(member);
        await db.SaveChangesAsync(ct);
        return new Outcome<Guid>.Done(member.Id);
    }

    /// <summary>离队: the member leaves the team today; their check-ins and logs stay.</summary>
    public static async Task<Outcome<bool>> EndMemberAsync(AppDbContext db, TimeProvider clock, Guid teamId, Guid memberId, CancellationToken ct)
    {
        var member = await db.Set<TeamMember>().FirstOrDefaultAsync(m => m.Id == memberId && m.TeamId == teamId, ct);
        if (member is null)
        {
            return new Outcome<bool>.NotFound();
        }
        if (member.ToOn is not null)
        {
            return new Outcome<bool>.Invalid(new Errors().Add("memberId", $"{member.Name}已于{member.ToOn:yyyy-MM-dd}离队"));
        }
        member.ToOn = clock.Today();
        await db.SaveChangesAsync(ct);
        return new Outcome<bool>.Done(true);
    }

    public static async Task<Outcome<Guid>> CheckInAsync(AppDbContext db, TimeProvider clock, Guid teamId, CheckInRequest r, CancellationToken ct)
    {
        var member = await db.Set<TeamMember>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == r.MemberId && m.TeamId == teamId, ct);
        if (member is null)
        {
            return await db.Set<WorkTeam>().AnyAsync(t => t.Id == teamId, ct)
                ? new Outcome<Guid>.Invalid(new Errors().Add("memberId", "请选择本工作队的队员"))
                : new Outcome<Guid>.NotFound();
        }
        var today = clock.Today();
        var on = r.On ?? today;
        var errors = new Errors();
        errors.MaxLength("note", r.Note, "备注", 200);
        if (on > today)
        {
            errors.Add("on", "查岗日期不能晚于今天");
        }
        if (on < member.FromOn || member.ToOn is { } left && on > left)
        {
            errors.Add("on", $"{member.Name}在该日期不在队（{member.FromOn:yyyy-MM-dd}起{(member.ToOn is { } t ? $"，{t:yyyy-MM-dd}离队" : "")}）");
        }
        if (r.Kind != AttendanceKind.Present && string.IsNullOrWhiteSpace(r.Note))
        {
            errors.Add("note", "公出、请假或缺岗请写明情况");
        }
        if (await db.Set<TeamCheckIn>().AnyAsync(c => c.MemberId == r.MemberId && c.On == on, ct))
        {
            errors.Add("on", $"{member.Name}在{on:yyyy-MM-dd}已有查岗记录");
        }
        if (errors.Any)
        {
            return new Outcome<Guid>.Invalid(errors);
        }
        var row = new TeamCheckIn
        {
            Id = Guid.CreateVersion7(),
            TeamId = teamId,
            MemberId = r.MemberId,
            RegionCode = member.RegionCode,
            On = on,
            Kind = r.Kind,
            Note = r.Note?.Trim(),
            CheckedBy = db.User.UserName,
        };
        db.Add(row);
        return await VersionedSave.SaveAsync(db, () => row.Id, ct);
    }

    public static async Task<Outcome<Guid>> AddLogAsync(AppDbContext db, TimeProvider clock, Guid teamId, LogRequest r, CancellationToken ct)
    {
        var team = await db.Set<WorkTeam>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == teamId, ct);
        if (team is null)
        {
            return new Outcome<Guid>.NotFound();
        }
        var today = clock.Today();
        var errors = new Errors();
        errors.Require("content", r.Content, "内容", 2000);
        if (r.On is { } on && on > today)
        {
            errors.Add("on", "日期不能晚于今天");
        }
        if (r.MemberId is { } m && !await db.Set<TeamMember>().AnyAsync(x => x.Id == m && x.TeamId == teamId, ct))
        {
            errors.Add("memberId", "请选择本工作队的队员");
        }
        if (errors.Any)
        {
            return new Outcome<Guid>.Invalid(errors);
        }
        var log = new TeamLog
        {
            Id = Guid.CreateVersion7(),
            TeamId = teamId,
            MemberId = r.MemberId,
            RegionCode = team.RegionCode,
            On = r.On ?? today,
            Kind = r.Kind,
            Content = r.Content!.Trim(),
            WrittenBy = db.User.UserName,
        };
        db.Add(log);
        await db.SaveChangesAsync(ct);
        return new Outcome<Guid>.Done(log.Id);
    }

    /// <summary>Attendance by team over a period: checks by kind, the on-duty rate (在岗 + 公出) and logs written.</summary>
    public static async Task<IReadOnlyList<AttendanceRow>> AttendanceAsync(AppDbContext db, string? regionCode, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var teams = await ListAsync(db, regionCode, ct);
        var checks = await db.Set<TeamCheckIn>().AsNoTracking().Within(regionCode).Where(c => c.On >= from && c.On <= to)
            .GroupBy(c => new { c.TeamId, c.Kind }).Select(g => new { g.Key.TeamId, g.Key.Kind, Count = g.Count() }).ToListAsync(ct);
        var logs = await db.Set<TeamLog>().AsNoTracking().Within(regionCode).Where(l => l.On >= from && l.On <= to)
            .GroupBy(l => l.TeamId).Select(g => new { g.Key, Count = g.Count(), Last = g.Max(l => l.On) }).ToDictionaryAsync(x => x.Key, ct);
        return [.. teams.Select(t =>
        {
            int Of(AttendanceKind k) => checks.Where(c => c.TeamId == t.Id && c.Kind == k).Sum(c => c.Count);
            var (present, official, leave, absent) = (Of(AttendanceKind.Present), Of(AttendanceKind.Official), Of(AttendanceKind.Leave), Of(AttendanceKind.Absent));
            var total = present + official + leave + absent;
            var log = logs.GetValueOrDefault(t.Id);
            return new AttendanceRow(t.Id, t.Name, t.TownshipName, t.VillageName, t.Members, total, present, official, leave, absent,
                total == 0 ? null : Math.Round(100m * (present + official) / total, 1), log?.Count ?? 0, log?.Last);
        })];
    }
}
