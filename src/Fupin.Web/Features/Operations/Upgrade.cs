using Fupin.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Fupin.Web.Features.Operations;

/// <summary>
/// Bringing the database to this version at start (and with the <c>migrate</c> verb). With migrations to apply, the
/// instance must hold the database alone — another running instance makes it refuse, saying so — and takes a backup
/// first (Backup:BeforeUpgrade); a failed backup stops the upgrade. Afterwards every instance keeps a shared hold for
/// its lifetime, so a newer version started beside it will not migrate under it.
/// </summary>
public static class Upgrade
{
    /// <summary>The shared hold of a running instance, released when the host is disposed.</summary>
    public sealed class Hold : IAsyncDisposable
    {
        public InstanceLock? Lock { get; set; }

        public async ValueTask DisposeAsync()
        {
            if (Lock is not null)
            {
                await Lock.DisposeAsync();
            }
        }
    }

    public static async Task<InstanceLock> RunAsync(AppDbContext system, DatabaseSetup.Settings settings, DatabaseSetup.DataPaths paths, Backups backups,
        ILogger log, CancellationToken ct)
    {
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            // The lock lives in the database: it must exist first (an empty one, as Migrate would make it).
            var creator = system.GetService<IRelationalDatabaseCreator>();
            if (!await creator.ExistsAsync(ct))
            {
                await creator.CreateAsync(ct);
            }
        }
        await using (var migrations = DatabaseSetup.ForMigrations(system))
        {
            await Data.Migrations.MigrationHistory.AdoptSquashedAsync(migrations, ct);
        }
        var pending = await PendingAsync(system, ct);
        if (pending.Count > 0)
        {
            await using var alone = await InstanceLock.TryExclusiveAsync(settings, paths.Folder, ct)
                ?? throw new InvalidOperationException(
                    $"有 {pending.Count} 个数据库迁移待执行，但另一个实例正在使用该数据库：请先停止正在运行的实例，再启动新版本完成升级。");
            Backups.Made? before = null;
            if (pending.Count < (await AllAsync(system)).Count && backups.BeforeUpgrade)
            {
                log.LogInformation("Backing up before {Count} migrations are applied", pending.Count);
                before = await backups.WriteAsync(BackupKind.BeforeUpgrade, ct);
                if (!before.Ok)
                {
                    throw new InvalidOperationException($"升级前的备份没有成功，未执行升级：{before.Message}（确需跳过时设置 Backup__BeforeUpgrade=false）");
                }
            }
            log.LogInformation("Applying migrations: {Migrations}", string.Join(", ", pending));
            await DatabaseSetup.MigrateAsync(system, ct);
            if (before is not null)
            {
                await backups.RecordAsync(system, BackupKind.BeforeUpgrade, before, ct);
            }
        }
        else
        {
            // Nothing to apply; the housekeeping a stopped bulk load may have left still runs.
            await DatabaseSetup.MigrateAsync(system, ct);
        }
        return await InstanceLock.SharedAsync(settings, paths.Folder, TimeSpan.FromMinutes(2), ct)
            ?? throw new InvalidOperationException("另一个实例正在升级该数据库，等待两分钟后仍未结束：请检查它的日志。");
    }

    /// <summary>Migrations this build has that the database has not applied; reads only (readiness asks it on every probe).</summary>
    public static async Task<IReadOnlyList<string>> PendingAsync(AppDbContext system, CancellationToken ct)
    {
        await using var migrations = DatabaseSetup.ForMigrations(system);
        if (!await migrations.Database.CanConnectAsync(ct))
        {
            return [.. migrations.Database.GetMigrations()];
        }
        return [.. await migrations.Database.GetPendingMigrationsAsync(ct)];
    }

    private static async Task<IReadOnlyList<string>> AllAsync(AppDbContext system)
    {
        await using var migrations = DatabaseSetup.ForMigrations(system);
        return [.. migrations.Database.GetMigrations()];
    }

    /// <summary>
    /// The SQL a DBA runs to bring the database to this version: from its last applied migration when it can be
    /// reached, else from nothing (on PostgreSQL idempotent, so it can be run on any version of the schema).
    /// </summary>
    public static async Task<string> ScriptAsync(AppDbContext system, CancellationToken ct)
    {
        await using var migrations = DatabaseSetup.ForMigrations(system);
        string? from = null;
        var adoption = "";
        if (await migrations.Database.CanConnectAsync(ct))
        {
            // A database of the old chain: the script first rewrites its history (the start would), writing nothing now.
            if (await Data.Migrations.MigrationHistory.AdoptionSqlAsync(migrations, ct) is { } sql)
            {
                adoption = sql;
                from = migrations.Database.IsSqlite() ? Data.Migrations.MigrationHistory.SqliteInitial : Data.Migrations.MigrationHistory.PostgresInitial;
            }
            else
            {
                from = (await migrations.Database.GetAppliedMigrationsAsync(ct)).LastOrDefault();
            }
        }
        var migrator = migrations.GetService<IMigrator>();
        var options = migrations.Database.IsNpgsql() && from is null ? MigrationsSqlGenerationOptions.Idempotent : MigrationsSqlGenerationOptions.Default;
        return adoption + migrator.GenerateScript(fromMigration: from, options: options);
    }
}
