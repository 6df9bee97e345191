namespace Fupin.Web.Features.Import;

/// <summary>
/// The ID numbers of an import file: for each, the row it is first on and the index of the household it is
/// in. A resident ID (17 digits and a check character) is kept packed into one 64-bit number, so a million of
/// them are held without a string each and without references the garbage collector has to follow; anything
/// else is kept by its text.
/// </summary>
internal sealed class FileIds(int capacity = 0)
{
    private readonly Dictionary<long, (int Line, int Household)> _packed = new(capacity);
    private readonly Dictionary<string, (int Line, int Household)> _other = new(StringComparer.Ordinal);

    /// <summary>Adds an ID number; false, with the row it was first on, when the file has it already.</summary>
    public bool TryAdd(string id, int line, int household, out int firstLine)
    {
        var added = TryPack(id.AsSpan(), out var key) ? _packed.TryAdd(key, (line, household)) : _other.TryAdd(id, (line, household));
        firstLine = added ? line : (TryGet(id.AsSpan(), out var first) ? first.Line : 0);
        return added;
    }

    public bool TryGet(ReadOnlySpan<char> id, out (int Line, int Household) first) =>
        TryPack(id, out var key) ? _packed.TryGetValue(key, out first) : _other.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(id, out first);

    /// <summary>The same, for an ID number read as UTF-8 (a native row), without making a string of it.</summary>
    public bool TryGet(ReadOnlySpan<byte> utf8, out (int Line, int Household) first)
    {
        if (TryPack(utf8, out var key))
        {
            return _packed.TryGetValue(key, out first);
        }
        Span<char> chars = stackalloc char[64];
        if (_other.Count > 0 && System.Text.Encoding.UTF8.TryGetChars(utf8, chars, out var n))
        {
            return _other.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(chars[..n], out first);
        }
        first = default;
        return false;
    }

    public void Clear()
    {
        _packed.Clear();
        _packed.TrimExcess();
        _other.Clear();
        _other.TrimExcess();
    }

    /// <summary>17 digits then a digit or an upper-case X: 17 decimal digits times 11 check values fit in 61 bits.</summary>
    internal static bool TryPack<T>(ReadOnlySpan<T> id, out long key) where T : unmanaged, IEquatable<T>
    {
        key = 0;
        if (id.Length != 18)
        {
            return false;
        }
        for (var i = 0; i < 18; i++)
        {
            var c = typeof(T) == typeof(char) ? (int)(char)(object)id[i] : (byte)(object)id[i];
            int digit;
            if (c is >= '0' and <= '9')
            {
                digit = c - '0';
            }
            else if (i == 17 && c == 'X')
            {
                digit = 10;
            }
            else
            {
                return false;
            }
            key = key * (i == 17 ? 11 : 10) + digit;
        }
        return true;
    }
}
