using System.Security.Claims;
using Fupin.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Fupin.Web.Features.Accounts;

public static class AccountSetup
{
    /// <summary>Cookie for the browser, or bearer token for API clients, chosen per request.</summary>
    public const string Scheme = "Fupin";
    public const string RegistryEditPolicy = "RegistryEdit";

    public static IHostApplicationBuilder AddFupinAccounts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(1))
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "fupin.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            o.SlidingExpiration = true;
            // API callers get status codes, not a redirect to the sign-in page.
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
        });

        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<FupinClaimsFactory>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddDefaultTokenProviders();
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(RegistryEditPolicy, p => p.RequireRole(Roles.RegistryEditors.Split(',')))
            .AddPolicy(Audit.AuditApi.ReviewPolicy, p => p.RequireRole(Roles.AuditReviewer));

        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, Audit.AccessDeniedAudit>();
        services.AddCascadingAuthenticationState();
        services.AddScoped<CircuitHandler, CurrentUserCircuitHandler>();
        services.AddHttpContextAccessor();

        // Keys persist in the data folder, so a restart does not sign everyone out.
        var contentRoot = builder.Environment.ContentRootPath;
        services.AddDataProtection().SetApplicationName("Fupin");
        services.AddOptions<KeyManagementOptions>().Configure<IConfiguration, ILoggerFactory>((o, config, logs) =>
            o.XmlRepository = new FileSystemXmlRepository(
                new DirectoryInfo(Path.Combine(DatabaseSetup.DataFolder(config, contentRoot), "keys")), logs));
        return builder;
    }

    private static Task ApiAware(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Sets <see cref="CurrentUser"/> for the request; and sends a browser user who must change the
    /// initial password to the page for it before anything else.
    /// </summary>
    public static IApplicationBuilder UseFupinCurrentUser(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        ctx.RequestServices.GetRequiredService<CurrentUser>().Set(ctx.User, ctx.Connection.RemoteIpAddress?.ToString());
        if (ctx.User.HasClaim(CurrentUser.MustChangePasswordClaim, "true")
            && !ctx.Request.Path.StartsWithSegments("/account")
            && !ctx.Request.Path.StartsWithSegments("/_framework")
            && !ctx.Request.Path.StartsWithSegments("/_content")
            && !ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.Redirect("/account/change-password");
            return;
        }
        await next();
    });
}

/// <summary>Puts the account's region (its scope) and flags into its sign-in.</summary>
internal sealed class FupinClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CurrentUser.RegionClaim, user.RegionCode));
        if (user.DisplayName is { } name)
        {
            identity.AddClaim(new Claim(ClaimTypes.GivenName, name));
        }
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(CurrentUser.MustChangePasswordClaim, "true"));
        }
        return identity;
    }
}

/// <summary>A Blazor circuit outlives the request that opened it: keep its CurrentUser in step.</summary>
internal sealed class CurrentUserCircuitHandler(AuthenticationStateProvider auth, CurrentUser user, IHttpContextAccessor http)
    : CircuitHandler, IDisposable
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        auth.AuthenticationStateChanged += OnChanged;
        var state = await auth.GetAuthenticationStateAsync();
        user.Set(state.User, http.HttpContext?.Connection.RemoteIpAddress?.ToString());
    }

    private async void OnChanged(Task<AuthenticationState> task)
    {
        var state = await task;
        user.Set(state.User);
    }

    public void Dispose() => auth.AuthenticationStateChanged -= OnChanged;
}
