using System.Globalization;
using SQLitePCL;

namespace Fupin.Web.Data;

/// <summary>
/// Values bound to SQLite's native statements in the forms EF stores them (a Guid as upper-case text, a date
/// as yyyy-MM-dd, a decimal as invariant text), and the native result codes turned into exceptions. Shared by
/// the bulk writer and the native reads.
/// </summary>
internal static class SqliteNative
{
    public static int Bind(sqlite3_stmt statement, int index, object? value, string what) => value switch
    {
        null or DBNull => raw.sqlite3_bind_null(statement, index),
        string text => raw.sqlite3_bind_text(statement, index, text),
        Guid g => raw.sqlite3_bind_text(statement, index, g.ToString().ToUpperInvariant()),
        int n => raw.sqlite3_bind_int64(statement, index, n),
        long n => raw.sqlite3_bind_int64(statement, index, n),
        short n => raw.sqlite3_bind_int64(statement, index, n),
        byte n => raw.sqlite3_bind_int64(statement, index, n),
        bool b => raw.sqlite3_bind_int64(statement, index, b ? 1 : 0),
        double d => raw.sqlite3_bind_double(statement, index, d),
        float f => raw.sqlite3_bind_double(statement, index, f),
        decimal m => raw.sqlite3_bind_text(statement, index, m.ToString(CultureInfo.InvariantCulture)),
        DateOnly d => raw.sqlite3_bind_text(statement, index, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        DateTime t => raw.sqlite3_bind_text(statement, index, t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)),
        Enum e => raw.sqlite3_bind_int64(statement, index, Convert.ToInt64(e, CultureInfo.InvariantCulture)),
        byte[] bytes => raw.sqlite3_bind_blob(statement, index, bytes),
        _ => throw new NotSupportedException($"{what}: {value.GetType().Name} is not bound by the native path"),
    };

    public static void Check(sqlite3 db, int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
        {
            throw new Microsoft.Data.Sqlite.SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(db));
        }
    }
}
