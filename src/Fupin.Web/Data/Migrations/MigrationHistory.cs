using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Data.Migrations;

/// <summary>
/// Before the first release the migrations of each provider were squashed into one initial migration
/// (decision 013). A database made by the old chain already has exactly that schema; when its history ends
/// with the chain's last migration, the history is rewritten to the squashed one, so nothing is applied twice.
/// A database stopped part-way through the old chain cannot be adopted and is refused with a clear message.
/// </summary>
public static class MigrationHistory
{
    /// <summary>The squashed migration each provider's history is rewritten to.</summary>
    public const string SqliteInitial = "20261207222540_Initial";
    public const string PostgresInitial = "20261207222546_Initial";

    /// <summary>The last migration of the old chain (the schema the squashed one reproduces).</summary>
    private const string SqliteChainEnd = "20261207173704_DeferredIndexes";
    private const string PostgresChainEnd = "20261207173722_DeferredIndexes";

    /// <summary>Rewrites the history of a database made by the old chain to the squashed migration (nothing else is applied).</summary>
    public static async Task AdoptSquashedAsync(AppDbContext db, CancellationToken ct)
    {
        if (await AdoptionSqlAsync(db, ct) is { } sql)
        {
            await db.Database.ExecuteSqlRawAsync(sql, ct);
        }
    }

    /// <summary>
    /// The statements that adopt the squashed migration when this database needs them (null when it does not); read
    /// only, so `migrate --script` can hand them to a DBA. Throws for a database stopped part-way through the old chain.
    /// </summary>
    public static async Task<string?> AdoptionSqlAsync(AppDbContext db, CancellationToken ct)
    {
        var sqlite = db.Database.IsSqlite();
        var exists = sqlite
            ? "SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'"
            : "SELECT COUNT(*)::int AS \"Value\" FROM pg_tables WHERE schemaname = current_schema() AND tablename = '__EFMigrationsHistory'";
        if (!await db.Database.CanConnectAsync(ct) || await db.Database.SqlQueryRaw<int>(exists).SingleAsync(ct) == 0)
        {
            return null;
        }
        var applied = await db.Database.SqlQueryRaw<string>("SELECT \"MigrationId\" AS \"Value\" FROM \"__EFMigrationsHistory\"").ToListAsync(ct);
        var initial = sqlite ? SqliteInitial : PostgresInitial;
        if (applied.Count == 0 || applied.Contains(initial) || applied.Any(id => string.CompareOrdinal(id, initial) > 0))
        {
            return null;
        }
        if (!applied.Contains(sqlite ? SqliteChainEnd : PostgresChainEnd))
        {
            throw new InvalidOperationException(
                $"数据库来自未发布的早期开发版本（最后一次迁移 {applied.Max()}），无法直接升级。请用 2026-12-07 的版本启动一次完成升级，或重建数据库后重新导入。");
        }
        var version = typeof(DbContext).Assembly.GetName().Version!.ToString(3);
        return $"DELETE FROM \"__EFMigrationsHistory\";\nINSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('{initial}', '{version}');\n";
    }
}
