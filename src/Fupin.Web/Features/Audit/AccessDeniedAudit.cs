using Fupin.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Fupin.Web.Features.Audit;

/// <summary>Every refusal of a signed-in user (403) is an audit event naming what was asked for.</summary>
public sealed class AccessDeniedAudit(AppDbContext db, TimeProvider clock) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Forbidden)
        {
            await AuditEvents.WriteAsync(db, clock, AuditEvent.AccessDenied, "Endpoint", context.Request.Method,
                context.Request.Path.Value, ct: context.RequestAborted);
        }
        await _default.HandleAsync(next, context, policy, result);
    }
}
