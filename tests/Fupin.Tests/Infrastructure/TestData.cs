using Fupin.Web.Features.Demo;
using Fupin.Web.Features.Households;
using Fupin.Web.Rules;

namespace Fupin.Tests.Infrastructure;

/// <summary>Builders of valid requests; each ID number is new, so tests never collide with each other or the demo county.</summary>
public static class TestData
{
    private static int _sequence;

    public const string VillageA = "460105101201"; // 西秀镇 马坡村
    public const string VillageB = "460105105201"; // 东山镇 城西村
    public const string TownshipA = "460105101000";

    /// <summary>A valid ID number with an address code of another county, so it never meets the demo county's.</summary>
    public static string NewId(Sex sex = Sex.Male, int year = 1980)
    {
        var n = Interlocked.Increment(ref _sequence);
        var birth = new DateOnly(year, 1, 1).AddDays(n % 360);
        var seq = (n / 360 % 450) * 2 + (sex == Sex.Male ? 1 : 0) + 100;
        return ResidentId.Compose("520102", birth, seq);
    }

    public static MemberInput Member(string? id = null, Relation relation = Relation.Son, string name = "测试成员") => new()
    {
        IdNumber = id ?? NewId(),
        Name = name,
        Relation = relation,
        Ethnicity = "汉族",
        Education = Education.JuniorHigh,
        Labour = LabourCapacity.Ordinary,
        MedicalInsurance = MedicalInsurance.Resident,
        Pension = PensionInsurance.Resident,
        FamilyDoctorSigned = true,
        Entry = MemberEntry.Identified,
    };

    public static HouseholdInput Household() => new()
    {
        Attribute = HouseholdAttribute.General,
        MainCause = PovertyCause.Illness,
        Standard = IdentificationStandard.National,
        YearIdentified = 2024,
        HousingGrade = HousingGrade.B,
        Water = WaterStatus.Safe,
        Phone = "13812345678",
        BankAccount = "6217000012341234",
        Address = "马坡村第一村民小组8号",
    };

    public static CreateHousehold.Request NewHousehold(string village = VillageA, string headName = "王测试") => new()
    {
        RegionCode = village,
        Household = Household(),
        Head = Member(NewId(Sex.Male, 1970), Relation.Head, headName),
    };

    public static string County => DemoCounty.CountyCode;
}
