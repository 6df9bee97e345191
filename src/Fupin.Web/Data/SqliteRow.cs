using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using SQLitePCL;

namespace Fupin.Web.Data;

/// <summary>
/// Binds one row's values to a prepared SQLite statement, typed and in the forms EF stores them (as
/// <see cref="SqliteNative.Bind"/> does for a boxed value): a Guid as upper-case text formatted in place, a
/// timestamp's text kept while the column repeats the same instant (a load stamps every row alike).
/// <see cref="Column"/> says where the next value goes; a failed bind throws with SQLite's message.
/// <para>
/// Text is encoded into one pinned buffer per row and bound where it lies (SQLITE_STATIC): SQLite reads it
/// when the row is stepped, instead of allocating, copying and freeing each value at its bind (twenty text
/// values a member row). The buffer is rewritten only after the owner has stepped the row
/// (<see cref="StartRow"/>). Values go through <see cref="SqliteDirect"/> with the statement's raw pointer;
/// the owner keeps the statement's handle alive while this is used.
/// </para>
/// </summary>
internal sealed unsafe class SqliteRow(sqlite3 connection, sqlite3_stmt statement, int columns)
{
    private readonly nint _statement = statement.DangerousGetHandle();

    private const string TimestampFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    /// <summary>The current row's text, pinned (the pinned object heap never moves it).</summary>
    private byte[] _bytes = GC.AllocateUninitializedArray<byte>(16 * 1024, pinned: true);

    /// <summary>Buffers outgrown during the current row: still bound until it is stepped.</summary>
    private readonly List<byte[]> _outgrown = [];

    private int _used;
    private readonly DateTime[] _lastInstant = new DateTime[columns + 1];
    private readonly byte[]?[] _lastInstantText = new byte[columns + 1][];

    /// <summary>1-based parameter index of the value bound next.</summary>
    public int Column { get; set; }

    /// <summary>A new row: the previous one has been stepped, so its text is no longer read.</summary>
    public void StartRow()
    {
        _used = 0;
        _outgrown.Clear();
    }

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
        var room = Room(Encoding.UTF8.GetMaxByteCount(value.Length));
        Bind(Encoding.UTF8.GetBytes(value, room));
    }

    /// <summary>At least <paramref name="bytes"/> of the row's buffer, where the next value is written.</summary>
    private Span<byte> Room(int bytes)
    {
        if (_used + bytes > _bytes.Length)
        {
            _outgrown.Add(_bytes);
            _bytes = GC.AllocateUninitializedArray<byte>(Math.Max(bytes, _bytes.Length * 2), pinned: true);
            _used = 0;
        }
        return _bytes.AsSpan(_used);
    }

    /// <summary>Binds the <paramref name="length"/> bytes just written at the buffer's free end.</summary>
    private void Bind(int length)
    {
        var start = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_bytes)) + _used;
        _used += length;
        Check(SqliteDirect.BindStaticText(_statement, Column, start, length));
    }

    public void Guid(Guid value)
    {
        var text = Room(36)[..36];
        value.TryFormat(text, out _, "D");
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] >= (byte)'a')
            {
                text[i] -= 'a' - 'A';
            }
        }
        Bind(36);
    }

    public void Date(DateOnly value)
    {
        value.TryFormat(Room(10), out var n, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Bind(n);
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
        text.CopyTo(Room(text.Length));
        Bind(text.Length);
    }

    public void Decimal(decimal value)
    {
        value.TryFormat(Room(64), out var n, default, CultureInfo.InvariantCulture);
        Bind(n);
    }

    public void Blob(byte[] value) => Check(raw.sqlite3_bind_blob(statement, Column, value));
}

/// <summary>An enum's names, made once: what EF's enum-to-string conversion stores, without a new string per value.</summary>
internal static class EnumNames<TEnum> where TEnum : struct, Enum
{
    private static readonly Dictionary<TEnum, string> Names = Enum.GetValues<TEnum>().Distinct().ToDictionary(v => v, v => v.ToString());

    public static string Of(TEnum value) => Names.TryGetValue(value, out var name) ? name : value.ToString();
}
