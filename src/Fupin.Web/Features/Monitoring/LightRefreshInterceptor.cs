using Fupin.Web.Data;
using Fupin.Web.Features.Comparison;
using Fupin.Web.Features.Households;
using Fupin.Web.Features.Income;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Fupin.Web.Features.Monitoring;

/// <summary>
/// Keeps lights current after ordinary changes: a save that touches a household, its members, its income,
/// its findings or its risk events recomputes those households' lights right after it commits. Large
/// saves (imports) are left to the full recompute their job runs at the end.
/// </summary>
public sealed class LightRefreshInterceptor(TimeProvider clock, ILogger<LightRefreshInterceptor> log) : SaveChangesInterceptor
{
    public const int MaxHouseholds = 200;

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext { SuppressLightRefresh: false } db && db.LightsPending.Count > 0)
        {
            var ids = db.LightsPending.ToList();
            db.LightsPending.Clear();
            if (ids.Count <= MaxHouseholds)
            {
                db.SuppressLightRefresh = true;
                try
                {
                    await Lights.RefreshAsync(db, clock, ids, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The change itself is saved; a light left stale is fixed by the next recompute.
                    log.LogWarning(e, "Light refresh failed for {Count} households", ids.Count);
                }
                finally
                {
                    db.SuppressLightRefresh = false;
                }
            }
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        (eventData.Context as AppDbContext)?.LightsPending.Clear();
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => (eventData.Context as AppDbContext)?.LightsPending.Clear();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as AppDbContext)?.LightsPending.Clear();
        return Task.CompletedTask;
    }

    private static void Collect(DbContext? context)
    {
        if (context is not AppDbContext { SuppressLightRefresh: false } db)
        {
            return;
        }
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }
            Guid? id = entry.Entity switch
            {
                Household h => h.Id,
                Member m => m.HouseholdId,
                IncomeRecord r => r.HouseholdId,
                ComparisonFinding f when entry.State == EntityState.Modified => f.HouseholdId,
                RiskEvent e => e.HouseholdId,
                _ => null,
            };
            if (id is { } household)
            {
                db.LightsPending.Add(household);
            }
        }
    }
}
