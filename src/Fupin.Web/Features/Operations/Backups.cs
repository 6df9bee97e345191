using System.Globalization;
using Fupin.Web.Data;
using Fupin.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Operations;

/// <summary>
/// Backups the system makes itself: daily (Backup:IntervalHours, default 24) into Backup:Folder (default the data
/// folder's <c>backups/</c>), keeping the newest Backup:Keep (default 7); on demand from the administrator's page;
/// and before a start applies migrations (Backup:BeforeUpgrade, default true). Each is recorded — made or failed —
/// and audited; the administrator's page and /health/ready show the last one.
/// </summary>
public sealed class Backups(IConfiguration config, DatabaseSetup.Settings settings, DatabaseSetup.DataPaths paths, TimeProvider clock, ILogger<Backups> log)
{
    private readonly AuditChain _chain = new(config, paths.Folder);

    public const string FilePrefix = "fupin-";

    /// <summary>Older than this, the last backup is a warning on the administrator's page and in /health/ready.</summary>
    public static readonly TimeSpan Stale = TimeSpan.FromDays(2);

    public string Folder { get; } = Path.GetFullPath(Path.Combine(paths.Folder, config["Backup:Folder"] ?? "backups"));
    public int Keep { get; } = Math.Max(1, config.GetValue("Backup:Keep", 7));
    public TimeSpan Interval { get; } = TimeSpan.FromHours(Math.Max(1, config.GetValue("Backup:IntervalHours", 24)));
    public bool Scheduled { get; } = config.GetValue("Backup:Schedule", true);
    public bool BeforeUpgrade { get; } = config.GetValue("Backup:BeforeUpgrade", true);
    public string? PgBin { get; } = config["Backup:PgBin"];

    private readonly SemaphoreSlim _one = new(1, 1);

    public sealed record Made(bool Ok, string Path, long Size, long AuditHeadSeq, string Message);

    /// <summary>Writes an archive into the folder (nothing recorded yet: the database may be about to migrate).</summary>
    public async Task<Made> WriteAsync(BackupKind kind, CancellationToken ct)
    {
        await _one.WaitAsync(ct);
        var name = $"{FilePrefix}{clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}{(kind == BackupKind.BeforeUpgrade ? "-before-upgrade" : "")}.zip";
        var path = Path.Combine(Folder, name);
        try
        {
            var manifest = await BackupArchive.CreateAsync(settings, _chain, path, PgBin, ct, clock);
            Prune();
            log.LogInformation("Backup {Path} written: {Tables} tables, audit head {Seq}", path, manifest.RowCounts.Count, manifest.AuditHeadSeq);
            return new Made(true, path, new FileInfo(path).Length, manifest.AuditHeadSeq, $"备份成功：{manifest.RowCounts.Values.Sum():N0} 行，{manifest.Parts.Count} 个部分");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Backup to {Path} failed", path);
            return new Made(false, path, 0, 0, "备份失败：" + (e is BackupException ? e.Message : e.GetType().Name + "：" + e.Message));
        }
        finally
        {
            _one.Release();
        }
    }

    /// <summary>Records a backup (made or failed) with an audit line.</summary>
    public async Task RecordAsync(AppDbContext db, BackupKind kind, Made made, CancellationToken ct)
    {
        var message = made.Message.Length > 1000 ? made.Message[..1000] : made.Message;
        db.Add(new BackupRecord
        {
            Id = Guid.CreateVersion7(),
            At = clock.GetUtcNow().UtcDateTime,
            Kind = kind,
            Path = made.Path.Length > 500 ? made.Path[^500..] : made.Path,
            Size = made.Size,
            Ok = made.Ok,
            Message = message,
            AuditHeadSeq = made.AuditHeadSeq,
        });
        AuditEvents.Add(db, clock, made.Ok ? "BackupMade" : "BackupFailed", nameof(BackupRecord), Path.GetFileName(made.Path), message);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Backs up now and records it (the administrator's button, the schedule).</summary>
    public async Task<Made> RunAsync(AppDbContext db, BackupKind kind, CancellationToken ct)
    {
        var made = await WriteAsync(kind, ct);
        await RecordAsync(db, kind, made, ct);
        return made;
    }

    public sealed record Status(DateTime? LastOkAt, string? LastOkPath, bool LastFailed, string? LastMessage, bool IsStale, IReadOnlyList<BackupRecord> Recent);

    public async Task<Status> StatusAsync(AppDbContext db, CancellationToken ct)
    {
        var recent = await db.Set<BackupRecord>().AsNoTracking().OrderByDescending(b => b.At).Take(20).ToListAsync(ct);
        var lastOk = await db.Set<BackupRecord>().AsNoTracking().Where(b => b.Ok).OrderByDescending(b => b.At).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return new Status(lastOk?.At, lastOk?.Path, recent.FirstOrDefault() is { Ok: false }, recent.FirstOrDefault()?.Message,
            lastOk is null || now - lastOk.At > Stale, recent);
    }

    /// <summary>Keeps the newest <see cref="Keep"/> archives of the folder; other files are left alone.</summary>
    private void Prune()
    {
        foreach (var old in Directory.GetFiles(Folder, FilePrefix + "*.zip").OrderDescending(StringComparer.Ordinal).Skip(Keep))
        {
            File.Delete(old);
        }
    }
}

/// <summary>The schedule: checks every half hour whether the last backup is older than the interval.</summary>
public sealed class BackupScheduler(IServiceProvider services, Backups backups, TimeProvider clock, ILogger<BackupScheduler> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!backups.Scheduled)
        {
            return;
        }
        // Not in the first minute: a start has enough to do, and a backup right before it (upgrade) is fresh.
        await Task.Delay(TimeSpan.FromMinutes(1), clock, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                await using var db = new AppDbContext(scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>(), CurrentUser.System());
                var last = await db.Set<BackupRecord>().Where(b => b.Ok).MaxAsync(b => (DateTime?)b.At, stoppingToken);
                if (last is null || clock.GetUtcNow().UtcDateTime - last >= backups.Interval)
                {
                    var made = await backups.RunAsync(db, BackupKind.Scheduled, stoppingToken);
                    JobHealth.Report("backup", made.Ok ? null : made.Message, clock);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Scheduled backup check failed");
                JobHealth.Report("backup", e.Message, clock);
            }
            await Task.Delay(TimeSpan.FromMinutes(30), clock, stoppingToken);
        }
    }
}
