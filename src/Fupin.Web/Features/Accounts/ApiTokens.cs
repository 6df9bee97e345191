using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Fupin.Web.Data;
using Fupin.Web.Features.Audit;
using Fupin.Web.Rules;
using Fupin.Web.Shared;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;

namespace Fupin.Web.Features.Accounts;

/// <summary>
/// A token a department's system uses to call the API (数据交换): a role, a region and an expiry of its own,
/// created by the security administrator, shown once, stored only as a hash, revocable, audited on use.
/// </summary>
public sealed class ApiToken
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    /// <summary>The first characters, to tell tokens apart in lists; the rest is never stored.</summary>
    public required string Prefix { get; set; }
    public required string TokenHash { get; set; }
    public required string Role { get; set; }
    public required string RegionCode { get; set; }
    public string? DepartmentCode { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.Property(t => t.Name).HasMaxLength(60);
        b.Property(t => t.Prefix).HasMaxLength(12);
        b.Property(t => t.TokenHash).HasMaxLength(64);
        b.Property(t => t.Role).HasMaxLength(40);
        b.Property(t => t.RegionCode).HasMaxLength(12);
        b.Property(t => t.DepartmentCode).HasMaxLength(20);
        b.Property(t => t.CreatedBy).HasMaxLength(100);
        b.HasIndex(t => t.TokenHash).IsUnique();
    }
}

public static class ApiTokens
{
    public const string Scheme = "ApiToken";
    public const string TokenPrefix = "fpt_";

    public sealed record CreateRequest
    {
        public string Name { get; set; } = "";
        public string Role { get; set; } = Roles.Department;
        public string RegionCode { get; set; } = "";
        public string? DepartmentCode { get; set; }
        public int ExpiresInDays { get; set; } = 90;
    }

    public sealed record View(Guid Id, string Name, string Prefix, string Role, string RoleLabel, string RegionCode, string? DepartmentCode,
        DateTime ExpiresAt, DateTime? RevokedAt, string CreatedBy, DateTime CreatedAt, DateTime? LastUsedAt);

    public sealed record Created(View Token, string Secret);

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static View ToView(ApiToken t) => new(t.Id, t.Name, t.Prefix, t.Role, Roles.Label(t.Role), t.RegionCode, t.DepartmentCode,
        t.ExpiresAt, t.RevokedAt, t.CreatedBy, t.CreatedAt, t.LastUsedAt);

    public static async Task<IReadOnlyList<View>> ListAsync(AppDbContext db, CancellationToken ct) =>
        [.. (await db.Set<ApiToken>().AsNoTracking().OrderByDescending(t => t.CreatedAt).ToListAsync(ct)).Select(ToView)];

    public static async Task<Outcome<Created>> CreateAsync(AppDbContext db, TimeProvider clock, CreateRequest r, CancellationToken ct)
    {
        var errors = new Errors();
        errors.Require("name", r.Name, "令牌名称", 60);
        if (!Roles.All.Contains(r.Role) || Roles.Privileged.Contains(r.Role))
        {
            errors.Add("role", "接口令牌只能授予业务角色（行业部门、县扶贫办等），不能授予管理员或审计员角色");
        }
        if (!RegionCodes.IsWellFormed(r.RegionCode) || !await db.Regions.IgnoreQueryFilters().AnyAsync(x => x.Code == r.RegionCode, ct))
        {
            errors.Add("regionCode", "所属区划不存在");
        }
        if (r.Role == Roles.Department && string.IsNullOrWhiteSpace(r.DepartmentCode))
        {
            errors.Add("departmentCode", "行业部门令牌须填写所属部门");
        }
        if (r.ExpiresInDays is < 1 or > 365)
        {
            errors.Add("expiresInDays", "有效期应为1到365天");
        }
        if (errors.Any)
        {
            return new Outcome<Created>.Invalid(errors);
        }
        var secret = TokenPrefix + RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789", 40);
        var now = clock.GetUtcNow().UtcDateTime;
        var token = new ApiToken
        {
            Id = Guid.CreateVersion7(),
            Name = r.Name.Trim(),
            Prefix = secret[..10],
            TokenHash = Hash(secret),
            Role = r.Role,
            RegionCode = r.RegionCode,
            DepartmentCode = r.Role == Roles.Department ? r.DepartmentCode?.Trim() : null,
            ExpiresAt = now.AddDays(r.ExpiresInDays),
            CreatedBy = db.User.UserName,
            CreatedAt = now,
        };
        db.Add(token);
        AuditEvents.Add(db, clock, AuditEvent.ApiTokenCreated, "ApiToken", token.Id.ToString(),
            $"{token.Name}：{Roles.Label(token.Role)}，区划 {token.RegionCode}，至 {token.ExpiresAt:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
        return new Outcome<Created>.Done(new Created(ToView(token), secret));
    }

    public static async Task<Outcome<bool>> RevokeAsync(AppDbContext db, TimeProvider clock, Guid id, CancellationToken ct)
    {
        var token = await db.Set<ApiToken>().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (token is null)
        {
            return new Outcome<bool>.NotFound();
        }
        token.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        AuditEvents.Add(db, clock, AuditEvent.ApiTokenRevoked, "ApiToken", token.Id.ToString(), token.Name);
        await db.SaveChangesAsync(ct);
        return new Outcome<bool>.Done(true);
    }

    public static IEndpointRouteBuilder MapApiTokens(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/api-tokens").WithTags("接口令牌").RequireAuthorization(AccountSetup.SecurityAdminPolicy);
        group.MapGet("/", async (AppDbContext db, CancellationToken ct) => TypedResults.Ok(await ListAsync(db, ct)))
            .WithName("ListApiTokens").WithSummary("接口令牌列表（仅安全管理员）");
        group.MapPost("/", Create).WithName("CreateApiToken").WithSummary("为部门系统创建接口令牌：令牌只显示这一次");
        group.MapPost("/{id:guid}/revoke", Revoke).WithName("RevokeApiToken").WithSummary("吊销接口令牌，立即生效");
        return app;
    }

    private static async Task<Results<Ok<Created>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> Create(
        CreateRequest request, AppDbContext db, TimeProvider clock, CancellationToken ct) => (await CreateAsync(db, clock, request, ct)).ToHttp();

    private static async Task<Results<Ok<bool>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> Revoke(
        Guid id, AppDbContext db, TimeProvider clock, CancellationToken ct) => (await RevokeAsync(db, clock, id, ct)).ToHttp();
}

/// <summary>Authenticates "Authorization: Bearer fpt_…" against the stored hashes; each use is audited.</summary>
public sealed class ApiTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    AppDbContext db, TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer " + ApiTokens.TokenPrefix, StringComparison.Ordinal))
        {
            return AuthenticateResult.NoResult();
        }
        var secret = header["Bearer ".Length..].Trim();
        var hash = ApiTokens.Hash(secret);
        var now = clock.GetUtcNow().UtcDateTime;
        var token = await db.Set<ApiToken>().FirstOrDefaultAsync(t => t.TokenHash == hash, Context.RequestAborted);
        if (token is null || token.RevokedAt is not null || token.ExpiresAt <= now)
        {
            return AuthenticateResult.Fail("接口令牌无效、已吊销或已过期");
        }
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, "apitoken:" + token.Id),
            new Claim(ClaimTypes.Name, "令牌:" + token.Name),
            new Claim(ClaimTypes.Role, token.Role),
            new Claim(CurrentUser.RegionClaim, token.RegionCode),
        ], ApiTokens.Scheme);
        if (token.DepartmentCode is { } department)
        {
            identity.AddClaim(new Claim("fupin:department", department));
        }
        var principal = new ClaimsPrincipal(identity);
        db.User.Set(principal, Context.Connection.RemoteIpAddress?.ToString());
        token.LastUsedAt = now;
        AuditEvents.Add(db, clock, AuditEvent.ApiTokenUsed, "ApiToken", token.Id.ToString(), $"{Request.Method} {Request.Path}");
        await db.SaveChangesAsync(Context.RequestAborted);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, ApiTokens.Scheme));
    }
}
