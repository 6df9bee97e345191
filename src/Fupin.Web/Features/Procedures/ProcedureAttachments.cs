using Fupin.Web.Data;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Procedures;

/// <summary>
/// Files of a case (会议记录、公示照片、申请书…), kept by the <see cref="FileStore"/>; the row records who
/// added which file to which step.
/// </summary>
public sealed class ProcedureAttachments(FileStore files)
{
    public long MaxBytes => files.MaxBytes;

    public async Task<Outcome<Guid>> AddAsync(AppDbContext db, TimeProvider clock, Guid caseId, string? fileName, Stream content, long length, CancellationToken ct)
    {
        var @case = await db.Set<ProcedureCase>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (@case is null)
        {
            return new Outcome<Guid>.NotFound();
        }
        if (@case.State is CaseState.Approved or CaseState.Rejected)
        {
            return new Outcome<Guid>.Invalid(new Errors().Add("file", "该案件已办结，不能再添加附件"));
        }
        var saved = await files.SaveAsync(fileName, content, length, ct);
        if (saved is not Outcome<FileStore.Stored>.Done { Value: var f })
        {
            return saved.As<Guid>();
        }
        var attachment = new ProcedureAttachment
        {
            Id = Guid.CreateVersion7(),
            CaseId = caseId,
            RegionCode = @case.RegionCode,
            StepCode = @case.StepCode,
            FileName = f.FileName,
            ContentType = f.ContentType,
            Size = f.Size,
            Sha256 = f.Sha256,
            UploadedBy = db.User.UserName,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(attachment);
        await db.SaveChangesAsync(ct);
        return new Outcome<Guid>.Done(attachment.Id);
    }

    public async Task<(ProcedureAttachment Row, string Path)?> OpenAsync(AppDbContext db, Guid caseId, Guid attachmentId, CancellationToken ct)
    {
        var row = await db.Set<ProcedureAttachment>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.CaseId == caseId, ct);
        return row is not null && files.PathIfPresent(row.Sha256) is { } path ? (row, path) : null;
    }
}
