using Fupin.Web.Data;
using Fupin.Web.Features.Audit;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Fupin.Web.Features.Accounts;

public static class AuthApi
{
    /// <summary>Totp: the authenticator code, for accounts with the second factor on.</summary>
    public sealed record TokenRequest(string UserName, string Password, string? Totp = null);

    public sealed record PasswordRequest(string CurrentPassword, string NewPassword);

    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("认证");
        group.MapPost("/token", Token)
            .AllowAnonymous()
            .WithName("CreateToken")
            .WithSummary("用户名和密码换取访问令牌（Bearer）")
            .Produces<AccessTokenResponse>();
        group.MapPost("/password", ChangePassword)
            .RequireAuthorization()
            .WithName("ChangePassword")
            .WithSummary("修改自己的密码；成功后该账号的其他会话和令牌立即失效");
        return app;
    }

    /// <summary>The same answer for an unknown user and a wrong password, so neither can be told apart.</summary>
    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> Token(
        TokenRequest request, UserManager<AppUser> users, SignInManager<AppUser> signIn, AppDbContext db, TimeProvider clock, IConfiguration config,
        SignInGuard guard)
    {
        var address = db.User.ClientIp;
        var user = await users.FindByNameAsync(request.UserName ?? "");
        var lockedHere = guard.IsLocked(request.UserName, address);
        // Failures lock the account for this address only (SignInGuard), never for its owner elsewhere.
        var check = user is null || lockedHere
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.CheckPasswordSignInAsync(user, request.Password ?? "", lockoutOnFailure: false);
        if (!check.Succeeded)
        {
            var locked = lockedHere || check.IsLockedOut;
            if (!locked)
            {
                guard.Failed(request.UserName, address);
            }
            await AuditEvents.WriteAsync(db, clock, locked ? AuditEvent.SignInLockedOut : AuditEvent.SignInFailed, "Account", user?.Id, "接口令牌",
                userName: request.UserName ?? "", userId: user?.Id);
            // One answer for a wrong password, an unknown name and a lock: none can be told from the others.
            return Failed(SignInGuard.Message);
        }
        var signedIn = user!;
        if (signedIn.MustChangePassword)
        {
            return TypedResults.Problem(title: "请先在网页上登录并修改初始密码", statusCode: StatusCodes.Status403Forbidden);
        }
        if (await TwoFactor.MustEnrollAsync(users, config, signedIn))
        {
            return TypedResults.Problem(title: "管理员须先在网页上启用双因素认证", statusCode: StatusCodes.Status403Forbidden);
        }
        if (signedIn.TwoFactorEnabled && !await TwoFactor.VerifyAsync(users, signedIn, request.Totp))
        {
            guard.Failed(request.UserName, address);
            await AuditEvents.WriteAsync(db, clock, AuditEvent.SignInFailed, "Account", signedIn.Id, "接口令牌：动态验证码错误", userName: signedIn.UserName, userId: signedIn.Id);
            return Failed("需要正确的动态验证码（totp）");
        }
        guard.Succeeded(request.UserName, address);
        signedIn.LastSignInAt = clock.GetUtcNow().UtcDateTime;
        await users.UpdateAsync(signedIn);
        await AuditEvents.WriteAsync(db, clock, AuditEvent.TokenIssued, "Account", signedIn.Id, "接口令牌", userName: signedIn.UserName, userId: signedIn.Id);
        var principal = await signIn.CreateUserPrincipalAsync(signedIn);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static async Task<Results<NoContent, ValidationProblem, UnauthorizedHttpResult>> ChangePassword(
        PasswordRequest request, UserManager<AppUser> users, AppDbContext db, TimeProvider clock, HttpContext http, DatabaseSetup.DataPaths paths)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is null)
        {
            return TypedResults.Unauthorized();
        }
        var errors = new Shared.Errors();
        if (request.NewPassword == request.CurrentPassword)
        {
            errors.Add("newPassword", "新密码不能与原密码相同");
        }
        else
        {
            var result = await users.ChangePasswordAsync(user, request.CurrentPassword ?? "", request.NewPassword ?? "");
            foreach (var e in result.Errors)
            {
                errors.Add(e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "currentPassword" : "newPassword", e.Description);
            }
        }
        if (errors.Any)
        {
            return Shared.ApiResults.Invalid(errors);
        }
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await AuditEvents.WriteAsync(db, clock, AuditEvent.PasswordChanged, "Account", user.Id);
        await FirstStartPasswords.ForgetIfChangedAsync(paths.Folder, users.Users);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult Failed(string title) =>
        TypedResults.Problem(title: title, statusCode: StatusCodes.Status401Unauthorized);
}
