using Fupin.Web.Data;
using Npgsql;

namespace Fupin.Web.Features.Operations;

/// <summary>
/// Who is using the database. Every running instance holds a shared lock for its lifetime; an instance that has
/// migrations to apply needs the lock alone, so it does not change a schema another instance is working on
/// (it refuses to start instead, saying so). PostgreSQL: a session advisory lock of this database, on a connection
/// of its own. SQLite: a lock on a file beside the database.
/// </summary>
public sealed class InstanceLock : IAsyncDisposable
{
    public const string FileName = "instance.lock";

    /// <summary>The advisory lock's key: "FUPIN" in ASCII, then 1.</summary>
    private const long Key = 0x4655_5049_4E00_0001;

    private readonly NpgsqlConnection? _connection;
    private readonly FileStream? _file;
    private readonly bool _exclusive;

    private InstanceLock(NpgsqlConnection? connection, FileStream? file, bool exclusive) => (_connection, _file, _exclusive) = (connection, file, exclusive);

    /// <summary>The lock alone, or null when another instance holds it (running, or migrating).</summary>
    public static Task<InstanceLock?> TryExclusiveAsync(DatabaseSetup.Settings settings, string dataFolder, CancellationToken ct) =>
        TryAsync(settings, dataFolder, exclusive: true, ct);

    /// <summary>A share of the lock, waiting up to <paramref name="wait"/> for an instance that is migrating; null when it does not finish.</summary>
    public static async Task<InstanceLock?> SharedAsync(DatabaseSetup.Settings settings, string dataFolder, TimeSpan wait, CancellationToken ct)
    {
        // Tries every half second for the time given (counted in tries: the wait is the process's, not the county's clock).
        for (var tries = (int)(wait.TotalMilliseconds / 500); ; tries--)
        {
            if (await TryAsync(settings, dataFolder, exclusive: false, ct) is { } held)
            {
                return held;
            }
            if (tries <= 0)
            {
                return null;
            }
            await Task.Delay(500, ct);
        }
    }

    private static async Task<InstanceLock?> TryAsync(DatabaseSetup.Settings settings, string dataFolder, bool exclusive, CancellationToken ct)
    {
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            // A connection of its own, never pooled: closing it is what releases the lock.
            var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(settings.ConnectionString) { Pooling = false }.ToString());
            await connection.OpenAsync(ct);
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = exclusive ? $"SELECT pg_try_advisory_lock({Key})" : $"SELECT pg_try_advisory_lock_shared({Key})";
            if ((bool)(await cmd.ExecuteScalarAsync(ct))!)
            {
                return new InstanceLock(connection, null, exclusive);
            }
            await connection.DisposeAsync();
            return null;
        }
        Directory.CreateDirectory(dataFolder);
        try
        {
            // .NET takes flock(LOCK_EX) for FileShare.None and flock(LOCK_SH) for a read-only handle that shares.
            var file = exclusive
                ? new FileStream(Path.Combine(dataFolder, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None)
                : new FileStream(Path.Combine(dataFolder, FileName), FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite);
            return new InstanceLock(null, file, exclusive);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public bool Exclusive => _exclusive;

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
        if (_file is not null)
        {
            await _file.DisposeAsync();
        }
    }
}
