using Fupin.Web.Data;
using Fupin.Web.Features.Regions;
using Fupin.Web.Rules;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Funds;

/// <summary>扶贫资产: assets formed by projects, and their income shared to households and the village collective (seed 003: 收益分配公开透明).</summary>
public static class PovertyAssets
{
    public sealed record AssetRequest(string? RegionCode, Guid? ProjectId, string? Name, AssetKind Kind, decimal? Value, string? Owner, string? Maintainer, DateOnly? FormedOn, int Version);

    public sealed record ShareLine(Guid? HouseholdId, decimal Amount);

    public sealed record IncomeRequest(int? Year, DateOnly? ReceivedOn, decimal? Amount, string? Note, List<ShareLine>? Shares);

    public sealed record AssetRow(Guid Id, string RegionCode, string PlaceName, Guid? ProjectId, string? ProjectName, string Name, AssetKind Kind, string KindLabel, decimal Value,
        string Owner, string Maintainer, DateOnly FormedOn, decimal Income, decimal ToHouseholds, int Households, int Version);

    public sealed record ShareView(Guid? HouseholdId, string Recipient, decimal Amount);

    public sealed record IncomeView(Guid Id, int Year, DateOnly ReceivedOn, decimal Amount, string? Note, IReadOnlyList<ShareView> Shares);

    public sealed record Detail(AssetRow Asset, IReadOnlyList<IncomeView> Incomes);

    public static async Task<IReadOnlyList<AssetRow>> ListAsync(AppDbContext db, string? regionCode, CancellationToken ct)
    {
        var assets = await db.Set<Asset>().AsNoTracking().Within(regionCode).OrderBy(a => a.RegionCode).ThenBy(a => a.Name).Take(2000).ToListAsync(ct);
        return await RowsAsync(db, assets, ct);
    }

    private static async Task<IReadOnlyList<AssetRow>> RowsAsync(AppDbContext db, IReadOnlyList<Asset> assets, CancellationToken ct)
    {
        var ids = assets.Select(a => a.Id).ToList();
        var incomes = await db.Set<AssetIncome>().AsNoTracking().Where(i => ids.Contains(i.AssetId)).Select(i => new { i.Id, i.AssetId, i.Amount }).ToListAsync(ct);
        var incomeIds = incomes.Select(i => i.Id).ToList();
        var shares = await db.Set<AssetShare>().AsNoTracking().Where(s => incomeIds.Contains(s.IncomeId) && s.HouseholdId != null)
            .Select(s => new { s.IncomeId, s.HouseholdId, s.Amount }).ToListAsync(ct);
        var assetOf = incomes.ToDictionary(i => i.Id, i => i.AssetId);
        var projectIds = assets.Where(a => a.ProjectId is not null).Select(a => a.ProjectId!.Value).ToList();
        var projects = await db.Set<Project>().IgnoreQueryFilters().AsNoTracking().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var names = await db.Regions.IgnoreQueryFilters().AsNoTracking().Where(r => assets.Select(a => a.RegionCode).Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        return [.. assets.Select(a => new AssetRow(a.Id, a.RegionCode, names.GetValueOrDefault(a.RegionCode, a.RegionCode), a.ProjectId, a.ProjectId is { } p ? projects.GetValueOrDefault(p) : null,
            a.Name, a.Kind, Labels.Of(a.Kind), a.Value, a.Owner, a.Maintainer, a.FormedOn, incomes.Where(i => i.AssetId == a.Id).Sum(i => i.Amount),
            shares.Where(s => assetOf[s.IncomeId] == a.Id).Sum(s => s.Amount), shares.Where(s => assetOf[s.IncomeId] == a.Id).Select(s => s.HouseholdId).Distinct().Count(), a.Version))];
    }

    public static async Task<Detail?> GetAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var asset = await db.Set<Asset>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (asset is null)
        {
            return null;
        }
        var incomes = await db.Set<AssetIncome>().AsNoTracking().Where(i => i.AssetId == id).OrderByDescending(i => i.ReceivedOn).ToListAsync(ct);
        var incomeIds = incomes.Select(i => i.Id).ToList();
        var shares = await db.Set<AssetShare>().AsNoTracking().Where(s => incomeIds.Contains(s.IncomeId)).ToListAsync(ct);
        var householdIds = shares.Where(s => s.HouseholdId is not null).Select(s => s.HouseholdId!.Value).Distinct().ToList();
        var heads = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.HeadName, ct);
        return new Detail((await RowsAsync(db, [asset], ct))[0], [.. incomes.Select(i => new IncomeView(i.Id, i.Year, i.ReceivedOn, i.Amount, i.Note,
            [.. shares.Where(s => s.IncomeId == i.Id).Select(s => new ShareView(s.HouseholdId, s.HouseholdId is { } h ? heads.GetValueOrDefault(h, "") : "村集体", s.Amount))]))]);
    }

    public static async Task<Outcome<Guid>> SaveAsync(AppDbContext db, TimeProvider clock, Guid? id, AssetRequest r, CancellationToken ct)
    {
        var errors = new Errors();
        errors.Require("name", r.Name, "资产名称", 100);
        errors.Require("owner", r.Owner, "产权归属", 100);
        errors.Require("maintainer", r.Maintainer, "管护主体", 100);
        if (r.Value is not >= 0 || decimal.Round(r.Value ?? 0, 2) != r.Value)
        {
            errors.Add("value", "资产价值应为非负数，最多精确到分");
        }
        if (r.FormedOn is not { } formed || formed > clock.Today())
        {
            errors.Add("formedOn", "请填写形成日期（不晚于今天）");
        }
        var existing = id is { } i ? await db.Set<Asset>().FirstOrDefaultAsync(a => a.Id == i, ct) : null;
        if (id is not null && existing is null)
        {
            return new Outcome<Guid>.NotFound();
        }
        var project = r.ProjectId is { } pid ? await db.Set<Project>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == pid, ct) : null;
        if (r.ProjectId is not null && project is null)
        {
            errors.Add("projectId", "形成资产的项目不存在或不在您的管辖范围内");
        }
        var region = existing?.RegionCode ?? project?.RegionCode ?? (string.IsNullOrWhiteSpace(r.RegionCode) ? db.User.RegionCode : r.RegionCode.Trim());
        if (existing is null && (!RegionCodes.IsWellFormed(region) || !await db.Regions.AnyAsync(x => x.Code == region, ct)))
        {
            errors.Add("regionCode", "请选择资产所在区划（须在您的管辖范围内）");
        }
        if (errors.Any)
        {
            return new Outcome<Guid>.Invalid(errors);
        }
        var asset = VersionedSave.Prepare(db, existing, id is null ? 0 : r.Version, () => new Asset { Id = Guid.CreateVersion7(), RegionCode = region!, Name = "", Owner = "", Maintainer = "" });
        if (asset is null)
        {
            return new Outcome<Guid>.Conflict(Outcome.ConflictMessage);
        }
        (asset.ProjectId, asset.Name, asset.Kind, asset.Value, asset.Owner, asset.Maintainer, asset.FormedOn) =
            (r.ProjectId, r.Name!.Trim(), r.Kind, r.Value!.Value, r.Owner!.Trim(), r.Maintainer!.Trim(), r.FormedOn!.Value);
        return await VersionedSave.SaveAsync(db, () => asset.Id, ct);
    }

    /// <summary>Records an income and its distribution; the shares (to households in the asset's area and to the collective) add up to no more than the income.</summary>
    public static async Task<Outcome<Guid>> AddIncomeAsync(AppDbContext db, TimeProvider clock, Guid id, IncomeRequest r, CancellationToken ct)
    {
        var asset = await db.Set<Asset>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (asset is null)
        {
            return new Outcome<Guid>.NotFound();
        }
        var today = clock.Today();
        var errors = new Errors();
        errors.MaxLength("note", r.Note, "说明", 200);
        var amount = r.Amount ?? 0;
        if (amount <= 0 || decimal.Round(amount, 2) != amount)
        {
            errors.Add("amount", "收益金额应大于0，最多精确到分");
        }
        if (r.ReceivedOn is not { } on || on > today)
        {
            errors.Add("receivedOn", "请填写收益到账日期（不晚于今天）");
        }
        var shares = (r.Shares ?? []).Where(s => s.Amount != 0).ToList();
        if (shares.Any(s => s.Amount < 0 || decimal.Round(s.Amount, 2) != s.Amount))
        {
            errors.Add("shares", "分配金额应为正数，最多精确到分");
        }
        if (shares.Sum(s => s.Amount) > amount)
        {
            errors.Add("shares", $"分配合计{shares.Sum(s => s.Amount):0.00}元超过收益{amount:0.00}元");
        }
        var householdIds = shares.Where(s => s.HouseholdId is not null).Select(s => s.HouseholdId!.Value).ToList();
        if (householdIds.Distinct().Count() != householdIds.Count)
        {
            errors.Add("shares", "同一农户只填一行");
        }
        var households = await db.Households.Within(asset.RegionCode).Where(h => householdIds.Contains(h.Id))
            .ToDictionaryAsync(h => h.Id, h => h.RegionCode, ct);
        if (households.Count != householdIds.Distinct().Count())
        {
            errors.Add("shares", "分红农户须为资产所在区域内、您管辖范围内的农户");
        }
        if (errors.Any)
        {
            return new Outcome<Guid>.Invalid(errors);
        }
        var income = new AssetIncome
        {
            Id = Guid.CreateVersion7(),
            AssetId = id,
            RegionCode = asset.RegionCode,
            Year = r.Year ?? r.ReceivedOn!.Value.Year,
            ReceivedOn = r.ReceivedOn!.Value,
            Amount = amount,
            Note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim(),
            RecordedBy = db.User.UserName,
        };
        db.Add(income);
        db.AddRange(shares.Select(s => new AssetShare
        {
            Id = Guid.CreateVersion7(),
            IncomeId = income.Id,
            RegionCode = s.HouseholdId is { } h ? households[h] : asset.RegionCode,
            HouseholdId = s.HouseholdId,
            Amount = s.Amount,
        }));
        await db.SaveChangesAsync(ct);
        return new Outcome<Guid>.Done(income.Id);
    }
}
