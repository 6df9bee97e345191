using System.Globalization;
using Fupin.Web.Data;
using Fupin.Web.Features.Audit;
using Fupin.Web.Features.Import;
using Fupin.Web.Rules;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Comparison;

/// <summary>
/// A department roster upload, all or nothing like the registry import (same job, safety checks and error
/// report): every row is checked (ID number per GB 11643, name, coded values, dates and amounts, one row per
/// person where the kind says so); if all pass, the batch and its rows go in through the bulk path in one
/// transaction. A file already accepted for the same kind is refused rather than loaded twice.
/// </summary>
public static class RosterImport
{
    public static async Task<RegistryImport.Result> RunAsync(AppDbContext db, TimeProvider clock, string path, SheetReader.Kind kind,
        RegistryImport.Options options, RosterKind rosterKind, string label, RegistryImport.Progress progress, CancellationToken ct)
    {
        var today = clock.Today();
        var layout = RosterLayout.Of(rosterKind);
        var kindName = Labels.Of(rosterKind);
        progress.Phase = "校验中";
        using var sheet = SheetReader.OpenAtHeader(path, kind, layout.Score, minimum: 2);
        if (sheet is null)
        {
            return Problem($"没有找到表头：前10行中没有一行含有“证件号码”“姓名”等列名。请使用“{kindName}”的导入模板。", 0);
        }
        var headerRow = sheet.HeaderRow;
        var (map, problems) = layout.MapHeader(sheet.Header);
        if (problems.Count > 0)
        {
            return Problem("表头不符合要求：" + string.Join("；", problems), headerRow);
        }
        var region = db.User.RegionCode ?? "";
        var sha = options.Sha256;
        if (await db.Set<RosterBatch>().AnyAsync(b => b.Kind == rosterKind && b.Sha256 == sha, ct))
        {
            return Problem("该名册文件已经导入过（内容完全相同），无需重复导入", headerRow);
        }

        var errors = new RowErrors();
        var rows = new List<RosterEntry>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var line = headerRow;
        var batchId = options.JobId;
        foreach (var cells in sheet.DataRows())
        {
            line++;
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            if (rows.Count >= options.MaxRows)
            {
                return Problem($"文件超过{options.MaxRows}行的上限，请分批导入", headerRow);
            }
            string Cell(RosterField f) => map.TryGetValue(f, out var i) && i < cells.Length ? RowParser.Clean(cells[i]) : "";
            var entry = new RosterEntry { BatchId = batchId, RegionCode = region, IdNumber = "", Name = "" };
            foreach (var column in layout.Columns)
            {
                var text = Cell(column.Field);
                if (text.Length == 0)
                {
                    if (column.Required)
                    {
                        errors.Add(line, $"请填写{column.Header}");
                    }
                    continue;
                }
                switch (column.Field)
                {
                    case RosterField.IdNumber:
                        if (ResidentId.TryParse(text, today, out var idError) is { } id)
                        {
                            entry.IdNumber = id.Normalized;
                        }
                        else
                        {
                            errors.Add(line, $"证件号码“{text}”有误：{idError}");
                        }
                        break;
                    case RosterField.Name:
                        entry.Name = text.Length > 50 ? text[..50] : text;
                        break;
                    case RosterField.EventDate:
                        entry.EventDate = CodeText.Date(text);
                        if (entry.EventDate is null)
                        {
                            errors.Add(line, $"{column.Header}“{text}”无法识别，请填写如 2026-03-15");
                        }
                        else if (entry.EventDate > today)
                        {
                            errors.Add(line, $"{column.Header}不能晚于今天");
                        }
                        break;
                    case RosterField.Total:
                    case RosterField.Paid:
                        if (decimal.TryParse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) && amount >= 0)
                        {
                            if (column.Field == RosterField.Total)
                            {
                                entry.Total = amount;
                            }
                            else
                            {
                                entry.Paid = amount;
                            }
                        }
                        else
                        {
                            errors.Add(line, $"{column.Header}“{text}”应为不小于0的数字");
                        }
                        break;
                    default:
                        var value = column.Values is null ? text : Canonical(column.Values, text);
                        if (value is null)
                        {
                            errors.Add(line, $"{column.Header}“{text}”不是可选值（{string.Join("、", column.Values!)}）");
                            break;
                        }
                        value = value.Length > (column.Field == RosterField.Detail ? 200 : 20) ? value[..(column.Field == RosterField.Detail ? 200 : 20)] : value;
                        if (column.Field == RosterField.Status)
                        {
                            entry.Status = value;
                        }
                        else if (column.Field == RosterField.SubType)
                        {
                            entry.SubType = value;
                        }
                        else
                        {
                            entry.Detail = value;
                        }
                        break;
                }
            }
            if (entry is { Total: { } total, Paid: { } paid })
            {
                if (total <= 0 && layout.Kind == RosterKind.Settlements)
                {
                    errors.Add(line, "医疗总费用应大于0");
                }
                else if (paid > total)
                {
                    errors.Add(line, "报销金额不能大于医疗总费用");
                }
            }
            if (layout.OneRowPerPerson && entry.IdNumber.Length > 0 && !seen.TryAdd(entry.IdNumber, line))
            {
                errors.Add(line, $"证件号码与第{seen[entry.IdNumber]}行重复（此名册每人一行）");
            }
            rows.Add(entry);
            progress.Checked();
        }
        progress.RowsTotal = rows.Count;
        if (rows.Count == 0)
        {
            return Problem("文件中没有数据行", headerRow);
        }
        if (errors.Count > 0)
        {
            return new(null, null, errors.Joined(), headerRow);
        }

        progress.Phase = "写入中";
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var batch = new RosterBatch
        {
            Id = batchId,
            RegionCode = region,
            Kind = rosterKind,
            Label = label,
            FileName = options.FileName,
            Sha256 = options.Sha256,
            Rows = rows.Count,
            UploadedBy = db.User.UserName,
            Department = layout.Department,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(batch);
        AuditEvents.Add(db, clock, AuditEvent.Import, nameof(RosterBatch), batchId.ToString(),
            $"导入{kindName}“{options.FileName}”（{label}，SHA-256 {options.Sha256[..16]}…）：{rows.Count}行", region);
        await db.SaveChangesAsync(ct);
        foreach (var chunk in rows.Chunk(20_000))
        {
            await BulkWriter.InsertAsync(db, chunk, ct);
            progress.Written(chunk.Length);
        }
        await tx.CommitAsync(ct);
        progress.Phase = "已完成";
        return new(new RegistryImport.Summary(rows.Count, 0, 0, 0, 0, 0, 0), null, new Dictionary<int, string>(), headerRow);

        static RegistryImport.Result Problem(string message, int header) => new(null, message, new Dictionary<int, string>(), header);
    }

    /// <summary>The allowed value a cell means: exact, or the value the cell starts with ("C级" → "C", "已参保（居民）" → "已参保").</summary>
    public static string? Canonical(string[] values, string text)
    {
        var t = text.Trim().ToUpperInvariant();
        foreach (var v in values)
        {
            if (t == v.ToUpperInvariant())
            {
                return v;
            }
        }
        foreach (var v in values.OrderByDescending(v => v.Length))
        {
            if (t.StartsWith(v.ToUpperInvariant(), StringComparison.Ordinal))
            {
                return v;
            }
        }
        return null;
    }

    /// <summary>The header row of a kind's roster; required columns are marked with *.</summary>
    public static Task<byte[]> TemplateAsync(RosterKind kind, CancellationToken ct) =>
        XlsxWriter.ToBytesAsync(Labels.Of(kind), [.. RosterLayout.Of(kind).Columns.Select(c => c.Required ? "*" + c.Header : c.Header)], [], ct);
}
