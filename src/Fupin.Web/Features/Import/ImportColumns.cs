using System.Text;

namespace Fupin.Web.Features.Import;

/// <summary>The columns of a registry file, one row per member with the household's columns repeated.</summary>
public enum Col
{
    HouseholdNumber,
    Township,
    Village,
    RegionCode,
    HeadName,
    Relation,
    Name,
    IdNumber,
    Sex,
    BirthDate,
    Ethnicity,
    Education,
    SchoolStage,
    Health,
    DisabilityGrade,
    Labour,
    WorkPlace,
    WorkMonths,
    MedicalInsurance,
    ResidentMedical,
    EmployeeMedical,
    SeriousIllness,
    Pension,
    ResidentPension,
    EmployeePension,
    FamilyDoctor,
    MemberPhone,
    Attribute,
    MainCause,
    OtherCauses,
    HouseholdStatus,
    YearIdentified,
    YearLifted,
    Phone,
    BankName,
    BankAccount,
}

/// <summary>
/// Header names and their common variants (our export, the national system's exports, county sheets).
/// Matching ignores spaces, full-width brackets and a leading or trailing "*" (required markers).
/// </summary>
public static class ImportColumns
{
    public sealed record Column(Col Key, string Header, bool Household, bool Required, string Note, params string[] Variants);

    public static readonly IReadOnlyList<Column> All =
    [
        new(Col.HouseholdNumber, "户编号", true, true, "同一户各成员填同一户编号；已登记的户编号按户更新", "户码", "家庭编号"),
        new(Col.Township, "乡(镇)", true, false, "与“行政村”一起确定所属村；也可只填“所属区划代码”", "乡镇", "镇", "乡镇(街道)", "乡(镇、街道)"),
        new(Col.Village, "行政村", true, false, "行政村名称", "村", "村(社区)", "行政村(社区)"),
        new(Col.RegionCode, "所属区划代码", true, false, "12位统计用区划代码（行政村）；填了则以此为准", "区划代码", "行政区划代码", "村代码", "村级区划代码"),
        new(Col.HeadName, "户主姓名", true, false, "须与本户户主一行的姓名一致", "户主"),
        new(Col.Relation, "与户主关系", false, true, "户主、配偶、之子、之女……每户恰好一名户主"),
        new(Col.Name, "姓名", false, true, "", "成员姓名"),
        new(Col.IdNumber, "证件号码", false, true, "18位居民身份证号码，请设为文本格式，避免被Excel改成科学计数法", "身份证号", "身份证号码", "公民身份号码", "证件号", "身份证件号码"),
        new(Col.Sex, "性别", false, false, "可不填，按身份证号码确定；填了须一致"),
        new(Col.BirthDate, "出生日期", false, false, "可不填，按身份证号码确定；填了须一致（yyyy-MM-dd）"),
        new(Col.Ethnicity, "民族", false, false, "如 汉族、黎族；不填按汉族"),
        new(Col.Education, "文化程度", false, false, "文化程度与在校生状况须填且只填一项"),
        new(Col.SchoolStage, "在校生状况", false, false, "在校生填写；非在校生留空或填“非在校生”", "在校生情况"),
        new(Col.Health, "健康状况", false, false, "健康、长期慢性病、患有大病、残疾，可多选，用“、”分隔；不填按健康"),
        new(Col.DisabilityGrade, "残疾等级", false, false, "1到4"),
        new(Col.Labour, "劳动技能", false, false, "普通劳动力、技能劳动力、弱劳动力或半劳动力、丧失劳动力、无劳动力；不填按普通劳动力", "劳动能力"),
        new(Col.WorkPlace, "务工所在地", false, false, "与务工时间同时填写或同时不填", "务工地点"),
        new(Col.WorkMonths, "务工时间（月）", false, false, "0到12", "务工时间", "务工月数", "务工时间(月)"),
        new(Col.MedicalInsurance, "参加医疗保险", false, false, "城乡居民基本医疗保险、城镇职工基本医疗保险、未参保", "医疗保险"),
        new(Col.ResidentMedical, "城乡居民基本医疗保险", false, false, "是/否（国家系统导出格式）", "是否参加城乡居民基本医疗保险"),
        new(Col.EmployeeMedical, "城镇职工基本医疗保险", false, false, "是/否（国家系统导出格式）", "是否参加城镇职工基本医疗保险"),
        new(Col.SeriousIllness, "参加大病保险", false, false, "是/否", "是否参加大病保险", "大病保险"),
        new(Col.Pension, "养老保险", false, false, "城乡居民基本养老保险、城镇职工基本养老保险、未参保", "参加养老保险"),
        new(Col.ResidentPension, "城乡居民基本养老保险", false, false, "是/否（国家系统导出格式）", "是否参加城乡居民基本养老保险"),
        new(Col.EmployeePension, "城镇职工基本养老保险", false, false, "是/否（国家系统导出格式）", "是否参加城镇职工基本养老保险"),
        new(Col.FamilyDoctor, "家庭医生签约", false, false, "是/否", "是否签约家庭医生"),
        new(Col.MemberPhone, "人联系电话", false, false, "成员本人的11位手机号", "成员联系电话"),
        new(Col.Attribute, "户属性", true, true, "一般贫困户、低保贫困户、特困供养贫困户", "贫困户属性"),
        new(Col.MainCause, "主要致贫原因", true, true, "因病、因残、因学、因灾、缺土地、缺水、缺技术、缺劳动力、缺资金、交通条件落后、自身发展动力不足、因婚、因丧、其他", "致贫原因1", "致贫原因"),
        new(Col.OtherCauses, "其他致贫原因", true, false, "最多两项，用“、”分隔，不能与主要致贫原因相同", "致贫原因2"),
        new(Col.HouseholdStatus, "户状态", true, false, "新登记户可填 未脱贫、已脱贫、返贫、监测对象；已登记户的状态不由导入变更", "贫困户状态"),
        new(Col.YearIdentified, "识别年度", true, true, "2013年以来的年度", "首次识别时间", "识别时间"),
        new(Col.YearLifted, "脱贫年度", true, false, "已脱贫户填写", "脱贫时间", "计划脱贫年度(已脱贫)"),
        new(Col.Phone, "联系电话", true, false, "户联系电话，11位", "户联系电话"),
        new(Col.BankName, "开户银行", true, false, ""),
        new(Col.BankAccount, "银行账号", true, false, "10到25位数字，请设为文本格式", "银行卡号", "账号"),
    ];

    private static readonly Dictionary<string, Col> ByName = BuildIndex();

    private static Dictionary<string, Col> BuildIndex()
    {
        var index = new Dictionary<string, Col>(StringComparer.Ordinal);
        foreach (var c in All)
        {
            foreach (var name in c.Variants.Prepend(c.Header))
            {
                index.TryAdd(Normalize(name), c.Key);
            }
        }
        return index;
    }

    public static Column Of(Col key) => All[(int)key];

    /// <summary>"* 证件号码 " and "证件号码" and "乡（镇）" and "乡(镇)" are the same header.</summary>
    public static string Normalize(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return "";
        }
        var b = new StringBuilder(header.Length);
        foreach (var ch in header)
        {
            var c = ch switch { '（' => '(', '）' => ')', '，' => ',', _ => ch };
            if (!char.IsWhiteSpace(c) && c != '*' && c != '＊')
            {
                b.Append(c);
            }
        }
        return b.ToString();
    }

    public static Col? Match(string? header) => ByName.TryGetValue(Normalize(header), out var c) ? c : null;

    /// <summary>Column index of each known header in a header row; unknown headers are ignored, repeats refused.</summary>
    public static (Dictionary<Col, int> Map, List<string> Problems) MapHeader(IReadOnlyList<string?> header)
    {
        var map = new Dictionary<Col, int>();
        var problems = new List<string>();
        for (var i = 0; i < header.Count; i++)
        {
            if (Match(header[i]) is { } col)
            {
                if (!map.TryAdd(col, i))
                {
                    problems.Add($"表头“{Of(col).Header}”出现了两次（第{map[col] + 1}列和第{i + 1}列）");
                }
            }
        }
        foreach (var c in All.Where(c => c.Required && !map.ContainsKey(c.Key)))
        {
            problems.Add($"缺少必需的列“{c.Header}”");
        }
        if (!map.ContainsKey(Col.RegionCode) && !(map.ContainsKey(Col.Township) && map.ContainsKey(Col.Village)))
        {
            problems.Add("缺少所属村：请提供“所属区划代码”列，或“乡(镇)”和“行政村”两列");
        }
        if (!map.ContainsKey(Col.Education) && !map.ContainsKey(Col.SchoolStage))
        {
            problems.Add("缺少“文化程度”或“在校生状况”列");
        }
        return (map, problems);
    }

    /// <summary>How many known headers a row has: the header row is the first of the opening rows with the most.</summary>
    public static int Score(IReadOnlyList<string?> row) => row.Count(h => Match(h) is not null);
}
