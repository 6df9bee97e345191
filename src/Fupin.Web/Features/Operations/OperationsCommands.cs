using Fupin.Web.Data;
using Fupin.Web.Features.Audit;
using Fupin.Web.Shared;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fupin.Web.Features.Operations;

/// <summary>
/// The host's operating verbs, beside <c>generate</c> and <c>audit-verify</c>; each takes <c>--data-folder</c> and the
/// usual configuration (appsettings, environment), so it reaches the database the server uses:
/// <list type="bullet">
/// <item><c>backup --to FILE</c> — a consistent archive of the database and the data folder, while the server runs;</item>
/// <item><c>restore --from FILE [--force]</c> — with the server stopped; refuses a damaged or foreign archive, and a
/// database that holds data unless <c>--force</c>;</item>
/// <item><c>migrate</c> — applies pending migrations (backup first), as a start would; <c>migrate --script [--to FILE]</c>
/// writes their SQL for a DBA instead.</item>
/// </list>
/// </summary>
public static class OperationsCommands
{
    public static async Task<int> BackupAsync(string[] args)
    {
        var (config, settings, paths) = Read(args, new() { ["--to"] = "To" });
        if (string.IsNullOrWhiteSpace(config["To"]))
        {
            Console.Error.WriteLine("用法：backup --to 文件.zip [--data-folder 目录]");
            return 2;
        }
        var target = Path.GetFullPath(config["To"]!);
        try
        {
            var manifest = await BackupArchive.CreateAsync(settings, new AuditChain(config, paths.Folder), target, config["Backup:PgBin"], CancellationToken.None);
            await using (var db = new AppDbContext(DatabaseSetup.Options(settings), CurrentUser.System()))
            {
                var backups = new Backups(config, settings, paths, TimeProvider.System, NullLogger<Backups>.Instance);
                await backups.RecordAsync(db, BackupKind.Command, new Backups.Made(true, target, new FileInfo(target).Length, manifest.AuditHeadSeq, "命令行备份成功"), CancellationToken.None);
            }
            Console.WriteLine($"备份完成：{target}");
            Console.WriteLine($"  数据库 {manifest.Provider}，迁移 {manifest.LastMigration}，{manifest.RowCounts.Values.Sum():N0} 行，{manifest.Parts.Count} 个部分");
            Console.WriteLine($"  审计链头：第 {manifest.AuditHeadSeq} 条 {manifest.AuditHeadHash}");
            return 0;
        }
        catch (BackupException e)
        {
            Console.Error.WriteLine("备份失败：" + e.Message);
            return 1;
        }
    }

    public static async Task<int> RestoreAsync(string[] args)
    {
        var (config, settings, paths) = Read(args, new() { ["--from"] = "From" });
        if (string.IsNullOrWhiteSpace(config["From"]))
        {
            Console.Error.WriteLine("用法：restore --from 文件.zip [--force] [--data-folder 目录]（恢复时须停止服务）");
            return 2;
        }
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            // pg_restore writes into an existing database: an empty one is made when it is missing.
            await using var db = new AppDbContext(DatabaseSetup.Options(settings), CurrentUser.System());
            var creator = Microsoft.EntityFrameworkCore.Infrastructure.AccessorExtensions.GetService<Microsoft.EntityFrameworkCore.Storage.IRelationalDatabaseCreator>(db);
            if (!await creator.ExistsAsync())
            {
                await creator.CreateAsync();
            }
        }
        await using var alone = await InstanceLock.TryExclusiveAsync(settings, paths.Folder, CancellationToken.None);
        if (alone is null)
        {
            Console.Error.WriteLine("恢复失败：系统正在运行，请先停止服务（systemctl stop fupin）再恢复");
            return 1;
        }
        try
        {
            var manifest = await BackupArchive.RestoreAsync(settings, paths.Folder, Path.GetFullPath(config["From"]!), CommandLine.Has(args, "--force"),
                config["Backup:PgBin"], CancellationToken.None);
            Console.WriteLine($"恢复完成：{manifest.CreatedAt:yyyy-MM-dd HH:mm} UTC 的备份（版本 {manifest.AppVersion}，迁移 {manifest.LastMigration}）");
            Console.WriteLine($"  {manifest.RowCounts.Count} 张表的行数与备份清单一致，共 {manifest.RowCounts.Values.Sum():N0} 行");
            Console.WriteLine($"  审计链头：第 {manifest.AuditHeadSeq} 条 {manifest.AuditHeadHash}");
            return 0;
        }
        catch (BackupException e)
        {
            Console.Error.WriteLine("恢复失败：" + e.Message);
            return 1;
        }
    }

    public static async Task<int> MigrateAsync(string[] args)
    {
        var (config, settings, paths) = Read(args, new() { ["--to"] = "To" });
        await using var db = new AppDbContext(DatabaseSetup.Options(settings), CurrentUser.System());
        if (CommandLine.Has(args, "--script"))
        {
            var sql = await Upgrade.ScriptAsync(db, CancellationToken.None);
            if (config["To"] is { Length: > 0 } to)
            {
                await File.WriteAllTextAsync(to, sql);
                Console.WriteLine($"迁移脚本已写入 {Path.GetFullPath(to)}");
            }
            else
            {
                Console.Write(sql);
            }
            return 0;
        }
        using var logs = LoggerFactory.Create(b => b.AddSimpleConsole());
        var backups = new Backups(config, settings, paths, TimeProvider.System, logs.CreateLogger<Backups>());
        try
        {
            await using var held = await Upgrade.RunAsync(db, settings, paths, backups, logs.CreateLogger(typeof(Upgrade)), CancellationToken.None);
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine("升级失败：" + e.Message);
            return 1;
        }
        Console.WriteLine("数据库已是最新版本。");
        return 0;
    }

    private static (IConfiguration Config, DatabaseSetup.Settings Settings, DatabaseSetup.DataPaths Paths) Read(string[] args, Dictionary<string, string> switches)
    {
        var config = CommandLine.Configuration(args, switches);
        return (config, DatabaseSetup.Read(config, CommandLine.ContentRoot), new DatabaseSetup.DataPaths(DatabaseSetup.DataFolder(config, CommandLine.ContentRoot)));
    }
}
