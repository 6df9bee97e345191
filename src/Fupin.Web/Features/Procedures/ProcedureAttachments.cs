using System.Security.Cryptography;
using Fupin.Web.Data;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Procedures;

/// <summary>
/// Files of a case (会议记录、公示照片、申请书…): PDF, JPEG, PNG, .docx or .xlsx by content, at most
/// <c>Procedures:AttachmentMaxBytes</c> (10 MB by default). Stored once per content under the data folder
/// by their SHA-256; the row records who added which file to which step.
/// </summary>
public sealed class ProcedureAttachments(IConfiguration config, IHostEnvironment env)
{
    public long MaxBytes { get; } = config.GetValue("Procedures:AttachmentMaxBytes", 10L * 1024 * 1024);
    private readonly string _folder = Path.Combine(DatabaseSetup.DataFolder(config, env.ContentRootPath), "attachments");

    public async Task<Outcome<Guid>> AddAsync(AppDbContext db, TimeProvider clock, Guid caseId, string? fileName, Stream content, long length, CancellationToken ct)
    {
        var @case = await db.Set<ProcedureCase>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (@case is null)
        {
            return new Outcome<Guid>.NotFound();
        }
        var errors = new Errors();
        var name = Path.GetFileName(fileName ?? "").Trim();
        if (name.Length is 0 or > 200)
        {
            errors.Add("file", "文件名为空或超过200个字");
        }
        if (length <= 0 || length > MaxBytes)
        {
            errors.Add("file", $"附件大小须在1字节到{MaxBytes / 1024 / 1024}MB之间");
        }
        if (@case.State is CaseState.Approved or CaseState.Rejected)
        {
            errors.Add("file", "该案件已办结，不能再添加附件");
        }
        if (errors.Any)
        {
            return new Outcome<Guid>.Invalid(errors);
        }

        Directory.CreateDirectory(_folder);
        var temp = Path.Combine(_folder, $".upload-{Guid.NewGuid():N}");
        try
        {
            string hash;
            long size;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                // Copy at most one byte beyond the limit: a client that lied about the length is caught here.
                var buffer = new byte[81920];
                using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                size = 0;
                int n;
                while ((n = await content.ReadAsync(buffer, ct)) > 0)
                {
                    size += n;
                    if (size > MaxBytes)
                    {
                        return new Outcome<Guid>.Invalid(new Errors().Add("file", $"附件不能超过{MaxBytes / 1024 / 1024}MB"));
                    }
                    sha.AppendData(buffer, 0, n);
                    await file.WriteAsync(buffer.AsMemory(0, n), ct);
                }
                hash = Convert.ToHexStringLower(sha.GetHashAndReset());
                file.Position = 0;
                var kind = await FileSniffer.DetectAsync(file, ct: ct);
                if (ContentTypeOf(kind, name) is not { } type)
                {
                    return new Outcome<Guid>.Invalid(new Errors().Add("file", "只能上传PDF、JPG、PNG图片或Word、Excel（.docx/.xlsx）文件"));
                }
                var attachment = new ProcedureAttachment
                {
                    Id = Guid.CreateVersion7(),
                    CaseId = caseId,
                    RegionCode = @case.RegionCode,
                    StepCode = @case.StepCode,
                    FileName = name,
                    ContentType = type,
                    Size = size,
                    Sha256 = hash,
                    UploadedBy = db.User.UserName,
                    UploadedAt = clock.GetUtcNow().UtcDateTime,
                };
                db.Add(attachment);
                await db.SaveChangesAsync(ct);
                file.Close();
                var target = PathOf(hash);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                if (!File.Exists(target))
                {
                    File.Move(temp, target);
                }
                return new Outcome<Guid>.Done(attachment.Id);
            }
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public async Task<(ProcedureAttachment Row, string Path)?> OpenAsync(AppDbContext db, Guid caseId, Guid attachmentId, CancellationToken ct)
    {
        var row = await db.Set<ProcedureAttachment>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.CaseId == caseId, ct);
        return row is not null && File.Exists(PathOf(row.Sha256)) ? (row, PathOf(row.Sha256)) : null;
    }

    private string PathOf(string hash) => Path.Combine(_folder, hash[..2], hash);

    private static string? ContentTypeOf(FileSniffer.Kind kind, string name)
    {
        var ext = Path.GetExtension(name).ToLowerInvariant();
        return kind switch
        {
            FileSniffer.Kind.Pdf => "application/pdf",
            FileSniffer.Kind.Jpeg => "image/jpeg",
            FileSniffer.Kind.Png => "image/png",
            FileSniffer.Kind.Zip when ext == ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            FileSniffer.Kind.Zip when ext == ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            _ => null,
        };
    }
}
