using System.Diagnostics;
using System.Runtime.CompilerServices;
using Fupin.Web.Data;
using Fupin.Web.Features.Audit;
using Fupin.Web.Features.Comparison;
using Fupin.Web.Features.Households;
using Fupin.Web.Features.Income;
using Fupin.Web.Features.Policy;
using Fupin.Web.Rules;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Monitoring;

/// <summary>
/// Computes households' lights from the registry, the income ledger, open findings, risk events and
/// monitoring status. A full recompute covers every household on the register or monitored in the user's
/// scope and replaces their rows through the bulk path; a refresh recomputes a few households after a
/// change (see <see cref="LightRefreshInterceptor"/>).
/// </summary>
public static class Lights
{
    public const string RecomputeEvent = "LightsRecomputed";

    /// <summary>Households that get a light, and that comparison rounds compare: on the register (未脱贫, 已脱贫, 返贫) or monitored.</summary>
    public static readonly HouseholdStatus[] Lit = [HouseholdStatus.NotLifted, HouseholdStatus.Lifted, HouseholdStatus.Returned, HouseholdStatus.Monitored];

    private sealed record HouseholdRow(Guid Id, string RegionCode, int MemberCount, MonitoringType? MonitoringType, DateOnly? MonitoringSince, DateOnly? RiskRemovedOn);

    private sealed record MemberRow(Guid HouseholdId, string Name, DateOnly BirthDate, Health Health, LabourCapacity Labour, SchoolStage? SchoolStage, string? WorkPlace, int? WorkMonths);

    public sealed record Computed(Guid HouseholdId, string RegionCode, Light Light, IReadOnlyList<FiredReason> Reasons);

    /// <summary>Computes the lights of the households the query selects (in the user's scope).</summary>
    public static async Task<List<Computed>> ComputeAsync(AppDbContext db, TimeProvider clock, IQueryable<Household> households, CancellationToken ct,
        Dictionary<string, double>? seconds = null)
    {
        var sw = Stopwatch.StartNew();
        var today = clock.Today();
        var lit = households.Where(h => Lit.Contains(h.Status));
        var rows = await lit.Select(h => new HouseholdRow(h.Id, h.RegionCode, h.MemberCount, h.MonitoringType, h.MonitoringSince, h.RiskRemovedOn)).ToListAsync(ct);
        var single = rows.Count <= 500;
        var wanted = rows.Select(h => h.Id).ToList();
        var members = new Dictionary<Guid, List<MemberRow>>(rows.Count);
        async Task ReadMembersAsync(AppDbContext source)
        {
            var memberQuery = source.Members.AsNoTracking().Where(m => m.Status == MemberStatus.Active);
            memberQuery = single ? memberQuery.Where(m => wanted.Contains(m.HouseholdId)) : memberQuery;
            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            void Add(MemberRow m)
            {
                if (!members.TryGetValue(m.HouseholdId, out var list))
                {
                    members[m.HouseholdId] = list = new List<MemberRow>(4);
                }
                list.Add(m);
            }
            var projected = memberQuery.Select(m => new { m.HouseholdId, m.Name, m.BirthDate, m.Health, m.Labour, m.SchoolStage, m.WorkPlace, m.WorkMonths });
            if (source.Database.IsSqlite())
            {
                // Up to a million members: read natively (see NativeRows), work places shared.
                var places = new Dictionary<string, string>(StringComparer.Ordinal);
                await NativeRows.ReadAsync(source, projected, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (row) =>
                    Add(new MemberRow(row.Guid(0), row.String(1), row.Date(2), (Health)row.Int64(3), row.Enum<LabourCapacity>(4), row.NullableEnum<SchoolStage>(5),
                        row.NullableShared(6, places), row.NullableInt32(7))), ct);
                return;
            }
            await foreach (var m in projected.AsAsyncEnumerable().WithCancellation(ct))
            {
                Add(new MemberRow(m.HouseholdId, m.Name, m.BirthDate, m.Health, m.Labour, m.SchoolStage, m.WorkPlace, m.WorkMonths));
            }
        }

        // The latest income year of the last two per household; open findings; recent risk events; the policy values.
        var incomes = new Dictionary<Guid, IncomeRecord>(rows.Count);
        Dictionary<Guid, int> findings = [];
        Dictionary<Guid, RiskEvent> events = [];
        var stable = 6;
        Func<string, string, int, decimal?> lines = (_, _, _) => null;
        async Task ReadTheRestAsync(AppDbContext source)
        {
            var fromYear = today.Year - 2;
            var incomeQuery = source.Set<IncomeRecord>().AsNoTracking().Where(r => r.Year >= fromYear);
            incomeQuery = single ? incomeQuery.Where(r => wanted.Contains(r.HouseholdId)) : incomeQuery;
            await foreach (var r in incomeQuery.AsAsyncEnumerable().WithCancellation(ct))
            {
                if (!incomes.TryGetValue(r.HouseholdId, out var had) || had.Year < r.Year)
                {
                    incomes[r.HouseholdId] = r;
                }
            }
            var findingQuery = source.Set<ComparisonFinding>().AsNoTracking().Where(f => f.State != FindingState.Closed);
            findingQuery = single ? findingQuery.Where(f => wanted.Contains(f.HouseholdId)) : findingQuery;
            findings = await findingQuery.GroupBy(f => f.HouseholdId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
            var region = source.User.RegionCode ?? "";
            lines = await PolicyValues.LoadAsync(source, [PolicyKeys.PovertyLine, PolicyKeys.MonitoringLine, PolicyKeys.RiskEventMonths, PolicyKeys.StableWorkMonths], today.Year, ct);
            var since = today.AddMonths(-(int)(lines(PolicyKeys.RiskEventMonths, region, today.Year) ?? 12));
            var eventQuery = source.Set<RiskEvent>().AsNoTracking().Where(e => e.OccurredOn >= since);
            eventQuery = single ? eventQuery.Where(e => wanted.Contains(e.HouseholdId)) : eventQuery;
            events = (await eventQuery.ToListAsync(ct)).GroupBy(e => e.HouseholdId).ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.OccurredOn).First());
            stable = (int)(lines(PolicyKeys.StableWorkMonths, region, today.Year) ?? 6);
        }

        if (single)
        {
            // A refresh after a save: a few households, on this context's connection.
            await ReadMembersAsync(db);
            await ReadTheRestAsync(db);
        }
        else
        {
            // The whole scope: members on this connection, the rest on a second one at the same time.
            await using var side = db.Sibling();
            // (Both on pool threads: the native member read does not yield, and would otherwise finish before the other began.)
            await Task.WhenAll(Task.Run(() => ReadMembersAsync(db), ct), Task.Run(() => ReadTheRestAsync(side), ct));
        }
        Time(seconds, "读取成员、收入、问题和事件", sw);

        var result = new Computed[rows.Count];
        var lineCache = new System.Collections.Concurrent.ConcurrentDictionary<(string, int), (decimal?, decimal?)>();
        Parallel.For(0, rows.Count, new ParallelOptions { MaxDegreeOfParallelism = single ? 1 : -1 }, i =>
        {
            var h = rows[i];
            var facts = LightRules.MemberFacts(
                (members.GetValueOrDefault(h.Id) ?? []).Select(m => (m.Name, m.BirthDate, m.Health, m.Labour, m.SchoolStage, m.WorkPlace, m.WorkMonths)), today, stable);
            var income = incomes.GetValueOrDefault(h.Id);
            decimal? perCapita = null, earned = null, povertyLine = null, monitoringLine = null;
            if (income is not null)
            {
                perCapita = income.PerCapita;
                earned = IncomeRules.PerCapita(income.Wage + income.Business - income.BusinessExpense, income.HouseholdSize);
                var county = h.RegionCode[..6];
                (povertyLine, monitoringLine) = lineCache.GetOrAdd((county, income.Year),
                    key => (lines(PolicyKeys.PovertyLine, h.RegionCode, key.Item2), lines(PolicyKeys.MonitoringLine, h.RegionCode, key.Item2)));
            }
            var e = events.GetValueOrDefault(h.Id);
            var (light, reasons) = LightRules.Compute(new LightFacts
            {
                IncomeYear = income?.Year,
                PerCapita = perCapita,
                EarnedPerCapita = earned,
                PovertyLine = povertyLine,
                MonitoringLine = monitoringLine,
                SeriouslyIll = facts.Ill,
                NoAbleLabour = facts.NoAbleLabour,
                RegularSpending = facts.Spending,
                UnstableWorkers = facts.Unstable,
                OpenFindings = findings.GetValueOrDefault(h.Id),
                RecentEvent = e is null ? null : $"{e.OccurredOn:yyyy-MM-dd}遭受{Labels.Of(e.Kind)}：{e.Note}",
                Monitoring = h.MonitoringType is { } type && h.RiskRemovedOn is null
                    ? $"{Labels.Of(type)}，{h.MonitoringSince:yyyy-MM-dd}纳入监测，风险尚未消除" : null,
            });
            result[i] = new Computed(h.Id, h.RegionCode, light, reasons);
        });
        Time(seconds, "计算灯色", sw);
        return [.. result];
    }

    private static HouseholdLight Row(Computed c, DateTime now) => new()
    {
        HouseholdId = c.HouseholdId,
        RegionCode = c.RegionCode,
        Light = c.Light,
        Reasons = Clip(string.Join(",", c.Reasons.Select(r => r.Reason)), 300),
        Detail = Clip(string.Join("\n", c.Reasons.Select(r => r.Detail)), 2000),
        ComputedAt = now,
    };

    private static string Clip(string s, int n) => s.Length > n ? s[..n] : s;

    /// <summary>
    /// Recomputes every lit household in the user's scope and replaces their rows. After a comparison round
    /// (<paramref name="asRound"/>) the light each household showed before becomes its "previous" light, so the
    /// dashboard shows the change since the last round.
    /// </summary>
    public static async Task<int> RecomputeAllAsync(AppDbContext db, TimeProvider clock, bool asRound, CancellationToken ct, Dictionary<string, double>? seconds = null)
    {
        _ = db.User.ScopePrefix ?? throw new InvalidOperationException("no scope");
        var computed = await ComputeAsync(db, clock, db.Households.AsNoTracking(), ct, seconds);
        var sw = Stopwatch.StartNew();
        var old = new Dictionary<Guid, (Light Light, Light? Previous, DateTime? PreviousAt, DateTime At)>();
        await foreach (var l in db.Set<HouseholdLight>().AsNoTracking()
            .Select(l => new { l.HouseholdId, l.Light, l.PreviousLight, l.PreviousAt, l.ComputedAt }).AsAsyncEnumerable().WithCancellation(ct))
        {
            old[l.HouseholdId] = (l.Light, l.PreviousLight, l.PreviousAt, l.ComputedAt);
        }
        var overrides = await db.Set<LightNote>().AsNoTracking().Where(n => n.Override != null).ToDictionaryAsync(n => n.HouseholdId, n => n.Override!.Value, ct);
        Time(seconds, "读取原灯色", sw);
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = computed.Select(c =>
        {
            var row = Row(c, now);
            if (old.TryGetValue(c.HouseholdId, out var was))
            {
                (row.PreviousLight, row.PreviousAt) = asRound ? (overrides.TryGetValue(c.HouseholdId, out var o) ? o : was.Light, was.At) : (was.Previous, was.PreviousAt);
            }
            return row;
        }).ToList();
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            // The scope filter limits the delete to the user's region.
            await db.Set<HouseholdLight>().ExecuteDeleteAsync(ct);
            await BulkWriter.InsertAsync(db, rows, ct);
            AuditEvents.Add(db, clock, RecomputeEvent, nameof(HouseholdLight), null,
                $"重新计算三色灯{(asRound ? "（比对后）" : "")}：{rows.Count}户，红灯{rows.Count(r => r.Light == Light.Red)}户，黄灯{rows.Count(r => r.Light == Light.Yellow)}户，绿灯{rows.Count(r => r.Light == Light.Green)}户",
                db.User.RegionCode);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        Time(seconds, "写入灯色", sw);
        return rows.Count;
    }

    /// <summary>Recomputes the given households (after a change to them) and upserts their rows; households no longer lit lose theirs.</summary>
    public static async Task RefreshAsync(AppDbContext db, TimeProvider clock, IReadOnlyCollection<Guid> householdIds, CancellationToken ct)
    {
        var ids = householdIds.ToList();
        var computed = (await ComputeAsync(db, clock, db.Households.AsNoTracking().Where(h => ids.Contains(h.Id)), ct)).ToDictionary(c => c.HouseholdId);
        var existing = await db.Set<HouseholdLight>().Where(l => ids.Contains(l.HouseholdId)).ToDictionaryAsync(l => l.HouseholdId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var id in ids)
        {
            var has = existing.TryGetValue(id, out var row);
            if (!computed.TryGetValue(id, out var c))
            {
                if (has)
                {
                    db.Entry(row!).State = EntityState.Detached;
                    await db.Set<HouseholdLight>().Where(l => l.HouseholdId == id).ExecuteDeleteAsync(ct);
                }
                continue;
            }
            var fresh = Row(c, now);
            if (!has)
            {
                db.Add(fresh);
            }
            else if (row!.Light != fresh.Light || row.Reasons != fresh.Reasons || row.Detail != fresh.Detail)
            {
                (row.Light, row.Reasons, row.Detail, row.ComputedAt) = (fresh.Light, fresh.Reasons, fresh.Detail, now);
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private static void Time(Dictionary<string, double>? seconds, string phase, Stopwatch sw)
    {
        if (seconds is not null)
        {
            seconds[phase] = seconds.GetValueOrDefault(phase) + sw.Elapsed.TotalSeconds;
        }
        sw.Restart();
    }
}
