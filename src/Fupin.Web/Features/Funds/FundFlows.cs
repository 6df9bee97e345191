using Fupin.Web.Data;
using Fupin.Web.Features.Assistance;
using Fupin.Web.Features.Regions;
using Fupin.Web.Rules;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Funds;

/// <summary>Money from source to payee: batches (下达), allocations (分配) and disbursements (支出), exact to the fen.</summary>
public static class FundFlows
{
    public sealed record BatchRequest(int? Year, FundSource Source, string? Name, string? DocumentNo, DateOnly? IssuedOn, decimal? Amount, bool IsAdvance, string? Note, int Version);

    public sealed record AllocationRequest(AllocationTarget Target, string? TownshipCode, string? Department, Guid? ProjectId, decimal? Amount, DateOnly? AllocatedOn,
        string? DocumentNo, bool OverAllocate, string? Note);

    public sealed record DisbursementRequest(Guid AllocationId, decimal? Amount, DateOnly? PaidOn, string? Payee, string? VoucherNo, Guid? MeasureId, string? Note);

    public sealed record BatchView(Guid Id, string RegionCode, int Year, FundSource Source, string SourceLabel, string Name, string DocumentNo, DateOnly IssuedOn,
        decimal Amount, bool IsAdvance, string? Note, decimal Allocated, decimal Spent, decimal? Progress, int Version);

    public sealed record AllocationView(Guid Id, Guid BatchId, string BatchName, AllocationTarget Target, string TargetLabel, string TargetName, Guid? ProjectId,
        decimal Amount, DateOnly AllocatedOn, string? DocumentNo, bool OverAllocated, string? Note, decimal Spent, decimal? Progress);

    public sealed record DisbursementView(Guid Id, Guid AllocationId, Guid BatchId, string BatchName, string TargetName, decimal Amount, DateOnly PaidOn, string Payee,
        string VoucherNo, Guid? ProjectId, Guid? MeasureId, string? Note, string RecordedBy);

    /// <summary>An amount by key. Sums are taken here, not in SQL: SQLite keeps decimals as text and cannot add them exactly.</summary>
    public sealed record KeyAmount(Guid Key, decimal Amount);

    public static Dictionary<Guid, decimal> Sums(IEnumerable<KeyAmount> rows) => rows.GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.Sum(r => r.Amount));

    public static async Task<IReadOnlyList<BatchView>> BatchesAsync(AppDbContext db, int? year, CancellationToken ct)
    {
        var query = db.Set<FundBatch>().AsNoTracking();
        if (year is { } y)
        {
            query = query.Where(b => b.Year == y);
        }
        var batches = await query.OrderByDescending(b => b.IssuedOn).ThenBy(b => b.Name).ToListAsync(ct);
        var ids = batches.Select(b => b.Id).ToList();
        var allocated = Sums(await db.Set<Allocation>().Where(a => ids.Contains(a.BatchId)).Select(a => new KeyAmount(a.BatchId, a.Amount)).ToListAsync(ct));
        var spent = Sums(await db.Set<Disbursement>().Where(d => ids.Contains(d.BatchId)).Select(d => new KeyAmount(d.BatchId, d.Amount)).ToListAsync(ct));
        return [.. batches.Select(b => new BatchView(b.Id, b.RegionCode, b.Year, b.Source, Labels.Of(b.Source), b.Name, b.DocumentNo, b.IssuedOn, b.Amount, b.IsAdvance, b.Note,
            allocated.GetValueOrDefault(b.Id), spent.GetValueOrDefault(b.Id), FundsRules.Progress(b.Amount, spent.GetValueOrDefault(b.Id)), b.Version))];
    }

    public static async Task<Outcome<Guid>> SaveBatchAsync(AppDbContext db, TimeProvider clock, Guid? id, BatchRequest r, CancellationToken ct)
    {
        var today = clock.Today();
        var errors = new Errors();
        errors.Require("name", r.Name, "批次名称", 100);
        errors.Require("documentNo", r.DocumentNo, "下达文号", 60);
        errors.MaxLength("note", r.Note, "备注", 200);
        if (!Enum.IsDefined(r.Source))
        {
            errors.Add("source", "请选择资金来源");
        }
        if (r.Amount is not > 0)
        {
            errors.Add("amount", "下达金额应大于0");
        }
        else if (decimal.Round(r.Amount.Value, 2) != r.Amount.Value)
        {
            errors.Add("amount", "金额最多精确到分（两位小数）");
        }
        if (r.IssuedOn is not { } issued)
        {
            errors.Add("issuedOn", "请填写下达日期");
        }
        else if (issued > today)
        {
            errors.Add("issuedOn", "下达日期不能晚于今天");
        }
        var year = r.Year ?? r.IssuedOn?.Year ?? today.Year;
        if (year < 2014 || year > today.Year + 1)
        {
            errors.Add("year", $"年度应在2014年到{today.Year + 1}年之间");
        }
        var existing = id is { } i ? await db.Set<FundBatch>().FirstOrDefaultAsync(b => b.Id == i, ct) : null;
        if (id is not null && existing is null)
        {
            return new Outcome<Guid>.NotFound();
        }
        if (existing is not null && r.Amount is { } amount
            && (await db.Set<Allocation>().Where(a => a.BatchId == existing.Id && !a.OverAllocated).Select(a => a.Amount).ToListAsync(ct)).Sum() is var allocated && amount < allocated)
        {
            errors.Add("amount", $"已分配{allocated:0.00}元，下达金额不能少于已分配金额");
        }
        if (errors.Any)
        {
            return new Outcome<Guid>.Invalid(errors);
        }
        var batch = VersionedSave.Prepare(db, existing, id is null ? 0 : r.Version,
            () => new FundBatch { Id = Guid.CreateVersion7(), RegionCode = db.User.RegionCode!, Name = "", DocumentNo = "" });
        if (batch is null)
        {
            return new Outcome<Guid>.Conflict(Outcome.ConflictMessage);
        }
        (batch.Year, batch.Source, batch.Name, batch.DocumentNo, batch.IssuedOn, batch.Amount, batch.IsAdvance, batch.Note) =
            (year, r.Source, r.Name!.Trim(), r.DocumentNo!.Trim(), r.IssuedOn!.Value, r.Amount!.Value, r.IsAdvance, string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim());
        return await VersionedSave.SaveAsync(db, () => batch.Id, ct);
    }

    public static async Task<Outcome<Guid>> AllocateAsync(AppDbContext db, TimeProvider clock, Guid batchId, AllocationRequest r, CancellationToken ct)
    {
        var batch = await db.Set<FundBatch>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == batchId, ct);
        if (batch is null)
        {
            return new Outcome<Guid>.NotFound();
        }
        var today = clock.Today();
        var errors = new Errors();
        errors.MaxLength("documentNo", r.DocumentNo, "分配文号", 60);
        errors.MaxLength("note", r.Note, "说明", 200);
        string? region = null;
        switch (r.Target)
        {
            case AllocationTarget.Township:
                region = r.TownshipCode?.Trim();
                if (!RegionCodes.IsWellFormed(region) || !await db.Regions.AnyAsync(x => x.Code == region && x.Level == RegionLevel.Township, ct))
                {
                    errors.Add("townshipCode", "请选择乡镇（须在您的管辖范围内）");
                }
                break;
            case AllocationTarget.Department:
                errors.Require("department", r.Department, "部门名称", 60);
                region = batch.RegionCode;
                break;
            case AllocationTarget.Project:
                var project = r.ProjectId is { } pid ? await db.Set<Project>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == pid, ct) : null;
                if (project is null)
                {
                    errors.Add("projectId", "请选择项目（须在您的管辖范围内）");
                }
                else if (project.Stage is ProjectStage.Transferred or ProjectStage.Cancelled)
                {
                    errors.Add("projectId", "项目已关闭，不能再分配资金");
                }
                region = project?.RegionCode;
                break;
            default:
                errors.Add("target", "请选择分配对象");
                break;
        }
        if (r.AllocatedOn is { } on && (on > today || on < batch.IssuedOn && !batch.IsAdvance))
        {
            errors.Add("allocatedOn", on > today ? "分配日期不能晚于今天" : "分配日期不能早于下达日期");
        }
        if (r.OverAllocate && string.IsNullOrWhiteSpace(r.Note))
        {
            errors.Add("note", "超额分配请说明原因");
        }
        var amount = r.Amount ?? 0;
        if (decimal.Round(amount, 2) != amount)
        {
            errors.Add("amount", "金额最多精确到分（两位小数）");
        }
        var allocated = (await db.Set<Allocation>().Where(a => a.BatchId == batchId).Select(a => a.Amount).ToListAsync(ct)).Sum();
        if (FundsRules.AllocationRefusal(batch.Amount, allocated, amount, r.OverAllocate) is { } refused)
        {
            errors.Add("amount", refused);
        }
        if (errors.Any)
        {
            return new Outcome<Guid>.Invalid(errors);
        }
        var row = new Allocation
        {
            Id = Guid.CreateVersion7(),
            RegionCode = region!,
            BatchId = batchId,
            Target = r.Target,
            Department = r.Target == AllocationTarget.Department ? r.Department!.Trim() : null,
            ProjectId = r.Target == AllocationTarget.Project ? r.ProjectId : null,
            Amount = amount,
            AllocatedOn = r.AllocatedOn ?? today,
            DocumentNo = r.DocumentNo?.Trim(),
            OverAllocated = amount > batch.Amount - allocated,
            Note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim(),
            AllocatedBy = db.User.UserName,
        };
        db.Add(row);
        await db.SaveChangesAsync(ct);
        return new Outcome<Guid>.Done(row.Id);
    }

    public static async Task<Outcome<Guid>> DisburseAsync(AppDbContext db, TimeProvider clock, DisbursementRequest r, CancellationToken ct)
    {
        var allocation = await db.Set<Allocation>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == r.AllocationId, ct);
        if (allocation is null)
        {
            // The allocation is named in the body: a wrong one is a mistake to fix, not a missing page.
            return new Outcome<Guid>.Invalid(new Errors().Add("allocationId", "请选择从哪项分配支出（须在您的管辖范围内）"));
        }
        var today = clock.Today();
        var errors = new Errors();
        errors.Require("payee", r.Payee, "收款单位或个人", 100);
        errors.Require("voucherNo", r.VoucherNo, "凭证号", 60);
        errors.MaxLength("note", r.Note, "摘要", 200);
        if (r.PaidOn is not { } paid)
        {
            errors.Add("paidOn", "请填写支出日期");
        }
        else if (paid > today)
        {
            errors.Add("paidOn", "支出日期不能晚于今天");
        }
        else if (paid < allocation.AllocatedOn)
        {
            errors.Add("paidOn", "支出日期不能早于分配日期");
        }
        var amount = r.Amount ?? 0;
        if (decimal.Round(amount, 2) != amount)
        {
            errors.Add("amount", "金额最多精确到分（两位小数）");
        }
        ProjectStage? stage = allocation.ProjectId is { } pid ? await db.Set<Project>().Where(p => p.Id == pid).Select(p => (ProjectStage?)p.Stage).FirstOrDefaultAsync(ct) : null;
        var spent = (await db.Set<Disbursement>().Where(d => d.AllocationId == allocation.Id).Select(d => d.Amount).ToListAsync(ct)).Sum();
        if (FundsRules.DisbursementRefusal(allocation.Amount, spent, amount, stage) is { } refused)
        {
            errors.Add(refused.StartsWith("项目", StringComparison.Ordinal) ? "allocationId" : "amount", refused);
        }
        if (r.MeasureId is { } mid && !await db.Set<AssistanceMeasure>().AnyAsync(m => m.Id == mid, ct))
        {
            errors.Add("measureId", "所付的帮扶措施不存在或不在您的管辖范围内");
        }
        if (errors.Any)
        {
            return new Outcome<Guid>.Invalid(errors);
        }
        var row = new Disbursement
        {
            Id = Guid.CreateVersion7(),
            RegionCode = allocation.RegionCode,
            AllocationId = allocation.Id,
            BatchId = allocation.BatchId,
            Amount = amount,
            PaidOn = r.PaidOn!.Value,
            Payee = r.Payee!.Trim(),
            VoucherNo = r.VoucherNo!.Trim(),
            ProjectId = allocation.ProjectId,
            MeasureId = r.MeasureId,
            Note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim(),
            RecordedBy = db.User.UserName,
        };
        db.Add(row);
        await db.SaveChangesAsync(ct);
        return new Outcome<Guid>.Done(row.Id);
    }

    public static async Task<IReadOnlyList<AllocationView>> AllocationsAsync(AppDbContext db, Guid? batchId, Guid? projectId, CancellationToken ct)
    {
        var query = db.Set<Allocation>().AsNoTracking();
        if (batchId is { } b)
        {
            query = query.Where(a => a.BatchId == b);
        }
        if (projectId is { } p)
        {
            query = query.Where(a => a.ProjectId == p);
        }
        var rows = await query.OrderByDescending(a => a.AllocatedOn).ThenBy(a => a.Id).Take(2000).ToListAsync(ct);
        var names = await TargetNamesAsync(db, rows, ct);
        var batchIds = rows.Select(a => a.BatchId).Distinct().ToList();
        var batches = await db.Set<FundBatch>().IgnoreQueryFilters().AsNoTracking().Where(x => batchIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var ids = rows.Select(a => a.Id).ToList();
        var spent = Sums(await db.Set<Disbursement>().Where(d => ids.Contains(d.AllocationId)).Select(d => new KeyAmount(d.AllocationId, d.Amount)).ToListAsync(ct));
        return [.. rows.Select(a => new AllocationView(a.Id, a.BatchId, batches.GetValueOrDefault(a.BatchId, ""), a.Target, Labels.Of(a.Target), names[a.Id], a.ProjectId,
            a.Amount, a.AllocatedOn, a.DocumentNo, a.OverAllocated, a.Note, spent.GetValueOrDefault(a.Id), FundsRules.Progress(a.Amount, spent.GetValueOrDefault(a.Id))))];
    }

    /// <summary>What each allocation went to: the township's name, the department, or the project's name.</summary>
    public static async Task<Dictionary<Guid, string>> TargetNamesAsync(AppDbContext db, IReadOnlyList<Allocation> rows, CancellationToken ct)
    {
        var projectIds = rows.Where(a => a.ProjectId is not null).Select(a => a.ProjectId!.Value).Distinct().ToList();
        var projects = await db.Set<Project>().IgnoreQueryFilters().AsNoTracking().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var townships = rows.Where(a => a.Target == AllocationTarget.Township).Select(a => a.RegionCode).Distinct().ToList();
        var regions = await db.Regions.IgnoreQueryFilters().AsNoTracking().Where(r => townships.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        return rows.ToDictionary(a => a.Id, a => a.Target switch
        {
            AllocationTarget.Township => regions.GetValueOrDefault(a.RegionCode, a.RegionCode),
            AllocationTarget.Department => a.Department ?? "",
            _ => a.ProjectId is { } p ? projects.GetValueOrDefault(p, "") : "",
        });
    }

    public static async Task<IReadOnlyList<DisbursementView>> DisbursementsAsync(AppDbContext db, Guid? batchId, Guid? projectId, CancellationToken ct)
    {
        var query = db.Set<Disbursement>().AsNoTracking();
        if (batchId is { } b)
        {
            query = query.Where(d => d.BatchId == b);
        }
        if (projectId is { } p)
        {
            query = query.Where(d => d.ProjectId == p);
        }
        var rows = await query.OrderByDescending(d => d.PaidOn).ThenBy(d => d.Id).Take(2000).ToListAsync(ct);
        var allocationIds = rows.Select(d => d.AllocationId).Distinct().ToList();
        var allocations = await db.Set<Allocation>().IgnoreQueryFilters().AsNoTracking().Where(a => allocationIds.Contains(a.Id)).ToListAsync(ct);
        var names = await TargetNamesAsync(db, allocations, ct);
        var batchIds = rows.Select(a => a.BatchId).Distinct().ToList();
        var batches = await db.Set<FundBatch>().IgnoreQueryFilters().AsNoTracking().Where(x => batchIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        return [.. rows.Select(d => new DisbursementView(d.Id, d.AllocationId, d.BatchId, batches.GetValueOrDefault(d.BatchId, ""), names.GetValueOrDefault(d.AllocationId, ""),
            d.Amount, d.PaidOn, d.Payee, d.VoucherNo, d.ProjectId, d.MeasureId, d.Note, d.RecordedBy))];
    }
}
