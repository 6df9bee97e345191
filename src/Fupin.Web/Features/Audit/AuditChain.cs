using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Fupin.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Audit;

/// <summary>
/// The key the audit chain is sealed with: rows are chained with HMAC-SHA-256 under a key that lives in the data
/// folder's key ring (<c>keys/audit-chain.key</c>, encrypted by ASP.NET Core data protection, and so by the county's
/// certificate when one is configured), never in the database. Whoever can only write the database cannot re-chain
/// rows they changed. Rows sealed before the key existed (an older installation) keep their plain SHA-256 links;
/// the key file records from which position the keyed links start.
/// </summary>
public sealed class AuditKey
{
    public const string FileName = "audit-chain.key";
    private const string Purpose = "Fupin.AuditChain.v1";

    private readonly byte[] _key;

    private AuditKey(byte[] key, long keyedAfter) => (_key, KeyedAfter) = (key, keyedAfter);

    /// <summary>The chain as it was before keys: plain SHA-256 links (what anyone could recompute, which is why keys came).</summary>
    public static AuditKey Plain { get; } = new([], long.MaxValue);

    /// <summary>Rows with a position above this are keyed; the ones up to it were sealed before the key existed.</summary>
    public long KeyedAfter { get; }

    public string Hash(long seq, string canonical)
    {
        var bytes = Encoding.UTF8.GetBytes(canonical);
        return Convert.ToHexStringLower(seq > KeyedAfter ? HMACSHA256.HashData(_key, bytes) : SHA256.HashData(bytes));
    }

    private sealed record Stored(long KeyedAfter, string Key);

    private static readonly ConcurrentDictionary<string, AuditKey> Loaded = new();
    private static readonly SemaphoreSlim Creating = new(1, 1);

    /// <summary>
    /// The key of this data folder, made on first use (keyed from the chain's current head, so the rows already
    /// sealed stay valid). A key file that cannot be read stops sealing and verifying: a new key would hide tampering.
    /// </summary>
    public static async Task<AuditKey> LoadAsync(AppDbContext db, IConfiguration config, string dataFolder, CancellationToken ct)
    {
        var keys = Path.GetFullPath(Path.Combine(dataFolder, "keys"));
        var path = Path.Combine(keys, FileName);
        // Cached per file version: a restore that brings back another key ring's file is read again.
        if (File.Exists(path) && Loaded.TryGetValue(path + "|" + File.GetLastWriteTimeUtc(path).Ticks, out var known))
        {
            return known;
        }
        var protector = Protection(config, keys).CreateProtector(Purpose);
        await Creating.WaitAsync(ct);
        try
        {
            if (!File.Exists(path))
            {
                var head = await db.AuditEntries.AsNoTracking().Where(a => a.Seq != null).MaxAsync(a => a.Seq, ct) ?? 0;
                var fresh = new Stored(head, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
                Directory.CreateDirectory(keys);
                var tmp = path + ".tmp";
                await File.WriteAllTextAsync(tmp, protector.Protect(JsonSerializer.Serialize(fresh)), ct);
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(tmp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
                try
                {
                    File.Move(tmp, path, overwrite: false);
                }
                catch (IOException) when (File.Exists(path))
                {
                    File.Delete(tmp); // another process made it first: use theirs
                }
            }
            Stored stored;
            try
            {
                stored = JsonSerializer.Deserialize<Stored>(protector.Unprotect(await File.ReadAllTextAsync(path, ct)))!;
            }
            catch (Exception e) when (e is CryptographicException or JsonException)
            {
                throw new InvalidOperationException($"审计链密钥 {path} 无法读取（密钥环或证书与写入时不同）：请恢复原密钥环后再运行", e);
            }
            var key = new AuditKey(Convert.FromBase64String(stored.Key), stored.KeyedAfter);
            Loaded[path + "|" + File.GetLastWriteTimeUtc(path).Ticks] = key;
            return key;
        }
        finally
        {
            Creating.Release();
        }
    }

    /// <summary>The data-protection key ring of the host, opened the same way outside it (command-line verbs).</summary>
    private static IDataProtectionProvider Protection(IConfiguration config, string keys) =>
        DataProtectionProvider.Create(new DirectoryInfo(keys), b =>
        {
            b.SetApplicationName("Fupin");
            if (config["DataProtection:CertificatePath"] is { Length: > 0 } certificatePath)
            {
                var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
                    certificatePath, config["DataProtection:CertificatePassword"]);
                b.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
            }
        });
}

/// <summary>Seals and verifies the chain of one installation: its database, its key and its checkpoint file.</summary>
public sealed class AuditChain(IConfiguration config, string dataFolder)
{
    public AuditChain(IConfiguration config, IHostEnvironment env) : this(config, DatabaseSetup.DataFolder(config, env.ContentRootPath))
    {
    }

    public string DataFolder => dataFolder;

    public Task<AuditKey> KeyAsync(AppDbContext db, CancellationToken ct) => AuditKey.LoadAsync(db, config, dataFolder, ct);

    public async Task<int> SealAsync(AppDbContext db, CancellationToken ct = default) =>
        await AuditSealer.SealAsync(db, await KeyAsync(db, ct), ct);

    /// <summary>Recomputes the chain and checks it against the last checkpoint written outside the database.</summary>
    public async Task<AuditSealer.Verification> VerifyAsync(AppDbContext db, CancellationToken ct = default)
    {
        var result = await AuditSealer.VerifyAsync(db, await KeyAsync(db, ct), ct);
        if (AuditCheckpoint.Read(dataFolder) is { } checkpoint)
        {
            var hash = await db.AuditEntries.AsNoTracking().Where(a => a.Seq == checkpoint.Seq).Select(a => a.Hash).FirstOrDefaultAsync(ct);
            if (AuditCheckpoint.Check(checkpoint, result.HeadSeq, hash) is { } problem)
            {
                result = result with { Ok = false, Problems = [.. result.Problems, problem] };
            }
            else
            {
                result = result with { Checkpoint = checkpoint };
            }
        }
        return result;
    }

    /// <summary>
    /// After sealing: the head is written to the checkpoint file (and the log) when the chain still holds the last
    /// checkpoint's row unchanged; otherwise the problem is answered and the old checkpoint kept as evidence.
    /// </summary>
    public async Task<string?> CheckpointAsync(AppDbContext db, string source, TimeProvider clock, CancellationToken ct)
    {
        var head = await db.AuditEntries.AsNoTracking().Where(a => a.Seq != null).OrderByDescending(a => a.Seq)
            .Select(a => new { a.Seq, a.Hash }).FirstOrDefaultAsync(ct);
        var previous = AuditCheckpoint.Read(dataFolder);
        if (previous is not null)
        {
            if (previous.Seq == (head?.Seq ?? 0))
            {
                return previous.Hash == (head?.Hash ?? "") || previous.Seq == 0 ? null
                    : AuditCheckpoint.Check(previous, head?.Seq ?? 0, head?.Hash);
            }
            var hash = await db.AuditEntries.AsNoTracking().Where(a => a.Seq == previous.Seq).Select(a => a.Hash).FirstOrDefaultAsync(ct);
            if (AuditCheckpoint.Check(previous, head?.Seq ?? 0, hash) is { } problem)
            {
                return problem;
            }
        }
        if (head?.Seq is { } seq)
        {
            AuditCheckpoint.Write(dataFolder, new(seq, head.Hash!, clock.GetUtcNow().UtcDateTime, source));
        }
        return null;
    }
}
