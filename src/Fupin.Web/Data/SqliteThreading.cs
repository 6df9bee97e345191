using SQLitePCL;

namespace Fupin.Web.Data;

/// <summary>
/// SQLite's process-wide settings, made before its first connection opens: multi-thread mode (no mutex on each
/// call; a connection, like every ADO.NET connection, is used by one thread at a time), no memory statistics
/// (a global mutex on each allocation) and the sorter's smallest run (<see cref="SortRunPages"/>). The bundled
/// library defaults to serialized mode, which locks the connection's mutex on every call: two locks per bound
/// value on a bulk insert.
/// </summary>
internal static class SqliteThreading
{
    private const int ConfigMemStatus = 9;
    private const int ConfigPmaSize = 25;

    /// <summary>
    /// The smallest in-memory run of SQLite's sorter, in pages: 128 pages of 16 KiB are 2 MiB. A sort's runs are
    /// as large as the connection's page cache but at least this; the default, 250 pages, made 4 MiB runs with
    /// 16 KiB pages. A bulk load builds its indexes with a 2 MiB cache, so that the sorter's worker thread sorts
    /// one run while the table scan fills the next: a county's eleven index builds took 3.4–4.4 s with 2 MiB
    /// runs, 4.1–4.9 s with 4 MiB and 5.3–6.0 s with 8 MiB (three runs each, side by side). Connections with
    /// the usual 32 MiB cache sort as before.
    /// </summary>
    private const int SortRunPages = 128;
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
        if (rc == raw.SQLITE_OK)
        {
            rc = raw.sqlite3_config(ConfigPmaSize, SortRunPages);
        }
        Result = rc;
    }
}
