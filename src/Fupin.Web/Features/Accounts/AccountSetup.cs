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
    public const string RegistryReadPolicy = "RegistryRead";
    public const string RegistryEditPolicy = "RegistryEdit";
    public const string AccountAdminPolicy = "AccountAdmin";
    public const string RevealPolicy = "RevealPersonalData";
    public const string SecurityAdminPolicy = "SecurityAdmin";
    public const string PolicyAdminPolicy = "PolicyAdmin";
    /// <summary>Writes to the region tree (import, add, rename, retire, merge): the system administrator.</summary>
    public const string RegionAdminPolicy = "RegionAdmin";
    /// <summary>Department rosters: the departments hand them in, the county office may too.</summary>
    public const string RosterPolicy = "RosterUpload";
    /// <summary>County-wide work: comparison rounds, recomputing every light.</summary>
    public const string CountyPolicy = "CountyOffice";
    /// <summary>Lights: overrides, follow-ups and risk events, by the registry editors and the assistance cadres.</summary>
    public const string LightEditPolicy = "LightEdit";
    /// <summary>Plans, measures and visits: the registry's editors and the assistance cadres.</summary>
    public const string AssistanceEditPolicy = "AssistanceEdit";
    /// <summary>Helping units, cadres, pairing, work teams and their attendance checks: the county office and townships.</summary>
    public const string AssistanceAdminPolicy = "AssistanceAdmin";
    /// <summary>The project library: the county office and townships (township and village projects in their scope).</summary>
    public const string ProjectEditPolicy = "ProjectEdit";
    /// <summary>Work-plan tasks, unit lights and the rectification ledger: readers of the registry and the departments (the responsible units).</summary>
    public const string SupervisionReadPolicy = "SupervisionRead";
    /// <summary>Reporting progress on a task: the units (departments), townships and the county office.</summary>
    public const string TaskReportPolicy = "TaskReport";
    /// <summary>Writing work reports: the county office and townships.</summary>
    public const string ReportWritePolicy = "ReportWrite";
    public const string SignInRateLimit = "SignIn";

    public static IHostApplicationBuilder AddFupinAccounts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var session = builder.Configuration.GetSection("Security").Get<SessionValidation.Options>() ?? new SessionValidation.Options();
        services.Configure<SessionValidation.Options>(builder.Configuration.GetSection("Security"));
        var development = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing");
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "Cookie, bearer token or department API token", o => o.ForwardDefaultSelector = ctx =>
            {
                var header = ctx.Request.Headers.Authorization.ToString();
                return header.StartsWith("Bearer " + ApiTokens.TokenPrefix, StringComparison.Ordinal) ? ApiTokens.Scheme
                    : header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokens.Scheme, null)
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromMinutes(session.IdleMinutes))
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "fupin.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // Secure everywhere but on a developer's plain-http machine.
            o.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            // Idle timeout, enforced by the server: the ticket's own expiry, renewed by activity.
            o.ExpireTimeSpan = TimeSpan.FromMinutes(session.IdleMinutes);
            o.SlidingExpiration = true;
            // API callers get status codes, not a redirect to the sign-in page.
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
        });

        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = builder.Configuration.GetValue("Security:PasswordMinLength", 12);
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
            .AddUserManager<FupinUserManager>()
            .AddPasswordValidator<PasswordPolicy>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<FupinClaimsFactory>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddDefaultTokenProviders();
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(RegistryReadPolicy, p => p.RequireRole(Roles.RegistryReaders))
            .AddPolicy(RegistryEditPolicy, p => p.RequireRole(Roles.RegistryEditors))
            .AddPolicy(AccountAdminPolicy, p => p.RequireRole(Roles.SystemAdmin, Roles.SecurityAdmin))
            // Those who work the registry day to day may see a full number when the work needs it.
            .AddPolicy(RevealPolicy, p => p.RequireRole(Roles.RegistryEditors))
            .AddPolicy(SecurityAdminPolicy, p => p.RequireRole(Roles.SecurityAdmin))
            .AddPolicy(PolicyAdminPolicy, p => p.RequireRole(Roles.SystemAdmin))
            .AddPolicy(RegionAdminPolicy, p => p.RequireRole(Roles.SystemAdmin))
            .AddPolicy(RosterPolicy, p => p.RequireRole(Roles.CountyOffice, Roles.Department))
            .AddPolicy(CountyPolicy, p => p.RequireRole(Roles.CountyOffice))
            .AddPolicy(LightEditPolicy, p => p.RequireRole([.. Roles.RegistryEditors, Roles.AssistanceCadre]))
            .AddPolicy(AssistanceEditPolicy, p => p.RequireRole([.. Roles.RegistryEditors, Roles.AssistanceCadre]))
            .AddPolicy(AssistanceAdminPolicy, p => p.RequireRole(Roles.CountyOffice, Roles.TownOfficial))
            .AddPolicy(ProjectEditPolicy, p => p.RequireRole(Roles.CountyOffice, Roles.TownOfficial))
            .AddPolicy(SupervisionReadPolicy, p => p.RequireRole([.. Roles.RegistryReaders, Roles.Department]))
            .AddPolicy(TaskReportPolicy, p => p.RequireRole(Roles.CountyOffice, Roles.TownOfficial, Roles.Department))
            .AddPolicy(ReportWritePolicy, p => p.RequireRole(Roles.CountyOffice, Roles.TownOfficial))
            .AddPolicy(Audit.AuditApi.ReviewPolicy, p => p.RequireRole(Roles.AuditReviewer));

        // Sign-in, token and password endpoints: a fixed window per client address, 429 with Retry-After beyond it.
        var perMinute = builder.Configuration.GetValue("Security:SignInPerMinute", 10);
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = System.Threading.RateLimiting.PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
                HttpMethods.IsPost(ctx.Request.Method) && IsSignInPath(ctx.Request.Path)
                    ? System.Threading.RateLimiting.RateLimitPartition.GetFixedWindowLimiter(
                        ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new System.Threading.RateLimiting.FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : System.Threading.RateLimiting.RateLimitPartition.GetNoLimiter("none"));
            o.OnRejected = async (context, ct) =>
            {
                var retry = context.Lease.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await context.HttpContext.Response.WriteAsJsonAsync(new Microsoft.AspNetCore.Mvc.ProblemDetails
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "请求过于频繁，请稍后再试",
                    Detail = $"登录尝试过多，请在 {(int)Math.Ceiling(retry.TotalSeconds)} 秒后重试。",
                }, ct);
            };
        });

        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, Audit.AccessDeniedAudit>();
        services.AddCascadingAuthenticationState();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, RevalidatingStateProvider>();
        services.AddHostedService<InactiveAccounts>();
        services.AddSingleton<SignInGuard>();
        services.AddScoped<CircuitHandler, CurrentUserCircuitHandler>();
        services.AddHttpContextAccessor();

        // Keys persist in the data folder, so a restart does not sign everyone out; in a folder only the service's
        // user can open, and encrypted at rest with the county's certificate when one is configured (docs/deploy.md).
        var contentRoot = builder.Environment.ContentRootPath;
        var protection = services.AddDataProtection().SetApplicationName("Fupin");
        if (builder.Configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificatePath)
        {
            var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
                certificatePath, builder.Configuration["DataProtection:CertificatePassword"]);
            protection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        services.AddOptions<KeyManagementOptions>().Configure<IConfiguration, ILoggerFactory>((o, config, logs) =>
        {
            var folder = Directory.CreateDirectory(Path.Combine(DatabaseSetup.DataFolder(config, contentRoot), "keys"));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(folder.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            o.XmlRepository = new FileSystemXmlRepository(folder, logs);
        });
        return builder;
    }

    private static bool IsSignInPath(PathString path) =>
        path.StartsWithSegments("/api/v1/auth") || path.StartsWithSegments("/account/login") || path.StartsWithSegments("/account/change-password");

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
        var elsewhere = !ctx.Request.Path.StartsWithSegments("/account")
                        && !ctx.Request.Path.StartsWithSegments("/_framework")
                        && !ctx.Request.Path.StartsWithSegments("/_content")
                        && !ctx.Request.Path.StartsWithSegments("/api");
        if (elsewhere && ctx.User.HasClaim(CurrentUser.MustChangePasswordClaim, "true"))
        {
            ctx.Response.Redirect("/account/change-password");
            return;
        }
        if (elsewhere && ctx.User.HasClaim(CurrentUser.MustEnrollTwoFactorClaim, "true"))
        {
            ctx.Response.Redirect("/account/two-factor");
            return;
        }
        await next();
    });
}

/// <summary>Puts the account's region (its scope) and flags into its sign-in.</summary>
internal sealed class FupinClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, TimeProvider clock, IConfiguration config)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CurrentUser.RegionClaim, user.RegionCode));
        // When this sign-in began: the absolute session limit counts from here (SessionValidation).
        identity.AddClaim(new Claim(SessionValidation.AuthTimeClaim, clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (user.DisplayName is { } name)
        {
            identity.AddClaim(new Claim(ClaimTypes.GivenName, name));
        }
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(CurrentUser.MustChangePasswordClaim, "true"));
        }
        if (await TwoFactor.MustEnrollAsync(UserManager, config, user))
        {
            identity.AddClaim(new Claim(CurrentUser.MustEnrollTwoFactorClaim, "true"));
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
