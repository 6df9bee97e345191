using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Fupin.Web.Data;
using Fupin.Web.Features.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Fupin.Web.Features.Operations;

/// <summary>
/// One backup archive (a zip): <c>manifest.json</c>, a consistent copy of the database — SQLite's online backup,
/// or pg_dump's custom format — and the data folder's files under <c>files/</c> (attachments, photos, import files,
/// sign-in keys). The manifest names the version, the last migration, every table's row count, the audit chain's
/// head and the SHA-256 of every part, so a restore can refuse a damaged or foreign archive before it touches
/// anything, and prove afterwards that it gave back exactly what was saved.
/// </summary>
public static class BackupArchive
{
    public const string Format = "fupin-backup";
    public const int FormatVersion = 1;
    public const string ManifestName = "manifest.json";
    private const string SqliteName = "database.sqlite";
    private const string PgName = "database.pgdump";
    private const string FilesPrefix = "files/";

    public sealed record Part(string Name, long Size, string Sha256);

    public sealed record Manifest(
        string Format, int FormatVersion, string AppVersion, DateTime CreatedAt, string Provider, string? LastMigration,
        Dictionary<string, long> RowCounts, long AuditHeadSeq, string AuditHeadHash, List<Part> Parts);

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Files of the data folder that are not copied as files: the SQLite database (copied through SQLite), runtime leftovers, and first-start passwords (never into an archive).</summary>
    private static bool Skipped(string relative) =>
        relative is "fupin.db" or "fupin.db-wal" or "fupin.db-shm" or InstanceLock.FileName or Accounts.FirstStartPasswords.FileName
        || relative.StartsWith("backups/", StringComparison.Ordinal)
        || relative.EndsWith(".tmp", StringComparison.Ordinal);

    /// <summary>Writes an archive of the database and the data folder to <paramref name="target"/>; answers its manifest.</summary>
    public static async Task<Manifest> CreateAsync(DatabaseSetup.Settings settings, AuditChain chain, string target, string? pgBin, CancellationToken ct, TimeProvider? clock = null)
    {
        var dataFolder = chain.DataFolder;
        var staging = Directory.CreateTempSubdirectory("fupin-backup-").FullName;
        try
        {
            await using (var db = new AppDbContext(DatabaseSetup.Options(settings), CurrentUser.System()))
            {
                // Seal what is waiting, so the head the manifest names is the head the copy holds when nothing else writes.
                await chain.SealAsync(db, ct);
            }
            // Counts and the chain's head describe exactly what was saved: read from the SQLite copy itself, or on
            // PostgreSQL in the very snapshot pg_dump copies (exported from a repeatable-read transaction held open).
            string dbPart;
            (Dictionary<string, long> Counts, long HeadSeq, string HeadHash, string? LastMigration) described;
            if (settings.Provider == DatabaseProvider.Sqlite)
            {
                dbPart = Path.Combine(staging, SqliteName);
                await using (var source = new SqliteConnection(settings.ConnectionString))
                {
                    await source.OpenAsync(ct);
                    await using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = dbPart, Pooling = false }.ToString());
                    await copy.OpenAsync(ct);
                    source.BackupDatabase(copy);
                }
                await using var saved = new AppDbContext(DatabaseSetup.Options(new(DatabaseProvider.Sqlite,
                    new SqliteConnectionStringBuilder { DataSource = dbPart, Pooling = false }.ToString())), CurrentUser.System());
                described = await DescribeAsync(saved, ct);
            }
            else
            {
                dbPart = Path.Combine(staging, PgName);
                await using var db = new AppDbContext(DatabaseSetup.Options(settings), CurrentUser.System());
                await using var tx = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
                var snapshot = await db.Database.SqlQueryRaw<string>("SELECT pg_export_snapshot() AS \"Value\"").SingleAsync(ct);
                await PgToolAsync(pgBin, "pg_dump", settings.ConnectionString,
                    ["--format=custom", "--no-owner", "--no-privileges", "--snapshot", snapshot, "--file", dbPart], ct);
                described = await DescribeAsync(db, ct);
                await tx.CommitAsync(ct);
            }
            var (counts, headSeq, headHash, lastMigration) = described;

            var parts = new List<Part>();
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
            var temporary = target + ".tmp";
            Manifest manifest;
            await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write))
            using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
            {
                parts.Add(await AddAsync(zip, dbPart, Path.GetFileName(dbPart),
                    settings.Provider == DatabaseProvider.Sqlite ? CompressionLevel.Fastest : CompressionLevel.NoCompression, ct));
                if (Directory.Exists(dataFolder))
                {
                    foreach (var path in Directory.EnumerateFiles(dataFolder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                    {
                        var relative = Path.GetRelativePath(dataFolder, path).Replace('\\', '/');
                        if (!Skipped(relative))
                        {
                            parts.Add(await AddAsync(zip, path, FilesPrefix + relative, CompressionLevel.Fastest, ct));
                        }
                    }
                }
                manifest = new Manifest(Format, FormatVersion, AppVersion, (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime, settings.Provider.ToString(), lastMigration,
                    counts, headSeq, headHash, parts);
                var entry = zip.CreateEntry(ManifestName, CompressionLevel.Fastest);
                await using var stream = entry.Open();
                await JsonSerializer.SerializeAsync(stream, manifest, Json, ct);
            }
            File.Move(temporary, target, overwrite: true);
            AuditCheckpoint.Write(dataFolder, new(manifest.AuditHeadSeq, manifest.AuditHeadHash, manifest.CreatedAt, $"备份 {Path.GetFileName(target)}"));
            return manifest;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>Reads and checks an archive: the manifest is ours, and every part is present with its SHA-256. Throws <see cref="BackupException"/> otherwise.</summary>
    public static async Task<Manifest> VerifyAsync(string archive, CancellationToken ct)
    {
        if (!File.Exists(archive))
        {
            throw new BackupException($"找不到备份文件 {archive}");
        }
        try
        {
            using var zip = ZipFile.OpenRead(archive);
            var manifest = await ReadManifestAsync(zip, ct);
            foreach (var part in manifest.Parts)
            {
                var entry = zip.GetEntry(part.Name) ?? throw new BackupException($"备份文件不完整：缺少 {part.Name}");
                await using var stream = entry.Open();
                var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
                if (hash != part.Sha256)
                {
                    throw new BackupException($"备份文件已损坏：{part.Name} 的 SHA-256 与清单不符");
                }
            }
            return manifest;
        }
        catch (InvalidDataException)
        {
            throw new BackupException("备份文件已损坏，或不是本系统的备份（无法作为 zip 读取）");
        }
    }

    /// <summary>
    /// Restores an archive into the configured database and data folder. Refuses a damaged or foreign archive, one of
    /// the other provider, one from a newer version, and — without <paramref name="force"/> — a database that holds data.
    /// Answers the manifest, and checks the restored row counts against it.
    /// </summary>
    public static async Task<Manifest> RestoreAsync(DatabaseSetup.Settings settings, string dataFolder, string archive, bool force, string? pgBin, CancellationToken ct,
        TimeProvider? clock = null)
    {
        var manifest = await VerifyAsync(archive, ct);
        if (manifest.Provider != settings.Provider.ToString())
        {
            throw new BackupException($"备份来自 {manifest.Provider} 数据库，当前配置的是 {settings.Provider}：请按备份时的数据库类型配置后再恢复");
        }
        if (manifest.LastMigration is { } migration && !KnownMigrations(settings.Provider).Contains(migration))
        {
            throw new BackupException($"备份来自更新的版本（数据库迁移 {migration} 本版本没有）：请用不低于备份时的版本恢复");
        }
        if (!force && await HoldsDataAsync(settings, ct))
        {
            throw new BackupException("目标数据库已有数据，恢复会覆盖它。确认要覆盖时加参数 --force（建议先备份当前数据）");
        }

        using var zip = ZipFile.OpenRead(archive);
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            var path = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
            SqliteConnection.ClearAllPools();
            foreach (var leftover in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(leftover);
            }
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            zip.GetEntry(SqliteName)!.ExtractToFile(path);
        }
        else
        {
            var dump = Path.Combine(Directory.CreateTempSubdirectory("fupin-restore-").FullName, PgName);
            try
            {
                zip.GetEntry(PgName)!.ExtractToFile(dump);
                await ResetPgAsync(settings.ConnectionString, ct);
                await PgToolAsync(pgBin, "pg_restore", settings.ConnectionString, ["--no-owner", "--no-privileges", "--exit-on-error", "--dbname", "@", dump], ct);
            }
            finally
            {
                Directory.Delete(Path.GetDirectoryName(dump)!, recursive: true);
            }
        }
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith(FilesPrefix, StringComparison.Ordinal) && e.Name.Length > 0))
        {
            var relative = entry.FullName[FilesPrefix.Length..];
            var target = Path.GetFullPath(Path.Combine(dataFolder, relative));
            if (!target.StartsWith(Path.GetFullPath(dataFolder) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new BackupException($"备份文件含有不安全的路径 {entry.FullName}，已拒绝");
            }
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            entry.ExtractToFile(target, overwrite: true);
        }

        (Dictionary<string, long> counts, long headSeq, string headHash, _) = await DescribeAsync(settings, ct);
        var differing = manifest.RowCounts.Where(c => counts.GetValueOrDefault(c.Key, -1) != c.Value).Select(c => $"{c.Key}（清单 {c.Value}，恢复后 {counts.GetValueOrDefault(c.Key, -1)}）").ToList();
        if (differing.Count > 0 || headSeq != manifest.AuditHeadSeq || headHash != manifest.AuditHeadHash)
        {
            throw new BackupException("恢复后的数据与备份清单不一致：" + (differing.Count > 0 ? string.Join("、", differing) : "审计链头不同"));
        }
        AuditCheckpoint.Write(dataFolder, new(manifest.AuditHeadSeq, manifest.AuditHeadHash, (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime, $"恢复自备份 {Path.GetFileName(archive)}（{manifest.CreatedAt:yyyy-MM-dd HH:mm} UTC）"));
        return manifest;
    }

    public static string AppVersion => typeof(BackupArchive).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>Row counts of every mapped table, the audit chain's head and the last migration applied.</summary>
    private static async Task<(Dictionary<string, long> Counts, long HeadSeq, string HeadHash, string? LastMigration)> DescribeAsync(DatabaseSetup.Settings settings, CancellationToken ct)
    {
        await using var db = new AppDbContext(DatabaseSetup.Options(settings), CurrentUser.System());
        return await DescribeAsync(db, ct);
    }

    private static async Task<(Dictionary<string, long> Counts, long HeadSeq, string HeadHash, string? LastMigration)> DescribeAsync(AppDbContext db, CancellationToken ct)
    {
        var sqlite = db.Database.IsSqlite();
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        // The tables the database has (a backup before an upgrade is of the older schema), as the model names them.
        var present = (await db.Database.SqlQueryRaw<string>(sqlite
            ? "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table'"
            : "SELECT tablename AS \"Value\" FROM pg_tables WHERE schemaname = current_schema()").ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Where(present.Contains).Distinct().Order(StringComparer.Ordinal))
        {
            // Table names come from the model, not from input.
            var sql = "SELECT COUNT(*) AS \"Value\" FROM \"" + table + "\"";
            counts[table] = await db.Database.SqlQueryRaw<long>(sql).SingleAsync(ct);
        }
        var head = await db.AuditEntries.AsNoTracking().Where(a => a.Seq != null).OrderByDescending(a => a.Seq)
            .Select(a => new { a.Seq, a.Hash }).FirstOrDefaultAsync(ct);
        var migrations = await db.Database.SqlQueryRaw<string>("SELECT \"MigrationId\" AS \"Value\" FROM \"__EFMigrationsHistory\"").ToListAsync(ct);
        return (counts, head?.Seq ?? 0, head?.Hash ?? "", migrations.Max(StringComparer.Ordinal));
    }

    private static HashSet<string> KnownMigrations(DatabaseProvider provider)
    {
        using var db = new AppDbContext(DatabaseSetup.Options(new(provider, provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Host=localhost")), CurrentUser.System());
        using var migrations = DatabaseSetup.ForMigrations(db);
        return [.. migrations.Database.GetMigrations()];
    }

    private static async Task<bool> HoldsDataAsync(DatabaseSetup.Settings settings, CancellationToken ct)
    {
        if (settings.Provider == DatabaseProvider.Sqlite && !File.Exists(new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource))
        {
            return false;
        }
        await using var db = new AppDbContext(DatabaseSetup.Options(settings), CurrentUser.System());
        if (!await db.Database.CanConnectAsync(ct))
        {
            return false;
        }
        var tables = settings.Provider == DatabaseProvider.Sqlite
            ? "SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            : "SELECT COUNT(*)::int AS \"Value\" FROM pg_tables WHERE schemaname = current_schema()";
        return await db.Database.SqlQueryRaw<int>(tables).SingleAsync(ct) > 0;
    }

    /// <summary>Empties the database's schema, so pg_restore writes into nothing.</summary>
    private static async Task ResetPgAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;";
        await cmd.ExecuteNonQueryAsync(ct);
        NpgsqlConnection.ClearAllPools();
    }

    private static async Task<Part> AddAsync(ZipArchive zip, string path, string name, CompressionLevel level, CancellationToken ct)
    {
        var entry = zip.CreateEntry(name, level);
        await using var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        await using (var target = entry.Open())
        {
            var buffer = new byte[1 << 16];
            int n;
            while ((n = await source.ReadAsync(buffer, ct)) > 0)
            {
                sha.AppendData(buffer, 0, n);
                await target.WriteAsync(buffer.AsMemory(0, n), ct);
                size += n;
            }
        }
        return new Part(name, size, Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    private static async Task<Manifest> ReadManifestAsync(ZipArchive zip, CancellationToken ct)
    {
        var entry = zip.GetEntry(ManifestName) ?? throw new BackupException("不是本系统的备份文件：缺少 manifest.json");
        Manifest? manifest;
        try
        {
            await using var stream = entry.Open();
            manifest = await JsonSerializer.DeserializeAsync<Manifest>(stream, Json, ct);
        }
        catch (JsonException)
        {
            throw new BackupException("不是本系统的备份文件：清单无法读取");
        }
        if (manifest is not { Format: Format } || manifest.Parts is null || manifest.RowCounts is null)
        {
            throw new BackupException("不是本系统的备份文件");
        }
        if (manifest.FormatVersion > FormatVersion)
        {
            throw new BackupException($"备份文件格式 {manifest.FormatVersion} 比本版本新，请用更新的版本恢复");
        }
        return manifest;
    }

    /// <summary>Runs pg_dump or pg_restore with the connection's settings in its environment (the password never on a command line).</summary>
    private static async Task PgToolAsync(string? pgBin, string tool, string connectionString, string[] args, CancellationToken ct)
    {
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(PgTool(pgBin, tool)) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a == "@" ? c.Database ?? "postgres" : a);
        }
        if (tool == "pg_dump")
        {
            start.ArgumentList.Add(c.Database ?? "postgres");
        }
        start.Environment["PGHOST"] = c.Host ?? "localhost";
        start.Environment["PGPORT"] = c.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = c.Username ?? Environment.UserName;
        if (!string.IsNullOrEmpty(c.Password))
        {
            start.Environment["PGPASSWORD"] = c.Password;
        }
        start.Environment["PGSSLMODE"] = c.SslMode.ToString().ToLowerInvariant() switch { "disable" => "disable", "require" => "require", "verifyca" => "verify-ca", "verifyfull" => "verify-full", _ => "prefer" };
        using var process = Process.Start(start) ?? throw new BackupException($"无法启动 {tool}");
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new BackupException($"{tool} 失败（退出码 {process.ExitCode}）：{(await error).Trim()}");
        }
    }

    /// <summary>pg_dump / pg_restore: from Backup:PgBin when set, else the newest Debian PostgreSQL's, else the PATH.</summary>
    private static string PgTool(string? pgBin, string tool)
    {
        if (!string.IsNullOrEmpty(pgBin))
        {
            return Path.Combine(pgBin, tool);
        }
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", tool)).Where(File.Exists)
                .OrderByDescending(p => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p))), out var v) ? v : 0).FirstOrDefault()
            : null;
        return debian ?? tool;
    }
}

/// <summary>A backup or restore that cannot go on; the message says why, in Chinese.</summary>
public sealed class BackupException(string message) : Exception(message);
