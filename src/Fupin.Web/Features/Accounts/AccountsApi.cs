using Fupin.Web.Data;
using Fupin.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Fupin.Web.Features.Accounts;

public static class AccountsApi
{
    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/accounts").WithTags("账号管理").RequireAuthorization(AccountSetup.AccountAdminPolicy);
        group.MapGet("/", List).WithName("ListAccounts").WithSummary("账号列表");
        group.MapPost("/", Create).WithName("CreateAccount").WithSummary("新建账号：返回一次性临时密码，首次登录须修改");
        group.MapPut("/{id}", Update).WithName("UpdateAccount").WithSummary("修改账号的姓名、角色、区划、部门（修改后原会话立即失效）");
        group.MapPost("/{id}/disable", Disable).WithName("DisableAccount").WithSummary("停用账号（会话和令牌立即失效）");
        group.MapPost("/{id}/enable", Enable).WithName("EnableAccount").WithSummary("启用账号");
        group.MapPost("/{id}/reset-password", Reset).WithName("ResetPassword").WithSummary("重置密码：返回一次性临时密码");
        group.MapPost("/{id}/reset-two-factor", ResetTwoFactor).RequireAuthorization(AccountSetup.SecurityAdminPolicy)
            .WithName("ResetTwoFactor").WithSummary("重置双因素认证（手机丢失时；仅安全管理员）");
        group.MapPost("/{id}/unlock", Unlock).RequireAuthorization(AccountSetup.SecurityAdminPolicy)
            .WithName("UnlockAccount").WithSummary("解除登录锁定（多次输错密码后按来源地址锁定；仅安全管理员）");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<ManageAccounts.AccountView>>> List(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await ManageAccounts.ListAsync(db, users, clock, ct));

    private static async Task<Results<Ok<ManageAccounts.Issued>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> Create(
        ManageAccounts.CreateRequest request, AppDbContext db, UserManager<AppUser> users, TimeProvider clock, CancellationToken ct) =>
        (await ManageAccounts.CreateAsync(db, users, clock, request, ct)).ToHttp();

    private static async Task<Results<Ok<bool>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> Update(
        string id, ManageAccounts.UpdateRequest request, AppDbContext db, UserManager<AppUser> users, TimeProvider clock, CancellationToken ct) =>
        (await ManageAccounts.UpdateAsync(db, users, clock, id, request, ct)).ToHttp();

    private static async Task<Results<Ok<bool>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> Disable(
        string id, ManageAccounts.ReasonRequest request, AppDbContext db, UserManager<AppUser> users, TimeProvider clock, CancellationToken ct) =>
        (await ManageAccounts.SetDisabledAsync(db, users, clock, id, true, request.Reason, ct)).ToHttp();

    private static async Task<Results<Ok<bool>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> Enable(
        string id, AppDbContext db, UserManager<AppUser> users, TimeProvider clock, CancellationToken ct) =>
        (await ManageAccounts.SetDisabledAsync(db, users, clock, id, false, null, ct)).ToHttp();

    private static async Task<Results<Ok<bool>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> ResetTwoFactor(
        string id, AppDbContext db, UserManager<AppUser> users, TimeProvider clock, CancellationToken ct) =>
        (await ManageAccounts.ResetTwoFactorAsync(db, users, clock, id, ct)).ToHttp();

    private static async Task<Results<Ok<bool>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> Unlock(
        string id, AppDbContext db, UserManager<AppUser> users, SignInGuard guard, TimeProvider clock, CancellationToken ct) =>
        (await ManageAccounts.UnlockAsync(db, users, guard, clock, id, ct)).ToHttp();

    private static async Task<Results<Ok<ManageAccounts.Issued>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> Reset(
        string id, AppDbContext db, UserManager<AppUser> users, TimeProvider clock, CancellationToken ct) =>
        (await ManageAccounts.ResetPasswordAsync(db, users, clock, id, ct)).ToHttp();
}
