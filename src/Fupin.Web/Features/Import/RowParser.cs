using Fupin.Web.Features.Households;
using Fupin.Web.Rules;
using Fupin.Web.Shared;

namespace Fupin.Web.Features.Import;

/// <summary>
/// One row of a registry file turned into a member's input and its household's input, with every problem
/// of the row in Chinese, named by its column. Columns the file does not have take the form's defaults
/// for a new member, and leave a registered member's stored value alone (see <see cref="Present"/>).
/// Cells are read where they lie in the <see cref="SheetRow"/>; a string is made only for what is kept
/// (names, numbers, places) or said in an error.
/// </summary>
public sealed class RowParser(Dictionary<Col, int> map, DateOnly today)
{
    public bool Present(Col c) => map.ContainsKey(c);

    public sealed record HouseholdPart(string Number, string? RegionCode, string? Township, string? Village, string? HeadName, HouseholdInput Input,
        HouseholdStatus? Status, int? YearLifted, ulong CellsHash);

    private static readonly int ColumnCount = Enum.GetValues<Col>().Length;
    private readonly int[] _index = Enumerable.Range(0, ColumnCount).Select(c => map.TryGetValue((Col)c, out var i) ? i : -1).ToArray();
    private readonly Errors _errors = new();
    private readonly List<Range> _parts = [];
    private SheetRow _row = new();

    /// <summary>The cleaned cell of the current row (empty when the file has no such column).</summary>
    public ReadOnlySpan<char> Span(Col c) => _index[(int)c] is var i and >= 0 ? Clean(_row[i]) : default;

    /// <summary>The cleaned cell of the current row as a string; null when the file has no such column.</summary>
    public string? Cell(Col c) => _index[(int)c] < 0 ? null : Text(Span(c));

    private static string Text(ReadOnlySpan<char> span) => span.IsEmpty ? "" : new string(span);

    /// <summary>Trims, and takes off what spreadsheets put before text: a tab (our CSV's number guard) or an apostrophe.</summary>
    public static string Clean(string? v) => string.IsNullOrEmpty(v) ? "" : Clean(v.AsSpan()) is var t && t.Length == v.Length ? v : new string(t);

    /// <summary><see cref="Clean(string?)"/> on the characters where they lie.</summary>
    public static ReadOnlySpan<char> Clean(ReadOnlySpan<char> v)
    {
        if (v.IsEmpty)
        {
            return v;
        }
        var t = MaybeSpace(v[0]) || MaybeSpace(v[^1]) ? v.Trim() : v;
        return t.Length > 1 && t[0] == '\'' ? t[1..] : t;
    }

    /// <summary>
    /// False for a character that is surely not white space: printable ASCII, and the CJK characters a registry
    /// is written in (above U+3000, the last white space character), without the Unicode table lookup
    /// char.IsWhiteSpace makes for them (two ends of 31 cells a row).
    /// </summary>
    private static bool MaybeSpace(char c) => c <= ' ' || (c is >= '\u0085' and <= '\u3000' && char.IsWhiteSpace(c));

    private static string Label(Col c) => ImportColumns.Of(c).Header;

    private static readonly Col[] HouseholdColumns =
    [
        Col.HouseholdNumber, Col.RegionCode, Col.Township, Col.Village, Col.HeadName, Col.Attribute, Col.MainCause, Col.OtherCauses,
        Col.HouseholdStatus, Col.YearIdentified, Col.YearLifted, Col.Phone, Col.BankName, Col.BankAccount,
    ];

    /// <summary>Makes a row current (until the reader moves on).</summary>
    public void Next(SheetRow row) => _row = row;

    /// <summary>户编号 of the current row.</summary>
    public ReadOnlySpan<char> Number => Span(Col.HouseholdNumber);

    /// <summary>
    /// Whether the current row repeats the household columns of a household's first row. Compared by a
    /// 64-bit hash of the cells, so a household keeps 8 bytes instead of its first row's strings.
    /// </summary>
    public bool SameHousehold(HouseholdPart first) => HouseholdHash() == first.CellsHash;

    /// <summary>FNV-1a over the household cells' characters, a separator between cells.</summary>
    private ulong HouseholdHash()
    {
        var hash = 14695981039346656037UL;
        foreach (var c in HouseholdColumns)
        {
            foreach (var ch in Span(c))
            {
                hash = (hash ^ ch) * 1099511628211UL;
            }
            hash = (hash ^ 0x1F) * 1099511628211UL;
        }
        return hash;
    }

    public (MemberInput Member, HouseholdPart Household) Parse(SheetRow row, List<string> problems)
    {
        Next(row);
        return (ParseMember(problems), ParseHousehold(problems));
    }

    public MemberInput ParseMember(List<string> problems)
    {
        var m = new MemberInput { Entry = MemberEntry.Identified, Ethnicity = "汉族", MedicalInsurance = MedicalInsurance.None, Pension = PensionInsurance.None };

        m.Relation = Code<Relation>(Col.Relation, problems, required: true);
        m.Name = Text(Span(Col.Name));
        var id = Span(Col.IdNumber);
        if (id.Contains("E+", StringComparison.OrdinalIgnoreCase) || id.Contains('.'))
        {
            problems.Add("证件号码被Excel存成了数字（科学计数法），末几位已丢失：请把该列设为文本格式后重新录入");
        }
        m.IdNumber = Text(id);
        if (Span(Col.Sex) is { Length: > 0 } sex)
        {
            m.Sex = sex switch { "男" or "1" => Sex.Male, "女" or "2" => Sex.Female, _ => null };
            if (m.Sex is null)
            {
                problems.Add($"性别“{sex}”应为男或女");
            }
        }
        if (Span(Col.BirthDate) is { Length: > 0 } birth)
        {
            m.BirthDate = CodeText.Date(birth);
            if (m.BirthDate is null)
            {
                problems.Add($"出生日期“{birth}”无法识别，请按 2001-05-12 的格式填写");
            }
        }
        if (Span(Col.Ethnicity) is { Length: > 0 } ethnicity)
        {
            m.Ethnicity = Ethnicities.Canonical(ethnicity);
        }
        m.Education = OptionalCode<Education>(Col.Education, problems);
        m.SchoolStage = Span(Col.SchoolStage) is "非在校生" or "否" ? null : OptionalCode<SchoolStage>(Col.SchoolStage, problems);
        if (Span(Col.Health) is { Length: > 0 } health)
        {
            var flags = Health.Healthy;
            foreach (var range in CodeText.Parts(health, _parts))
            {
                if (CodeText.TryParse<Health>(health[range], out var flag))
                {
                    flags |= flag;
                }
                else
                {
                    problems.Add($"健康状况“{health[range]}”不在代码表中（{CodeText.Choices<Health>()}）");
                }
            }
            m.Health = flags;
        }
        m.DisabilityGrade = Int(Col.DisabilityGrade, problems);
        m.Labour = OptionalCode<LabourCapacity>(Col.Labour, problems) ?? LabourCapacity.Ordinary;
        m.WorkPlace = Span(Col.WorkPlace) is { Length: > 0 } place ? new string(place) : null;
        m.WorkMonths = Int(Col.WorkMonths, problems);
        m.MedicalInsurance = Insurance(Col.MedicalInsurance, Col.ResidentMedical, Col.EmployeeMedical, "医疗保险", MedicalInsurance.Resident, MedicalInsurance.Employee, MedicalInsurance.None, problems);
        m.Pension = Insurance(Col.Pension, Col.ResidentPension, Col.EmployeePension, "养老保险", PensionInsurance.Resident, PensionInsurance.Employee, PensionInsurance.None, problems);
        m.SeriousIllnessInsurance = Flag(Col.SeriousIllness, problems);
        m.FamilyDoctorSigned = Flag(Col.FamilyDoctor, problems);
        if (Present(Col.MemberPhone))
        {
            m.Phone = Cell(Col.MemberPhone);
        }
        m.EntryYear = CodeText.Year(Span(Col.YearIdentified)) is >= 2013 and var y ? y : null;
        return m;
    }

    /// <summary>The household columns of the current row (read once per household: its other rows are compared, not parsed).</summary>
    public HouseholdPart ParseHousehold(List<string> problems)
    {
        var number = Text(Span(Col.HouseholdNumber));
        if (number.Length == 0)
        {
            problems.Add("请填写户编号");
        }
        else if (number.Length > 30)
        {
            problems.Add("户编号不能超过30个字符");
        }
        var h = new HouseholdInput { Standard = IdentificationStandard.National, HousingGrade = HousingGrade.NotAppraised, Water = WaterStatus.Safe };
        h.Attribute = Code<HouseholdAttribute>(Col.Attribute, problems, required: true);
        h.MainCause = Code<PovertyCause>(Col.MainCause, problems, required: true);
        if (Span(Col.OtherCauses) is { Length: > 0 } others)
        {
            var causes = new List<PovertyCause>();
            foreach (var range in CodeText.Parts(others, _parts))
            {
                if (CodeText.TryParse<PovertyCause>(others[range], out var c))
                {
                    causes.Add(c);
                }
                else
                {
                    problems.Add($"其他致贫原因“{others[range]}”不在代码表中");
                }
            }
            if (causes.Count > 2)
            {
                problems.Add("其他致贫原因最多填两项");
            }
            h.OtherCause1 = causes.Count > 0 ? causes[0] : null;
            h.OtherCause2 = causes.Count > 1 ? causes[1] : null;
        }
        var yearText = Span(Col.YearIdentified);
        h.YearIdentified = CodeText.Year(yearText) ?? 0;
        if (yearText.Length == 0)
        {
            problems.Add("请填写识别年度");
        }
        else if (h.YearIdentified == 0)
        {
            problems.Add($"识别年度“{yearText}”无法识别，请填写如 2016");
        }
        int? lifted = null;
        if (Span(Col.YearLifted) is { Length: > 0 } liftedText)
        {
            lifted = CodeText.Year(liftedText);
            if (lifted is null)
            {
                problems.Add($"脱贫年度“{liftedText}”无法识别，请填写如 2019");
            }
        }
        HouseholdStatus? status = null;
        if (Span(Col.HouseholdStatus) is { Length: > 0 } statusText)
        {
            if (CodeText.TryParse<HouseholdStatus>(statusText, out var st) && st is not (HouseholdStatus.Removed or HouseholdStatus.Applicant))
            {
                status = st;
            }
            else
            {
                problems.Add($"户状态“{statusText}”不能导入：可填 未脱贫、已脱贫、返贫、监测对象");
            }
        }
        if (Present(Col.Phone))
        {
            h.Phone = Cell(Col.Phone);
        }
        h.BankName = Span(Col.BankName) is { Length: > 0 } bank ? new string(bank) : null;
        if (Present(Col.BankAccount))
        {
            var account = Cell(Col.BankAccount) ?? "";
            if (account.Contains("E+", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add("银行账号被Excel存成了数字（科学计数法），末几位已丢失：请把该列设为文本格式后重新录入");
            }
            h.BankAccount = account;
        }
        return new HouseholdPart(number, Cell(Col.RegionCode), Cell(Col.Township), Cell(Col.Village), Cell(Col.HeadName), h, status, lifted, HouseholdHash());
    }

    /// <summary>Member and household checks that need no database, with each message led by its column's name.</summary>
    public Rules.ResidentIdInfo? Validate(MemberInput m, HouseholdInput? h, List<string> problems)
    {
        var errors = _errors;
        errors.Clear();
        var id = MemberRules.Validate(m, "", today, idRequired: true, errors);
        if (h is not null)
        {
            HouseholdRules.Validate(h, today, errors);
        }
        if (!errors.Any)
        {
            return id;
        }
        foreach (var (field, messages) in errors.ToDictionary())
        {
            var column = field switch
            {
                "idNumber" => "证件号码",
                "name" => "姓名",
                "sex" => "性别",
                "birthDate" => "出生日期",
                "ethnicity" => "民族",
                "education" => "文化程度/在校生状况",
                "disabilityGrade" => "残疾等级",
                "workMonths" or "workPlace" => "务工所在地/务工时间",
                "phone" => "联系电话",
                "bankAccount" => "银行账号",
                "bankName" => "开户银行",
                "otherCause1" or "otherCause2" => "其他致贫原因",
                "yearIdentified" => "识别年度",
                "entryYear" => "识别年度",
                _ => field,
            };
            foreach (var message in messages)
            {
                problems.Add($"{column}：{message}");
            }
        }
        return id;
    }

    private T Code<T>(Col c, List<string> problems, bool required) where T : struct, Enum
    {
        var text = Span(c);
        if (text.Length == 0)
        {
            if (required)
            {
                problems.Add($"请填写{Label(c)}");
            }
            return default;
        }
        if (CodeText.TryParse<T>(text, out var v))
        {
            return v;
        }
        problems.Add($"{Label(c)}“{text}”不在代码表中（可填：{CodeText.Choices<T>()}）");
        return default;
    }

    private T? OptionalCode<T>(Col c, List<string> problems) where T : struct, Enum =>
        Span(c) is { Length: > 0 } ? Code<T>(c, problems, required: false) : null;

    private int? Int(Col c, List<string> problems)
    {
        var text = Span(c);
        if (text.IsEmpty)
        {
            return null;
        }
        if (int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }
        problems.Add($"{Label(c)}“{text}”应为整数");
        return null;
    }

    private bool Flag(Col c, List<string> problems)
    {
        var text = Span(c);
        if (text.IsEmpty)
        {
            return false;
        }
        if (CodeText.YesNo(text) is { } b)
        {
            return b;
        }
        problems.Add($"{Label(c)}“{text}”应为是或否");
        return false;
    }

    /// <summary>One column with the kind (our layout), or the national layout's two yes/no columns.</summary>
    private T Insurance<T>(Col single, Col resident, Col employee, string what, T residentValue, T employeeValue, T none, List<string> problems) where T : struct, Enum
    {
        if (Span(single) is { Length: > 0 })
        {
            return Code<T>(single, problems, required: false);
        }
        var r = Span(resident) is { Length: > 0 } rt ? CodeText.YesNo(rt) : null;
        var e = Span(employee) is { Length: > 0 } et ? CodeText.YesNo(et) : null;
        if (r == true && e == true)
        {
            problems.Add($"城乡居民{what}和城镇职工{what}不能同时为“是”");
        }
        return r == true ? residentValue : e == true ? employeeValue : none;
    }
}
