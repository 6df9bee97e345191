using Fupin.Web.Data;
using Fupin.Web.Features.Audit;
using Fupin.Web.Rules;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Regions;

/// <summary>
/// The system administrator's edits of the region tree: add a township or village, rename one, retire one that
/// holds nothing. Each leaves a line in the unit's history (<see cref="RegionChange"/>) besides the row-level audit.
/// </summary>
public static class EditRegions
{
    public sealed record AddRequest(string? Code, string? Name, string? UrbanRuralCode);

    public sealed record RenameRequest(string? Name, string? Reason);

    public sealed record RetireRequest(DateOnly? On, string? Reason);

    public sealed record Change(DateTime At, RegionChangeKind Kind, string KindLabel, string? OldName, string? NewName, string? Detail, string UserName);

    public static string Label(RegionChangeKind kind) => kind switch
    {
        RegionChangeKind.Created => "新增",
        RegionChangeKind.Renamed => "更名",
        RegionChangeKind.Retired => "撤销",
        RegionChangeKind.Merged => "撤并（并入他村）",
        _ => "接收撤并村",
    };

    public static async Task<Outcome<RegionQueries.Node>> AddAsync(AppDbContext db, TimeProvider clock, AddRequest request, CancellationToken ct)
    {
        var errors = new Errors();
        var code = (request.Code ?? "").Trim();
        var name = (request.Name ?? "").Trim();
        RegionLevel level = RegionLevel.Nation;
        if (!RegionCodes.IsWellFormed(code) || (level = RegionCodes.LevelOf(code)) is not (RegionLevel.Township or RegionLevel.Village))
        {
            errors.Add("code", "请填写乡镇（前9位有效、后3位为0）或行政村的12位统计用区划代码");
        }
        ValidateName(errors, name);
        if (request.UrbanRuralCode is { Length: > 0 } urban && !RegionImport.UrbanRuralCodes.Contains(urban))
        {
            errors.Add("urbanRuralCode", $"城乡分类代码应为{string.Join("、", RegionImport.UrbanRuralCodes)}之一");
        }
        if (errors.Any)
        {
            return new Outcome<RegionQueries.Node>.Invalid(errors);
        }
        if (await db.Regions.AnyAsync(r => r.Code == code, ct))
        {
            return new Outcome<RegionQueries.Node>.Invalid(errors.Add("code", $"区划代码{code}已经存在"));
        }
        var parentCode = RegionCodes.AncestorAt(code, level - 1);
        var parent = await db.Regions.FirstOrDefaultAsync(r => r.Code == parentCode, ct);
        if (parent is null || parent.RetiredOn is not null)
        {
            return new Outcome<RegionQueries.Node>.Invalid(errors.Add("code", $"上级区划{parentCode}不存在或已撤销：请先导入或新增上级"));
        }
        var sort = await db.Regions.MaxAsync(r => (int?)r.SortOrder, ct) ?? 0;
        var region = new Region
        {
            Code = code,
            Name = name,
            Level = level,
            ParentCode = parentCode,
            SortOrder = sort + 1,
            UrbanRuralCode = request.UrbanRuralCode is { Length: > 0 } u ? u : null,
        };
        db.Regions.Add(region);
        db.Add(new RegionChange { RegionCode = code, At = clock.GetUtcNow().UtcDateTime, Kind = RegionChangeKind.Created, NewName = name, UserName = db.User.UserName });
        await db.SaveChangesAsync(ct);
        return new Outcome<RegionQueries.Node>.Done(RegionQueries.NodeOf(region));
    }

    public static async Task<Outcome<RegionQueries.Node>> RenameAsync(AppDbContext db, TimeProvider clock, string code, RenameRequest request, CancellationToken ct)
    {
        var region = await db.Regions.FirstOrDefaultAsync(r => r.Code == code, ct);
        if (region is null)
        {
            return new Outcome<RegionQueries.Node>.NotFound();
        }
        var errors = new Errors();
        var name = (request.Name ?? "").Trim();
        ValidateName(errors, name);
        if (region.RetiredOn is not null)
        {
            errors.Add("name", "已撤销的区划不能更名");
        }
        if (errors.Any)
        {
            return new Outcome<RegionQueries.Node>.Invalid(errors);
        }
        if (name != region.Name)
        {
            db.Add(new RegionChange
            {
                RegionCode = code,
                At = clock.GetUtcNow().UtcDateTime,
                Kind = RegionChangeKind.Renamed,
                OldName = region.Name,
                NewName = name,
                Detail = Trim(request.Reason),
                UserName = db.User.UserName,
            });
            region.Name = name;
            await db.SaveChangesAsync(ct);
        }
        return new Outcome<RegionQueries.Node>.Done(RegionQueries.NodeOf(region));
    }

    /// <summary>Retires an empty township or village: one that still holds households or units must be merged first.</summary>
    public static async Task<Outcome<RegionQueries.Node>> RetireAsync(AppDbContext db, TimeProvider clock, string code, RetireRequest request, CancellationToken ct)
    {
        var region = await db.Regions.FirstOrDefaultAsync(r => r.Code == code, ct);
        if (region is null)
        {
            return new Outcome<RegionQueries.Node>.NotFound();
        }
        var errors = new Errors();
        var today = clock.Today();
        var on = request.On ?? today;
        if (region.Level is not (RegionLevel.Township or RegionLevel.Village))
        {
            errors.Add("code", "只能撤销乡镇或行政村");
        }
        else if (region.RetiredOn is not null)
        {
            errors.Add("code", $"该区划已于{region.RetiredOn:yyyy-MM-dd}撤销");
        }
        if (on > today)
        {
            errors.Add("on", "撤销日期不能晚于今天");
        }
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            errors.Add("reason", "请填写撤销原因（如批准文号）");
        }
        if (errors.Any)
        {
            return new Outcome<RegionQueries.Node>.Invalid(errors);
        }
        var (low, high) = RegionCodes.Range(RegionCodes.ScopePrefix(code));
        var households = await db.Households.CountAsync(h => h.RegionCode.CompareTo(low) >= 0 && h.RegionCode.CompareTo(high) <= 0, ct);
        var children = await db.Regions.CountAsync(r => r.ParentCode == code && r.RetiredOn == null, ct);
        if (households > 0 || children > 0)
        {
            return new Outcome<RegionQueries.Node>.Invalid(errors.Add("code", households > 0
                ? $"“{region.Name}”还有{households}户登记在册，不能直接撤销：请用“撤并”把它并入另一个村"
                : $"“{region.Name}”下还有{children}个未撤销的行政村，请先撤并或撤销它们"));
        }
        region.RetiredOn = on;
        db.Add(new RegionChange
        {
            RegionCode = code,
            At = clock.GetUtcNow().UtcDateTime,
            Kind = RegionChangeKind.Retired,
            OldName = region.Name,
            Detail = Trim(request.Reason),
            UserName = db.User.UserName,
        });
        await db.SaveChangesAsync(ct);
        return new Outcome<RegionQueries.Node>.Done(RegionQueries.NodeOf(region));
    }

    public static async Task<IReadOnlyList<Change>?> HistoryAsync(AppDbContext db, string code, CancellationToken ct)
    {
        if (!await db.Regions.AnyAsync(r => r.Code == code, ct))
        {
            return null;
        }
        var rows = await db.Set<RegionChange>().AsNoTracking().Where(c => c.RegionCode == code).OrderByDescending(c => c.At).ToListAsync(ct);
        return [.. rows.Select(c => new Change(c.At, c.Kind, Label(c.Kind), c.OldName, c.NewName, c.Detail, c.UserName))];
    }

    private static void ValidateName(Errors errors, string name)
    {
        if (name.Length == 0)
        {
            errors.Add("name", "请填写名称");
        }
        else if (name.Length > 60)
        {
            errors.Add("name", "名称不能超过60个字");
        }
    }

    internal static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim() is { Length: > 500 } t ? t[..500] : text.Trim();
}
