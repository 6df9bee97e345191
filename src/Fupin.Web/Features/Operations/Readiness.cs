using Fupin.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Operations;

/// <summary>
/// <c>/health/ready</c>: what an operator's monitoring asks before sending users — the database answers, no
/// migration is waiting, the audit sealer keeps up, the last backup is recent, and no background job is failing.
/// 200 when the instance can serve (a stale backup or a failing job make it "degraded", still 200); 503 when the
/// database cannot be reached or the schema is behind. Counts and ages only: nothing personal.
/// </summary>
public static class Readiness
{
    public sealed record Report(string Status, bool Database, string Provider, int PendingMigrations, long UnsealedAuditRows,
        DateTime? LastBackupAt, double? LastBackupAgeHours, bool BackupStale, IReadOnlyList<FailedJob> FailedJobs);

    public sealed record FailedJob(string Job, DateTime At, string Error);

    /// <summary>Unsealed audit rows above this mean the sealer is not keeping up.</summary>
    public const int UnsealedBacklogLimit = 10_000;

    public static void MapFupinReadiness(this IEndpointRouteBuilder app) =>
        app.MapGet("/health/ready", GetAsync).AllowAnonymous().WithTags("运行状态").WithName("Readiness")
            .WithSummary("就绪检查：数据库、待执行迁移、审计日志封存积压、最近一次备份、失败的后台任务")
            .Produces<Report>().Produces<Report>(StatusCodes.Status503ServiceUnavailable);

    private static async Task<IResult> GetAsync(AppDbContext db, DatabaseSetup.Settings settings, Backups backups, TimeProvider clock, CancellationToken ct)
    {
        var report = await CheckAsync(db, settings, backups, clock, ct);
        return TypedResults.Json(report, statusCode: report.Status == "unready" ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
    }

    public static async Task<Report> CheckAsync(AppDbContext db, DatabaseSetup.Settings settings, Backups backups, TimeProvider clock, CancellationToken ct)
    {
        var failed = JobHealth.Snapshot().Select(j => new FailedJob(j.Key, j.Value.At, j.Value.Error)).ToList();
        bool up;
        try
        {
            up = await db.Database.CanConnectAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            up = false;
        }
        if (!up)
        {
            return new Report("unready", false, settings.Provider.ToString(), 0, 0, null, null, true, failed);
        }
        var pending = (await Upgrade.PendingAsync(db, ct)).Count;
        var unsealed = await db.AuditEntries.LongCountAsync(a => a.Seq == null, ct);
        var status = await backups.StatusAsync(db, ct);
        var age = status.LastOkAt is { } at ? (clock.GetUtcNow().UtcDateTime - at).TotalHours : (double?)null;
        var state = pending > 0 ? "unready" : status.IsStale || failed.Count > 0 || unsealed > UnsealedBacklogLimit ? "degraded" : "ready";
        return new Report(state, true, settings.Provider.ToString(), pending, unsealed, status.LastOkAt, age is { } a ? Math.Round(a, 1) : null, status.IsStale, failed);
    }
}
