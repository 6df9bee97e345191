using System.Globalization;
using System.Text;
using SQLitePCL;

namespace Fupin.Web.Data;

/// <summary>
/// Binds one row's values to a prepared SQLite statement, typed and in the forms EF stores them (as
/// <see cref="SqliteNative.Bind"/> does for a boxed value): text through a reused UTF-8 buffer instead of a
/// new byte array per value, a Guid as upper-case text formatted in place, a timestamp's text kept while the
/// column repeats the same instant (a load stamps every row alike). <see cref="Column"/> says where the next
/// value goes; a failed bind throws with SQLite's message. Values are bound through <see cref="SqliteDirect"/>
/// with the statement's raw pointer; the owner keeps the statement's handle alive while this is used.
/// </summary>
internal sealed class SqliteRow(sqlite3 connection, sqlite3_stmt statement, int columns)
{
    private readonly nint _statement = statement.DangerousGetHandle();

    private const string TimestampFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    private byte[] _utf8 = new byte[256];
    private readonly DateTime[] _lastInstant = new DateTime[columns + 1];
    private readonly byte[]?[] _lastInstantText = new byte[columns + 1][];

    /// <summary>1-based parameter index of the value bound next.</summary>
    public int Column { get; set; }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteNative.Check(connection, rc);
        }
    }

    public void Null() => Check(SqliteDirect.BindNull(_statement, Column));

    public void Int64(long value) => Check(SqliteDirect.BindInt64(_statement, Column, value));

    public void Bool(bool value) => Int64(value ? 1 : 0);

    public void Double(double value) => Check(SqliteDirect.BindDouble(_statement, Column, value));

    public void Text(string value)
    {
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (max > _utf8.Length)
        {
            _utf8 = new byte[Math.Max(max, _utf8.Length * 2)];
        }
        var n = Encoding.UTF8.GetBytes(value, _utf8);
        Utf8(_utf8.AsSpan(0, n));
    }

    /// <summary>Bound with SQLITE_TRANSIENT: SQLite copies the bytes, so the buffer is free again at once.</summary>
    private void Utf8(ReadOnlySpan<byte> text) => Check(SqliteDirect.BindText(_statement, Column, text));

    public void Guid(Guid value)
    {
        Span<byte> text = stackalloc byte[36];
        value.TryFormat(text, out _, "D");
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] >= (byte)'a')
            {
                text[i] -= 'a' - 'A';
            }
        }
        Utf8(text);
    }

    public void Date(DateOnly value)
    {
        Span<byte> text = stackalloc byte[10];
        value.TryFormat(text, out var n, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Utf8(text[..n]);
    }

    public void Timestamp(DateTime value)
    {
        if (_lastInstantText[Column] is not { } text || _lastInstant[Column] != value)
        {
            Span<byte> formatted = stackalloc byte[64];
            value.TryFormat(formatted, out var n, TimestampFormat, CultureInfo.InvariantCulture);
            _lastInstantText[Column] = text = formatted[..n].ToArray();
            _lastInstant[Column] = value;
        }
        Utf8(text);
    }

    public void Decimal(decimal value)
    {
        Span<byte> text = stackalloc byte[64];
        value.TryFormat(text, out var n, default, CultureInfo.InvariantCulture);
        Utf8(text[..n]);
    }

    public void Blob(byte[] value) => Check(raw.sqlite3_bind_blob(statement, Column, value));
}

/// <summary>An enum's names, made once: what EF's enum-to-string conversion stores, without a new string per value.</summary>
internal static class EnumNames<TEnum> where TEnum : struct, Enum
{
    private static readonly Dictionary<TEnum, string> Names = Enum.GetValues<TEnum>().Distinct().ToDictionary(v => v, v => v.ToString());

    public static string Of(TEnum value) => Names.TryGetValue(value, out var name) ? name : value.ToString();
}
