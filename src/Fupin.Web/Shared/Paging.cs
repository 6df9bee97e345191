namespace Fupin.Web.Shared;

/// <summary>One page of a list and the total number of matching rows.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total);

public static class Paging
{
    public const int MaxPageSize = 200;

    public static (int Skip, int Take) Window(int page, int pageSize)
    {
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        // A page past int's range of rows is simply past the end, not an overflow.
        var p = Math.Clamp(page, 1, int.MaxValue / size);
        return ((p - 1) * size, size);
    }
}
