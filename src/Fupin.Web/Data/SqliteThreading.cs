using SQLitePCL;

namespace Fupin.Web.Data;

/// <summary>
/// SQLite's process-wide settings, made before its first connection opens: multi-thread mode (no mutex on each
/// call; a connection, like every ADO.NET connection, is used by one thread at a time) and no memory statistics
/// (a global mutex on each allocation). The bundled library defaults to serialized mode, which locks the
/// connection's mutex on every call: two locks per bound value on a bulk insert.
/// </summary>
internal static class SqliteThreading
{
    private const int ConfigMemStatus = 9;
    private static int _done;

    /// <summary>The result: SQLITE_OK, or SQLITE_MISUSE when SQLite had already started (the settings then stay as they were).</summary>
    public static int Result { get; private set; } = -1;

    public static void Configure()
    {
        if (Interlocked.Exchange(ref _done, 1) == 1)
        {
            return;
        }
        Batteries_V2.Init();
        var rc = raw.sqlite3_config(raw.SQLITE_CONFIG_MULTITHREAD);
        if (rc == raw.SQLITE_OK)
        {
            rc = raw.sqlite3_config(ConfigMemStatus, 0);
        }
        Result = rc;
    }
}
