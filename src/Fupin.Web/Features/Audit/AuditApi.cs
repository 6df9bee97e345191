using Fupin.Web.Data;
using Fupin.Web.Features.Accounts;
using Fupin.Web.Rules;
using Fupin.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Fupin.Web.Features.Audit;

/// <summary>The audit reviewer's view of the trail (三权分立: nobody else reads it).</summary>
public static class AuditApi
{
    public const string ReviewPolicy = "AuditReview";

    public sealed record Query
    {
        public DateTime? From { get; set; }
        public DateTime? To { get; set; }
        public string? UserName { get; set; }
        public string? Event { get; set; }
        public string? Entity { get; set; }
        public Guid? HouseholdId { get; set; }
        public int? Page { get; set; }
        public int? PageSize { get; set; }
    }

    public sealed record Line(long Id, long? Seq, DateTime At, string UserName, string? Role, string? ClientIp, AuditAction Action, string? Event,
        string Entity, string? EntityKey, Guid? HouseholdId, string? RegionCode, string? Field, string? OldValue, string? NewValue);

    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/audit").WithTags("审计").RequireAuthorization(ReviewPolicy);
        group.MapGet("/", List).WithName("ListAudit").WithSummary("审计日志查询（仅安全审计员）");
        group.MapGet("/export", Export).WithName("ExportAudit").WithSummary("按条件导出审计日志为 Excel");
        group.MapPost("/verify", Verify).WithName("VerifyAudit").WithSummary("校验审计日志哈希链：发现被修改或删除的记录");
        return app;
    }

    /// <summary>Rows in the reviewer's region, and account-level rows that belong to no region.</summary>
    public static IQueryable<AuditEntry> Filter(AppDbContext db, Query q)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (db.User.ScopePrefix is { } prefix)
        {
            var (low, high) = RegionCodes.Range(prefix);
            query = query.Where(a => a.RegionCode == null || (string.Compare(a.RegionCode, low) >= 0 && string.Compare(a.RegionCode, high) <= 0));
        }
        else
        {
            query = query.Where(a => false);
        }
        if (q.From is { } from)
        {
            query = query.Where(a => a.At >= from.ToUniversalTime());
        }
        if (q.To is { } to)
        {
            query = query.Where(a => a.At < to.ToUniversalTime());
        }
        if (!string.IsNullOrWhiteSpace(q.UserName))
        {
            query = query.Where(a => a.UserName == q.UserName.Trim());
        }
        if (!string.IsNullOrWhiteSpace(q.Event))
        {
            query = query.Where(a => a.Event == q.Event.Trim());
        }
        if (!string.IsNullOrWhiteSpace(q.Entity))
        {
            query = query.Where(a => a.Entity == q.Entity.Trim());
        }
        if (q.HouseholdId is { } hid)
        {
            query = query.Where(a => a.HouseholdId == hid);
        }
        return query;
    }

    private static Line ToLine(AuditEntry a) => new(a.Id, a.Seq, a.At, a.UserName, a.Role, a.ClientIp, a.Action, a.Event, a.Entity, a.EntityKey,
        a.HouseholdId, a.RegionCode, a.Field, AuditMasking.Field(a.Field, a.OldValue), AuditMasking.NewValue(a.Action, a.Field, a.NewValue));

    public static async Task<Paged<Line>> ListAsync(AppDbContext db, Query q, CancellationToken ct)
    {
        var query = Filter(db, q);
        var total = await query.CountAsync(ct);
        var (skip, take) = Paging.Window(q.Page ?? 1, q.PageSize ?? 50);
        var rows = await query.OrderByDescending(a => a.Id).Skip(skip).Take(take).ToListAsync(ct);
        return new Paged<Line>([.. rows.Select(ToLine)], total);
    }

    private static async Task<Ok<Paged<Line>>> List([AsParameters] Query q, AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await ListAsync(db, q, ct));

    /// <summary>At most 100,000 rows per file; narrow the period for more.</summary>
    public static async Task<byte[]> ExportAsync(AppDbContext db, TimeProvider clock, Query q, CancellationToken ct)
    {
        var rows = await Filter(db, q).OrderBy(a => a.Id).Take(100_000).ToListAsync(ct);
        var sheet = rows.Select(a => new Dictionary<string, object?>
        {
            ["编号"] = a.Id,
            ["链序号"] = a.Seq,
            ["时间(北京时间)"] = ChinaTime.ToChina(a.At).ToString("yyyy-MM-dd HH:mm:ss"),
            ["操作人"] = ExcelText.Safe(a.UserName),
            ["角色"] = ExcelText.Safe(a.Role),
            ["IP"] = ExcelText.Safe(a.ClientIp),
            ["类型"] = a.Action.ToString(),
            ["事件"] = a.Event,
            ["对象"] = a.Entity,
            ["对象键"] = ExcelText.Safe(a.EntityKey),
            ["区划"] = a.RegionCode,
            ["字段"] = a.Field,
            ["原值"] = ExcelText.Safe(AuditMasking.Field(a.Field, a.OldValue)),
            ["新值"] = ExcelText.Safe(AuditMasking.NewValue(a.Action, a.Field, a.NewValue)),
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheet, sheetName: "审计日志", cancellationToken: ct);
        await AuditEvents.WriteAsync(db, clock, AuditEvent.AuditExported, "AuditEntry", detail: $"导出 {rows.Count} 条", ct: ct);
        return stream.ToArray();
    }

    private static async Task<FileContentHttpResult> Export([AsParameters] Query q, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.File(await ExportAsync(db, clock, q, ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"审计日志-{ChinaTime.Today(clock):yyyyMMdd}.xlsx");

    public static async Task<AuditSealer.Verification> VerifyAsync(AppDbContext db, AuditChain chain, TimeProvider clock, CancellationToken ct)
    {
        await chain.SealAsync(db, ct);
        var result = await chain.VerifyAsync(db, ct);
        await AuditEvents.WriteAsync(db, clock, AuditEvent.AuditVerified, "AuditEntry",
            detail: result.Ok ? $"校验通过，{result.SealedRows} 条" : $"发现 {result.Problems.Count} 处问题", ct: ct);
        return result;
    }

    private static async Task<Ok<AuditSealer.Verification>> Verify(AppDbContext db, AuditChain chain, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await VerifyAsync(db, chain, clock, ct));

    /// <summary>Audit retention is at least six calendar months; a shorter setting stops the host at start.</summary>
    public static int RetentionMonths(Microsoft.Extensions.Configuration.IConfiguration config)
    {
        var months = config.GetValue("Audit:RetentionMonths", 6);
        if (months < 6)
        {
            throw new InvalidOperationException($"Audit:RetentionMonths 为 {months}：审计日志保留期不得少于6个月。");
        }
        return months;
    }
}
