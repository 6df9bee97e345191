using Fupin.Web.Data;
using Fupin.Web.Features.Accounts;
using Fupin.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Households;

public static class MembersApi
{
    public static IEndpointRouteBuilder MapMembers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/members").WithTags("家庭成员").RequireAuthorization(AccountSetup.RegistryReadPolicy);
        group.MapGet("/{id:guid}", Get).WithName("GetMember").WithSummary("成员详情（证件号等已脱敏）");
        group.MapPost("/{id:guid}/reveal", Reveal).RequireAuthorization(AccountSetup.RevealPolicy)
            .WithName("RevealMemberData").WithSummary("查看完整的身份证号码或联系电话（记入审计日志）");
        var edit = group.MapGroup("").RequireAuthorization(AccountSetup.RegistryEditPolicy);
        edit.MapPut("/{id:guid}", Update).WithName("UpdateMember").WithSummary("修改成员信息；身份证号留空表示不变");
        edit.MapPost("/{id:guid}/status", ChangeStatus).WithName("ChangeMemberStatus").WithSummary("成员状态变更（死亡、婚出、迁出、清退或恢复在册）");
        return app;
    }

    private static async Task<Results<Ok<GetHousehold.MemberView>, NotFound>> Get(Guid id, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is { } m
            ? TypedResults.Ok(GetHousehold.View(m, clock.Today()))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<RevealPersonalData.Revealed>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> Reveal(
        Guid id, RevealPersonalData.Request request, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        (await RevealPersonalData.MemberAsync(db, clock, id, request, ct)).ToHttp();

    private static async Task<Results<Ok<int>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> Update(
        Guid id, UpdateMember.Request request, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        (await UpdateMember.Handle(db, id, request, clock.Today(), ct)).ToHttp();

    private static async Task<Results<Ok<int>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> ChangeStatus(
        Guid id, ChangeMemberStatus.Request request, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        (await ChangeMemberStatus.Handle(db, id, request, clock.Today(), ct)).ToHttp();
}
