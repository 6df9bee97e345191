using Fupin.Web.Data;
using Fupin.Web.Features.Accounts;
using Fupin.Web.Features.Audit;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fupin.Web.Features.Households;

/// <summary>
/// A status with legal meaning changes through its procedure (identification, exit, monitoring, removal; DOMAIN.md §1).
/// What is left of a direct change is this: the county office correcting a clerical error, with a reason and the
/// document that proves it, kept as a <see cref="StatusCorrection"/> and shown as 更正 in history and in the dynamic report.
/// </summary>
public static class CorrectHouseholdStatus
{
    public const string Event = "StatusCorrected";

    public sealed record Request(HouseholdStatus Status, DateOnly Date, string? Reason, int Version);

    public sealed record Evidence(string? FileName, Stream Content, long Length);

    public static async Task<Outcome<int>> Handle(AppDbContext db, FileStore files, TimeProvider clock, Guid id, Request r, Evidence? evidence, CancellationToken ct)
    {
        if (!db.User.Principal.IsInRole(Roles.CountyOffice))
        {
            return new Outcome<int>.Forbidden("农户状态只能经相应程序变更；直接更正笔误仅限县级扶贫办");
        }
        var household = await db.Households.FirstOrDefaultAsync(h => h.Id == id, ct);
        if (household is null)
        {
            return new Outcome<int>.NotFound();
        }
        var today = clock.Today();
        var errors = new Errors();
        if (r.Status == household.Status)
        {
            errors.Add("status", "新状态与当前状态相同");
        }
        if (r.Status == HouseholdStatus.Applicant || household.Status == HouseholdStatus.Applicant)
        {
            errors.Add("status", "申请中的农户须经识别程序（两公示一比对一公告）纳入或不予纳入，不能更正状态");
        }
        if (r.Date > today)
        {
            errors.Add("date", "更正日期不能晚于今天");
        }
        if (r.Date.Year < household.YearIdentified)
        {
            errors.Add("date", "更正日期不能早于识别年度");
        }
        errors.Require("reason", r.Reason, "更正原因", 200);
        if (evidence is null || evidence.Length == 0)
        {
            errors.Add("file", "请上传更正依据（原始登记表、会议纪要或审批文件的扫描件）");
        }
        if (errors.Any)
        {
            return new Outcome<int>.Invalid(errors);
        }
        RegistryCommands.ExpectVersion(db, household, r.Version);
        var saved = await files.SaveAsync(evidence!.FileName, evidence.Content, evidence.Length, ct);
        if (saved is not Outcome<FileStore.Stored>.Done { Value: var file })
        {
            return saved.As<int>();
        }
        var reason = r.Reason!.Trim();
        db.Add(new StatusCorrection
        {
            Id = Guid.CreateVersion7(),
            HouseholdId = household.Id,
            RegionCode = household.RegionCode,
            FromStatus = household.Status,
            ToStatus = r.Status,
            On = r.Date,
            Reason = reason,
            FileName = file.FileName,
            ContentType = file.ContentType,
            Size = file.Size,
            Sha256 = file.Sha256,
            CorrectedBy = db.User.UserName,
            At = clock.GetUtcNow().UtcDateTime,
        });
        AuditEvents.Add(db, clock, Event, nameof(Household), household.Id.ToString(),
            $"县级更正状态：{Labels.Of(household.Status)} → {Labels.Of(r.Status)}，原因：{reason}，依据：{file.FileName}", household.RegionCode, household.Id);
        household.Status = r.Status;
        household.StatusChangedOn = r.Date;
        household.StatusReason = ("更正：" + reason) is var text && text.Length > 200 ? text[..200] : text;
        switch (r.Status)
        {
            case HouseholdStatus.Lifted:
                household.YearLifted = r.Date.Year;
                break;
            case HouseholdStatus.Returned:
                household.YearReturned = r.Date.Year;
                break;
            case HouseholdStatus.NotLifted:
            case HouseholdStatus.Monitored:
            case HouseholdStatus.Removed:
            case HouseholdStatus.Applicant:
                break;
        }
        return await RegistryCommands.SaveAsync(db, () => household.Version, ct);
    }

    /// <summary>A correction's evidence, for download.</summary>
    public static async Task<(StatusCorrection Row, string Path)?> OpenAsync(AppDbContext db, FileStore files, Guid householdId, Guid correctionId, CancellationToken ct)
    {
        var row = await db.Set<StatusCorrection>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == correctionId && c.HouseholdId == householdId, ct);
        return row is not null && files.PathIfPresent(row.Sha256) is { } path ? (row, path) : null;
    }

    public sealed record View(Guid Id, HouseholdStatus FromStatus, HouseholdStatus ToStatus, DateOnly On, string Reason, string FileName, string CorrectedBy, DateTime At);

    public static async Task<IReadOnlyList<View>> ListAsync(AppDbContext db, Guid householdId, CancellationToken ct) =>
        await db.Set<StatusCorrection>().AsNoTracking().Where(c => c.HouseholdId == householdId).OrderByDescending(c => c.At)
            .Select(c => new View(c.Id, c.FromStatus, c.ToStatus, c.On, c.Reason, c.FileName, c.CorrectedBy, c.At)).ToListAsync(ct);
}

/// <summary>更正: the county office's correction of a household status entered in error, with its evidence file.</summary>
public sealed class StatusCorrection : IRegionScoped, IAudited
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public required string RegionCode { get; set; }
    public HouseholdStatus FromStatus { get; set; }
    public HouseholdStatus ToStatus { get; set; }
    /// <summary>The day the corrected status holds from.</summary>
    public DateOnly On { get; set; }
    public required string Reason { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public required string CorrectedBy { get; set; }
    public DateTime At { get; set; }
}

internal sealed class StatusCorrectionConfiguration : IEntityTypeConfiguration<StatusCorrection>
{
    public void Configure(EntityTypeBuilder<StatusCorrection> b)
    {
        ModelConventions.StoreEnumsAsText(b);
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.Reason).HasMaxLength(200);
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.CorrectedBy).HasMaxLength(100);
        b.HasIndex(x => new { x.HouseholdId, x.At });
        b.HasIndex(x => new { x.RegionCode, x.On });
    }
}
