using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Fupin.Bench;

/// <summary>
/// The machine's speed today, against the figures issue #4 gives for it: a plain ADO.NET prepared INSERT of
/// 1,000,000 narrow rows into SQLite in one transaction (2.6 s) and PostgreSQL binary COPY of the same rows
/// (1.5 s). The issue does not say how narrow its rows were; these have three columns (an integer key, a
/// ten-character code, an integer). This VM's speed drifts by tens of percent from hour to hour; measured in
/// the same run as the import, these say how fast the machine was while it ran. (The issue's third figure,
/// reading a 1,000,000-row CSV in 0.8 s, depends on how wide the rows are; the import's own file has 31
/// columns, and its reading is part of what the import bench measures.)
/// </summary>
public static class Calibration
{
    public sealed record Reference(string What, double Seconds, double IssueSeconds)
    {
        /// <summary>How fast the machine ran against the issue's figure: above 1 faster, below slower.</summary>
        public double Speed => IssueSeconds / Seconds;
    }

    private const int Rows = 1_000_000;

    public static async Task<List<Reference>> RunAsync(string dir, string? pg)
    {
        var list = new List<Reference> { new("Plain prepared INSERT of 1,000,000 narrow rows, SQLite, one transaction", await SqliteAsync(dir), 2.6) };
        if (pg is not null)
        {
            list.Add(new("Binary COPY of the same rows, PostgreSQL", await PostgresAsync(pg), 1.5));
        }
        return list;
    }

    private static async Task<double> SqliteAsync(string dir)
    {
        var path = Path.Combine(dir, "calibrate.db");
        foreach (var f in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(f);
        }
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using (var setup = connection.CreateCommand())
        {
            setup.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE t (id INTEGER PRIMARY KEY, code TEXT NOT NULL, n INTEGER NOT NULL);";
            await setup.ExecuteNonQueryAsync();
        }
        var watch = Stopwatch.StartNew();
        await using (var tx = connection.BeginTransaction())
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = "INSERT INTO t (id, code, n) VALUES ($id, $code, $n)";
            var id = insert.Parameters.Add("$id", SqliteType.Integer);
            var code = insert.Parameters.Add("$code", SqliteType.Text);
            var n = insert.Parameters.Add("$n", SqliteType.Integer);
            insert.Prepare();
            for (var i = 0; i < Rows; i++)
            {
                id.Value = i;
                code.Value = Code(i);
                n.Value = i % 97;
                insert.ExecuteNonQuery();
            }
            tx.Commit();
        }
        var seconds = watch.Elapsed.TotalSeconds;
        foreach (var f in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(f);
        }
        return seconds;
    }

    private static async Task<double> PostgresAsync(string server)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using (var setup = new NpgsqlCommand("CREATE TEMP TABLE t (id integer PRIMARY KEY, code text NOT NULL, n integer NOT NULL)", connection))
        {
            await setup.ExecuteNonQueryAsync();
        }
        var watch = Stopwatch.StartNew();
        await using (var tx = await connection.BeginTransactionAsync())
        {
            await using (var copy = await connection.BeginBinaryImportAsync("COPY t (id, code, n) FROM STDIN (FORMAT BINARY)"))
            {
                for (var i = 0; i < Rows; i++)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(i, NpgsqlDbType.Integer);
                    await copy.WriteAsync(Code(i), NpgsqlDbType.Text);
                    await copy.WriteAsync(i % 97, NpgsqlDbType.Integer);
                }
                await copy.CompleteAsync();
            }
            await tx.CommitAsync();
        }
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// A fixed piece of ordinary work, timed in milliseconds: a million distinct strings (18-digit numbers) put
    /// into a hash set and sorted, the kind of work an import does per row (hashing, comparing, allocating).
    /// Run by each scenario's process just before its clock starts, it says how fast this VM was at that moment:
    /// its speed drifts by tens of percent from one hour to the next with the other machines on its host (a
    /// loop that stays in the processor's registers keeps its time; branchy code that touches memory does not).
    /// </summary>
    public static double ProbeMilliseconds()
    {
        var numbers = new string[1_000_000];
        var random = new Random(12345);
        for (var i = 0; i < numbers.Length; i++)
        {
            numbers[i] = random.NextInt64(100_000_000_000_000_000, 999_999_999_999_999_999).ToString(CultureInfo.InvariantCulture);
        }
        var watch = Stopwatch.StartNew();
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var n in numbers)
        {
            set.Add(n);
        }
        Array.Sort(numbers, StringComparer.Ordinal);
        return set.Count == 0 ? -1 : watch.Elapsed.TotalMilliseconds;
    }

    private static string Code(int i) => "C" + i.ToString("D9", CultureInfo.InvariantCulture);
}
