using Fupin.Web.Data;
using Fupin.Web.Features.Households;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Procedures;

/// <summary>
/// 区级比对 ("两该两不该"): the exclusion checks the system can run itself. They look across the whole
/// database, not only the acting user's scope: a person registered in another county is still registered.
/// Department rosters (财政供养、车辆、商品房、工商登记) join here when data comparison lands (#6).
/// </summary>
public static class ProcedureChecks
{
    public sealed record Finding(bool Blocking, string Text);

    public static async Task<IReadOnlyList<Finding>> CompareAsync(AppDbContext db, ProcedureCase @case, CancellationToken ct)
    {
        if (@case.HouseholdId is not { } householdId)
        {
            return [];
        }
        var members = await db.Members.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.HouseholdId == householdId && m.Status == MemberStatus.Active)
            .Select(m => new { m.Id, m.Name, m.IdNumber }).ToListAsync(ct);
        var ids = members.Select(m => m.IdNumber).ToList();
        var elsewhere = await db.Members.IgnoreQueryFilters().AsNoTracking()
            .Where(m => ids.Contains(m.IdNumber) && m.HouseholdId != householdId)
            .Join(db.Households.IgnoreQueryFilters(), m => m.HouseholdId, h => h.Id,
                (m, h) => new { m.IdNumber, MemberStatus = m.Status, h.HeadName, h.HouseholdNumber, HouseholdStatus = h.Status })
            .ToListAsync(ct);
        var findings = new List<Finding>();
        foreach (var m in members)
        {
            foreach (var o in elsewhere.Where(o => o.IdNumber == m.IdNumber))
            {
                if (o.MemberStatus == MemberStatus.Active && o.HouseholdStatus != HouseholdStatus.Removed)
                {
                    findings.Add(new(true, $"成员{m.Name}（{Rules.Masking.IdNumber(m.IdNumber)}）已是户编号{o.HouseholdNumber}（户主{o.HeadName}，{Labels.Of(o.HouseholdStatus)}）的在册成员"));
                }
                else if (o.MemberStatus == MemberStatus.Removed || o.HouseholdStatus == HouseholdStatus.Removed)
                {
                    findings.Add(new(false, $"成员{m.Name}（{Rules.Masking.IdNumber(m.IdNumber)}）曾在户编号{o.HouseholdNumber}中被清退，请核实清退原因是否已消除"));
                }
            }
        }
        var head = await db.Households.IgnoreQueryFilters().AsNoTracking().Where(h => h.Id == householdId).Select(h => new { h.HeadName, h.RegionCode }).FirstAsync(ct);
        var sameName = await db.Households.IgnoreQueryFilters().AsNoTracking()
            .Where(h => h.Id != householdId && h.RegionCode == head.RegionCode && h.HeadName == head.HeadName
                        && h.Status != HouseholdStatus.Removed && h.Status != HouseholdStatus.Applicant)
            .Select(h => h.HouseholdNumber).ToListAsync(ct);
        if (sameName.Count > 0)
        {
            findings.Add(new(false, $"同村已有同名户主在册（户编号{string.Join("、", sameName)}），请核实是否为同一户"));
        }
        return findings;
    }
}
