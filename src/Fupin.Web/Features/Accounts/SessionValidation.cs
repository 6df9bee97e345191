using System.Globalization;
using System.Security.Claims;
using Fupin.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Fupin.Web.Features.Accounts;

/// <summary>
/// Ends a session or token at once when its account is disabled, its password, role or region changed
/// (security stamp), or the session has passed its absolute lifetime. Checked on every request, below
/// both UI and API, and every minute for an open Blazor circuit.
/// </summary>
public static class SessionValidation
{
    public const string AuthTimeClaim = "fupin:auth_time";

    public sealed class Options
    {
        public int IdleMinutes { get; set; } = 30;
        public int AbsoluteHours { get; set; } = 12;
    }

    public static async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, UserManager<AppUser> users, IdentityOptions identity, TimeProvider clock, Options options)
    {
        // Department API tokens are checked by their own handler on every request.
        if (principal.Identity?.IsAuthenticated != true || principal.Identity.AuthenticationType == ApiTokens.Scheme)
        {
            return true;
        }
        var user = await users.GetUserAsync(principal);
        if (user is null || user.IsDisabled)
        {
            return false;
        }
        var stamp = principal.FindFirstValue(identity.ClaimsIdentity.SecurityStampClaimType);
        if (stamp is null || stamp != await users.GetSecurityStampAsync(user))
        {
            return false;
        }
        var authTime = principal.FindFirstValue(AuthTimeClaim);
        return authTime is not null
               && long.TryParse(authTime, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
               && clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) <= TimeSpan.FromHours(options.AbsoluteHours);
    }

    public static IApplicationBuilder UseFupinSessionValidation(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        var principal = ctx.User;
        if (principal.Identity?.IsAuthenticated == true)
        {
            var services = ctx.RequestServices;
            var ok = await IsCurrentAsync(principal, services.GetRequiredService<UserManager<AppUser>>(),
                services.GetRequiredService<IOptions<IdentityOptions>>().Value, services.GetRequiredService<TimeProvider>(),
                services.GetRequiredService<IOptions<Options>>().Value);
            if (!ok)
            {
                if (principal.Identity.AuthenticationType != IdentityConstants.BearerScheme)
                {
                    await ctx.SignOutAsync(IdentityConstants.ApplicationScheme);
                }
                ctx.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
        }
        await next();
    });
}

/// <summary>An open Blazor circuit re-checks its session every minute and signs out when it has ended.</summary>
internal sealed class RevalidatingStateProvider(ILoggerFactory logs, IServiceScopeFactory scopes, IOptions<IdentityOptions> identity,
    TimeProvider clock, IOptions<SessionValidation.Options> options) : RevalidatingServerAuthenticationStateProvider(logs)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await SessionValidation.IsCurrentAsync(state.User, users, identity.Value, clock, options.Value);
    }
}
