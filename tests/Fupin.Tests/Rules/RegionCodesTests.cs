using Fupin.Web.Rules;

namespace Fupin.Tests.Rules;

public sealed class RegionCodesTests
{
    [Theory]
    [InlineData("000000000000", RegionLevel.Nation, "")]
    [InlineData("460000000000", RegionLevel.Province, "46")]
    [InlineData("460100000000", RegionLevel.City, "4601")]
    [InlineData("460105000000", RegionLevel.County, "460105")]
    [InlineData("460105101000", RegionLevel.Township, "460105101")]
    [InlineData("460105101203", RegionLevel.Village, "460105101203")]
    public void Level_and_scope_prefix_follow_the_code_structure(string code, RegionLevel level, string prefix)
    {
        Assert.Equal(level, RegionCodes.LevelOf(code));
        Assert.Equal(prefix, RegionCodes.ScopePrefix(code));
    }

    [Fact]
    public void A_prefix_covers_exactly_its_codes()
    {
        var (low, high) = RegionCodes.Range("460105101");
        Assert.Equal("460105101000", low);
        Assert.Equal("460105101999", high);
        Assert.InRange(string.CompareOrdinal("460105101203", low), 0, int.MaxValue);
        Assert.True(string.CompareOrdinal("460105102201", high) > 0);
    }

    [Theory]
    [InlineData("46010510120", false)]
    [InlineData("4601051012031", false)]
    [InlineData("46010510120a", false)]
    [InlineData("460105101203", true)]
    public void Well_formed_codes_are_twelve_digits(string code, bool ok) => Assert.Equal(ok, RegionCodes.IsWellFormed(code));

    [Fact]
    public void Ancestor_of_a_village_at_township_level() =>
        Assert.Equal("460105101000", RegionCodes.AncestorAt("460105101203", RegionLevel.Township));
}
