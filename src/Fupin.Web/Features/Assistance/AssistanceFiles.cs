using Fupin.Web.Data;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Assistance;

/// <summary>Evidence of a measure (photos or files) and photos of a visit, kept by the <see cref="FileStore"/>.</summary>
public sealed class AssistanceFiles(FileStore files)
{
    public long MaxBytes => files.MaxBytes;

    public async Task<Outcome<Guid>> AddAsync(AppDbContext db, TimeProvider clock, FileOwner owner, Guid ownerId, string? fileName, Stream content, long length, CancellationToken ct)
    {
        var of = owner == FileOwner.Measure
            ? await db.Set<AssistanceMeasure>().Where(m => m.Id == ownerId).Select(m => new { m.RegionCode, m.HouseholdId }).FirstOrDefaultAsync(ct)
            : await db.Set<Visit>().Where(v => v.Id == ownerId).Select(v => new { v.RegionCode, v.HouseholdId }).FirstOrDefaultAsync(ct);
        if (of is null)
        {
            return new Outcome<Guid>.NotFound();
        }
        var saved = await files.SaveAsync(fileName, content, length, ct, imagesOnly: owner == FileOwner.Visit);
        if (saved is not Outcome<FileStore.Stored>.Done { Value: var f })
        {
            return saved.As<Guid>();
        }
        var row = new AssistanceFile
        {
            Id = Guid.CreateVersion7(),
            RegionCode = of.RegionCode,
            HouseholdId = of.HouseholdId,
            Owner = owner,
            OwnerId = ownerId,
            FileName = f.FileName,
            ContentType = f.ContentType,
            Size = f.Size,
            Sha256 = f.Sha256,
            UploadedBy = db.User.UserName,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(row);
        await db.SaveChangesAsync(ct);
        return new Outcome<Guid>.Done(row.Id);
    }

    public async Task<(AssistanceFile Row, string Path)?> OpenAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var row = await db.Set<AssistanceFile>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        return row is not null && files.PathIfPresent(row.Sha256) is { } path ? (row, path) : null;
    }
}
