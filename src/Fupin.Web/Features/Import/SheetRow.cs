namespace Fupin.Web.Features.Import;

/// <summary>
/// One row of a sheet: its cells' characters in one buffer reused from row to row, so reading a million-row
/// file makes no string per cell (a county's registry file has 31 columns). A cell is read as a span and
/// made a string only where one is kept. Missing cells (past the row's end, or an .xlsx cell left out) read
/// as empty spans and as null strings.
/// </summary>
public sealed class SheetRow
{
    private char[] _chars = new char[1024];
    private int _used;
    private int _cellStart;
    private int[] _starts = new int[48];

    /// <summary>A cell's length, or -1 for a cell the sheet left out (null).</summary>
    private int[] _lengths = new int[48];

    /// <summary>How many cells the row has (the last one a sheet gives, empty or not).</summary>
    public int Count { get; private set; }

    /// <summary>The cell's characters; empty for a missing cell.</summary>
    public ReadOnlySpan<char> this[int index] => index < Count && _lengths[index] > 0 ? _chars.AsSpan(_starts[index], _lengths[index]) : default;

    /// <summary>The cell as a string; null for a missing cell.</summary>
    public string? Text(int index) => index < Count && _lengths[index] >= 0 ? new string(this[index]) : null;

    /// <summary>Whether every cell is empty or white space (a blank line).</summary>
    public bool IsBlank
    {
        get
        {
            for (var i = 0; i < Count; i++)
            {
                if (!this[i].IsWhiteSpace())
                {
                    return false;
                }
            }
            return true;
        }
    }

    public string?[] ToArray()
    {
        var cells = new string?[Count];
        for (var i = 0; i < Count; i++)
        {
            cells[i] = Text(i);
        }
        return cells;
    }

    /// <summary>The row as <paramref name="cells"/> give it.</summary>
    public void Load(IReadOnlyList<string?> cells)
    {
        Clear();
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i] is { } text)
            {
                Set(i, text);
            }
            else
            {
                SetNull(i);
            }
        }
    }

    internal void Clear()
    {
        _used = 0;
        _cellStart = 0;
        Count = 0;
    }

    /// <summary>Whether the cell being read has no characters yet.</summary>
    internal bool CellIsEmpty => _used == _cellStart;

    /// <summary>Characters of the cell being read.</summary>
    internal void Append(ReadOnlySpan<char> text)
    {
        Reserve(text.Length);
        text.CopyTo(_chars.AsSpan(_used));
        _used += text.Length;
    }

    internal void Append(char c)
    {
        Reserve(1);
        _chars[_used++] = c;
    }

    /// <summary>Ends the cell being read: it becomes the next cell of the row.</summary>
    internal void EndCell()
    {
        Slot(Count);
        _starts[Count] = _cellStart;
        _lengths[Count] = _used - _cellStart;
        Count++;
        _cellStart = _used;
    }

    /// <summary>Cell <paramref name="index"/> (cells before it that were not given are missing).</summary>
    internal void Set(int index, ReadOnlySpan<char> text)
    {
        Append(text);
        Place(index, _used - _cellStart);
    }

    internal void Set(int index, System.Text.StringBuilder text)
    {
        foreach (var chunk in text.GetChunks())
        {
            Append(chunk.Span);
        }
        Place(index, _used - _cellStart);
    }

    internal void SetNull(int index) => Place(index, -1);

    private void Place(int index, int length)
    {
        Slot(index);
        while (Count < index)
        {
            _lengths[Count++] = -1;
        }
        _starts[index] = _cellStart;
        _lengths[index] = length;
        Count = Math.Max(Count, index + 1);
        _cellStart = _used;
    }

    private void Slot(int index)
    {
        if (index >= _starts.Length)
        {
            var size = Math.Max(index + 1, _starts.Length * 2);
            Array.Resize(ref _starts, size);
            Array.Resize(ref _lengths, size);
        }
    }

    private void Reserve(int more)
    {
        if (_used + more > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_used + more, _chars.Length * 2));
        }
    }
}
