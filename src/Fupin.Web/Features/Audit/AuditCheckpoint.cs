using System.Text.Json;

namespace Fupin.Web.Features.Audit;

/// <summary>
/// The audit chain's head as last seen outside the database: written to the data folder at every backup and restore
/// (and named in each backup's manifest). <c>audit-verify</c> checks that the chain still holds the row it names
/// with the same hash, so rows cut from the end of the chain, or a database put back to an older point, show.
/// </summary>
public static class AuditCheckpoint
{
    public const string FileName = "audit-checkpoint.json";

    public sealed record Head(long Seq, string Hash, DateTime At, string Source);

    public static void Write(string dataFolder, Head head)
    {
        Directory.CreateDirectory(dataFolder);
        var path = Path.Combine(dataFolder, FileName);
        File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(head));
        File.Move(path + ".tmp", path, overwrite: true);
    }

    public static Head? Read(string dataFolder)
    {
        var path = Path.Combine(dataFolder, FileName);
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<Head>(File.ReadAllText(path)) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>What is wrong with the chain against the checkpoint, or null when it holds the checkpoint's row unchanged.</summary>
    public static string? Check(Head checkpoint, long seq, string? hashAtSeq) =>
        checkpoint.Seq == 0 ? null
        : hashAtSeq is null ? $"检查点（{checkpoint.Source}，{checkpoint.At:yyyy-MM-dd HH:mm} UTC）记录的第 {checkpoint.Seq} 条审计记录已不存在：链尾被截断，或数据库被恢复到更早的时间点（当前链头第 {seq} 条）"
        : hashAtSeq != checkpoint.Hash ? $"第 {checkpoint.Seq} 条审计记录的哈希与检查点（{checkpoint.Source}）不同：该记录或其之前的记录被改写"
        : null;
}
