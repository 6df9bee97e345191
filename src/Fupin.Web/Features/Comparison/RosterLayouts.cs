using Fupin.Web.Features.Import;

namespace Fupin.Web.Features.Comparison;

/// <summary>Which field of <see cref="RosterEntry"/> a roster column fills.</summary>
public enum RosterField
{
    IdNumber,
    Name,
    Status,
    SubType,
    Detail,
    EventDate,
    Total,
    Paid,
}

/// <summary>A roster column: its header (and common variants), whether required, and the values it allows (null: free text).</summary>
public sealed record RosterColumn(RosterField Field, string Header, bool Required, string[]? Values = null, string[]? Variants = null, string? Example = null);

/// <summary>
/// The layout of each roster kind: the columns a department fills in, the template, and the department it
/// comes from. Headers are matched by name as in the registry import (order free, common variants).
/// </summary>
public sealed record RosterLayout(RosterKind Kind, string Department, string Purpose, bool OneRowPerPerson, IReadOnlyList<RosterColumn> Columns)
{
    private static readonly RosterColumn Id = new(RosterField.IdNumber, "证件号码", true, Variants: ["身份证号", "身份证号码", "公民身份号码"], Example: "520402201001010018");
    private static readonly RosterColumn Name = new(RosterField.Name, "姓名", true, Example: "张三");

    public static readonly IReadOnlyList<RosterLayout> All =
    [
        new(RosterKind.Students, "教育", "控辍保学：义务教育阶段适龄人员是否在校", true,
        [
            Id, Name,
            new(RosterField.Status, "在校状态", true, ["在校", "辍学", "休学"], ["就学状态", "学籍状态"], "在校"),
            new(RosterField.SubType, "学段", false, ["学前", "小学", "初中", "高中", "中职", "高校"], ["就读学段"], "小学"),
            new(RosterField.Detail, "学校", false, Variants: ["就读学校", "学校名称"], Example: "马坡村小学"),
        ]),
        new(RosterKind.MedicalInsurance, "医保", "基本医疗保险参保", true,
        [
            Id, Name,
            new(RosterField.Status, "参保状态", true, ["已参保", "未参保"], ["是否参保"], "已参保"),
            new(RosterField.SubType, "险种", false, ["城乡居民医保", "职工医保"], ["参保险种"], "城乡居民医保"),
        ]),
        new(RosterKind.Settlements, "医保/卫健", "住院和慢病门诊报销比例", false,
        [
            Id, Name,
            new(RosterField.SubType, "就诊类型", true, ["住院", "门诊慢病"], ["结算类型"], "住院"),
            new(RosterField.EventDate, "结算日期", true, Variants: ["出院日期"], Example: "2026-03-15"),
            new(RosterField.Total, "医疗总费用", true, Variants: ["总费用"], Example: "12000"),
            new(RosterField.Paid, "报销金额", true, Variants: ["报销总额", "合规报销金额"], Example: "10800"),
            new(RosterField.Detail, "医疗机构", false, Variants: ["就诊医院"], Example: "区人民医院"),
        ]),
        new(RosterKind.Housing, "住建", "住房安全等级鉴定（按户主证件号码）", true,
        [
            Id, Name,
            new(RosterField.Status, "鉴定等级", true, ["A", "B", "C", "D"], ["安全等级", "房屋等级"], "B"),
            new(RosterField.SubType, "是否已改造", false, ["是", "否"], ["已改造"], "否"),
            new(RosterField.EventDate, "鉴定日期", false, Example: "2026-01-10"),
        ]),
        new(RosterKind.Water, "水务", "饮水安全（按户主证件号码）", true,
        [
            Id, Name,
            new(RosterField.Status, "饮水状况", true, ["安全", "不安全"], ["饮水安全", "是否饮水安全"], "安全"),
            new(RosterField.Detail, "供水方式", false, Example: "集中供水"),
        ]),
        new(RosterKind.CivilAffairs, "民政", "低保、特困供养对象及死亡人员", false,
        [
            Id, Name,
            new(RosterField.Status, "类别", true, ["低保", "特困", "死亡"], ["人员类别", "救助类别"], "低保"),
            new(RosterField.EventDate, "日期", false, Variants: ["起始日期", "死亡日期"], Example: "2026-01-01"),
        ]),
        new(RosterKind.Disability, "残联", "持证残疾人", true,
        [
            Id, Name,
            new(RosterField.SubType, "残疾类别", true, ["视力", "听力", "言语", "肢体", "智力", "精神", "多重"], Example: "肢体"),
            new(RosterField.Status, "残疾等级", true, ["一级", "二级", "三级", "四级"], Example: "三级"),
            new(RosterField.EventDate, "发证日期", false, Example: "2020-05-01"),
        ]),
        new(RosterKind.Employment, "人社", "就业登记及养老金领取", false,
        [
            Id, Name,
            new(RosterField.Status, "类别", true, ["就业", "领取养老金"], ["人员类别"], "领取养老金"),
            new(RosterField.Detail, "单位", false, Variants: ["就业单位"], Example: "某某公司"),
        ]),
        new(RosterKind.PublicEmployees, "财政", "财政供养人员（识别存疑）", true,
        [
            Id, Name,
            new(RosterField.Detail, "工作单位", true, Variants: ["单位"], Example: "某某局"),
        ]),
        new(RosterKind.Vehicles, "公安/交通", "登记车辆（识别存疑）", false,
        [
            Id, Name,
            new(RosterField.Detail, "号牌号码", true, Variants: ["车牌号"], Example: "贵G12345"),
            new(RosterField.SubType, "车辆类型", false, Example: "小型轿车"),
        ]),
        new(RosterKind.Property, "自然资源/住建", "商品房登记（识别存疑）", false,
        [
            Id, Name,
            new(RosterField.Detail, "房屋坐落", true, Variants: ["坐落"], Example: "西秀区某小区1栋"),
            new(RosterField.Total, "建筑面积", false, Example: "98.5"),
        ]),
        new(RosterKind.Companies, "市场监管", "工商注册企业（识别存疑）", false,
        [
            Id, Name,
            new(RosterField.Detail, "企业名称", true, Example: "某某农业有限公司"),
            new(RosterField.SubType, "身份", false, ["法定代表人", "股东"], Example: "法定代表人"),
        ]),
    ];

    public static RosterLayout Of(RosterKind kind) => All[(int)kind];

    public string FileName => $"{Shared.Labels.Of(Kind)}模板.xlsx";

    /// <summary>Column index of each known header; repeats and missing required columns are problems.</summary>
    public (Dictionary<RosterField, int> Map, List<string> Problems) MapHeader(IReadOnlyList<string?> header)
    {
        var map = new Dictionary<RosterField, int>();
        var problems = new List<string>();
        for (var i = 0; i < header.Count; i++)
        {
            if (Match(header[i]) is { } c && !map.TryAdd(c.Field, i))
            {
                problems.Add($"表头“{c.Header}”出现了两次（第{map[c.Field] + 1}列和第{i + 1}列）");
            }
        }
        problems.AddRange(Columns.Where(c => c.Required && !map.ContainsKey(c.Field)).Select(c => $"缺少必需的列“{c.Header}”"));
        return (map, problems);
    }

    public int Score(IReadOnlyList<string?> row) => row.Count(h => Match(h) is not null);

    private RosterColumn? Match(string? header)
    {
        var n = ImportColumns.Normalize(header);
        return n.Length == 0 ? null
            : Columns.FirstOrDefault(c => ImportColumns.Normalize(c.Header) == n || (c.Variants ?? []).Any(v => ImportColumns.Normalize(v) == n));
    }
}
