using System.Diagnostics;
using System.Runtime.CompilerServices;
using Fupin.Web.Data;
using Fupin.Web.Features.Audit;
using Fupin.Web.Features.Households;
using Fupin.Web.Features.Monitoring;
using Fupin.Web.Features.Policy;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Comparison;

/// <summary>
/// Runs a comparison round: the registry in the runner's scope (households on the register or monitored,
/// their active members) against the roster batches chosen, by ID number, in memory; the chosen rules turn
/// mismatches into findings, written through the bulk path in one transaction with the round. A mismatch
/// that already has an unclosed finding is counted, not written again. Lights are recomputed afterwards.
/// </summary>
public static class ComparisonRounds
{
    public sealed record RunRequest
    {
        public string? Name { get; set; }
        public List<Guid> Batches { get; set; } = [];
        /// <summary>Rule codes; empty runs every rule whose rosters were chosen.</summary>
        public List<ComparisonRule> Rules { get; set; } = [];
    }

    public sealed record RoundView(Guid Id, int Year, int Seq, string Name, DateTime RunAt, string RunBy, IReadOnlyList<string> Rosters,
        IReadOnlyList<string> Rules, int Households, int Members, int FindingsNew, int FindingsRepeated, int ElapsedMs, int OpenNow);

    /// <summary>Where the time of a round went (read by the benchmark).</summary>
    public sealed class Timings
    {
        public Dictionary<string, double> Seconds { get; } = [];
        public void Time(string phase, Stopwatch sw)
        {
            Seconds[phase] = Seconds.GetValueOrDefault(phase) + sw.Elapsed.TotalSeconds;
            sw.Restart();
        }
    }

    public static async Task<Outcome<RoundView>> RunAsync(AppDbContext db, TimeProvider clock, RunRequest r, CancellationToken ct, Timings? timings = null,
        bool recomputeLights = true)
    {
        var total = Stopwatch.StartNew();
        var sw = Stopwatch.StartNew();
        timings ??= new Timings();
        var today = clock.Today();
        var errors = new Errors();
        var region = db.User.RegionCode ?? "";
        var ids = r.Batches.Distinct().ToList();
        var batches = ids.Count == 0 ? [] : await db.Set<RosterBatch>().AsNoTracking().Where(b => ids.Contains(b.Id)).ToListAsync(ct);
        if (ids.Count == 0)
        {
            errors.Add("batches", "请至少选择一个部门名册批次");
        }
        else if (batches.Count != ids.Count)
        {
            errors.Add("batches", "所选名册批次不存在或不在您的管辖范围内");
        }
        foreach (var twice in batches.GroupBy(b => b.Kind).Where(g => g.Count() > 1))
        {
            errors.Add("batches", $"{Labels.Of(twice.Key)}只能选择一个批次");
        }
        var kinds = batches.Select(b => b.Kind).ToHashSet();
        var rules = r.Rules.Count > 0 ? r.Rules.Distinct().ToList()
            : ComparisonRules.All.Where(d => d.Needs.All(kinds.Contains)).Select(d => d.Rule).ToList();
        foreach (var rule in rules)
        {
            if (!Enum.IsDefined(rule))
            {
                errors.Add("rules", "比对规则不存在");
            }
            else if (ComparisonRules.Of(rule).Needs.Where(k => !kinds.Contains(k)).ToList() is { Count: > 0 } missing)
            {
                errors.Add("rules", $"规则“{ComparisonRules.Of(rule).Name}”需要{string.Join("、", missing.Select(Labels.Of))}，请选择该名册的批次");
            }
        }
        if (ids.Count > 0 && rules.Count == 0 && !errors.Any)
        {
            errors.Add("rules", "所选名册没有可运行的比对规则");
        }
        errors.MaxLength("name", r.Name, "轮次名称", 60);
        var policy = await PolicyValues.LoadAsync(db, [PolicyKeys.FindingDueDays, PolicyKeys.InpatientRatioMin, PolicyKeys.ChronicRatioMin, PolicyKeys.TekunRatioMin], today.Year, ct);
        var dueDays = policy(PolicyKeys.FindingDueDays, region, today.Year);
        var inpatient = policy(PolicyKeys.InpatientRatioMin, region, today.Year);
        var chronic = policy(PolicyKeys.ChronicRatioMin, region, today.Year);
        var tekun = policy(PolicyKeys.TekunRatioMin, region, today.Year);
        if (dueDays is null)
        {
            errors.Add("policy", $"{today.Year}年没有设定“比对问题整改时限”，请先在政策参数中设定");
        }
        if (rules.Contains(ComparisonRule.LowReimbursement) && (inpatient is null || chronic is null || tekun is null))
        {
            errors.Add("policy", $"{today.Year}年没有设定医疗报销比例标准，请先在政策参数中设定");
        }
        if (errors.Any)
        {
            return new Outcome<RoundView>.Invalid(errors);
        }
        timings.Time("检查请求", sw);

        // The registry in scope, then the chosen rosters on two connections at once, keeping only the rows
        // of people in the registry (a department's roster covers the whole county, the registry a part).
        var (households, members) = await LoadRegistryAsync(db, ct);
        var byId = new Dictionary<string, MemberFact>(members.Count, StringComparer.Ordinal);
        foreach (var m in members)
        {
            byId.TryAdd(m.IdNumber, m);
        }
        timings.Time("读取名册库", sw);
        var halves = new[] { new List<RosterBatch>(), new List<RosterBatch>() };
        foreach (var batch in batches.OrderByDescending(b => b.Rows))
        {
            halves[halves[0].Sum(b => b.Rows) <= halves[1].Sum(b => b.Rows) ? 0 : 1].Add(batch);
        }
        await using var side = db.Sibling();
        var read = await Task.WhenAll(Task.Run(() => LoadRostersAsync(db, halves[0], byId, ct), ct), Task.Run(() => LoadRostersAsync(side, halves[1], byId, ct), ct));
        var rosters = read.SelectMany(r => r).ToDictionary(r => r.Key, r => r.Value);
        timings.Time("读取部门名册（两个连接并行）", sw);

        var input = new ComparisonInput
        {
            Households = households,
            Members = members,
            Rosters = rosters,
            Today = today,
            Ratios = new ReimbursementRatios(inpatient ?? 90, chronic ?? 80, tekun ?? 100),
        };
        var hits = ComparisonRules.Run(input, rules);
        timings.Time("运行规则", sw);

        var open = new HashSet<(ComparisonRule, Guid, Guid?)>();
        await foreach (var f in db.Set<ComparisonFinding>().AsNoTracking().Where(f => f.State != FindingState.Closed)
            .Select(f => new { f.Rule, f.HouseholdId, f.MemberId }).AsAsyncEnumerable().WithCancellation(ct))
        {
            open.Add((f.Rule, f.HouseholdId, f.MemberId));
        }
        var year = today.Year;
        var seq = await db.Set<ComparisonRound>().CountAsync(x => x.Year == year && x.RegionCode == region, ct) + 1;
        var now = clock.GetUtcNow().UtcDateTime;
        var round = new ComparisonRound
        {
            Id = Guid.CreateVersion7(),
            RegionCode = region,
            Year = year,
            Seq = seq,
            Name = string.IsNullOrWhiteSpace(r.Name) ? $"{year}年第{seq}次数据比对" : r.Name.Trim(),
            Batches = string.Join(",", ids),
            Rules = string.Join(",", rules),
            RunBy = db.User.UserName,
            RunAt = now,
            Households = households.Count,
            Members = members.Count,
        };
        var due = today.AddDays((int)Math.Ceiling(dueDays!.Value));
        var findings = new List<ComparisonFinding>();
        foreach (var hit in hits)
        {
            if (!open.Add((hit.Rule, hit.HouseholdId, hit.MemberId)))
            {
                round.FindingsRepeated++;
                continue;
            }
            findings.Add(new ComparisonFinding
            {
                Id = Guid.CreateVersion7(),
                RoundId = round.Id,
                RegionCode = households[hit.HouseholdId].RegionCode,
                HouseholdId = hit.HouseholdId,
                MemberId = hit.MemberId,
                Rule = hit.Rule,
                Severity = ComparisonRules.Of(hit.Rule).Severity,
                Subject = Clip(hit.Subject, 60),
                RegistryEvidence = Clip(hit.Registry, 500),
                RosterEvidence = Clip(hit.Roster, 1000),
                State = FindingState.Open,
                FoundOn = today,
                DueOn = due,
                Version = 1,
                CreatedAt = now,
                UpdatedAt = now,
            });
        }
        round.FindingsNew = findings.Count;
        timings.Time("比对已有问题", sw);

        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            db.Add(round);
            AuditEvents.Add(db, clock, "ComparisonRound", nameof(ComparisonRound), round.Id.ToString(),
                $"{round.Name}：比对{households.Count}户{members.Count}人，名册{string.Join("、", batches.Select(b => $"{Labels.Of(b.Kind)}〔{b.Label}〕"))}，" +
                $"新发现问题{round.FindingsNew}条，仍未销号的重复问题{round.FindingsRepeated}条", region);
            await db.SaveChangesAsync(ct);
            await BulkWriter.InsertAsync(db, findings, ct);
            round.ElapsedMs = (int)total.ElapsedMilliseconds;
            var roundId = round.Id;
            var elapsed = round.ElapsedMs;
            await db.Set<ComparisonRound>().Where(x => x.Id == roundId).ExecuteUpdateAsync(u => u.SetProperty(x => x.ElapsedMs, elapsed), ct);
            await tx.CommitAsync(ct);
        }
        db.ChangeTracker.Clear();
        timings.Time("写入问题", sw);
        if (recomputeLights)
        {
            await Lights.RecomputeAllAsync(db, clock, asRound: true, ct);
            timings.Time("重算三色灯", sw);
        }
        return new Outcome<RoundView>.Done(await GetAsync(db, round.Id, ct) ?? throw new InvalidOperationException("round vanished"));
    }

    private static string Clip(string s, int n) => s.Length > n ? s[..n] : s;

    /// <summary>
    /// Households compared and their active members. On SQLite the rows are read natively (<see cref="NativeRows"/>):
    /// through Microsoft.Data.Sqlite a million members cost a string for every Guid, code and date.
    /// </summary>
    private static async Task<(Dictionary<Guid, HouseholdFact>, List<MemberFact>)> LoadRegistryAsync(AppDbContext db, CancellationToken ct)
    {
        var householdQuery = db.Households.AsNoTracking().Where(h => Lights.Lit.Contains(h.Status))
            .Select(h => new { h.Id, h.RegionCode, h.HeadName, h.Attribute });
        var memberQuery = db.Members.AsNoTracking().Where(m => m.Status == MemberStatus.Active)
            .Select(m => new { m.Id, m.HouseholdId, m.IdNumber, m.Name, m.Relation, m.BirthDate, m.Health });
        Dictionary<Guid, HouseholdFact> households;
        List<MemberFact> members;
        if (db.Database.IsSqlite())
        {
            households = [];
            var regions = new Dictionary<string, string>(StringComparer.Ordinal);
            await NativeRows.ReadAsync(db, householdQuery, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (row) =>
            {
                var id = row.Guid(0);
                households[id] = new HouseholdFact(id, row.Shared(1, regions), row.String(2), row.Enum<HouseholdAttribute>(3));
            }, ct);
            members = new List<MemberFact>(households.Count * 4);
            await NativeRows.ReadAsync(db, memberQuery, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (row) =>
            {
                var household = row.Guid(1);
                if (households.ContainsKey(household))
                {
                    members.Add(new MemberFact(row.Guid(0), household, row.String(2), row.String(3), row.Enum<Relation>(4), row.Date(5), (Health)row.Int64(6)));
                }
            }, ct);
            return (households, members);
        }
        households = await householdQuery.ToDictionaryAsync(h => h.Id, h => new HouseholdFact(h.Id, h.RegionCode, h.HeadName, h.Attribute), ct);
        members = new List<MemberFact>(households.Count * 4);
        await foreach (var m in memberQuery.AsAsyncEnumerable().WithCancellation(ct))
        {
            if (households.ContainsKey(m.HouseholdId))
            {
                members.Add(new MemberFact(m.Id, m.HouseholdId, m.IdNumber, m.Name, m.Relation, m.BirthDate, m.Health));
            }
        }
        return (households, members);
    }

    /// <summary>
    /// The chosen batches by ID number, keeping only the rows of people in the registry (a department's roster
    /// covers the whole county, the registry a part). Kept rows share the registry's strings, so what is read
    /// for them dies young instead of living through the round. On SQLite the rows are read natively and a
    /// row is looked up by its ID number's bytes, so a row of someone outside the registry allocates nothing;
    /// on PostgreSQL with a plain data reader over EF's SQL (a million rows through the EF materializer cost
    /// twice as much).
    /// </summary>
    private static async Task<Dictionary<RosterKind, Dictionary<string, RosterRow>>> LoadRostersAsync(AppDbContext db, IReadOnlyList<RosterBatch> batches,
        Dictionary<string, MemberFact> registry, CancellationToken ct)
    {
        var sqlite = db.Database.IsSqlite();
        var rosters = new Dictionary<RosterKind, Dictionary<string, RosterRow>>();
        var lookup = registry.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var batch in batches)
        {
            var batchId = batch.Id;
            var query = db.Set<RosterEntry>().AsNoTracking().Where(e => e.BatchId == batchId)
                .Select(e => new { e.IdNumber, e.Name, e.Status, e.SubType, e.Detail, e.EventDate, e.Total, e.Paid });
            var byId = new Dictionary<string, RosterRow>(Math.Min(batch.Rows, registry.Count), StringComparer.Ordinal);
            var label = batch.Label;
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            void Keep(MemberFact member, RosterRow row)
            {
                if (byId.TryGetValue(member.IdNumber, out var first))
                {
                    row.Next = first.Next;
                    first.Next = row;
                }
                else
                {
                    byId[member.IdNumber] = row;
                }
            }
            if (sqlite)
            {
                await NativeRows.ReadAsync(db, query, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (row) =>
                {
                    if (!row.TryFind(0, lookup, out var member))
                    {
                        return;
                    }
                    Keep(member, new RosterRow
                    {
                        Batch = label,
                        Name = row.TextIs(1, member.Name) ? member.Name : row.String(1),
                        Status = row.NullableShared(2, values),
                        SubType = row.NullableShared(3, values),
                        Detail = row.NullableString(4),
                        EventDate = row.NullableDate(5),
                        Total = row.NullableDecimal(6),
                        Paid = row.NullableDecimal(7),
                    });
                }, ct);
            }
            else
            {
                await db.Database.OpenConnectionAsync(ct);
                try
                {
                    await using var command = query.CreateDbCommand();
                    await using var reader = await command.ExecuteReaderAsync(ct);
                    while (await reader.ReadAsync(ct))
                    {
                        if (!registry.TryGetValue(reader.GetString(0), out var member))
                        {
                            continue;
                        }
                        var name = reader.GetString(1);
                        Keep(member, new RosterRow
                        {
                            Batch = label,
                            Name = name == member.Name ? member.Name : name,
                            Status = Interned(reader, 2, values),
                            SubType = Interned(reader, 3, values),
                            Detail = reader.IsDBNull(4) ? null : reader.GetString(4),
                            EventDate = reader.IsDBNull(5) ? null : reader.GetFieldValue<DateOnly>(5),
                            Total = reader.IsDBNull(6) ? null : reader.GetDecimal(6),
                            Paid = reader.IsDBNull(7) ? null : reader.GetDecimal(7),
                        });
                    }
                }
                finally
                {
                    await db.Database.CloseConnectionAsync();
                }
            }
            rosters[batch.Kind] = byId;
        }
        return rosters;
    }

    /// <summary>Coded values repeat a handful of strings a million times: keep one of each.</summary>
    private static string? Interned(System.Data.Common.DbDataReader reader, int i, Dictionary<string, string> values)
    {
        if (reader.IsDBNull(i))
        {
            return null;
        }
        var s = reader.GetString(i);
        if (values.TryGetValue(s, out var known))
        {
            return known;
        }
        values[s] = s;
        return s;
    }

    public static async Task<RoundView?> GetAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        (await ViewsAsync(db, db.Set<ComparisonRound>().AsNoTracking().Where(x => x.Id == id), ct)).FirstOrDefault();

    public static async Task<Paged<RoundView>> ListAsync(AppDbContext db, int page, int pageSize, CancellationToken ct)
    {
        var (skip, take) = Paging.Window(page, pageSize);
        var query = db.Set<ComparisonRound>().AsNoTracking();
        var total = await query.CountAsync(ct);
        return new Paged<RoundView>(await ViewsAsync(db, query.OrderByDescending(x => x.RunAt).ThenBy(x => x.Id).Skip(skip).Take(take), ct), total);
    }

    private static async Task<IReadOnlyList<RoundView>> ViewsAsync(AppDbContext db, IQueryable<ComparisonRound> query, CancellationToken ct)
    {
        var rounds = await query.ToListAsync(ct);
        var batchIds = rounds.SelectMany(x => x.Batches.Split(',', StringSplitOptions.RemoveEmptyEntries)).Select(Guid.Parse).Distinct().ToList();
        var batches = await db.Set<RosterBatch>().IgnoreQueryFilters().AsNoTracking().Where(b => batchIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, ct);
        var roundIds = rounds.Select(x => x.Id).ToList();
        var open = await db.Set<ComparisonFinding>().AsNoTracking().Where(f => roundIds.Contains(f.RoundId) && f.State != FindingState.Closed)
            .GroupBy(f => f.RoundId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return [.. rounds.Select(x => new RoundView(x.Id, x.Year, x.Seq, x.Name, x.RunAt, x.RunBy,
            [.. x.Batches.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse)
                .Select(b => batches.TryGetValue(b, out var batch) ? $"{Labels.Of(batch.Kind)}〔{batch.Label}〕" : b.ToString())],
            [.. x.Rules.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(c => Enum.TryParse<ComparisonRule>(c, out var rule) ? ComparisonRules.Of(rule).Name : c)],
            x.Households, x.Members, x.FindingsNew, x.FindingsRepeated, x.ElapsedMs, open.GetValueOrDefault(x.Id)))];
    }
}
