using System.Runtime.InteropServices;

namespace Fupin.Web.Data;

/// <summary>
/// The few SQLite calls a bulk insert makes per value, straight into the bundled e_sqlite3 library with the
/// statement's raw pointer. SQLitePCL's wrappers take the statement as a SafeHandle (a reference count taken
/// and released per call) through an interface; on a county's first load that was 37 million binds and about
/// 0.6 s of the writer's thread (profiled). The binds also skip the runtime's GC transition: each only
/// records a value in the statement, never blocks on I/O. The caller keeps the statement's SafeHandle alive.
/// </summary>
internal static unsafe partial class SqliteDirect
{
    private const string Library = "e_sqlite3";

    /// <summary>A non-null pointer for an empty text: a null one would bind NULL, not ''.</summary>
    private static readonly byte* Empty = (byte*)NativeMemory.AllocZeroed(1);

    /// <summary>
    /// Binds text that stays where it is until the statement is stepped (SQLITE_STATIC: SQLite neither copies
    /// nor frees it). An empty text is bound as '' (a null pointer would bind NULL).
    /// </summary>
    public static int BindStaticText(nint statement, int index, byte* utf8, int length) =>
        sqlite3_bind_text(statement, index, length == 0 ? Empty : utf8, length, 0);

    public static int BindInt64(nint statement, int index, long value) => sqlite3_bind_int64(statement, index, value);

    public static int BindDouble(nint statement, int index, double value) => sqlite3_bind_double(statement, index, value);

    public static int BindNull(nint statement, int index) => sqlite3_bind_null(statement, index);

    /// <summary>Runs the statement (with the GC transition: a step may wait for the disk).</summary>
    public static int Step(nint statement) => sqlite3_step(statement);

    public static int Reset(nint statement) => sqlite3_reset(statement);

    [LibraryImport(Library), SuppressGCTransition]
    private static partial int sqlite3_bind_text(nint statement, int index, byte* text, int length, nint destructor);

    [LibraryImport(Library), SuppressGCTransition]
    private static partial int sqlite3_bind_int64(nint statement, int index, long value);

    [LibraryImport(Library), SuppressGCTransition]
    private static partial int sqlite3_bind_double(nint statement, int index, double value);

    [LibraryImport(Library), SuppressGCTransition]
    private static partial int sqlite3_bind_null(nint statement, int index);

    [LibraryImport(Library)]
    private static partial int sqlite3_step(nint statement);

    [LibraryImport(Library)]
    private static partial int sqlite3_reset(nint statement);
}
