using Fupin.Web.Rules;
using Fupin.Web.Shared;

namespace Fupin.Web.Features.Households;

/// <summary>What a user enters for a member. Status is not here: it changes only through its own action.</summary>
public sealed record MemberInput
{
    /// <summary>On update, null keeps the stored number (which the client only ever sees masked).</summary>
    public string? IdNumber { get; set; }
    public string Name { get; set; } = "";
    public Relation Relation { get; set; }
    /// <summary>Optional: derived from the ID number; when given it must agree.</summary>
    public Sex? Sex { get; set; }
    public DateOnly? BirthDate { get; set; }
    public string Ethnicity { get; set; } = "汉族";
    public Education? Education { get; set; }
    public SchoolStage? SchoolStage { get; set; }
    public string? OutOfSchoolReason { get; set; }
    public Health Health { get; set; }
    public int? DisabilityGrade { get; set; }
    public LabourCapacity Labour { get; set; }
    public string? WorkPlace { get; set; }
    public int? WorkMonths { get; set; }
    public MedicalInsurance MedicalInsurance { get; set; }
    public bool SeriousIllnessInsurance { get; set; }
    public PensionInsurance Pension { get; set; }
    public bool FamilyDoctorSigned { get; set; }
    /// <summary>On update, null keeps the stored phone; "" clears it.</summary>
    public string? Phone { get; set; }
    public MemberEntry Entry { get; set; }
    public int? EntryYear { get; set; }
}

/// <summary>The checks on one member that need no database.</summary>
public static class MemberRules
{
    /// <summary>Validates the input; returns the parsed ID number when one was given and is valid.</summary>
    public static ResidentIdInfo? Validate(MemberInput m, string prefix, DateOnly today, bool idRequired, Errors errors)
    {
        ResidentIdInfo? id = null;
        if (m.IdNumber is not null || idRequired)
        {
            id = ResidentId.TryParse(m.IdNumber, today, out var idError);
            if (id is null)
            {
                errors.Add(prefix + "idNumber", idError!);
            }
            else
            {
                if (m.Sex is { } sex && sex != id.Sex)
                {
                    errors.Add(prefix + "sex", $"性别与身份证号码不符：号码显示为{(id.Sex == Sex.Male ? "男" : "女")}");
                }
                if (m.BirthDate is { } birth && birth != id.BirthDate)
                {
                    errors.Add(prefix + "birthDate", $"出生日期与身份证号码不符：号码显示为{id.BirthDate:yyyy-MM-dd}");
                }
            }
        }
        errors.Require(prefix + "name", m.Name, "姓名", 50);
        if (!Ethnicities.IsKnown(m.Ethnicity))
        {
            errors.Add(prefix + "ethnicity", "民族不在民族代码表中，请从列表中选择");
        }
        if (m.Education is null == m.SchoolStage is null)
        {
            errors.Add(prefix + "education", "文化程度与在校生状况必须填且只填其中一项（在校生填在校生状况）");
        }
        errors.MaxLength(prefix + "outOfSchoolReason", m.OutOfSchoolReason, "失学辍学原因", 100);
        if (m.DisabilityGrade is { } grade)
        {
            if (grade is < 1 or > 4)
            {
                errors.Add(prefix + "disabilityGrade", "残疾等级应为1到4级");
            }
            if (!m.Health.HasFlag(Health.Disabled))
            {
                errors.Add(prefix + "disabilityGrade", "健康状况未选“残疾”时不应填写残疾等级");
            }
        }
        if (string.IsNullOrWhiteSpace(m.WorkPlace) != m.WorkMonths is null)
        {
            errors.Add(prefix + "workMonths", "务工所在地与务工时间须同时填写或同时不填");
        }
        if (m.WorkMonths is < 0 or > 12)
        {
            errors.Add(prefix + "workMonths", "务工时间应为0到12个月");
        }
        errors.MaxLength(prefix + "workPlace", m.WorkPlace, "务工所在地", 100);
        if (!string.IsNullOrEmpty(m.Phone))
        {
            errors.Digits(prefix + "phone", m.Phone, "联系电话", 11, 11);
        }
        if (m.EntryYear is { } y && (y < 2013 || y > today.Year))
        {
            errors.Add(prefix + "entryYear", $"纳入年度应在2013年到{today.Year}年之间");
        }
        return id;
    }

    public static void Apply(MemberInput m, Member target, ResidentIdInfo? id)
    {
        if (id is not null)
        {
            target.IdNumber = id.Normalized;
            target.Sex = id.Sex;
            target.BirthDate = id.BirthDate;
        }
        target.Name = m.Name.Trim();
        target.Relation = m.Relation;
        target.Ethnicity = m.Ethnicity;
        target.Education = m.Education;
        target.SchoolStage = m.SchoolStage;
        target.OutOfSchoolReason = Blank(m.OutOfSchoolReason);
        target.Health = m.Health;
        target.DisabilityGrade = m.DisabilityGrade;
        target.Labour = m.Labour;
        target.WorkPlace = Blank(m.WorkPlace);
        target.WorkMonths = m.WorkMonths;
        target.MedicalInsurance = m.MedicalInsurance;
        target.SeriousIllnessInsurance = m.SeriousIllnessInsurance;
        target.Pension = m.Pension;
        target.FamilyDoctorSigned = m.FamilyDoctorSigned;
        if (m.Phone is not null)
        {
            target.Phone = Blank(m.Phone);
        }
        target.Entry = m.Entry;
        target.EntryYear = m.EntryYear;
    }

    /// <summary>
    /// Household-level checks over its active members after a change: exactly one 户主, at most one 配偶,
    /// and 户主 and 配偶 not of the same sex.
    /// </summary>
    public static void CheckComposition(IReadOnlyCollection<Member> active, string field, Errors errors)
    {
        var heads = active.Count(m => m.Relation == Relation.Head);
        if (active.Count > 0 && heads != 1)
        {
            errors.Add(field, heads == 0 ? "每户必须有一名户主" : "每户只能有一名户主，请先修改原户主的与户主关系");
        }
        var spouses = active.Where(m => m.Relation == Relation.Spouse).ToList();
        if (spouses.Count > 1)
        {
            errors.Add(field, "每户最多只能有一名配偶");
        }
        var head = active.FirstOrDefault(m => m.Relation == Relation.Head);
        if (head is not null && spouses.Count == 1 && spouses[0].Sex == head.Sex)
        {
            errors.Add(field, "户主与配偶性别相同，请核对");
        }
    }

    internal static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
