using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;

namespace Fupin.Web.Data;

/// <summary>
/// Streams the rows of an EF query on SQLite through the native statement API, for the reads of a million
/// rows (comparison rounds, lights). EF writes the SQL, so the scope filter and every condition are the
/// query's own; the rows are then read as UTF-8 bytes, so a Guid, a date or a coded value is parsed where
/// it lies instead of becoming a string first (Microsoft.Data.Sqlite allocates a string for each, which at a
/// million rows is most of the read). Columns come in the order of the query's projection.
/// On PostgreSQL the callers keep their ordinary EF read.
/// </summary>
public static class NativeRows
{
    public delegate void RowAction(NativeRow row);

    public static async Task ReadAsync<T>(AppDbContext db, IQueryable<T> query, RowAction onRow, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            using var command = query.CreateDbCommand();
            var handle = ((SqliteConnection)db.Database.GetDbConnection()).Handle!;
            Check(handle, raw.sqlite3_prepare_v2(handle, command.CommandText, out var statement));
            try
            {
                foreach (SqliteParameter p in command.Parameters)
                {
                    var i = raw.sqlite3_bind_parameter_index(statement, p.ParameterName.StartsWith('@') || p.ParameterName.StartsWith('$') || p.ParameterName.StartsWith(':')
                        ? p.ParameterName : "@" + p.ParameterName);
                    if (i == 0)
                    {
                        continue;
                    }
                    Check(handle, p.Value switch
                    {
                        null or DBNull => raw.sqlite3_bind_null(statement, i),
                        string s => raw.sqlite3_bind_text(statement, i, s),
                        bool b => raw.sqlite3_bind_int64(statement, i, b ? 1 : 0),
                        int n => raw.sqlite3_bind_int64(statement, i, n),
                        long n => raw.sqlite3_bind_int64(statement, i, n),
                        double d => raw.sqlite3_bind_double(statement, i, d),
                        Guid g => raw.sqlite3_bind_text(statement, i, g.ToString().ToUpperInvariant()),
                        IFormattable f => raw.sqlite3_bind_text(statement, i, f.ToString(null, CultureInfo.InvariantCulture)),
                        var other => raw.sqlite3_bind_text(statement, i, other.ToString()),
                    });
                }
                var row = new NativeRow(statement);
                var rows = 0;
                int rc;
                while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
                {
                    onRow(row);
                    if ((++rows & 0xFFFF) == 0)
                    {
                        ct.ThrowIfCancellationRequested();
                    }
                }
                Check(handle, rc);
            }
            finally
            {
                raw.sqlite3_finalize(statement);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void Check(sqlite3 db, int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
        {
            throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(db));
        }
    }
}

/// <summary>The current row of a native read: values by column, in the projection's order.</summary>
public readonly struct NativeRow(sqlite3_stmt statement)
{
    public bool IsNull(int i) => raw.sqlite3_column_type(statement, i) == raw.SQLITE_NULL;

    /// <summary>The value's text as UTF-8 (a text column's bytes as stored).</summary>
    public ReadOnlySpan<byte> Utf8(int i) => raw.sqlite3_column_blob(statement, i);

    public string String(int i) => Encoding.UTF8.GetString(Utf8(i));

    public string? NullableString(int i) => IsNull(i) ? null : String(i);

    public long Int64(int i) => raw.sqlite3_column_int64(statement, i);

    /// <summary>A Guid as EF stores it on SQLite (text).</summary>
    public Guid Guid(int i)
    {
        var bytes = Utf8(i);
        Span<char> chars = stackalloc char[bytes.Length];
        for (var k = 0; k < bytes.Length; k++)
        {
            chars[k] = (char)bytes[k];
        }
        return System.Guid.Parse(chars);
    }

    /// <summary>A date as EF stores a DateOnly on SQLite (yyyy-MM-dd).</summary>
    public DateOnly Date(int i)
    {
        var b = Utf8(i);
        if (b.Length != 10 || b[4] != '-' || b[7] != '-')
        {
            return DateOnly.ParseExact(Encoding.UTF8.GetString(b), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        static int Digits(ReadOnlySpan<byte> s)
        {
            var v = 0;
            foreach (var c in s)
            {
                v = v * 10 + (c - '0');
            }
            return v;
        }
        return new DateOnly(Digits(b[..4]), Digits(b[5..7]), Digits(b[8..10]));
    }

    public DateOnly? NullableDate(int i) => IsNull(i) ? null : Date(i);

    /// <summary>A decimal as EF stores it on SQLite (text).</summary>
    public decimal? NullableDecimal(int i) => IsNull(i) ? null : decimal.Parse(Utf8(i), NumberStyles.Number, CultureInfo.InvariantCulture);

    /// <summary>An enum stored as its name (ModelConventions.StoreEnumsAsText), looked up without a string.</summary>
    public T Enum<T>(int i) where T : struct, Enum => EnumNames<T>.Of(Utf8(i));

    public T? NullableEnum<T>(int i) where T : struct, Enum => IsNull(i) ? null : EnumNames<T>.Of(Utf8(i));

    public int? NullableInt32(int i) => IsNull(i) ? null : (int)Int64(i);

    /// <summary>A string from a small set of repeated values (codes, regions), one instance per distinct value.</summary>
    public string Shared(int i, Dictionary<string, string> seen)
    {
        var bytes = Utf8(i);
        Span<char> chars = stackalloc char[Encoding.UTF8.GetMaxCharCount(bytes.Length)];
        var n = Encoding.UTF8.GetChars(bytes, chars);
        var lookup = seen.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(chars[..n], out var known))
        {
            return known;
        }
        var s = new string(chars[..n]);
        seen[s] = s;
        return s;
    }

    public string? NullableShared(int i, Dictionary<string, string> seen) => IsNull(i) ? null : Shared(i, seen);

    private static class EnumNames<T> where T : struct, Enum
    {
        private static readonly (byte[] Name, T Value)[] Names = [.. System.Enum.GetValues<T>().Select(v => (Encoding.UTF8.GetBytes(v.ToString()), v))];

        public static T Of(ReadOnlySpan<byte> text)
        {
            foreach (var (name, value) in Names)
            {
                if (text.SequenceEqual(name))
                {
                    return value;
                }
            }
            return System.Enum.Parse<T>(Encoding.UTF8.GetString(text));
        }
    }
}
