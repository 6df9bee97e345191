using System.Data;
using Fupin.Web.Features.Households;
using MiniExcelLibs;

namespace Fupin.Web.Features.Import;

/// <summary>The import template: a sheet with the header row, and a sheet explaining each column and its code values.</summary>
public static class ImportTemplate
{
    public const string FileName = "建档立卡名册导入模板.xlsx";

    public static readonly Col[] TemplateColumns =
    [
        Col.HouseholdNumber, Col.Township, Col.Village, Col.RegionCode, Col.HeadName, Col.Relation, Col.Name, Col.IdNumber, Col.Sex, Col.BirthDate,
        Col.Ethnicity, Col.Education, Col.SchoolStage, Col.Health, Col.DisabilityGrade, Col.Labour, Col.WorkPlace, Col.WorkMonths,
        Col.MedicalInsurance, Col.SeriousIllness, Col.Pension, Col.FamilyDoctor, Col.Attribute, Col.MainCause, Col.OtherCauses, Col.HouseholdStatus,
        Col.YearIdentified, Col.YearLifted, Col.Phone, Col.BankName, Col.BankAccount,
    ];

    public static async Task<byte[]> BuildAsync(CancellationToken ct)
    {
        var sheet = new DataTable("导入模板");
        foreach (var c in TemplateColumns)
        {
            sheet.Columns.Add(ImportColumns.Of(c).Header, typeof(string));
        }
        var notes = ImportColumns.All.Select(c => new Dictionary<string, object?>
        {
            ["列名"] = c.Header,
            ["必填"] = c.Required ? "是" : "否",
            ["层级"] = c.Household ? "户（同一户各行相同）" : "成员",
            ["说明"] = c.Note + Choices(c.Key),
            ["也可识别的列名"] = string.Join("、", c.Variants),
        }).ToList();
        notes.Add(Note("规则", "每行一名家庭成员，户级各列在同一户的每一行重复填写。表头可在前10行中任一行（国家系统导出的标题行可保留）。整个文件全部通过校验才会写入；有任何错误时不写入任何数据，可下载错误报告逐行修改后重新上传。"));
        notes.Add(Note("更新", "已登记的户按户编号、成员按证件号码更新文件中有的列；文件中没有的列保持不变；同一文件重复导入不会产生变化。成员的减少（死亡、迁出、清退）和户主变更请在系统中办理。"));
        notes.Add(Note("文件", "Excel（.xlsx）或CSV（UTF-8或GB18030编码）。证件号码、银行账号列请设为文本格式。"));
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(new Dictionary<string, object> { ["导入模板"] = sheet, ["填写说明"] = notes }, cancellationToken: ct);
        return stream.ToArray();
    }

    private static Dictionary<string, object?> Note(string name, string text) => new()
    {
        ["列名"] = name,
        ["必填"] = "",
        ["层级"] = "",
        ["说明"] = text,
        ["也可识别的列名"] = "",
    };

    private static string Choices(Col c) => c switch
    {
        Col.Relation => "。可填：" + CodeText.Choices<Relation>(),
        Col.Education => "。可填：" + CodeText.Choices<Education>(),
        Col.SchoolStage => "。可填：" + CodeText.Choices<SchoolStage>(),
        Col.Labour => "。可填：" + CodeText.Choices<LabourCapacity>(),
        Col.MedicalInsurance => "。不填视为未参保",
        Col.Pension => "。不填视为未参保",
        _ => "",
    };
}
