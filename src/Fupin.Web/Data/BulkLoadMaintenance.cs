using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Fupin.Web.Data;

/// <summary>
/// The housekeeping a large committed load leaves, done after it on a connection of its own: the planner's
/// statistics for the loaded tables, on PostgreSQL the loaded rows checked against the foreign keys the load
/// added back unvalidated, and on SQLite the WAL folded into the database file. The load is durable
/// and visible at its commit; this is what PostgreSQL's checkpointer and autovacuum would do in the background
/// anyway, started at once instead of within the minute. Charged to the import it took 0.8 s (PostgreSQL's
/// ANALYZE) and 1.4 s (copying and syncing a gigabyte of SQLite WAL, otherwise done inside whichever request
/// commits next). The import queue waits for it before recomputing lights over the new households and
/// before its next job.
/// </summary>
public static class BulkLoadMaintenance
{
    private static readonly ConcurrentDictionary<Task, byte> Running = new();

    /// <summary>
    /// Statistics for <paramref name="tables"/> (sampled on SQLite: a full scan per index is slower than the
    /// load's other steps), then on SQLite a passive checkpoint, which never blocks other writers, and a
    /// truncating one for what is left.
    /// </summary>
    public static void Start(DbConnection loaded, IReadOnlyList<string> tables, ILogger log)
    {
        var quoted = tables.Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"").ToList();
        // The connection is made here, not on the pool thread: the loaded one may be disposed by then.
        DbConnection connection;
        string sql;
        if (loaded is SqliteConnection sqlite)
        {
            // Not from the pool: the pragmas below stay with this connection and go with it.
            connection = new SqliteConnection(new SqliteConnectionStringBuilder(sqlite.ConnectionString) { Pooling = false }.ToString());
            sql = "PRAGMA busy_timeout=30000; PRAGMA mmap_size=0; PRAGMA analysis_limit=1000; " + string.Concat(quoted.Select(t => $"ANALYZE {t}; ")) +
                  "PRAGMA wal_checkpoint(PASSIVE); PRAGMA wal_checkpoint(TRUNCATE);";
        }
        else
        {
            // A clone keeps the password, which an opened connection's string no longer shows.
            connection = (DbConnection)((ICloneable)(NpgsqlConnection)loaded).Clone();
            sql = "ANALYZE " + string.Join(", ", quoted) + "; " + ValidateForeignKeysSql;
        }
        var task = Task.Run(() => Run(connection, sql, log));
        Running[task] = 0;
        _ = task.ContinueWith(t => Running.TryRemove(t, out _), TaskScheduler.Default);
    }

    /// <summary>
    /// PostgreSQL: validates every foreign key of the schema a bulk load added back as NOT VALID (see
    /// <see cref="BulkWriter.DropIndexesAsync"/>). VALIDATE CONSTRAINT reads the rows under a lock that lets
    /// others read and write meanwhile. Also run at start-up (<see cref="DatabaseSetup.MigrateAsync"/>), for a
    /// load whose housekeeping a stop interrupted; with nothing to validate it is one catalogue query.
    /// </summary>
    internal const string ValidateForeignKeysSql =
        "DO $$ DECLARE k record; BEGIN " +
        "FOR k IN SELECT c.relname, f.conname FROM pg_constraint f JOIN pg_class c ON c.oid = f.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace " +
        "WHERE f.contype = 'f' AND NOT f.convalidated AND n.nspname = current_schema() LOOP " +
        "EXECUTE format('ALTER TABLE %I VALIDATE CONSTRAINT %I', k.relname, k.conname); END LOOP; END $$;";

    /// <summary>Rows of a bulk load that break a foreign key <see cref="ValidateForeignKeysSql"/> checked: an error in the log, not a failure.</summary>
    internal static void LogBrokenKey(ILogger log, PostgresException e) =>
        log.LogError(e, "Rows loaded in bulk break foreign key {Constraint} of {Table}", e.ConstraintName, e.TableName);

    /// <summary>Until every started step has finished.</summary>
    public static Task WaitAsync() => Task.WhenAll(Running.Keys);

    private static async Task Run(DbConnection owned, string sql, ILogger log)
    {
        await using var connection = owned;
        try
        {
            await connection.OpenAsync();
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = sql;
            cmd.CommandTimeout = 600;
            await cmd.ExecuteNonQueryAsync();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            // The import checks every key itself; this is the database's second look, after the commit.
            LogBrokenKey(log, e);
        }
        catch (Exception e)
        {
            // The data is committed either way: autovacuum, or SQLite's next automatic checkpoint, does what this could not.
            log.LogWarning(e, "Housekeeping after a bulk load did not finish");
        }
    }
}
