using Fupin.Web.Features.Households;

namespace Fupin.Web.Features.Assurance;

/// <summary>两不愁三保障 + 饮水安全: the five things a household must have secured.</summary>
[Flags]
public enum AssuranceItem
{
    None = 0, // 无
    FoodClothing = 1, // 不愁吃、不愁穿
    Education = 2, // 义务教育有保障
    Medical = 4, // 基本医疗有保障
    Housing = 8, // 住房安全有保障
    Water = 16, // 饮水安全有保障
}

public enum AssuranceStatus
{
    Secured, // 已保障
    NotSecured, // 未保障
    Unknown, // 待核实
}

/// <summary>
/// What the registry already tells about the five items, with the reason in Chinese. Pure: the household's
/// own fields and its active members, and today's date for ages.
/// </summary>
public static class AssuranceRules
{
    public static readonly AssuranceItem[] Items = [AssuranceItem.FoodClothing, AssuranceItem.Education, AssuranceItem.Medical, AssuranceItem.Housing, AssuranceItem.Water];

    /// <summary>义务教育 ages: from six to fifteen years old.</summary>
    public static bool IsCompulsorySchoolAge(DateOnly birth, DateOnly today)
    {
        var age = GetHousehold.Age(birth, today);
        return age is >= 6 and <= 15;
    }

    /// <summary>Derived status per item (null where the registry cannot tell) and the reason.</summary>
    public static IReadOnlyDictionary<AssuranceItem, (AssuranceStatus Status, string Reason)> Derive(Household h, IEnumerable<Member> members, DateOnly today)
    {
        var active = members.Where(m => m.Status == MemberStatus.Active).ToList();
        var result = new Dictionary<AssuranceItem, (AssuranceStatus, string)>();

        var outOfSchool = active.Where(m => IsOutOfSchool(m, today)).ToList();
        result[AssuranceItem.Education] = outOfSchool.Count > 0
            ? (AssuranceStatus.NotSecured, $"义务教育阶段适龄未在校：{string.Join("、", outOfSchool.Select(m => m.Name))}")
            : (AssuranceStatus.Secured, "适龄成员均在校（或因残疾不能就学）");

        var uninsured = active.Where(IsUninsured).ToList();
        result[AssuranceItem.Medical] = uninsured.Count > 0
            ? (AssuranceStatus.NotSecured, $"未参加基本医疗保险：{string.Join("、", uninsured.Select(m => m.Name))}")
            : (AssuranceStatus.Secured, "全部成员参加基本医疗保险");

        result[AssuranceItem.Housing] = h.HousingGrade switch
        {
            HousingGrade.C or HousingGrade.D when !h.HousingRenovated => (AssuranceStatus.NotSecured, $"住房鉴定为{h.HousingGrade}级危房，尚未完成改造"),
            HousingGrade.C or HousingGrade.D => (AssuranceStatus.Secured, $"{h.HousingGrade}级危房已完成改造"),
            HousingGrade.A or HousingGrade.B => (AssuranceStatus.Secured, $"住房鉴定为{h.HousingGrade}级，安全"),
            _ => (AssuranceStatus.Unknown, "住房未鉴定"),
        };
        result[AssuranceItem.Water] = h.Water == WaterStatus.Unsafe
            ? (AssuranceStatus.NotSecured, "饮水安全未解决")
            : (AssuranceStatus.Secured, "饮水安全已解决");
        return result;
    }

    /// <summary>The items the registry shows as not secured, as flags (stored on the household for list filters).</summary>
    /// <remarks>
    /// The household's own items joined with each active member's (<see cref="MemberGaps"/>): a member-level
    /// item is unsecured when any one member leaves it so. Kept in this form so a loader that sees a
    /// household's members one at a time (the streaming import) can accumulate the gaps without holding them.
    /// </remarks>
    public static AssuranceItem Gaps(Household h, IEnumerable<Member> members, DateOnly today) =>
        members.Where(m => m.Status == MemberStatus.Active).Aggregate(HouseholdGaps(h), (a, m) => a | MemberGaps(m, today));

    /// <summary>The items one active member leaves unsecured on their own (义务教育, 基本医疗).</summary>
    public static AssuranceItem MemberGaps(Member m, DateOnly today) =>
        (IsOutOfSchool(m, today) ? AssuranceItem.Education : AssuranceItem.None) | (IsUninsured(m) ? AssuranceItem.Medical : AssuranceItem.None);

    /// <summary>The items the household's own fields leave unsecured (住房, 饮水).</summary>
    public static AssuranceItem HouseholdGaps(Household h) =>
        (h.HousingGrade is HousingGrade.C or HousingGrade.D && !h.HousingRenovated ? AssuranceItem.Housing : AssuranceItem.None)
        | (h.Water == WaterStatus.Unsafe ? AssuranceItem.Water : AssuranceItem.None);

    private static bool IsOutOfSchool(Member m, DateOnly today) =>
        IsCompulsorySchoolAge(m.BirthDate, today) && m.SchoolStage is null && !m.Health.HasFlag(Health.Disabled) && !(m.OutOfSchoolReason ?? "").Contains('残');

    private static bool IsUninsured(Member m) => m.MedicalInsurance == MedicalInsurance.None;
}
