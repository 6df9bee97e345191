using Fupin.Web.Data;
using Fupin.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Accounts;

/// <summary>
/// Disables accounts unused for Accounts:InactiveDays (default 90) — at start and then daily. An account
/// never signed in counts from its creation. Each one is an audit event. The three privileged accounts
/// of 三权分立 are exempt: disabling them all would leave nobody able to enable anyone again.
/// </summary>
public sealed class InactiveAccounts(IServiceScopeFactory scopes, IConfiguration config, TimeProvider clock, ILogger<InactiveAccounts> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(24));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await DisableAsync(scope.ServiceProvider, config.GetValue("Accounts:InactiveDays", 90), clock, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Disabling inactive accounts failed; tried again tomorrow");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public static async Task<int> DisableAsync(IServiceProvider services, int days, TimeProvider clock, CancellationToken ct)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-days);
        var options = services.GetRequiredService<DbContextOptions<AppDbContext>>();
        await using var db = new AppDbContext(options, CurrentUser.System());
        var privileged = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .Where(x => Roles.Privileged.Contains(x.Name!)).Select(x => x.UserId).ToListAsync(ct);
        var stale = await users.Users.Where(u => !u.IsDisabled && (u.LastSignInAt ?? u.CreatedAt) < cutoff && !privileged.Contains(u.Id)).ToListAsync(ct);
        foreach (var user in stale)
        {
            user.IsDisabled = true;
            user.DisabledReason = $"超过{days}天未使用，自动停用";
            await users.UpdateSecurityStampAsync(user);
            AuditEvents.Add(db, clock, AuditEvent.AccountDisabled, "Account", user.Id, user.DisabledReason, userName: "system");
        }
        await db.SaveChangesAsync(ct);
        return stale.Count;
    }
}
