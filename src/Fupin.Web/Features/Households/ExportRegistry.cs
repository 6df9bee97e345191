using System.Globalization;
using System.Text;
using Fupin.Web.Data;
using Fupin.Web.Features.Audit;
using Fupin.Web.Features.Regions;
using Fupin.Web.Rules;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Households;

/// <summary>
/// The registry list, with its current filters, as one row per person with the household's columns
/// repeated (the layout county offices exchange). Streamed from the database to a temporary file.
/// Personal numbers are masked unless the user has the right to see them and asks for them; every text
/// cell is neutralised against formula injection; every export is an audit event.
/// </summary>
public static class ExportRegistry
{
    public enum Format
    {
        Xlsx,
        Csv,
    }

    public sealed record Request
    {
        public ListHouseholds.Query Filter { get; init; } = new();
        public Format Format { get; init; }
        /// <summary>Full ID numbers, phones and accounts; honoured only for users with the reveal right.</summary>
        public bool Full { get; init; }
    }

    public sealed record Result(string Path, string FileName, string ContentType, int Rows);

    private static readonly string[] Headers =
    [
        "户编号", "乡(镇)", "行政村", "所属区划代码", "户主姓名", "与户主关系", "姓名", "证件号码", "性别", "出生日期", "民族", "文化程度",
        "在校生状况", "健康状况", "残疾等级", "劳动技能", "务工所在地", "务工时间（月）", "参加医疗保险", "参加大病保险", "养老保险", "家庭医生签约",
        "成员状态", "户属性", "主要致贫原因", "其他致贫原因", "户状态", "识别年度", "脱贫年度", "联系电话", "开户银行", "银行账号",
    ];

    public static async Task<Result> RunAsync(AppDbContext db, TimeProvider clock, Request r, bool mayReveal, CancellationToken ct)
    {
        var full = r.Full && mayReveal;
        var today = clock.Today();
        var households = ListHouseholds.Filter(db, r.Filter, today);
        var names = await db.Regions.IgnoreQueryFilters().AsNoTracking().ToDictionaryAsync(x => x.Code, x => x.Name, ct);
        var rows = db.Members.AsNoTracking()
            .Join(households, m => m.HouseholdId, h => h.Id, (m, h) => new { m, h })
            .OrderBy(x => x.h.RegionCode).ThenBy(x => x.h.HouseholdNumber).ThenBy(x => x.m.Relation == Relation.Head ? 0 : 1).ThenBy(x => x.m.BirthDate)
            .Select(x => new Line(x.h.HouseholdNumber, x.h.RegionCode, x.h.HeadName, x.m.Relation, x.m.Name, x.m.IdNumber, x.m.Sex, x.m.BirthDate,
                x.m.Ethnicity, x.m.Education, x.m.SchoolStage, x.m.Health, x.m.DisabilityGrade, x.m.Labour, x.m.WorkPlace, x.m.WorkMonths,
                x.m.MedicalInsurance, x.m.SeriousIllnessInsurance, x.m.Pension, x.m.FamilyDoctorSigned, x.m.Status, x.h.Attribute, x.h.MainCause,
                x.h.OtherCause1, x.h.OtherCause2, x.h.Status, x.h.YearIdentified, x.h.YearLifted, x.h.Phone, x.h.BankName, x.h.BankAccount));

        var count = 0;
        IEnumerable<object?[]> Cells()
        {
            foreach (var l in rows.AsEnumerable())
            {
                count++;
                yield return
                [
                    l.Number, names.GetValueOrDefault(RegionCodes.AncestorAt(l.Region, RegionLevel.Township)), names.GetValueOrDefault(l.Region), l.Region,
                    ExcelText.Safe(l.HeadName), Labels.Of(l.Relation), ExcelText.Safe(l.Name), full ? l.IdNumber : Masking.IdNumber(l.IdNumber),
                    l.Sex == Sex.Male ? "男" : "女", Masking.BirthDate(l.BirthDate, full), l.Ethnicity,
                    Labels.Of(l.Education), Labels.Of(l.SchoolStage), Labels.Of(l.Health), l.DisabilityGrade?.ToString(CultureInfo.InvariantCulture),
                    Labels.Of(l.Labour), ExcelText.Safe(l.WorkPlace), l.WorkMonths?.ToString(CultureInfo.InvariantCulture), Labels.Of(l.Medical),
                    YesNo(l.SeriousIllness), Labels.Of(l.Pension), YesNo(l.Doctor), Labels.Of(l.MemberStatus), Labels.Of(l.Attribute), Labels.Of(l.MainCause),
                    string.Join("、", new[] { l.Other1, l.Other2 }.Where(c => c is not null).Select(c => Labels.Of(c!.Value))), Labels.Of(l.HouseholdStatus),
                    l.YearIdentified.ToString(CultureInfo.InvariantCulture), l.YearLifted?.ToString(CultureInfo.InvariantCulture),
                    full ? l.Phone : Masking.Phone(l.Phone), ExcelText.Safe(l.BankName), full ? l.BankAccount : Masking.BankAccount(l.BankAccount),
                ];
            }
        }

        var path = Path.Combine(Path.GetTempPath(), $"fupin-export-{Guid.NewGuid():N}.{(r.Format == Format.Xlsx ? "xlsx" : "csv")}");
        if (r.Format == Format.Xlsx)
        {
            // Every value is written as a text cell: 18-digit numbers stay exact, nothing is evaluated.
            await XlsxWriter.WriteAsync(path, "建档立卡名册", Headers,
                Cells().Select(c => (IReadOnlyList<string?>)Array.ConvertAll(c, v => v?.ToString())), ct);
        }
        else
        {
            await using var writer = new StreamWriter(path, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            await writer.WriteLineAsync(string.Join(",", Headers));
            foreach (var c in Cells())
            {
                await writer.WriteLineAsync(string.Join(",", c.Select((v, i) => Csv(v, Headers[i]))));
            }
        }
        await AuditEvents.WriteAsync(db, clock, AuditEvent.Export, "Household", detail:
            $"建档立卡名册 {r.Format}，{count} 行，{(full ? "含完整证件号" : "已脱敏")}，条件：区划={r.Filter.RegionCode ?? "全部"} 状态={r.Filter.Status?.ToString() ?? "全部"}",
            regionCode: r.Filter.RegionCode, ct: ct);
        var fileName = $"建档立卡名册-{today:yyyyMMdd}.{(r.Format == Format.Xlsx ? "xlsx" : "csv")}";
        return new Result(path, fileName, r.Format == Format.Xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8", count);
    }

    private static string YesNo(bool b) => b ? "是" : "否";

    /// <summary>
    /// CSV has no cell types: a tab before a long number keeps spreadsheet programs from turning an ID or
    /// account number into 4.60105E+17. Text fields are quoted and neutralised.
    /// </summary>
    private static string Csv(object? value, string header)
    {
        var text = value?.ToString() ?? "";
        if (header is "证件号码" or "银行账号" or "户编号" or "所属区划代码" or "联系电话" && text.Length > 0 && char.IsAsciiDigit(text[0]))
        {
            text = "\t" + text;
        }
        else
        {
            text = ExcelText.Safe(text) ?? "";
        }
        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }

    private sealed record Line(string Number, string Region, string HeadName, Relation Relation, string Name, string IdNumber, Sex Sex, DateOnly BirthDate,
        string Ethnicity, Education? Education, SchoolStage? SchoolStage, Health Health, int? DisabilityGrade, LabourCapacity Labour, string? WorkPlace,
        int? WorkMonths, MedicalInsurance Medical, bool SeriousIllness, PensionInsurance Pension, bool Doctor, MemberStatus MemberStatus,
        HouseholdAttribute Attribute, PovertyCause MainCause, PovertyCause? Other1, PovertyCause? Other2, HouseholdStatus HouseholdStatus,
        int YearIdentified, int? YearLifted, string? Phone, string? BankName, string? BankAccount);
}
