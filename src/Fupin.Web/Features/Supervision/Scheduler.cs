using System.Globalization;
using System.Security.Claims;
using Fupin.Web.Data;
using Fupin.Web.Features.Funds;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Supervision;

/// <summary>
/// The periodic jobs, inside the host: each runs once per region and key (the week for the fund snapshot, the
/// month for unit lights, the day for report reminders) and records its run, so a restart or a second pass
/// does nothing twice. Each job acts as a "scheduler" user scoped to the region it runs for.
/// </summary>
public sealed class Scheduler(IServiceProvider services, TimeProvider clock, ILogger<Scheduler> log) : BackgroundService
{
    public const string WeeklySnapshot = "WeeklySnapshot";
    public const string MonthlyLights = "MonthlyLights";
    public const string ReportReminders = "ReportReminders";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunDueAsync(services, clock, stoppingToken);
                Operations.JobHealth.Report("scheduled-jobs", null, clock);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Scheduled jobs failed; they run again within the hour");
                Operations.JobHealth.Report("scheduled-jobs", e.Message, clock);
            }
            await Task.Delay(TimeSpan.FromHours(1), clock, stoppingToken);
        }
    }

    /// <summary>Runs every job that has not run for its current key in each region; answers the runs made.</summary>
    public static async Task<IReadOnlyList<ScheduledRun>> RunDueAsync(IServiceProvider services, TimeProvider clock, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>();
        var today = clock.Today();
        var previous = today.AddMonths(-1);
        List<string> regions;
        await using (var system = new AppDbContext(options, CurrentUser.System()))
        {
            regions = (await system.Set<FundBatch>().Select(b => b.RegionCode).Distinct().ToListAsync(ct))
                .Concat(await system.Set<PlanTask>().Select(t => t.RegionCode).Distinct().ToListAsync(ct))
                .Concat(await system.Set<RectificationItem>().Select(t => t.RegionCode).Distinct().ToListAsync(ct))
                .Distinct().ToList();
        }
        (string Job, string Key, Func<AppDbContext, Task<string>> Run)[] jobs =
        [
            (WeeklySnapshot, ISOWeek.GetYear(today.ToDateTime(TimeOnly.MinValue)) + "-W" + ISOWeek.GetWeekOfYear(today.ToDateTime(TimeOnly.MinValue)).ToString("D2", CultureInfo.InvariantCulture),
                async db => await db.Set<FundBatch>().AnyAsync(ct)
                    ? $"快照 {await SpendingProgress.SnapshotAsync(db, clock, today, automatic: true, ct)}" : "无资金批次"),
            (MonthlyLights, previous.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                async db => $"{previous.Year}年{previous.Month}月单位亮灯：{await UnitLights.ComputeAsync(db, clock, previous.Year, previous.Month, ct)}个单位"),
            (ReportReminders, today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                async db => $"逾期未报送任务{(await WorkPlan.ListAsync(db, today.Year, today, ct)).Count(t => t.ReportLate)}项"),
        ];
        var runs = new List<ScheduledRun>();
        foreach (var region in regions)
        {
            var user = ActingFor(region);
            foreach (var (job, key, run) in jobs)
            {
                await using var db = new AppDbContext(options, user);
                if (await db.Set<ScheduledRun>().AnyAsync(r => r.RegionCode == region && r.Job == job && r.Key == key, ct))
                {
                    continue;
                }
                var result = await run(db);
                var row = new ScheduledRun { Id = Guid.CreateVersion7(), RegionCode = region, Job = job, Key = key, RanAt = clock.GetUtcNow().UtcDateTime, Result = result.Length > 500 ? result[..500] : result };
                db.Add(row);
                try
                {
                    await db.SaveChangesAsync(ct);
                    runs.Add(row);
                }
                catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
                {
                    // Another pass recorded the same run first.
                }
            }
        }
        return runs;
    }

    /// <summary>The "scheduler" user, scoped to one region, for jobs and seeding that write county data.</summary>
    public static CurrentUser ActingFor(string region)
    {
        var user = new CurrentUser();
        user.Set(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "scheduler"), new Claim(CurrentUser.RegionClaim, region)], "scheduler")));
        return user;
    }

    public sealed record RunView(string Job, string Key, DateTime RanAt, string Result);

    public static async Task<IReadOnlyList<RunView>> RunsAsync(AppDbContext db, CancellationToken ct) =>
        [.. (await db.Set<ScheduledRun>().AsNoTracking().OrderByDescending(r => r.RanAt).Take(100).ToListAsync(ct)).Select(r => new RunView(r.Job, r.Key, r.RanAt, r.Result))];
}
