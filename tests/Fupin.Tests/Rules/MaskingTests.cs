using Fupin.Web.Features.Stats;
using Fupin.Web.Rules;

namespace Fupin.Tests.Rules;

public sealed class MaskingTests
{
    [Theory]
    [InlineData("46010519900307123X", "4601**********123X")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Id_numbers_show_first_four_and_last_four(string? id, string masked) => Assert.Equal(masked, Masking.IdNumber(id));

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("12345", "*****")]
    public void Phones_show_first_three_and_last_four(string phone, string masked) => Assert.Equal(masked, Masking.Phone(phone));

    [Fact]
    public void Bank_accounts_show_last_four() => Assert.Equal("****1234", Masking.BankAccount("6217000012341234"));
}

public sealed class IncidenceTests
{
    // 贫困发生率 = remaining poor people / rural registered population, as a percentage.
    [Theory]
    [InlineData(1038, 51900, 2.00)] // seed 000: 231 households, 1038 people remaining
    [InlineData(5, 1000, 0.50)] // seed 001 reports villages below 0.5%
    [InlineData(0, 1200, 0.00)]
    [InlineData(63, 1548, 4.07)]
    public void Incidence_is_poor_people_over_rural_population(int poor, int population, decimal percent) =>
        Assert.Equal(percent, RegistrySummary.IncidencePercent(poor, population));

    [Fact]
    public void Incidence_is_unknown_without_a_population()
    {
        Assert.Null(RegistrySummary.IncidencePercent(10, null));
        Assert.Null(RegistrySummary.IncidencePercent(10, 0));
    }
}
