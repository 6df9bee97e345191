using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Fupin.Web.Data;

/// <summary>
/// The housekeeping a large committed load leaves, done after it on a connection of its own: on PostgreSQL the
/// lookup indexes the load left for after its commit, then the planner's statistics for the loaded tables, on
/// PostgreSQL the loaded rows checked against the foreign keys the load added back unvalidated, and on SQLite
/// the WAL folded into the database file. The load is durable and visible at its commit; statistics and the
/// checkpoint are what PostgreSQL's autovacuum and SQLite's next commit would do anyway, started at once.
/// Charged to the import they took 0.8 s (PostgreSQL's ANALYZE) and 1.4 s (copying and syncing a gigabyte of
/// SQLite WAL, otherwise done inside whichever request commits next); the lookup indexes take the server
/// 4.6 s after a county's first load, and inside the load they kept its tables locked even against reads.
/// The import queue waits for all of it before recomputing lights over the new households and before its
/// next job.
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
    /// PostgreSQL: builds the indexes bulk loads left for after their commit (<see cref="DeferredIndex"/>), one
    /// transaction each: the row is taken out and the index built together, so a stop midway leaves the row for
    /// the next try, and two callers never build the same one. A plain CREATE INDEX lets others read the table
    /// meanwhile (writes wait a fraction of a second per index); it is faster than a concurrent build, which
    /// scans the table twice and waits for every open transaction. An index that cannot be built stays listed
    /// and is logged. Also run at start-up, before the migrations.
    /// </summary>
    internal static async Task BuildDeferredIndexesAsync(DbConnection connection, ILogger log, CancellationToken ct = default)
    {
        var names = new List<string>();
        await using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT \"Name\" FROM \"DeferredIndexes\" ORDER BY \"CreatedAt\", \"Name\"";
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                names.Add(reader.GetString(0));
            }
        }
        foreach (var name in names)
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            try
            {
                await using var take = connection.CreateCommand();
                take.Transaction = tx;
                take.CommandText = "DELETE FROM \"DeferredIndexes\" WHERE \"Name\" = @name RETURNING \"Definition\"";
                var p = take.CreateParameter();
                p.ParameterName = "name";
                p.Value = name;
                take.Parameters.Add(p);
                if (await take.ExecuteScalarAsync(ct) is not string definition)
                {
                    continue; // built by another caller meanwhile
                }
                await using var build = connection.CreateCommand();
                build.Transaction = tx;
                build.CommandTimeout = 600;
                // The catalogue's own definition; IF NOT EXISTS for an index a migration or a person made meanwhile.
                build.CommandText = definition.StartsWith("CREATE INDEX ", StringComparison.Ordinal)
                    ? "CREATE INDEX IF NOT EXISTS " + definition["CREATE INDEX ".Length..]
                    : definition;
                await build.ExecuteNonQueryAsync(ct);
                await tx.CommitAsync(ct);
            }
            catch (DbException e)
            {
                await tx.RollbackAsync(CancellationToken.None);
                log.LogWarning(e, "Index {Index} left by a bulk load was not built; it is tried again at the next start", name);
            }
        }
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
            if (connection is NpgsqlConnection)
            {
                await BuildDeferredIndexesAsync(connection, log);
            }
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
            // The data is committed either way: autovacuum, or SQLite's next automatic checkpoint, does what this
            // could not, and an index left unbuilt is built at the next start.
            log.LogWarning(e, "Housekeeping after a bulk load did not finish");
        }
    }
}
