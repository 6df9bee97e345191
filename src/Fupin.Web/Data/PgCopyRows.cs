using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Fupin.Web.Data;

/// <summary>
/// Writes rows in PostgreSQL's binary COPY format (the file format of <c>COPY … FROM STDIN (FORMAT BINARY)</c>)
/// into a buffer that is flushed to a raw COPY stream. Npgsql's importer spends 0.4–0.6 µs on every value
/// (type resolution and its per-value bookkeeping), which on 30-column rows made the client the bottleneck of
/// a million-row load; here a value costs a few bytes of encoding. Only the types the model uses are written:
/// uuid, text/varchar, integer, bigint, smallint, boolean, date, timestamptz, numeric and double precision.
/// </summary>
public sealed class PgCopyRows(Stream destination) : IDisposable
{
    private static readonly long Epoch = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
    private static readonly int EpochDay = new DateOnly(2000, 1, 1).DayNumber;

    private byte[] _buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 18);
    private int _at;

    /// <summary>How a column's values are written, by the column's store type ("character varying(12)" → "character varying").</summary>
    public static Action<PgCopyRows, object> WriterFor(string storeType, string column) => storeType switch
    {
        "uuid" => static (w, v) => w.Uuid((Guid)v),
        "text" or "character varying" or "character" => static (w, v) => w.Text(v as string ?? Convert.ToString(v, CultureInfo.InvariantCulture)!),
        "integer" => static (w, v) => w.Int32(Convert.ToInt32(v, CultureInfo.InvariantCulture)),
        "bigint" => static (w, v) => w.Int64(Convert.ToInt64(v, CultureInfo.InvariantCulture)),
        "smallint" => static (w, v) => w.Int16(Convert.ToInt16(v, CultureInfo.InvariantCulture)),
        "boolean" => static (w, v) => w.Bool((bool)v),
        "date" => static (w, v) => w.Date((DateOnly)v),
        "timestamp with time zone" => static (w, v) => w.Timestamp(v is DateTimeOffset o ? o.UtcDateTime : (DateTime)v),
        "numeric" => static (w, v) => w.Numeric(Convert.ToDecimal(v, CultureInfo.InvariantCulture)),
        "double precision" => static (w, v) => w.Double(Convert.ToDouble(v, CultureInfo.InvariantCulture)),
        _ => throw new NotSupportedException($"{column}: the bulk path does not write {storeType}"),
    };

    public void Header()
    {
        var span = Space(19);
        ((ReadOnlySpan<byte>)[(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0]).CopyTo(span);
        BinaryPrimitives.WriteInt32BigEndian(span[11..], 0); // flags
        BinaryPrimitives.WriteInt32BigEndian(span[15..], 0); // header extension
        _at += 19;
    }

    public void StartRow(int columns)
    {
        BinaryPrimitives.WriteInt16BigEndian(Space(2), (short)columns);
        _at += 2;
    }

    public void Null()
    {
        BinaryPrimitives.WriteInt32BigEndian(Space(4), -1);
        _at += 4;
    }

    /// <summary>The end-of-data marker, then everything still buffered.</summary>
    public void Finish()
    {
        BinaryPrimitives.WriteInt16BigEndian(Space(2), -1);
        _at += 2;
        Flush();
    }

    public void Text(string value)
    {
        var span = Space(4 + Encoding.UTF8.GetMaxByteCount(value.Length));
        var n = Encoding.UTF8.GetBytes(value, span[4..]);
        BinaryPrimitives.WriteInt32BigEndian(span, n);
        _at += 4 + n;
    }

    public void Uuid(Guid value)
    {
        var span = Space(20);
        BinaryPrimitives.WriteInt32BigEndian(span, 16);
        value.TryWriteBytes(span[4..], bigEndian: true, out _);
        _at += 20;
    }

    public void Int16(short value)
    {
        var span = Space(6);
        BinaryPrimitives.WriteInt32BigEndian(span, 2);
        BinaryPrimitives.WriteInt16BigEndian(span[4..], value);
        _at += 6;
    }

    public void Int32(int value)
    {
        var span = Space(8);
        BinaryPrimitives.WriteInt32BigEndian(span, 4);
        BinaryPrimitives.WriteInt32BigEndian(span[4..], value);
        _at += 8;
    }

    public void Int64(long value)
    {
        var span = Space(12);
        BinaryPrimitives.WriteInt32BigEndian(span, 8);
        BinaryPrimitives.WriteInt64BigEndian(span[4..], value);
        _at += 12;
    }

    public void Bool(bool value)
    {
        var span = Space(5);
        BinaryPrimitives.WriteInt32BigEndian(span, 1);
        span[4] = value ? (byte)1 : (byte)0;
        _at += 5;
    }

    public void Double(double value)
    {
        var span = Space(12);
        BinaryPrimitives.WriteInt32BigEndian(span, 8);
        BinaryPrimitives.WriteDoubleBigEndian(span[4..], value);
        _at += 12;
    }

    /// <summary>Days since 2000-01-01.</summary>
    public void Date(DateOnly value) => Int32(value.DayNumber - EpochDay);

    /// <summary>Microseconds since 2000-01-01 UTC (a timestamptz is stored in UTC; an unspecified kind is taken as UTC, as stored).</summary>
    public void Timestamp(DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        var span = Space(12);
        BinaryPrimitives.WriteInt32BigEndian(span, 8);
        BinaryPrimitives.WriteInt64BigEndian(span[4..], (utc.Ticks - Epoch) / TimeSpan.TicksPerMicrosecond);
        _at += 12;
    }

    /// <summary>
    /// numeric: digit count, weight (of the first base-10000 digit), sign, display scale, then the base-10000
    /// digits. Built from the decimal's invariant text, so the scale is the decimal's own (12.50 stays 12.50).
    /// </summary>
    public void Numeric(decimal value)
    {
        Span<char> text = stackalloc char[64];
        value.TryFormat(text, out var length, default, CultureInfo.InvariantCulture);
        text = text[..length];
        var negative = text[0] == '-';
        if (negative)
        {
            text = text[1..];
        }
        var dot = text.IndexOf('.');
        var whole = dot < 0 ? text : text[..dot];
        var fraction = dot < 0 ? [] : text[(dot + 1)..];
        whole = whole.TrimStart('0');

        // Base-10000 digits: the whole part grouped from the right, the fraction from the left.
        Span<short> digits = stackalloc short[16];
        var n = 0;
        var lead = whole.Length % 4 == 0 ? 4 : whole.Length % 4;
        for (var i = 0; i < whole.Length; i += i == 0 ? lead : 4)
        {
            var size = i == 0 ? lead : 4;
            digits[n++] = (short)int.Parse(whole.Slice(i, size), CultureInfo.InvariantCulture);
        }
        var weight = n - 1;
        for (var i = 0; i < fraction.Length; i += 4)
        {
            Span<char> group = ['0', '0', '0', '0'];
            fraction.Slice(i, Math.Min(4, fraction.Length - i)).CopyTo(group);
            digits[n++] = (short)int.Parse(group, CultureInfo.InvariantCulture);
        }
        // Leading zero groups move the weight down; trailing ones are dropped (the scale keeps the display).
        var first = 0;
        while (first < n && digits[first] == 0)
        {
            first++;
            weight--;
        }
        while (n > first && digits[n - 1] == 0)
        {
            n--;
        }
        var count = n - first;
        if (count == 0)
        {
            weight = 0;
        }
        var span = Space(4 + 8 + 2 * count);
        BinaryPrimitives.WriteInt32BigEndian(span, 8 + 2 * count);
        BinaryPrimitives.WriteInt16BigEndian(span[4..], (short)count);
        BinaryPrimitives.WriteInt16BigEndian(span[6..], (short)weight);
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], negative && count > 0 ? (ushort)0x4000 : (ushort)0);
        BinaryPrimitives.WriteInt16BigEndian(span[10..], (short)fraction.Length);
        for (var i = 0; i < count; i++)
        {
            BinaryPrimitives.WriteInt16BigEndian(span[(12 + 2 * i)..], digits[first + i]);
        }
        _at += 12 + 2 * count;
    }

    private Span<byte> Space(int bytes)
    {
        if (_at + bytes > _buffer.Length)
        {
            Flush();
            if (bytes > _buffer.Length)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(bytes);
            }
        }
        return _buffer.AsSpan(_at);
    }

    private void Flush()
    {
        if (_at > 0)
        {
            destination.Write(_buffer, 0, _at);
            _at = 0;
        }
    }

    public void Dispose()
    {
        System.Buffers.ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
