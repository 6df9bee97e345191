using Fupin.Web.Data;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Fupin.Web.Features.Accounts;

public static class AuthApi
{
    public sealed record TokenRequest(string UserName, string Password);

    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("认证");
        group.MapPost("/token", Token)
            .AllowAnonymous()
            .WithName("CreateToken")
            .WithSummary("用户名和密码换取访问令牌（Bearer）")
            .Produces<AccessTokenResponse>();
        return app;
    }

    /// <summary>The same answer for an unknown user and a wrong password, so neither can be told apart.</summary>
    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> Token(
        TokenRequest request, UserManager<AppUser> users, SignInManager<AppUser> signIn)
    {
        var user = await users.FindByNameAsync(request.UserName ?? "");
        if (user is null)
        {
            return Failed("用户名或密码错误");
        }
        var check = await signIn.CheckPasswordSignInAsync(user, request.Password ?? "", lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            return Failed("登录失败次数过多，账号已临时锁定，请稍后再试");
        }
        if (!check.Succeeded)
        {
            return Failed("用户名或密码错误");
        }
        if (user.MustChangePassword)
        {
            return TypedResults.Problem(title: "请先在网页上登录并修改初始密码", statusCode: StatusCodes.Status403Forbidden);
        }
        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static ProblemHttpResult Failed(string title) =>
        TypedResults.Problem(title: title, statusCode: StatusCodes.Status401Unauthorized);
}
