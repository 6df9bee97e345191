using System.Globalization;
using Fupin.Web.Data;
using Fupin.Web.Features.Audit;
using Fupin.Web.Features.Income;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Import;

/// <summary>
/// 收入台账 import: one row per household and year, by 户编号, all or nothing like the registry import
/// (same reader, same job, same error report). Each row is checked with the ledger form's rules; a year
/// already recorded is updated field by field (audited), an unchanged one is left alone.
/// </summary>
public static class IncomeImport
{
    public const string FileName = "收入台账导入模板.xlsx";

    private enum C
    {
        Number,
        Year,
        Size,
        Wage,
        Business,
        PropertyDividend,
        PropertyOther,
        FamilyPlanning,
        Dibao,
        Tekun,
        Pension,
        EcoCompensation,
        OtherTransfer,
        BusinessExpense,
        Note,
    }

    private static readonly (C Key, string Header, bool Required, string[] Variants)[] Columns =
    [
        (C.Number, "户编号", true, ["户码"]),
        (C.Year, "年度", true, ["收入年度", "年份"]),
        (C.Size, "家庭人口", false, ["家庭人口数", "家庭人数", "人数"]),
        (C.Wage, "工资性收入", false, []),
        (C.Business, "生产经营性收入", false, []),
        (C.PropertyDividend, "资产收益分红", false, ["资产收益分红型", "财产性收入(资产收益分红)"]),
        (C.PropertyOther, "其他财产性收入", false, ["财产性收入(其他)", "财产性收入"]),
        (C.FamilyPlanning, "计划生育金", false, []),
        (C.Dibao, "低保金", false, []),
        (C.Tekun, "特困供养金", false, ["五保金"]),
        (C.Pension, "养老保险金", false, ["养老金"]),
        (C.EcoCompensation, "生态补偿金", false, []),
        (C.OtherTransfer, "其他转移性收入", false, ["各类补贴"]),
        (C.BusinessExpense, "生产经营性支出", false, []),
        (C.Note, "备注", false, []),
    ];

    public static IReadOnlyList<string> Headers => Columns.Select(c => c.Header).ToList();

    private static C? Match(string? header)
    {
        var n = ImportColumns.Normalize(header);
        foreach (var c in Columns)
        {
            if (ImportColumns.Normalize(c.Header) == n || c.Variants.Any(v => ImportColumns.Normalize(v) == n))
            {
                return c.Key;
            }
        }
        return null;
    }

    private sealed record Row(int Line, string Number, int Year, IncomeLedger.Input Input, bool SizeGiven);

    public static async Task<RegistryImport.Result> RunAsync(AppDbContext db, TimeProvider clock, string path, SheetReader.Kind kind,
        RegistryImport.Options options, RegistryImport.Progress progress, CancellationToken ct)
    {
        var today = clock.Today();
        progress.Phase = "校验中";
        using var sheet = SheetReader.OpenAtHeader(path, kind, r => r.Count(h => Match(h) is not null));
        if (sheet is null)
        {
            return new(null, "没有找到表头：前10行中没有一行含有“户编号”“年度”及收入各项的列名。请使用收入台账导入模板。", new Dictionary<int, string>(), 0);
        }
        var headerRow = sheet.HeaderRow;
        var map = new Dictionary<C, int>();
        var header = sheet.Header;
        for (var i = 0; i < header.Length; i++)
        {
            if (Match(header[i]) is { } c)
            {
                map.TryAdd(c, i);
            }
        }
        var missing = Columns.Where(c => c.Required && !map.ContainsKey(c.Key)).Select(c => $"缺少必需的列“{c.Header}”").ToList();
        if (missing.Count > 0)
        {
            return new(null, "表头不符合要求：" + string.Join("；", missing), new Dictionary<int, string>(), headerRow);
        }

        var errors = new RowErrors();
        var parsed = new List<Row>();
        var seen = new Dictionary<(string, int), int>();
        var line = headerRow;
        foreach (var cells in sheet.DataRows())
        {
            line++;
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            if (parsed.Count >= options.MaxRows)
            {
                return new(null, $"文件超过{options.MaxRows}行的上限，请分批导入", new Dictionary<int, string>(), headerRow);
            }
            string Cell(C c) => map.TryGetValue(c, out var i) && i < cells.Length ? RowParser.Clean(cells[i]) : "";
            decimal Money(C c)
            {
                var text = Cell(c).Replace(",", "", StringComparison.Ordinal);
                if (text.Length == 0)
                {
                    return 0;
                }
                if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var v))
                {
                    return v;
                }
                errors.Add(line, $"{Columns[(int)c].Header}“{Cell(c)}”不是金额");
                return 0;
            }
            var number = Cell(C.Number);
            if (number.Length == 0)
            {
                errors.Add(line, "请填写户编号");
            }
            var yearText = Cell(C.Year);
            var year = CodeText.Year(yearText) ?? 0;
            if (year == 0)
            {
                errors.Add(line, yearText.Length == 0 ? "请填写年度" : $"年度“{yearText}”无法识别，请填写如 2019");
            }
            var sizeText = Cell(C.Size);
            var size = 0;
            if (sizeText.Length > 0 && !int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out size))
            {
                errors.Add(line, $"家庭人口“{sizeText}”应为整数");
            }
            var input = new IncomeLedger.Input
            {
                HouseholdSize = size,
                Wage = Money(C.Wage),
                Business = Money(C.Business),
                PropertyDividend = Money(C.PropertyDividend),
                PropertyOther = Money(C.PropertyOther),
                FamilyPlanning = Money(C.FamilyPlanning),
                Dibao = Money(C.Dibao),
                Tekun = Money(C.Tekun),
                Pension = Money(C.Pension),
                EcoCompensation = Money(C.EcoCompensation),
                OtherTransfer = Money(C.OtherTransfer),
                BusinessExpense = Money(C.BusinessExpense),
                Note = Cell(C.Note) is { Length: > 0 } note ? note : null,
            };
            var check = new Errors();
            // The size is checked once the household is known (blank takes its member count).
            IncomeLedger.Validate(input with { HouseholdSize = sizeText.Length > 0 ? size : 1 }, year == 0 ? today.Year : year, today, check);
            foreach (var (_, messages) in check.ToDictionary())
            {
                foreach (var m in messages)
                {
                    errors.Add(line, m);
                }
            }
            if (number.Length > 0 && year > 0 && !seen.TryAdd((number, year), line))
            {
                errors.Add(line, $"户编号{number}的{year}年与第{seen[(number, year)]}行重复");
            }
            parsed.Add(new Row(line, number, year, input, sizeText.Length > 0));
            progress.Checked();
        }
        progress.RowsTotal = parsed.Count;
        if (parsed.Count == 0)
        {
            return new(null, "文件中没有数据行", new Dictionary<int, string>(), headerRow);
        }
        if (errors.Count > 0)
        {
            return new(null, null, errors.Joined(), headerRow);
        }

        progress.Phase = "写入中";
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        int created = 0, updated = 0, unchanged = 0;
        foreach (var chunk in parsed.Chunk(2000))
        {
            var numbers = chunk.Select(r => r.Number).Distinct().ToList();
            // In scope only: a household the user may not see reads as unknown.
            var households = await db.Households.AsNoTracking().Where(h => numbers.Contains(h.HouseholdNumber))
                .Select(h => new { h.Id, h.HouseholdNumber, h.RegionCode, h.MemberCount }).ToDictionaryAsync(h => h.HouseholdNumber, ct);
            var ids = households.Values.Select(h => h.Id).ToList();
            var records = await db.Set<IncomeRecord>().Where(r => ids.Contains(r.HouseholdId)).ToListAsync(ct);
            foreach (var r in chunk)
            {
                if (!households.TryGetValue(r.Number, out var h))
                {
                    errors.Add(r.Line, $"户编号{r.Number}不存在或不在您的管辖范围内");
                    continue;
                }
                var input = r.SizeGiven ? r.Input : r.Input with { HouseholdSize = Math.Max(h.MemberCount, 1) };
                var record = records.FirstOrDefault(x => x.HouseholdId == h.Id && x.Year == r.Year);
                if (record is null)
                {
                    record = new IncomeRecord { Id = Guid.CreateVersion7(), HouseholdId = h.Id, RegionCode = h.RegionCode, Year = r.Year };
                    IncomeLedger.Apply(input, record);
                    db.Add(record);
                    created++;
                    continue;
                }
                IncomeLedger.Apply(input, record);
                if (db.Entry(record).Properties.Any(p => p.IsModified))
                {
                    updated++;
                }
                else
                {
                    unchanged++;
                }
            }
            if (errors.Count == 0)
            {
                await db.SaveChangesAsync(ct);
                progress.Written(chunk.Length);
            }
            db.ChangeTracker.Clear();
        }
        if (errors.Count > 0)
        {
            await tx.RollbackAsync(ct);
            return new(null, null, errors.Joined(), headerRow);
        }
        AuditEvents.Add(db, clock, AuditEvent.Import, "IncomeRecord", options.JobId.ToString(),
            $"导入收入台账“{options.FileName}”（SHA-256 {options.Sha256[..16]}…）：{parsed.Count}行；新增{created}条，更新{updated}条，未变化{unchanged}条", db.User.RegionCode);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        progress.Phase = "已完成";
        return new(new RegistryImport.Summary(parsed.Count, parsed.Select(r => r.Number).Distinct().Count(), created, updated, 0, 0, unchanged), null,
            new Dictionary<int, string>(), headerRow);
    }

    public static Task<byte[]> TemplateAsync(CancellationToken ct) => XlsxWriter.ToBytesAsync("收入台账", Headers, [], ct);
}
