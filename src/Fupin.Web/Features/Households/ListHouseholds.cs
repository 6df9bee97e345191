using Fupin.Web.Data;
using Fupin.Web.Features.Regions;
using Fupin.Web.Rules;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Households;

/// <summary>The registry list: filters, server-side paging and sorting, within the user's scope.</summary>
public static class ListHouseholds
{
    public sealed record Query
    {
        /// <summary>A region code: the list holds households at or below it.</summary>
        public string? RegionCode { get; init; }
        public HouseholdStatus? Status { get; init; }
        public HouseholdAttribute? Attribute { get; init; }
        public PovertyCause? Cause { get; init; }
        /// <summary>Households with this 两不愁三保障 item not secured (by the registry or by a check).</summary>
        public Assurance.AssuranceItem? Gap { get; init; }
        /// <summary>Household number, full ID number of any member, or the start of a member's name.</summary>
        public string? Search { get; init; }
        public int? Page { get; init; }
        public int? PageSize { get; init; }
        /// <summary>region (default: village, then household number), number, headName, memberCount, yearIdentified, status.</summary>
        public string? Sort { get; init; }
        public bool? Desc { get; init; }
    }

    public sealed record Row(
        Guid Id,
        string HouseholdNumber,
        string HeadName,
        string RegionCode,
        string TownshipName,
        string VillageName,
        HouseholdAttribute Attribute,
        HouseholdStatus Status,
        PovertyCause MainCause,
        int MemberCount,
        int YearIdentified,
        int? YearLifted,
        /// <summary>The household's responsible cadre is past the visit interval (policy visit.intervalDays).</summary>
        bool VisitOverdue = false);

    public static IQueryable<Household> Filter(AppDbContext db, Query q, DateOnly today)
    {
        var query = db.Households.AsNoTracking().Within(q.RegionCode);
        if (q.Status is { } status)
        {
            query = query.Where(h => h.Status == status);
        }
        if (q.Attribute is { } attribute)
        {
            query = query.Where(h => h.Attribute == attribute);
        }
        if (q.Cause is { } cause)
        {
            query = query.Where(h => h.MainCause == cause);
        }
        if (q.Gap is { } gap and not Assurance.AssuranceItem.None)
        {
            var checkedNotSecured = db.Set<Assurance.AssuranceRecord>()
                .Where(r => r.Item == gap && r.Status == Assurance.AssuranceStatus.NotSecured).Select(r => r.HouseholdId);
            query = query.Where(h => (h.AssuranceGaps & gap) != 0 || checkedNotSecured.Contains(h.Id));
        }
        var search = q.Search?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            if (ResidentId.TryParse(search, today, out _) is { } id)
            {
                // Any member, past or present: the list is also how a clerk finds who a number belonged to.
                var ids = db.Members.Where(m => m.IdNumber == id.Normalized).Select(m => m.HouseholdId);
                query = query.Where(h => ids.Contains(h.Id));
            }
            else if (search.All(char.IsAsciiDigit))
            {
                var end = search + "\uffff";
                query = query.Where(h => string.Compare(h.HouseholdNumber, search) >= 0 && string.Compare(h.HouseholdNumber, end) < 0);
            }
            else
            {
                // Name prefix as an index range; a member's name finds the household too.
                var end = search + "\uffff";
                var ids = db.Members
                    .Where(m => string.Compare(m.Name, search) >= 0 && string.Compare(m.Name, end) < 0)
                    .Select(m => m.HouseholdId);
                query = query.Where(h => ids.Contains(h.Id));
            }
        }
        return query;
    }

    public static async Task<Paged<Row>> Handle(AppDbContext db, Query q, DateOnly today, CancellationToken ct)
    {
        var query = Filter(db, q, today);
        var total = await query.CountAsync(ct);
        var sorted = (q.Sort?.ToLowerInvariant(), q.Desc ?? false) switch
        {
            ("headname", false) => query.OrderBy(h => h.HeadName).ThenBy(h => h.HouseholdNumber),
            ("headname", true) => query.OrderByDescending(h => h.HeadName).ThenBy(h => h.HouseholdNumber),
            ("membercount", false) => query.OrderBy(h => h.MemberCount).ThenBy(h => h.HouseholdNumber),
            ("membercount", true) => query.OrderByDescending(h => h.MemberCount).ThenBy(h => h.HouseholdNumber),
            ("yearidentified", false) => query.OrderBy(h => h.YearIdentified).ThenBy(h => h.HouseholdNumber),
            ("yearidentified", true) => query.OrderByDescending(h => h.YearIdentified).ThenBy(h => h.HouseholdNumber),
            ("status", false) => query.OrderBy(h => h.Status).ThenBy(h => h.HouseholdNumber),
            ("status", true) => query.OrderByDescending(h => h.Status).ThenBy(h => h.HouseholdNumber),
            ("number", false) => query.OrderBy(h => h.HouseholdNumber),
            ("number", true) => query.OrderByDescending(h => h.HouseholdNumber),
            (_, true) => query.OrderByDescending(h => h.RegionCode).ThenByDescending(h => h.HouseholdNumber),
            _ => query.OrderBy(h => h.RegionCode).ThenBy(h => h.HouseholdNumber),
        };
        var (skip, take) = Paging.Window(q.Page ?? 1, q.PageSize ?? 20);
        // Keys first, then rows: the sort runs over narrow index entries, and only the page's rows are read.
        var ids = await sorted.Skip(skip).Take(take).Select(h => h.Id).ToListAsync(ct);
        var rowsById = await db.Households.AsNoTracking()
            .Where(h => ids.Contains(h.Id))
            .Select(h => new { h.Id, h.HouseholdNumber, h.HeadName, h.RegionCode, h.Attribute, h.Status, h.MainCause, h.MemberCount, h.YearIdentified, h.YearLifted })
            .ToDictionaryAsync(h => h.Id, ct);
        var page = ids.Select(id => rowsById[id]).ToList();
        var names = await RegionNames.ForVillagesAsync(db, page.Select(h => h.RegionCode), ct);
        var overdue = await Assistance.Visits.OverdueAmongAsync(db, ids, today, ct);
        var rows = page.Select(h => new Row(h.Id, h.HouseholdNumber, h.HeadName, h.RegionCode, names.Township(h.RegionCode),
            names.Village(h.RegionCode), h.Attribute, h.Status, h.MainCause, h.MemberCount, h.YearIdentified, h.YearLifted, overdue.Contains(h.Id))).ToList();
        return new Paged<Row>(rows, total);
    }
}
