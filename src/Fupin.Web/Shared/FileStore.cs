using System.Security.Cryptography;
using Fupin.Web.Data;

namespace Fupin.Web.Shared;

/// <summary>
/// Uploaded files (case attachments, measure evidence, visit photos): PDF, JPEG, PNG, .docx or .xlsx by
/// content, at most <c>Procedures:AttachmentMaxBytes</c> (10 MB by default), stored once per content under
/// the data folder by their SHA-256. The rows that name them live with their owners.
/// </summary>
public sealed class FileStore(IConfiguration config, IHostEnvironment env)
{
    public sealed record Stored(string FileName, string ContentType, long Size, string Sha256);

    public long MaxBytes { get; } = config.GetValue("Procedures:AttachmentMaxBytes", 10L * 1024 * 1024);
    private readonly string _folder = Path.Combine(DatabaseSetup.DataFolder(config, env.ContentRootPath), "attachments");

    /// <summary>Checks and stores a file; invalid when the name, size or kind is not accepted (field "file").</summary>
    public async Task<Outcome<Stored>> SaveAsync(string? fileName, Stream content, long length, CancellationToken ct, bool imagesOnly = false)
    {
        var name = Path.GetFileName(fileName ?? "").Trim();
        var errors = new Errors();
        if (name.Length is 0 or > 200)
        {
            errors.Add("file", "文件名为空或超过200个字");
        }
        if (length <= 0 || length > MaxBytes)
        {
            errors.Add("file", $"附件大小须在1字节到{MaxBytes / 1024 / 1024}MB之间");
        }
        if (errors.Any)
        {
            return new Outcome<Stored>.Invalid(errors);
        }

        Directory.CreateDirectory(_folder);
        var temp = Path.Combine(_folder, $".upload-{Guid.NewGuid():N}");
        try
        {
            string hash;
            long size;
            string? type;
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
                        return new Outcome<Stored>.Invalid(new Errors().Add("file", $"附件不能超过{MaxBytes / 1024 / 1024}MB"));
                    }
                    sha.AppendData(buffer, 0, n);
                    await file.WriteAsync(buffer.AsMemory(0, n), ct);
                }
                hash = Convert.ToHexStringLower(sha.GetHashAndReset());
                file.Position = 0;
                type = ContentTypeOf(await FileSniffer.DetectAsync(file, ct: ct), name);
            }
            if (type is null || (imagesOnly && !type.StartsWith("image/", StringComparison.Ordinal)))
            {
                return new Outcome<Stored>.Invalid(new Errors().Add("file", imagesOnly ? "只能上传JPG或PNG照片" : "只能上传PDF、JPG、PNG图片或Word、Excel（.docx/.xlsx）文件"));
            }
            var target = PathOf(hash);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (!File.Exists(target))
            {
                File.Move(temp, target);
            }
            return new Outcome<Stored>.Done(new Stored(name, type, size, hash));
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>The stored content of a hash, or null when it is missing.</summary>
    public string? PathIfPresent(string sha256) => PathOf(sha256) is var p && File.Exists(p) ? p : null;

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
