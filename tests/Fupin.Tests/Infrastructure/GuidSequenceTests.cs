using Fupin.Web.Shared;

namespace Fupin.Tests.Infrastructure;

public sealed class GuidSequenceTests
{
    [Fact]
    public void Ids_are_version_7_unique_ascending_as_stored_text_and_apart_between_sequences()
    {
        var first = new GuidSequence();
        var ids = Enumerable.Range(0, 100_000).Select(_ => first.Next()).ToList();
        Assert.All(ids, id => Assert.Equal(7, id.Version));
        Assert.All(ids, id => Assert.Equal(0b10, id.Variant >> 2));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        // SQLite stores a Guid as upper-case text, PostgreSQL as a uuid compared byte by byte: both ascend.
        var text = ids.Select(id => id.ToString().ToUpperInvariant()).ToList();
        Assert.Equal(text.Order(StringComparer.Ordinal), text);
        Assert.Equal(ids.Order(), ids.OrderBy(id => id.ToString(), StringComparer.Ordinal));

        var second = new GuidSequence();
        Assert.Empty(Enumerable.Range(0, 100_000).Select(_ => second.Next()).Intersect(ids));
    }
}
