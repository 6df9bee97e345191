using Fupin.Web.Data;
using Fupin.Web.Features.Audit;
using Fupin.Web.Features.Regions;
using Fupin.Web.Rules;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Funds;

/// <summary>
/// 支出进度 at any day: allocated, spent and progress per source and batch (against the money issued), and per
/// township, department and project (against the money allocated to them); townships and departments ranked,
/// with the change since the last snapshot. Snapshots are taken weekly by the scheduler and on demand.
/// </summary>
public static class SpendingProgress
{
    public sealed record Line(ProgressDimension Dimension, string Key, string Name, decimal Allocated, decimal Spent, decimal? Progress, int? Rank, decimal? Change)
    {
        public string AllocatedWan => FundsRules.Wan(Allocated);
        public string SpentWan => FundsRules.Wan(Spent);
    }

    public sealed record Report(DateOnly AsOf, decimal Issued, decimal Allocated, decimal Spent, decimal? Progress, DateTime? PreviousAt, IReadOnlyList<Line> Lines)
    {
        public IEnumerable<Line> Of(ProgressDimension d) => Lines.Where(l => l.Dimension == d);
    }

    public sealed record SnapshotView(Guid Id, DateOnly AsOf, DateTime TakenAt, bool Automatic, string TakenBy);

    private sealed record Raw(ProgressDimension Dimension, string Key, string Name, decimal Allocated, decimal Spent);

    private static async Task<List<Raw>> ComputeAsync(AppDbContext db, string? regionCode, DateOnly asOf, CancellationToken ct)
    {
        var batches = await db.Set<FundBatch>().AsNoTracking().Within(regionCode).Where(b => b.IssuedOn <= asOf).ToListAsync(ct);
        var allocations = await db.Set<Allocation>().AsNoTracking().Within(regionCode).Where(a => a.AllocatedOn <= asOf).ToListAsync(ct);
        var spentRows = await db.Set<Disbursement>().AsNoTracking().Within(regionCode).Where(d => d.PaidOn <= asOf)
            .Select(d => new FundFlows.KeyAmount(d.AllocationId, d.Amount)).ToListAsync(ct);
        var spent = FundFlows.Sums(spentRows);
        var targets = await FundFlows.TargetNamesAsync(db, allocations, ct);
        var townshipCodes = allocations.Where(a => a.Target != AllocationTarget.Department).Select(a => RegionCodes.AncestorAt(a.RegionCode, RegionLevel.Township)).Distinct().ToList();
        var townships = await db.Regions.IgnoreQueryFilters().AsNoTracking().Where(r => townshipCodes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var lines = new List<Raw>();
        // Source and batch: against the money issued; spent is every payment out of the batch.
        decimal SpentOfBatch(Guid id) => allocations.Where(a => a.BatchId == id).Sum(a => spent.GetValueOrDefault(a.Id));
        lines.AddRange(batches.GroupBy(b => b.Source).Select(g => new Raw(ProgressDimension.Source, g.Key.ToString(), Labels.Of(g.Key), g.Sum(b => b.Amount), g.Sum(b => SpentOfBatch(b.Id)))));
        lines.AddRange(batches.Select(b => new Raw(ProgressDimension.Batch, b.Id.ToString(), b.Name, b.Amount, SpentOfBatch(b.Id))));
        // Townships: what was allocated to them and to projects in them; departments; projects.
        lines.AddRange(allocations.Where(a => a.Target != AllocationTarget.Department).GroupBy(a => RegionCodes.AncestorAt(a.RegionCode, RegionLevel.Township))
            .Select(g => new Raw(ProgressDimension.Township, g.Key, townships.GetValueOrDefault(g.Key, g.Key), g.Sum(a => a.Amount), g.Sum(a => spent.GetValueOrDefault(a.Id)))));
        lines.AddRange(allocations.Where(a => a.Target == AllocationTarget.Department).GroupBy(a => a.Department ?? "")
            .Select(g => new Raw(ProgressDimension.Department, g.Key, g.Key, g.Sum(a => a.Amount), g.Sum(a => spent.GetValueOrDefault(a.Id)))));
        lines.AddRange(allocations.Where(a => a.ProjectId is not null).GroupBy(a => a.ProjectId!.Value)
            .Select(g => new Raw(ProgressDimension.Project, g.Key.ToString(), targets[g.First().Id], g.Sum(a => a.Amount), g.Sum(a => spent.GetValueOrDefault(a.Id)))));
        return lines;
    }

    public static async Task<Report> GetAsync(AppDbContext db, string? regionCode, DateOnly asOf, CancellationToken ct)
    {
        var raw = await ComputeAsync(db, regionCode, asOf, ct);
        // The change since the newest snapshot taken before this report's day (or on it, before now).
        var region = RegionCodes.IsWellFormed(regionCode) ? regionCode! : db.User.RegionCode ?? "";
        var previous = await db.Set<SpendingSnapshot>().AsNoTracking().Where(s => s.RegionCode == region && s.AsOf <= asOf)
            .OrderByDescending(s => s.TakenAt).FirstOrDefaultAsync(ct);
        var before = previous is null ? [] : (await db.Set<SnapshotLine>().AsNoTracking().Where(l => l.SnapshotId == previous.Id).ToListAsync(ct))
            .ToDictionary(l => (l.Dimension, l.Key), l => FundsRules.Progress(l.Allocated, l.Spent));
        var lines = new List<Line>();
        foreach (var dimension in Enum.GetValues<ProgressDimension>())
        {
            var of = raw.Where(r => r.Dimension == dimension).ToList();
            var ranked = FundsRules.Rank(of, r => FundsRules.Progress(r.Allocated, r.Spent), r => r.Spent, r => r.Key);
            var rankedDimension = dimension is ProgressDimension.Township or ProgressDimension.Department;
            lines.AddRange(ranked.Select(x =>
            {
                var p = FundsRules.Progress(x.Item.Allocated, x.Item.Spent);
                decimal? change = p is { } now && before.TryGetValue((dimension, x.Item.Key), out var then) && then is { } t ? now - t : null;
                return new Line(dimension, x.Item.Key, x.Item.Name, x.Item.Allocated, x.Item.Spent, p, rankedDimension ? x.Rank : null, change);
            }));
        }
        var issued = raw.Where(r => r.Dimension == ProgressDimension.Batch).Sum(r => r.Allocated);
        var spentTotal = raw.Where(r => r.Dimension == ProgressDimension.Batch).Sum(r => r.Spent);
        var allocated = raw.Where(r => r.Dimension is ProgressDimension.Township or ProgressDimension.Department).Sum(r => r.Allocated);
        return new Report(asOf, issued, allocated, spentTotal, FundsRules.Progress(issued, spentTotal), previous?.TakenAt, lines);
    }

    /// <summary>Takes a snapshot of the progress at a day for the user's region; automatic ones are the weekly ones.</summary>
    public static async Task<Guid> SnapshotAsync(AppDbContext db, TimeProvider clock, DateOnly asOf, bool automatic, CancellationToken ct, string? regionCode = null)
    {
        var region = regionCode ?? db.User.RegionCode ?? "";
        var raw = await ComputeAsync(db, RegionCodes.IsWellFormed(region) ? region : null, asOf, ct);
        var snapshot = new SpendingSnapshot { Id = Guid.CreateVersion7(), RegionCode = region, AsOf = asOf, TakenAt = clock.GetUtcNow().UtcDateTime, Automatic = automatic, TakenBy = db.User.UserName };
        db.Add(snapshot);
        db.AddRange(raw.Select(r => new SnapshotLine
        {
            Id = Guid.CreateVersion7(),
            SnapshotId = snapshot.Id,
            RegionCode = region,
            Dimension = r.Dimension,
            Key = r.Key,
            Name = r.Name.Length > 120 ? r.Name[..120] : r.Name,
            Allocated = r.Allocated,
            Spent = r.Spent,
        }));
        await db.SaveChangesAsync(ct);
        return snapshot.Id;
    }

    public static async Task<IReadOnlyList<SnapshotView>> SnapshotsAsync(AppDbContext db, CancellationToken ct) =>
        [.. (await db.Set<SpendingSnapshot>().AsNoTracking().OrderByDescending(s => s.TakenAt).Take(100).ToListAsync(ct))
            .Select(s => new SnapshotView(s.Id, s.AsOf, s.TakenAt, s.Automatic, s.TakenBy))];

    public static async Task<(byte[] Bytes, string FileName)> ExportAsync(AppDbContext db, TimeProvider clock, string? regionCode, DateOnly asOf, CancellationToken ct)
    {
        var r = await GetAsync(db, regionCode, asOf, ct);
        var rows = new List<IReadOnlyList<string?>>();
        foreach (var d in Enum.GetValues<ProgressDimension>())
        {
            rows.AddRange(r.Of(d).Select(l => (IReadOnlyList<string?>)[Labels.Of(d), l.Name, l.AllocatedWan, l.SpentWan, l.Progress?.ToString("0.00"), l.Rank?.ToString(),
                l.Change is { } c ? (c >= 0 ? "+" : "") + c.ToString("0.00") : null]));
        }
        rows.Add(["合计", "", FundsRules.Wan(r.Issued), FundsRules.Wan(r.Spent), r.Progress?.ToString("0.00"), null, null]);
        var bytes = await XlsxWriter.ToBytesAsync("支出进度", ["维度", "名称", "下达或分配（万元）", "已支出（万元）", "支出进度（%）", "排名", "较上次快照（百分点）"], rows, ct);
        await AuditEvents.WriteAsync(db, clock, AuditEvent.Export, nameof(Disbursement), detail: $"资金支出进度 xlsx，截至{asOf:yyyy-MM-dd}", regionCode: regionCode, ct: ct);
        return (bytes, $"资金支出进度-{asOf:yyyyMMdd}.xlsx");
    }
}
