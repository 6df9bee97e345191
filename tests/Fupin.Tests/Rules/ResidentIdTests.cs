using Fupin.Web.Rules;

namespace Fupin.Tests.Rules;

public sealed class ResidentIdTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    // GB 11643-1999's own examples, and numbers built the way the demo county builds them.
    [Theory]
    [InlineData("11010519491231002X", "110105", "1949-12-31", Sex.Female)]
    [InlineData("440524188001010014", "440524", "1880-01-01", Sex.Male)]
    [InlineData("110105194912310029", null, null, null)]
    [InlineData("460105199003071239", "460105", "1990-03-07", Sex.Male)]
    public void Parses_valid_numbers_and_reads_birth_date_and_sex(string id, string? address, string? birth, Sex? sex)
    {
        var expectedValid = address is not null;
        var info = ResidentId.TryParse(id, Today, out var error);
        if (!expectedValid)
        {
            Assert.Null(info);
            Assert.Contains("校验位", error);
            return;
        }
        Assert.NotNull(info);
        Assert.Equal(address, info.AddressCode);
        Assert.Equal(DateOnly.Parse(birth!), info.BirthDate);
        Assert.Equal(sex, info.Sex);
    }

    [Fact]
    public void Check_character_follows_mod_11_2()
    {
        Assert.Equal('X', ResidentId.CheckChar("11010519491231002"));
        Assert.Equal('4', ResidentId.CheckChar("44052418800101001"));
    }

    [Fact]
    public void Lowercase_x_is_accepted_and_stored_upper_case()
    {
        var info = ResidentId.TryParse("11010519491231002x", Today, out _);
        Assert.Equal("11010519491231002X", info!.Normalized);
    }

    [Theory]
    [InlineData("", "请填写身份证号码")]
    [InlineData("   ", "请填写身份证号码")]
    [InlineData("1101051949123100", "应为18位，当前为16位")]
    [InlineData("1101051949123100211", "应为18位，当前为19位")]
    [InlineData("11010519491231A02X", "前17位必须是数字")]
    [InlineData("11010519491231002Y", "第18位必须是数字或X")]
    [InlineData("110105194902300021", "不是有效日期")] // 30 February
    [InlineData("110105194913010021", "不是有效日期")] // month 13
    [InlineData("110105203001010021", "晚于今天")]
    [InlineData("110105202611250021", "晚于今天")] // tomorrow
    public void Rejects_malformed_numbers_with_a_chinese_reason(string id, string reason)
    {
        Assert.Null(ResidentId.TryParse(id, Today, out var error));
        Assert.Contains(reason, error);
    }

    public static TheoryData<string> SingleDigitCorruptions()
    {
        var data = new TheoryData<string>();
        foreach (var valid in new[] { "11010519491231002X", "440524188001010014", ResidentId.Compose("460105", new DateOnly(1975, 6, 30), 217) })
        {
            for (var position = 0; position < 18; position++)
            {
                foreach (var replacement in "0123456789X")
                {
                    if (replacement == valid[position] || (position < 17 && replacement == 'X'))
                    {
                        continue;
                    }
                    data.Add(string.Concat(valid.AsSpan(0, position), replacement.ToString(), valid.AsSpan(position + 1)));
                }
            }
        }
        return data;
    }

    /// <summary>MOD 11-2 catches every single-character error: none of these may pass.</summary>
    [Theory]
    [MemberData(nameof(SingleDigitCorruptions))]
    public void Every_single_digit_corruption_of_a_valid_number_is_rejected(string corrupted) =>
        Assert.False(ResidentId.IsValid(corrupted, Today));

    [Fact]
    public void Composed_numbers_are_valid_with_the_sex_of_their_sequence()
    {
        var male = ResidentId.TryParse(ResidentId.Compose("460105", new DateOnly(2001, 2, 3), 11), Today, out _);
        var female = ResidentId.TryParse(ResidentId.Compose("460105", new DateOnly(2001, 2, 3), 12), Today, out _);
        Assert.Equal(Sex.Male, male!.Sex);
        Assert.Equal(Sex.Female, female!.Sex);
    }
}
