using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace Fupin.Web.Shared;

/// <summary>
/// Uploads (multipart and form posts to <c>/api</c>) made with a browser's sign-in cookie need the antiforgery token, so
/// another site cannot make a signed-in user's browser post a file. Bearer tokens and department API tokens are not
/// sent by browsers on their own and need none. A cookie client takes its token from <c>GET /api/v1/antiforgery</c>
/// and sends it in the <c>RequestVerificationToken</c> header.
/// </summary>
public static class CookieFormAntiforgery
{
    public const string HeaderName = "RequestVerificationToken";

    public sealed record AntiforgeryToken(string HeaderName, string Token);

    public static IServiceCollection AddFupinCookieFormAntiforgery(this IServiceCollection services) =>
        services.Configure<AntiforgeryOptions>(o => o.HeaderName = HeaderName);

    public static IApplicationBuilder UseFupinCookieFormAntiforgery(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (request.Path.StartsWithSegments("/api")
                && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method)
                && request.HasFormContentType
                && string.IsNullOrEmpty(request.Headers.Authorization)
                && request.Cookies.Count > 0
                && context.User.Identity?.IsAuthenticated == true)
            {
                var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
                try
                {
                    await antiforgery.ValidateRequestAsync(context);
                }
                catch (AntiforgeryValidationException)
                {
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                    {
                        HttpContext = context,
                        ProblemDetails = new ProblemDetails
                        {
                            Status = StatusCodes.Status400BadRequest,
                            Title = "缺少防伪令牌",
                            Detail = $"以登录Cookie上传文件时，须先从 GET /api/v1/antiforgery 取得令牌，放在请求头 {HeaderName} 中；使用API令牌（Bearer）时不需要。",
                        },
                    });
                    return;
                }
            }
            await next(context);
        });

    public static IEndpointRouteBuilder MapFupinAntiforgeryToken(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/antiforgery", (HttpContext context, IAntiforgery antiforgery) =>
            {
                var tokens = antiforgery.GetAndStoreTokens(context);
                return TypedResults.Ok(new AntiforgeryToken(tokens.HeaderName ?? HeaderName, tokens.RequestToken!));
            })
            .WithTags("账号").WithName("GetAntiforgeryToken").WithSummary("以登录Cookie调用上传接口时所需的防伪令牌（请求头 RequestVerificationToken）");
        return app;
    }
}
