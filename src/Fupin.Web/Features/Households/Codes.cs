namespace Fupin.Web.Features.Households;

// Code lists of the national registry (NATIONAL_FIELDS.md). Values are stored by name, so a list can
// grow without renumbering; the Chinese labels live in Resources/Codes.resx (key "Type.Member") and
// imports match by label text.

public enum HouseholdAttribute
{
    General, // 一般贫困户
    Dibao, // 低保贫困户
    Tekun, // 特困供养贫困户
}

public enum HouseholdStatus
{
    NotLifted, // 未脱贫
    Lifted, // 已脱贫
    Returned, // 返贫
    Monitored, // 监测对象
    Removed, // 已清退
    Applicant, // 申请中：识别程序办理中，尚未纳入建档立卡
}

public enum PovertyCause
{
    Illness, // 因病
    Disability, // 因残
    Schooling, // 因学
    Disaster, // 因灾
    LackOfLand, // 缺土地
    LackOfWater, // 缺水
    LackOfSkills, // 缺技术
    LackOfLabour, // 缺劳动力
    LackOfFunds, // 缺资金
    PoorTransport, // 交通条件落后
    LackOfMotivation, // 自身发展动力不足
    Marriage, // 因婚
    Funeral, // 因丧
    Other, // 其他
}

public enum IdentificationStandard
{
    National, // 国家标准
    Provincial, // 省定标准
    Municipal, // 市定标准
}

public enum HousingGrade
{
    NotAppraised, // 未鉴定
    A, // A级
    B, // B级
    C, // C级(局部危房)
    D, // D级(整栋危房)
}

public enum WaterStatus
{
    Safe, // 饮水安全
    Unsafe, // 饮水不安全
}

public enum Relation
{
    Head, // 户主
    Spouse, // 配偶
    Son, // 之子
    Daughter, // 之女
    DaughterInLaw, // 之儿媳
    SonInLaw, // 之女婿
    Grandson, // 之孙子
    Granddaughter, // 之孙女
    DaughtersSon, // 之外孙子
    DaughtersDaughter, // 之外孙女
    Father, // 之父
    Mother, // 之母
    WifesFather, // 之岳父
    WifesMother, // 之岳母
    HusbandsFather, // 之公公
    HusbandsMother, // 之婆婆
    Grandfather, // 之祖父
    Grandmother, // 之祖母
    MothersFather, // 之外祖父
    MothersMother, // 之外祖母
    Sibling, // 之兄弟姐妹
    Other, // 其他
}

public enum Education
{
    Illiterate, // 文盲或半文盲
    Primary, // 小学
    JuniorHigh, // 初中
    SeniorHigh, // 高中
    College, // 大专
    BachelorOrAbove, // 本科及以上
    Preschooler, // 学龄前儿童
}

public enum SchoolStage
{
    Preschool, // 学前教育
    Primary, // 小学
    JuniorHigh, // 初中
    SeniorHigh, // 高中
    Vocational, // 中职
    Higher, // 高校
}

/// <summary>健康状况: multi-select since 2018; no flag set means 健康.</summary>
[Flags]
public enum Health
{
    Healthy = 0, // 健康
    Chronic = 1, // 长期慢性病
    SeriousIllness = 2, // 患有大病
    Disabled = 4, // 残疾
}

public enum LabourCapacity
{
    Ordinary, // 普通劳动力
    Skilled, // 技能劳动力
    Weak, // 弱劳动力或半劳动力
    Lost, // 丧失劳动力
    None, // 无劳动力
}

public enum MedicalInsurance
{
    Resident, // 城乡居民基本医疗保险
    Employee, // 城镇职工基本医疗保险
    None, // 未参保
}

public enum PensionInsurance
{
    Resident, // 城乡居民基本养老保险
    Employee, // 城镇职工基本养老保险
    None, // 未参保
}

/// <summary>How a person came onto the registry (动态管理).</summary>
public enum MemberEntry
{
    Identified, // 新识别
    LateEntry, // 补录
    Birth, // 新生儿
    MarriedIn, // 婚入
    MovedIn, // 迁入
}

public enum MemberStatus
{
    Active, // 在册
    Deceased, // 死亡
    MarriedOut, // 婚出
    MovedOut, // 迁出
    Removed, // 清退(识别不准)
}

/// <summary>56 ethnic groups (GB 3304) plus 其他; stored as the Chinese name, as the national system does.</summary>
public static class Ethnicities
{
    public static readonly IReadOnlyList<string> All =
    [
        "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族", "满族", "侗族", "瑶族", "白族",
        "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族", "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族",
        "景颇族", "柯尔克孜族", "土族", "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族",
        "普米族", "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族",
        "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族", "其他",
    ];

    private static readonly HashSet<string> Set = new(All, StringComparer.Ordinal);
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SetByText = Set.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsKnown(string? name) => name is not null && Set.Contains(name);

    /// <summary>The list's own instance of a known name (a million rows then share 56 strings), or the name itself.</summary>
    public static string Canonical(string name) => Set.TryGetValue(name, out var known) ? known : name;

    /// <summary>The list's own instance of a known name, or a new string of the text.</summary>
    public static string Canonical(ReadOnlySpan<char> name) => SetByText.TryGetValue(name, out var known) ? known : new string(name);
}
