using System.IO.Compression;
using Fupin.Web.Shared;

namespace Fupin.Web.Features.Import;

/// <summary>
/// What an uploaded file must be before anything parses it: <c>.xlsx</c> or CSV by its content (never by its
/// name), within the size limit, and for a zip (an <c>.xlsx</c> is one) within the entry-count,
/// total-uncompressed-size and compression-ratio limits, read from the zip's directory without inflating
/// anything: a zip bomb is refused at the cost of reading its last few kilobytes.
/// </summary>
public sealed class UploadSafety(IConfiguration config)
{
    public long MaxFileBytes { get; } = config.GetValue("Import:MaxFileBytes", 300L * 1024 * 1024);
    public int MaxZipEntries { get; } = config.GetValue("Import:MaxZipEntries", 500);
    public long MaxUncompressedBytes { get; } = config.GetValue("Import:MaxUncompressedBytes", 2L * 1024 * 1024 * 1024);
    public double MaxCompressionRatio { get; } = config.GetValue("Import:MaxCompressionRatio", 200.0);
    public int MaxRows { get; } = config.GetValue("Import:MaxRows", 2_000_000);

    /// <summary>New households from which an import that at least doubles the registry is written as a bulk load.</summary>
    public int BulkLoadFrom { get; } = config.GetValue("Import:BulkLoadFrom", RegistryImport.BulkLoadFromDefault);

    public sealed record Verdict(SheetReader.Kind? Kind, string? Problem);

    public async Task<Verdict> CheckAsync(string path, CancellationToken ct)
    {
        var length = new FileInfo(path).Length;
        if (length == 0)
        {
            return new(null, "文件是空的");
        }
        if (length > MaxFileBytes)
        {
            return new(null, $"文件超过{MaxFileBytes / 1024 / 1024}MB的上限，请分批导入");
        }
        FileSniffer.Kind kind;
        await using (var file = File.OpenRead(path))
        {
            kind = await FileSniffer.DetectAsync(file, 4096, ct);
        }
        switch (kind)
        {
            case FileSniffer.Kind.Text:
                return new(SheetReader.Kind.Csv, null);
            case FileSniffer.Kind.Zip:
                var problem = CheckZip(path);
                return new(problem is null ? SheetReader.Kind.Xlsx : null, problem);
            default:
                return new(null, "只能导入Excel（.xlsx）或CSV文件：按文件内容识别，该文件不是这两种格式（旧版.xls请另存为.xlsx）");
        }
    }

    private string? CheckZip(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            if (zip.Entries.Count > MaxZipEntries)
            {
                return $"文件包含{zip.Entries.Count}个压缩条目，超过{MaxZipEntries}个的上限，不像正常的Excel文件";
            }
            long total = 0;
            foreach (var e in zip.Entries)
            {
                total += e.Length;
                if (total > MaxUncompressedBytes)
                {
                    return $"文件解压后超过{MaxUncompressedBytes / 1024 / 1024}MB的上限，请分批导入";
                }
                var ratio = e.Length / (double)Math.Max(e.CompressedLength, 1);
                if (e.Length > 1024 * 1024 && ratio > MaxCompressionRatio)
                {
                    return $"文件中的“{e.FullName}”压缩比达{ratio:0}倍，超过{MaxCompressionRatio:0}倍的上限（疑似压缩炸弹），已拒绝";
                }
            }
            if (zip.GetEntry("xl/workbook.xml") is null)
            {
                return "该压缩文件不是Excel工作簿（.xlsx）";
            }
            return null;
        }
        catch (InvalidDataException)
        {
            return "文件已损坏，无法作为Excel（.xlsx）打开";
        }
    }
}
