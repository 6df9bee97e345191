using System.Text.Json.Serialization;
using Fupin.Web.Data;
using Fupin.Web.Features.Accounts;
using Fupin.Web.Features.Demo;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Shared;

public static class ApiSetup
{
    public static IHostApplicationBuilder AddFupinApi(this IHostApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            // Chinese as itself in JSON, not \uXXXX escapes.
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        });
        builder.Services.AddOpenApi(o =>
        {
            o.CreateSchemaReferenceId = OpenApiNames.ReferenceId;
            o.AddDocumentTransformer((doc, _, _) =>
            {
                doc.Info.Title = "精准扶贫与防返贫监测管理系统 API";
                doc.Info.Description = "建档立卡、识别、收入、帮扶、监测等业务接口。先以 POST /api/v1/auth/token 取得令牌，再以 Authorization: Bearer 调用。";
                return Task.CompletedTask;
            });
        });
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            // No stack traces or exception text to clients; a request id to quote to support instead.
            ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
            // Plain status answers carry the English reason phrase as title; users read Chinese.
            if (ctx.ProblemDetails.Title is null || ctx.ProblemDetails.Title == ReasonPhrases.GetReasonPhrase(ctx.ProblemDetails.Status ?? 0))
            {
                ctx.ProblemDetails.Title = ctx.ProblemDetails.Status switch
                {
                    StatusCodes.Status400BadRequest => "请求格式不正确",
                    StatusCodes.Status401Unauthorized => "请先登录",
                    StatusCodes.Status403Forbidden => "没有权限执行此操作",
                    StatusCodes.Status404NotFound => "记录不存在，或不在您的管辖范围内",
                    StatusCodes.Status405MethodNotAllowed => "不支持该请求方法",
                    StatusCodes.Status409Conflict => "数据冲突",
                    StatusCodes.Status415UnsupportedMediaType => "请求内容的格式不受支持：上传文件的接口请用 multipart/form-data，其余接口用 JSON",
                    StatusCodes.Status429TooManyRequests => "请求过于频繁，请稍后再试",
                    StatusCodes.Status500InternalServerError => "服务器内部错误，请联系管理员并提供 traceId",
                    _ => ctx.ProblemDetails.Title,
                };
            }
        });
        builder.Services.AddExceptionHandler<BadRequestHandler>();
        // Bad request bodies throw in every environment, so BadRequestHandler answers them in Chinese.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.Services.AddHostedService<Features.Audit.AuditSealingService>();
        return builder;
    }

    public static void MapFupinHealth(this WebApplication app) =>
        app.MapHealthChecks("/health").AllowAnonymous();

    /// <summary>Migrations, the demo county and the first administrator, before the first request.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        Features.Audit.AuditApi.RetentionMonths(app.Configuration);
        var clock = app.Services.GetRequiredService<TimeProvider>();
        await using var scope = app.Services.CreateAsyncScope();
        var user = scope.ServiceProvider.GetRequiredService<CurrentUser>();
        user.Set(new System.Security.Claims.ClaimsPrincipal());
        var options = scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>();
        var demo = false;
        await using (var system = new AppDbContext(options, CurrentUser.System()))
        {
            // Migrations (after a backup, holding the database alone) and this instance's shared hold for its lifetime.
            app.Services.GetRequiredService<Features.Operations.Upgrade.Hold>().Lock = await Features.Operations.Upgrade.RunAsync(system,
                app.Services.GetRequiredService<DatabaseSetup.Settings>(), app.Services.GetRequiredService<DatabaseSetup.DataPaths>(),
                app.Services.GetRequiredService<Features.Operations.Backups>(), app.Logger, CancellationToken.None);
            await Features.Policy.PolicyValues.SeedIfEmptyAsync(system);
            // Demo data only when asked (true in appsettings.Development.json): a county's real server starts empty.
            if (app.Configuration.GetValue("Demo:Seed", false))
            {
                demo = await DemoCounty.SeedIfEmptyAsync(system, clock, app.Configuration.GetValue("Demo:Persons", 8000),
                    incomes: app.Configuration.GetValue("Demo:Incomes", true), funds: app.Configuration.GetValue("Demo:Funds", true));
                if (demo && app.Configuration.GetValue("Demo:Funds", true))
                {
                    // The year's work plan, reports and unit lights, written as the county office would.
                    await Features.Demo.DemoSupervision.SeedAsync(options, clock);
                }
            }
        }
        await AdminBootstrap.RunAsync(scope.ServiceProvider, app.Configuration, app.Environment.ContentRootPath, clock, demo);
    }

    /// <summary>Malformed request bodies (bad JSON, unknown code values) answer 400 in Chinese.</summary>
    private sealed class BadRequestHandler(IProblemDetailsService problems, ILogger<BadRequestHandler> log) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext ctx, Exception exception, CancellationToken ct)
        {
            if (exception is Features.Assistance.PairingScope.Violation)
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return await problems.TryWriteAsync(new ProblemDetailsContext
                {
                    HttpContext = ctx,
                    Exception = exception,
                    ProblemDetails = new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "没有权限执行此操作", Detail = exception.Message },
                });
            }
            if (exception is not BadHttpRequestException bad)
            {
                return false;
            }
            // Binding messages name parameters and types, never values.
            log.LogInformation("Bad request: {Reason}", bad.Message);
            ctx.Response.StatusCode = bad.StatusCode;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = ctx,
                Exception = exception,
                ProblemDetails = new ProblemDetails
                {
                    Status = bad.StatusCode,
                    Title = "请求格式不正确",
                    Detail = "请求内容无法解析：请检查 JSON 格式、日期格式(yyyy-MM-dd)和代码值是否正确。",
                },
            });
        }
    }

    private sealed class DatabaseHealthCheck(AppDbContext db) : Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck
    {
        public async Task<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult> CheckHealthAsync(
            Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext context, CancellationToken ct = default) =>
            await db.Database.CanConnectAsync(ct)
                ? Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy("数据库连接正常")
                : Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Unhealthy("无法连接数据库");
    }
}
