using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fupin.Tests.Infrastructure;
using Fupin.Web.Data;
using Fupin.Web.Features.Audit;
using Fupin.Web.Features.Operations;
using Fupin.Web.Features.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Fupin.Tests.Operations;

/// <summary>Backup, restore and upgrade as a county's IT person runs them, on both providers.</summary>
public abstract class BackupTests(FupinApp app) : IAsyncDisposable
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly List<string> _databases = [];
    private readonly List<string> _folders = [];

    private DatabaseSetup.Settings Settings => app.Services.GetRequiredService<DatabaseSetup.Settings>();

    /// <summary>An empty database and data folder of the fixture's provider, removed after the test.</summary>
    private (DatabaseSetup.Settings Settings, string Folder) NewTarget()
    {
        var folder = Directory.CreateTempSubdirectory("fupin-restore-").FullName;
        _folders.Add(folder);
        if (Settings.Provider == DatabaseProvider.Sqlite)
        {
            return (new(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "fupin.db")};Pooling=False"), folder);
        }
        var name = "fupin_restore_" + Guid.NewGuid().ToString("N")[..12];
        _databases.Add(name);
        return (new(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(PostgresApp.ServerConnection) { Database = name }.ToString()), folder);
    }

    private async Task CreateDatabaseAsync(DatabaseSetup.Settings settings)
    {
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            await using var connection = new NpgsqlConnection(PostgresApp.ServerConnection);
            await connection.OpenAsync(Ct);
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{new NpgsqlConnectionStringBuilder(settings.ConnectionString).Database}\"", connection);
            await cmd.ExecuteNonQueryAsync(Ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        foreach (var name in _databases)
        {
            await using var connection = new NpgsqlConnection(PostgresApp.ServerConnection);
            await connection.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await cmd.ExecuteNonQueryAsync();
        }
        foreach (var folder in _folders)
        {
            Directory.Delete(folder, recursive: true);
        }
        GC.SuppressFinalize(this);
    }

    private string Archive() => Path.Combine(Directory.CreateTempSubdirectory("fupin-archive-").FullName, "backup.zip");

    [Fact]
    public async Task A_restore_gives_back_exactly_the_backup_and_the_audit_chain_ends_where_the_manifest_says()
    {
        var marker = Path.Combine(app.Folder, "attachments", "drill.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(marker)!);
        await File.WriteAllTextAsync(marker, "备份时的附件", Ct);
        var archive = Archive();
        var manifest = await BackupArchive.CreateAsync(Settings, app.Services.GetRequiredService<AuditChain>(), archive, null, Ct);
        Assert.Equal(Settings.Provider.ToString(), manifest.Provider);
        Assert.True(manifest.RowCounts["Households"] > 0);
        Assert.True(manifest.AuditHeadSeq > 0);
        Assert.Contains(manifest.Parts, p => p.Name == "files/attachments/drill.txt");
        Assert.DoesNotContain(manifest.Parts, p => p.Name.Contains(Fupin.Web.Features.Accounts.FirstStartPasswords.FileName));

        // More work after the backup: a new township, a changed attachment, more audit lines.
        var admin = await app.AdminClientAsync();
        var township = "460105" + Random.Shared.Next(600, 999) + "000";
        var added = await admin.PostAsJsonAsync("/api/v1/regions", new EditRegions.AddRequest(township, "备份后新增镇", null), FupinApp.Json, Ct);
        Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync(Ct));
        await File.WriteAllTextAsync(marker, "备份后改过", Ct);

        var (target, folder) = NewTarget();
        await CreateDatabaseAsync(target);
        var restored = await BackupArchive.RestoreAsync(target, folder, archive, force: false, null, Ct);
        Assert.Equal(manifest.RowCounts, restored.RowCounts);
        await using (var db = new AppDbContext(DatabaseSetup.Options(target), CurrentUser.System()))
        {
            foreach (var (table, count) in manifest.RowCounts)
            {
                var sql = "SELECT COUNT(*) AS \"Value\" FROM \"" + table + "\"";
                Assert.Equal(count, await db.Database.SqlQueryRaw<long>(sql).SingleAsync(Ct));
            }
            Assert.False(await db.Regions.IgnoreQueryFilters().AnyAsync(r => r.Code == township, Ct));
            // The restored folder's own chain: its key ring came back with it, and its checkpoint is the backup's head.
            var verification = await new AuditChain(app.Services.GetRequiredService<IConfiguration>(), folder).VerifyAsync(db, Ct);
            Assert.True(verification.Ok, string.Join("；", verification.Problems));
            Assert.NotNull(verification.Checkpoint);
            Assert.Equal((manifest.AuditHeadSeq, manifest.AuditHeadHash), (verification.HeadSeq, verification.HeadHash));
            var checkpoint = AuditCheckpoint.Read(folder)!;
            Assert.Equal((manifest.AuditHeadSeq, manifest.AuditHeadHash), (checkpoint.Seq, checkpoint.Hash));
            var hash = await db.AuditEntries.Where(a => a.Seq == checkpoint.Seq).Select(a => a.Hash).SingleAsync(Ct);
            Assert.Null(AuditCheckpoint.Check(checkpoint, verification.HeadSeq, hash));
        }
        Assert.Equal("备份时的附件", await File.ReadAllTextAsync(Path.Combine(folder, "attachments", "drill.txt"), Ct));

        // A database that holds data is not overwritten without --force.
        var refused = await Assert.ThrowsAsync<BackupException>(() => BackupArchive.RestoreAsync(target, folder, archive, force: false, null, Ct));
        Assert.Contains("--force", refused.Message);
        await BackupArchive.RestoreAsync(target, folder, archive, force: true, null, Ct);
    }

    [Fact]
    public async Task A_damaged_or_foreign_archive_is_refused_before_anything_is_touched()
    {
        var archive = Archive();
        await BackupArchive.CreateAsync(Settings, app.Services.GetRequiredService<AuditChain>(), archive, null, Ct);
        var (target, folder) = NewTarget();

        var damaged = archive + ".damaged.zip";
        File.Copy(archive, damaged);
        using (var zip = ZipFile.Open(damaged, ZipArchiveMode.Update))
        {
            var entry = zip.Entries.First(e => e.FullName.StartsWith("database.", StringComparison.Ordinal));
            var name = entry.FullName;
            entry.Delete();
            await using var stream = zip.CreateEntry(name).Open();
            await stream.WriteAsync("not the database"u8.ToArray(), Ct);
        }
        Assert.Contains("已损坏", (await Assert.ThrowsAsync<BackupException>(() => BackupArchive.RestoreAsync(target, folder, damaged, false, null, Ct))).Message);

        var foreign = archive + ".foreign.zip";
        using (var zip = ZipFile.Open(foreign, ZipArchiveMode.Create))
        {
            await using var stream = zip.CreateEntry("readme.txt").Open();
            await stream.WriteAsync("hello"u8.ToArray(), Ct);
        }
        Assert.Contains("不是本系统的备份", (await Assert.ThrowsAsync<BackupException>(() => BackupArchive.RestoreAsync(target, folder, foreign, false, null, Ct))).Message);

        var garbage = archive + ".txt";
        await File.WriteAllTextAsync(garbage, "garbage", Ct);
        Assert.Contains("无法作为 zip 读取", (await Assert.ThrowsAsync<BackupException>(() => BackupArchive.RestoreAsync(target, folder, garbage, false, null, Ct))).Message);

        // An archive of the other database provider.
        var other = archive + ".other.zip";
        File.Copy(archive, other);
        using (var zip = ZipFile.Open(other, ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry(BackupArchive.ManifestName)!;
            BackupArchive.Manifest manifest;
            await using (var read = entry.Open())
            {
                manifest = (await JsonSerializer.DeserializeAsync<BackupArchive.Manifest>(read, cancellationToken: Ct))!;
            }
            entry.Delete();
            await using var write = zip.CreateEntry(BackupArchive.ManifestName).Open();
            await JsonSerializer.SerializeAsync(write, manifest with { Provider = Settings.Provider == DatabaseProvider.Sqlite ? "Postgres" : "Sqlite" }, cancellationToken: Ct);
        }
        Assert.Contains("备份来自", (await Assert.ThrowsAsync<BackupException>(() => BackupArchive.RestoreAsync(target, folder, other, false, null, Ct))).Message);

        // Nothing was written by any of them.
        Assert.False(File.Exists(Path.Combine(folder, AuditCheckpoint.FileName)));
    }

    [Fact]
    public async Task Readiness_reports_the_database_migrations_audit_backlog_and_the_last_backup()
    {
        var anonymous = app.CreateClient();
        var response = await anonymous.GetAsync("/health/ready", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = (await response.Content.ReadFromJsonAsync<Readiness.Report>(FupinApp.Json, Ct))!;
        Assert.True(report.Database);
        Assert.Equal(0, report.PendingMigrations);
        Assert.Equal(Settings.Provider.ToString(), report.Provider);

        var backups = app.Services.GetRequiredService<Backups>();
        await using (var db = app.SystemDb())
        {
            var made = await backups.RunAsync(db, BackupKind.Manual, Ct);
            Assert.True(made.Ok, made.Message);
            Assert.True(File.Exists(made.Path));
        }
        report = (await anonymous.GetFromJsonAsync<Readiness.Report>("/health/ready", FupinApp.Json, Ct))!;
        Assert.False(report.BackupStale);
        Assert.NotNull(report.LastBackupAt);
        Assert.True(report.LastBackupAgeHours < 1);
    }

    [Fact]
    public async Task An_upgrade_waits_for_the_database_alone_backs_up_first_and_a_dba_can_have_the_script()
    {
        var (target, folder) = NewTarget();
        await using (var db = new AppDbContext(DatabaseSetup.Options(target), CurrentUser.System()))
        {
            await DatabaseSetup.MigrateAsync(db, Ct);
            // The database of the version before GoLive: its objects and its history line gone (and those of Trust, after it).
            await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql()
                ? "DROP TABLE \"StatusCorrection\"; DROP FUNCTION fupin_audit_insert_check() CASCADE;"
                : "DROP TABLE \"StatusCorrection\"; DROP TRIGGER \"AuditEntries_insert_check\";", Ct);
            await db.Database.ExecuteSqlRawAsync("""
                DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" LIKE '%_Trust';
                DROP TABLE "Backups"; DROP TABLE "RegionChange";
                ALTER TABLE "Regions" DROP COLUMN "MergedInto"; ALTER TABLE "Regions" DROP COLUMN "RetiredOn"; ALTER TABLE "Regions" DROP COLUMN "UrbanRuralCode";
                DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" LIKE '%_GoLive';
                """, Ct);
        }
        var paths = new DatabaseSetup.DataPaths(folder);
        var config = new ConfigurationBuilder().Build();
        var backups = new Backups(config, target, paths, TimeProvider.System, NullLogger<Backups>.Instance);
        await using var system = new AppDbContext(DatabaseSetup.Options(target), CurrentUser.System());
        Assert.Equal(2, (await Upgrade.PendingAsync(system, Ct)).Count);
        Assert.Contains("CREATE TABLE \"Backups\"", await Upgrade.ScriptAsync(system, Ct));

        // Another instance is running on the database: the new version does not migrate under it.
        await using (var running = await InstanceLock.SharedAsync(target, folder, TimeSpan.Zero, Ct))
        {
            Assert.NotNull(running);
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Upgrade.RunAsync(system, target, paths, backups, NullLogger.Instance, Ct));
            Assert.Contains("另一个实例正在使用该数据库", refused.Message);
        }
        await using (var held = await Upgrade.RunAsync(system, target, paths, backups, NullLogger.Instance, Ct))
        {
            Assert.False(held.Exclusive);
        }
        Assert.Empty(await Upgrade.PendingAsync(system, Ct));
        var before = Assert.Single(Directory.GetFiles(backups.Folder, "*-before-upgrade.zip"));
        var manifest = await BackupArchive.VerifyAsync(before, Ct);
        Assert.DoesNotContain("Backups", manifest.RowCounts.Keys);
        Assert.Equal(BackupKind.BeforeUpgrade, (await system.Set<BackupRecord>().SingleAsync(Ct)).Kind);
    }
}

public sealed class BackupTestsOnSqlite(SqliteApp app) : BackupTests(app), IClassFixture<SqliteApp>;

public sealed class BackupTestsOnPostgres(PostgresApp app) : BackupTests(app), IClassFixture<PostgresApp>;
