using Fupin.Web.Data;
using Fupin.Web.Features.Audit;
using Fupin.Web.Features.Households;
using Fupin.Web.Rules;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Fupin.Web.Features.Regions;

/// <summary>
/// 撤并: one village goes into another. Every county record filed under the merged village's code — households,
/// members, incomes, checks, procedures, plans, visits, findings, lights, projects, accounts… — moves to the
/// receiving village's code in one transaction; each household gets a line in its history; the merged village is
/// retired with <see cref="Region.MergedInto"/>, so its code stays an alias the registry import still accepts.
/// What stays behind on purpose: the audit trail (it tells what was true then), the village's own exit
/// evaluations (<c>VillageProfile</c>: they describe that village) and its import history.
/// </summary>
public static class MergeVillages
{
    public sealed record Request(string? From, string? Into, DateOnly? On, string? Reason);

    public sealed record Result(string From, string Into, int Households, int Members, int Records);

    /// <summary>Tables whose rows stay under the old code (see the class summary).</summary>
    private static readonly HashSet<Type> Stays =
        [typeof(Region), typeof(RegionChange), typeof(AuditEntry), typeof(Exit.VillageProfile), typeof(Import.ImportJob)];

    public static async Task<Outcome<Result>> HandleAsync(AppDbContext db, TimeProvider clock, Request request, CancellationToken ct)
    {
        var errors = new Errors();
        var fromCode = (request.From ?? "").Trim();
        var intoCode = (request.Into ?? "").Trim();
        var today = clock.Today();
        var villages = await db.Regions.Where(r => r.Code == fromCode || r.Code == intoCode).ToListAsync(ct);
        var from = villages.FirstOrDefault(r => r.Code == fromCode);
        var into = villages.FirstOrDefault(r => r.Code == intoCode);
        if (from is not { Level: RegionLevel.Village })
        {
            errors.Add("from", "请选择被撤并的行政村");
        }
        else if (from.RetiredOn is not null)
        {
            errors.Add("from", $"“{from.Name}”已于{from.RetiredOn:yyyy-MM-dd}撤销");
        }
        if (into is not { Level: RegionLevel.Village })
        {
            errors.Add("into", "请选择并入的行政村");
        }
        else if (into.RetiredOn is not null)
        {
            errors.Add("into", $"“{into.Name}”已撤销，不能再接收");
        }
        if (fromCode == intoCode && fromCode.Length > 0)
        {
            errors.Add("into", "并入的村不能是被撤并的村本身");
        }
        else if (from is not null && into is not null && RegionCodes.AncestorAt(fromCode, RegionLevel.County) != RegionCodes.AncestorAt(intoCode, RegionLevel.County))
        {
            errors.Add("into", "只能并入本县（区）的行政村");
        }
        if (request.On is { } day && day > today)
        {
            errors.Add("on", "撤并日期不能晚于今天");
        }
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            errors.Add("reason", "请填写撤并依据（如批准文号）");
        }
        if (errors.Any)
        {
            return new Outcome<Result>.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var reason = EditRegions.Trim(request.Reason);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var households = await db.Households.Where(h => h.RegionCode == fromCode).Select(h => h.Id).ToListAsync(ct);
        var members = await db.Members.CountAsync(m => m.RegionCode == fromCode, ct);
        var records = 0;
        foreach (var (table, column) in Tables(db.Model))
        {
            // Table and column names come from the model, never from input; the codes are parameters.
            var sql = "UPDATE \"" + table + "\" SET \"" + column + "\" = {0} WHERE \"" + column + "\" = {1}";
            records += await db.Database.ExecuteSqlRawAsync(sql, [intoCode, fromCode], ct);
        }
        foreach (var id in households)
        {
            db.AuditEntries.Add(new AuditEntry
            {
                At = now,
                UserId = db.User.UserId,
                UserName = db.User.UserName,
                Role = db.User.Role,
                ClientIp = db.User.ClientIp,
                Action = AuditAction.Updated,
                Entity = nameof(Household),
                EntityKey = id.ToString(),
                HouseholdId = id,
                RegionCode = intoCode,
                Field = nameof(Household.RegionCode),
                OldValue = fromCode,
                NewValue = intoCode,
            });
        }
        from!.RetiredOn = request.On ?? today;
        from.MergedInto = intoCode;
        db.Add(new RegionChange
        {
            RegionCode = fromCode,
            At = now,
            Kind = RegionChangeKind.Merged,
            OldName = from.Name,
            NewName = into!.Name,
            Detail = $"并入{into.Name}（{intoCode}）：{households.Count}户{members}人。{reason}",
            UserName = db.User.UserName,
        });
        db.Add(new RegionChange
        {
            RegionCode = intoCode,
            At = now,
            Kind = RegionChangeKind.Received,
            OldName = from.Name,
            NewName = into.Name,
            Detail = $"接收撤并的{from.Name}（{fromCode}）：{households.Count}户{members}人。{reason}",
            UserName = db.User.UserName,
        });
        AuditEvents.Add(db, clock, "RegionMerged", nameof(Region), fromCode,
            $"{from.Name}（{fromCode}）并入{into.Name}（{intoCode}）：{households.Count}户{members}人，共{records}条记录改到新代码。{reason}", intoCode);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new Outcome<Result>.Done(new Result(fromCode, intoCode, households.Count, members, records));
    }

    /// <summary>Every mapped table with a region-code column, but those whose rows stay behind.</summary>
    internal static IEnumerable<(string Table, string Column)> Tables(IModel model)
    {
        foreach (var entity in model.GetEntityTypes())
        {
            if (Stays.Contains(entity.ClrType) || entity.GetTableName() is not { } table || entity.FindProperty("RegionCode") is not { } property)
            {
                continue;
            }
            yield return (table, property.GetColumnName(StoreObjectIdentifier.Table(table, entity.GetSchema()))!);
        }
    }
}
