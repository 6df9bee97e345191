using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Threading.Channels;
using Fupin.Web.Data;
using Fupin.Web.Features.Audit;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Import;

/// <summary>
/// Runs imports in the background, one at a time (SQLite has one writer; PostgreSQL gains nothing from two
/// imports fighting over the same indexes). An upload is stored under the data folder while it waits and
/// deleted when its job ends; the error report stays beside the job for download. Progress lives in
/// memory; a job that was running when the server stopped is marked failed at the next start (its
/// transaction never committed, so nothing of it was written).
/// </summary>
public sealed class ImportJobs(IServiceScopeFactory scopes, UploadSafety safety, IConfiguration config, IHostEnvironment env,
    TimeProvider clock, ILogger<ImportJobs> log) : BackgroundService
{
    private readonly DateTime _started = clock.GetUtcNow().UtcDateTime;
    private readonly Channel<Guid> _queue = Channel.CreateUnbounded<Guid>();
    private readonly ConcurrentDictionary<Guid, (ClaimsPrincipal User, string Path, SheetReader.Kind Kind, RegistryImport.Progress Progress)> _pending = new();

    public string Folder { get; } = Path.Combine(DatabaseSetup.DataFolder(config, env.ContentRootPath), "imports");

    public RegistryImport.Progress? ProgressOf(Guid id) => _pending.TryGetValue(id, out var p) ? p.Progress : null;

    public string ReportPath(ImportJob job) => Path.Combine(Folder, job.ReportFile!);

    /// <summary>
    /// Stores the upload, checks it by content and limits, and queues it. A refused file is a job too
    /// (state Rejected, with the reason), so the history shows every attempt.
    /// </summary>
    public async Task<ImportJob> SubmitAsync(AppDbContext db, ClaimsPrincipal user, Stream content, string? fileName, CancellationToken ct,
        ImportKind importKind = ImportKind.Registry, Comparison.RosterKind? rosterKind = null, string? label = null)
    {
        Directory.CreateDirectory(Folder);
        var id = Guid.CreateVersion7();
        var path = Path.Combine(Folder, $"{id:N}.upload");
        var name = Path.GetFileName(fileName ?? "").Trim();
        name = name.Length == 0 ? "未命名文件" : name.Length > 200 ? name[..200] : name;
        string hash;
        long size = 0;
        string? problem = null;
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[1 << 16];
            int n;
            while ((n = await content.ReadAsync(buffer, ct)) > 0)
            {
                size += n;
                if (size > safety.MaxFileBytes)
                {
                    problem = $"文件超过{safety.MaxFileBytes / 1024 / 1024}MB的上限，请分批导入";
                    break;
                }
                sha.AppendData(buffer, 0, n);
                await file.WriteAsync(buffer.AsMemory(0, n), ct);
            }
            hash = Convert.ToHexStringLower(sha.GetHashAndReset());
        }
        SheetReader.Kind? kind = null;
        if (problem is null)
        {
            var verdict = await safety.CheckAsync(path, ct);
            (kind, problem) = (verdict.Kind, verdict.Problem);
        }
        var job = new ImportJob
        {
            Id = id,
            Kind = importKind,
            RosterKind = rosterKind,
            Label = label,
            RegionCode = db.User.RegionCode ?? "",
            UserName = db.User.UserName,
            UserId = db.User.UserId,
            FileName = name,
            Sha256 = hash,
            Size = size,
            Format = kind?.ToString().ToLowerInvariant(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            State = problem is null ? ImportState.Queued : ImportState.Rejected,
            Message = problem,
        };
        db.Add(job);
        if (problem is not null)
        {
            File.Delete(path);
            job.FinishedAt = job.CreatedAt;
            AuditEvents.Add(db, clock, AuditEvent.Import, job.Kind == ImportKind.Regions ? "Region" : "Household", id.ToString(), $"导入文件“{name}”被拒绝：{problem}", db.User.RegionCode);
        }
        await db.SaveChangesAsync(ct);
        if (problem is null)
        {
            _pending[id] = (user, path, kind!.Value, new RegistryImport.Progress { Phase = "排队中" });
            await _queue.Writer.WriteAsync(id, ct);
        }
        return job;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await MarkInterruptedAsync(stoppingToken);
        await foreach (var id in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            if (!_pending.TryGetValue(id, out var item))
            {
                continue;
            }
            try
            {
                await RunAsync(id, item.User, item.Path, item.Kind, item.Progress, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Import {Job} failed", id);
                await FinishAsync(id, j =>
                {
                    j.State = ImportState.Failed;
                    j.Message = "导入时发生系统错误，未写入任何数据：" + e.Message;
                }, CancellationToken.None);
            }
            finally
            {
                File.Delete(item.Path);
                _pending.TryRemove(id, out _);
            }
            // A bulk load's housekeeping (statistics, SQLite's WAL) is done before the next import starts.
            await BulkLoadMaintenance.WaitAsync();
        }
    }

    private async Task RunAsync(Guid id, ClaimsPrincipal user, string path, SheetReader.Kind kind, RegistryImport.Progress progress, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(user);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);
        var job = await db.Set<ImportJob>().FirstAsync(j => j.Id == id, ct);
        job.State = ImportState.Running;
        job.StartedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        var options = new RegistryImport.Options(id, job.FileName, job.Sha256, safety.MaxRows, safety.BulkLoadFrom);
        var result = job.Kind switch
        {
            ImportKind.Income => await IncomeImport.RunAsync(db, clock, path, kind, options, progress, ct),
            ImportKind.Roster => await Comparison.RosterImport.RunAsync(db, clock, path, kind, options, job.RosterKind!.Value, job.Label ?? job.FileName, progress, ct),
            ImportKind.Regions => await Regions.RegionImport.RunAsync(db, clock, path, kind, options, progress, ct),
            _ => await RegistryImport.RunAsync(db, clock, path, kind, options, progress, ct),
        };
        db.ChangeTracker.Clear();
        job = await db.Set<ImportJob>().FirstAsync(j => j.Id == id, ct);
        job.FinishedAt = clock.GetUtcNow().UtcDateTime;
        job.Rows = progress.RowsTotal;
        if (result.Summary is { } s)
        {
            job.State = ImportState.Succeeded;
            (job.Rows, job.Households, job.HouseholdsCreated, job.HouseholdsUpdated, job.MembersCreated, job.MembersUpdated, job.HouseholdsUnchanged) =
                (s.Rows, s.Households, s.HouseholdsCreated, s.HouseholdsUpdated, s.MembersCreated, s.MembersUpdated, s.HouseholdsUnchanged);
            job.Message = job.Kind switch
            {
                ImportKind.Income => $"导入成功：{s.Households}户的收入台账，新增{s.HouseholdsCreated}条，更新{s.HouseholdsUpdated}条，未变化{s.HouseholdsUnchanged}条",
                ImportKind.Roster => $"导入成功：{Labels.Of(job.RosterKind!.Value)}“{job.Label}”{s.Rows}行，可用于数据比对",
                ImportKind.Regions => Regions.RegionImport.Message(s),
                _ => $"导入成功：新增{s.HouseholdsCreated}户、{s.MembersCreated}人，更新{s.HouseholdsUpdated}户（成员{s.MembersUpdated}人），未变化{s.HouseholdsUnchanged}户",
            };
        }
        else
        {
            job.State = ImportState.Failed;
            job.ErrorRows = result.RowErrors.Count;
            if (result.Problem is { } problem)
            {
                job.Message = problem;
            }
            else
            {
                progress.Phase = "生成错误报告";
                job.ReportFile = $"{id:N}-errors.xlsx";
                await ImportReport.WriteAsync(path, kind, result.HeaderRow, result.RowErrors, Path.Combine(Folder, job.ReportFile), ct);
                var first = result.RowErrors.OrderBy(e => e.Key).Take(3).Select(e => $"第{e.Key}行：{e.Value}");
                var message = $"校验未通过，未写入任何数据：{result.RowErrors.Count}行有错误。{string.Join("；", first)}";
                job.Message = message.Length > 2000 ? message[..2000] : message;
            }
            AuditEvents.Add(db, clock, AuditEvent.Import, job.Kind == ImportKind.Regions ? "Region" : "Household", id.ToString(), $"导入“{job.FileName}”未通过：{job.Message}", db.User.RegionCode);
        }
        await db.SaveChangesAsync(ct);
        if (job.State == ImportState.Succeeded && job.Kind is ImportKind.Registry or ImportKind.Income && RecomputesLights(job))
        {
            // The lights' queries go over the new households with the planner's statistics in place.
            await BulkLoadMaintenance.WaitAsync();
            // Households and incomes changed in bulk: their lights are recomputed once, here.
            progress.Phase = "重算三色灯";
            db.ChangeTracker.Clear();
            await Monitoring.Lights.RecomputeAllAsync(db, clock, asRound: false, ct);
        }
        progress.Phase = job.State == ImportState.Succeeded ? "已完成" : "未通过";

        // Saves of up to LightRefreshInterceptor.MaxHouseholds households refreshed their lights as they went.
        static bool RecomputesLights(ImportJob j) => j.HouseholdsCreated + j.HouseholdsUpdated + j.MembersCreated + j.MembersUpdated > 0
            && j.Households > Monitoring.LightRefreshInterceptor.MaxHouseholds;
    }

    private async Task FinishAsync(Guid id, Action<ImportJob> change, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>();
        await using var db = new AppDbContext(options, CurrentUser.System());
        if (await db.Set<ImportJob>().FirstOrDefaultAsync(j => j.Id == id, ct) is { } job)
        {
            change(job);
            job.FinishedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
    }

    private async Task MarkInterruptedAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var options = scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>();
            await using var db = new AppDbContext(options, CurrentUser.System());
            var stale = await db.Set<ImportJob>().Where(j => (j.State == ImportState.Queued || j.State == ImportState.Running) && j.CreatedAt < _started).ToListAsync(ct);
            foreach (var j in stale)
            {
                j.State = ImportState.Failed;
                j.FinishedAt = clock.GetUtcNow().UtcDateTime;
                j.Message = "服务重启，导入被中断，未写入任何数据，请重新上传";
            }
            await db.SaveChangesAsync(ct);
            if (Directory.Exists(Folder))
            {
                foreach (var upload in Directory.EnumerateFiles(Folder, "*.upload").Where(f => File.GetLastWriteTimeUtc(f) < _started))
                {
                    File.Delete(upload);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Could not mark interrupted imports");
        }
    }
}
