using System.Text.Json;
using Fupin.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Audit;

/// <summary>
/// Chains audit rows: each sealed row's hash (HMAC under the installation's <see cref="AuditKey"/>) covers the previous
/// sealed row's hash and its own content, in seal order (Seq). Sealing happens after the fact, by one sealer at a time,
/// so writers never wait on the chain and concurrent inserts cannot fork it. A changed row breaks its hash; a removed
/// row leaves a gap in Seq; a row whose time goes back shows; all are found by <see cref="VerifyAsync"/>.
/// </summary>
public static class AuditSealer
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>What an action the application never writes reads as (see AuditEntryConfiguration).</summary>
    public const AuditAction UnknownAction = (AuditAction)(-1);

    private static readonly AuditAction[] KnownActions = Enum.GetValues<AuditAction>();

    /// <summary>An unsealed row the application did not write: its id and the action text it carries.</summary>
    public sealed record Foreign(long Id, string Action);

    /// <summary>Unsealed rows with an action this version never writes; the sealer leaves them out of the chain.</summary>
    public static async Task<IReadOnlyList<Foreign>> ForeignAsync(AppDbContext db, CancellationToken ct) =>
        await db.Database.SqlQueryRaw<Foreign>(
            "SELECT \"Id\", \"Action\" FROM \"AuditEntries\" WHERE \"Seq\" IS NULL AND \"Action\" NOT IN ('Created', 'Updated', 'Event') ORDER BY \"Id\"")
            .Take(100).ToListAsync(ct);
    private const long PostgresLockKey = 0x46_55_50_49_4E_41; // "FUPINA"

    public sealed record Verification(bool Ok, long SealedRows, long UnsealedRows, IReadOnlyList<string> Problems)
    {
        /// <summary>The chain's head: the last sealed row's position and hash (0 and "" for an empty chain).</summary>
        public long HeadSeq { get; init; }
        public string HeadHash { get; init; } = "";
        /// <summary>The checkpoint outside the database the chain was found to hold, if there is one.</summary>
        public AuditCheckpoint.Head? Checkpoint { get; init; }
    }

    /// <summary>
    /// How far back a row's time may lie behind the row sealed before it: transactions commit out of order by a moment,
    /// never by this much. A row further back was written with an old time (or inserted by hand).
    /// </summary>
    public static readonly TimeSpan TimeSlack = TimeSpan.FromMinutes(10);

    /// <summary>Seals every unsealed row, oldest first. Returns how many were sealed.</summary>
    public static async Task<int> SealAsync(AppDbContext db, AuditKey key, CancellationToken ct = default)
    {
        var total = 0;
        while (true)
        {
            var sealedNow = await SealBatchAsync(db, key, 500, ct);
            total += sealedNow;
            if (sealedNow < 500)
            {
                return total;
            }
        }
    }

    private static async Task<int> SealBatchAsync(AppDbContext db, AuditKey key, int batch, CancellationToken ct)
    {
        // SQLite's BEGIN IMMEDIATE and PostgreSQL's advisory lock: one sealer at a time, across processes.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({PostgresLockKey})", ct);
        }
        var last = await db.AuditEntries.AsNoTracking().Where(a => a.Seq != null)
            .OrderByDescending(a => a.Seq).Select(a => new { a.Seq, a.Hash }).FirstOrDefaultAsync(ct);
        // Rows of an action the application never writes are not chained (ForeignAsync reports them): left out of the
        // batch, so however many there are, the rows behind them are still sealed.
        var rows = await db.AuditEntries.AsNoTracking().Where(a => a.Seq == null && KnownActions.Contains(a.Action))
            .OrderBy(a => a.Id).Take(batch).ToListAsync(ct);
        var seq = last?.Seq ?? 0;
        var previous = last?.Hash ?? Genesis;
        foreach (var row in rows)
        {
            seq++;
            var hash = HashOf(key, previous, seq, row);
            // Raw SQL: the only update the append-only trigger lets through (Seq and Hash from NULL, nothing else).
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE \"AuditEntries\" SET \"Seq\" = {seq}, \"Hash\" = {hash} WHERE \"Id\" = {row.Id} AND \"Seq\" IS NULL", ct);
            previous = hash;
        }
        await tx.CommitAsync(ct);
        return rows.Count;
    }

    /// <summary>Recomputes the chain from the start; every break is reported in Chinese.</summary>
    public static async Task<Verification> VerifyAsync(AppDbContext db, AuditKey key, CancellationToken ct = default)
    {
        DateTime? lastAt = null;
        var problems = new List<string>();
        var previous = Genesis;
        long expected = 0;
        long count = 0;
        long lastId = 0;
        while (true)
        {
            var page = await db.AuditEntries.AsNoTracking().Where(a => a.Seq != null && a.Seq > expected)
                .OrderBy(a => a.Seq).Take(2000).ToListAsync(ct);
            if (page.Count == 0)
            {
                break;
            }
            foreach (var row in page)
            {
                expected++;
                if (row.Seq != expected)
                {
                    problems.Add($"第 {expected} 至 {row.Seq - 1} 条审计记录缺失（可能被删除）");
                    expected = row.Seq!.Value;
                }
                var hash = HashOf(key, previous, row.Seq!.Value, row);
                if (hash != row.Hash)
                {
                    problems.Add($"第 {row.Seq} 条审计记录（编号 {row.Id}，{row.At:yyyy-MM-dd HH:mm:ss} UTC）内容与链哈希不符，可能被篡改或重新封链");
                }
                if (lastAt is { } before && row.At < before - TimeSlack)
                {
                    problems.Add($"第 {row.Seq} 条审计记录（编号 {row.Id}）的时间 {row.At:yyyy-MM-dd HH:mm:ss} UTC 早于前一条（{before:yyyy-MM-dd HH:mm:ss} UTC）：时间倒退，可能是以旧时间补写的记录");
                }
                lastAt = lastAt is { } b && b > row.At ? b : row.At;
                previous = row.Hash ?? "";
                lastId = row.Id;
                count++;
                if (problems.Count > 100)
                {
                    return new Verification(false, count, -1, [.. problems, "问题过多，已停止检查"]);
                }
            }
        }
        foreach (var foreign in await ForeignAsync(db, ct))
        {
            problems.Add($"编号 {foreign.Id} 的审计记录不是本系统写入的（动作“{foreign.Action}”无法识别），未纳入哈希链");
        }
        var unsealed = await db.AuditEntries.LongCountAsync(a => a.Seq == null, ct);
        return new Verification(problems.Count == 0, count, unsealed, problems) { HeadSeq = expected, HeadHash = previous == Genesis ? "" : previous };
    }

    public static string HashOf(AuditKey key, string previous, long seq, AuditEntry row)
    {
        // A JSON array: unambiguous field boundaries, stable across providers (times as UTC ticks).
        var canonical = JsonSerializer.Serialize(new object?[]
        {
            previous, seq, row.Id, row.At.Ticks, row.UserId, row.UserName, row.Role, row.ClientIp, row.Action.ToString(), row.Event,
            row.Entity, row.EntityKey, row.HouseholdId?.ToString("D"), row.RegionCode, row.Field, row.OldValue, row.NewValue,
        });
        return key.Hash(seq, canonical);
    }
}

/// <summary>Seals new audit rows every few seconds.</summary>
public sealed class AuditSealingService(IServiceScopeFactory scopes, AuditChain chain, TimeProvider clock, ILogger<AuditSealingService> log) : BackgroundService
{
    private DateTime _loggedAt;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(3));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var options = scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>();
                await using var db = new AppDbContext(options, CurrentUser.System());
                var sealedRows = await chain.SealAsync(db, stoppingToken);
                var foreign = await AuditSealer.ForeignAsync(db, stoppingToken);
                if (foreign.Count > 0)
                {
                    log.LogError("Audit rows not written by the application were left out of the chain: ids {Ids}", string.Join(", ", foreign.Select(f => f.Id)));
                }
                // The head goes outside the database: the checkpoint file, and the log once a minute while rows come in.
                var broken = await chain.CheckpointAsync(db, "封链", clock, stoppingToken);
                if (broken is not null)
                {
                    log.LogCritical("Audit chain no longer holds its last checkpoint: {Problem}", broken);
                }
                else if (sealedRows > 0 && clock.GetUtcNow().UtcDateTime - _loggedAt > TimeSpan.FromMinutes(1)
                         && AuditCheckpoint.Read(chain.DataFolder) is { } head)
                {
                    _loggedAt = clock.GetUtcNow().UtcDateTime;
                    log.LogInformation("Audit chain head: seq {Seq} hash {Hash}", head.Seq, head.Hash);
                }
                Operations.JobHealth.Report("audit-sealing",
                    broken is not null ? broken + "，请运行 audit-verify"
                    : foreign.Count > 0 ? $"发现 {foreign.Count} 条不是本系统写入的审计记录（编号 {foreign[0].Id} 起），请运行 audit-verify" : null, clock);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Audit sealing failed; it is retried");
                Operations.JobHealth.Report("audit-sealing", e.Message, clock);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
