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
            SqliteNative.Check(handle, raw.sqlite3_prepare_v2(handle, command.CommandText, out var statement));
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
                    SqliteNative.Check(handle, SqliteNative.Bind(statement, i, p.Value, p.ParameterName));
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
                SqliteNative.Check(handle, rc);
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

    /// <summary>Looks a text value up in a string-keyed dictionary without making a string of it (values up to 256 characters).</summary>
    public bool TryFind<TValue>(int i, Dictionary<string, TValue>.AlternateLookup<ReadOnlySpan<char>> lookup, out TValue value)
    {
        Span<char> chars = stackalloc char[256];
        if (Encoding.UTF8.TryGetChars(Utf8(i), chars, out var n) && lookup.TryGetValue(chars[..n], out value!))
        {
            return true;
        }
        value = default!;
        return false;
    }

    /// <summary>Whether a text value says the same as a string, without making a string of it.</summary>
    public bool TextIs(int i, string s)
    {
        Span<char> chars = stackalloc char[256];
        return Encoding.UTF8.TryGetChars(Utf8(i), chars, out var n) && chars[..n].SequenceEqual(s);
    }

    /// <summary>A string from a small set of repeated values (codes, regions), one instance per distinct value.</summary>
    public string Shared(int i, Dictionary<string, string> seen)
    {
        if (TryFind(i, seen.GetAlternateLookup<ReadOnlySpan<char>>(), out var known))
        {
            return known;
        }
        var s = String(i);
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
