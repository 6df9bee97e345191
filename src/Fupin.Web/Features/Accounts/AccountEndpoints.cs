using Microsoft.AspNetCore.Identity;

namespace Fupin.Web.Features.Accounts;

public static class AccountEndpoints
{
    /// <summary>Sign-out is a POST from a form with an antiforgery token.</summary>
    public static IEndpointRouteBuilder MapAccountPages(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async (SignInManager<AppUser> signIn, Data.AppDbContext db, TimeProvider clock) =>
        {
            await Audit.AuditEvents.WriteAsync(db, clock, Audit.AuditEvent.SignOut, "Account", db.User.UserId);
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/account/login");
        }).ExcludeFromDescription();
        return app;
    }
}
