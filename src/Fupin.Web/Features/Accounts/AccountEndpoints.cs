using Microsoft.AspNetCore.Identity;

namespace Fupin.Web.Features.Accounts;

public static class AccountEndpoints
{
    /// <summary>Sign-out is a POST from a form with an antiforgery token.</summary>
    public static IEndpointRouteBuilder MapAccountPages(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async (SignInManager<AppUser> signIn, UserManager<AppUser> users, Data.AppDbContext db, TimeProvider clock, HttpContext http) =>
        {
            await Audit.AuditEvents.WriteAsync(db, clock, Audit.AuditEvent.SignOut, "Account", db.User.UserId);
            // Signing out ends every session of the account, so a copied cookie dies with this one.
            if (await users.GetUserAsync(http.User) is { } user)
            {
                await users.UpdateSecurityStampAsync(user);
            }
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/account/login");
        }).WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute()).ExcludeFromDescription();
        return app;
    }
}
