namespace Fupin.Web.Features.Import;

/// <summary>Problems by row number, each message once per row, with repeated messages sharing one string.</summary>
internal sealed class RowErrors
{
    private readonly Dictionary<int, List<string>> _rows = [];
    private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);

    public int Count => _rows.Count;

    public void Add(int row, string message)
    {
        // The same message on many rows is one string.
        if (!_pool.TryGetValue(message, out var pooled))
        {
            _pool[message] = pooled = message;
        }
        if (!_rows.TryGetValue(row, out var list))
        {
            _rows[row] = list = new List<string>(1);
        }
        if (!list.Contains(pooled))
        {
            list.Add(pooled);
        }
    }

    public IReadOnlyDictionary<int, string> Joined() => _rows.ToDictionary(r => r.Key, r => string.Join("；", r.Value));
}
