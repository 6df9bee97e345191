using Fupin.Web.Data;
using Fupin.Web.Features.Households;
using Fupin.Web.Rules;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Stats;

/// <summary>
/// 动态管理: who came onto the registry and who left it in a period, and the net change, in the form the
/// seeds report ("新识别和补录人口308人，清理人口293人，净增人口15人", seed 001). Entries count by the
/// member's entry year; departures by the date of their status change.
/// </summary>
public static class DynamicReport
{
    public sealed record Result(
        string RegionCode,
        int FromYear,
        int ToYear,
        IReadOnlyDictionary<MemberEntry, int> PeopleIn,
        IReadOnlyDictionary<MemberStatus, int> PeopleOut,
        int HouseholdsIdentified,
        int HouseholdsLifted,
        int HouseholdsReturned,
        int HouseholdsRemoved,
        int NetPeople,
        string Summary)
    {
        /// <summary>County corrections of a clerical error in the period (更正): not procedures, so shown apart.</summary>
        public int HouseholdsCorrected { get; init; }
    }

    /// <summary>The sentence of the seeds: additions (新识别和补录 …), removals (清理 …), and the net.</summary>
    public static string Sentence(int identified, int lateEntries, int others, int removed, int otherOut)
    {
        var added = identified + lateEntries;
        var net = added + others - removed - otherOut;
        return $"新识别和补录人口{added}人，新增（出生、婚入、迁入）{others}人，清理人口{removed}人，死亡、迁出等减少{otherOut}人，" +
               (net >= 0 ? $"净增人口{net}人。" : $"净减人口{-net}人。");
    }

    public static async Task<Result?> Handle(AppDbContext db, string? regionCode, int fromYear, int toYear, CancellationToken ct)
    {
        var code = string.IsNullOrEmpty(regionCode) ? db.User.RegionCode : regionCode;
        if (!RegionCodes.IsWellFormed(code) || (RegionCodes.LevelOf(code!) != RegionLevel.Nation && !await db.Regions.AnyAsync(r => r.Code == code, ct)))
        {
            return null;
        }
        var (low, high) = RegionCodes.Range(RegionCodes.ScopePrefix(code!));
        var from = new DateOnly(fromYear, 1, 1);
        var to = new DateOnly(toYear, 12, 31);
        // Applicants are not on the registry until their identification is announced.
        var applicants = db.Households.Where(h => h.Status == HouseholdStatus.Applicant);
        var members = db.Members.AsNoTracking().Where(m => string.Compare(m.RegionCode, low) >= 0 && string.Compare(m.RegionCode, high) <= 0
                                                           && !applicants.Any(h => h.Id == m.HouseholdId));
        var households = db.Households.AsNoTracking().Where(h => string.Compare(h.RegionCode, low) >= 0 && string.Compare(h.RegionCode, high) <= 0
                                                                 && h.Status != HouseholdStatus.Applicant);

        var peopleIn = (await members.Where(m => m.EntryYear >= fromYear && m.EntryYear <= toYear)
                .GroupBy(m => m.Entry).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => x.Count);
        var peopleOut = (await members.Where(m => m.Status != MemberStatus.Active && m.StatusChangedOn >= from && m.StatusChangedOn <= to)
                .GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => x.Count);
        var identified = await households.CountAsync(h => h.YearIdentified >= fromYear && h.YearIdentified <= toYear, ct);
        var lifted = await households.CountAsync(h => h.YearLifted >= fromYear && h.YearLifted <= toYear, ct);
        var returned = await households.CountAsync(h => h.YearReturned >= fromYear && h.YearReturned <= toYear, ct);
        var removed = await households.CountAsync(h => h.Status == HouseholdStatus.Removed && h.StatusChangedOn >= from && h.StatusChangedOn <= to, ct);

        var corrected = await db.Set<StatusCorrection>().AsNoTracking()
            .Where(c => string.Compare(c.RegionCode, low) >= 0 && string.Compare(c.RegionCode, high) <= 0 && c.On >= from && c.On <= to)
            .Select(c => c.HouseholdId).Distinct().CountAsync(ct);

        int In(MemberEntry e) => peopleIn.GetValueOrDefault(e);
        int Out(MemberStatus s) => peopleOut.GetValueOrDefault(s);
        var others = In(MemberEntry.Birth) + In(MemberEntry.MarriedIn) + In(MemberEntry.MovedIn);
        var otherOut = Out(MemberStatus.Deceased) + Out(MemberStatus.MarriedOut) + Out(MemberStatus.MovedOut);
        var net = In(MemberEntry.Identified) + In(MemberEntry.LateEntry) + others - Out(MemberStatus.Removed) - otherOut;
        return new Result(code!, fromYear, toYear, peopleIn, peopleOut, identified, lifted, returned, removed, net,
            Sentence(In(MemberEntry.Identified), In(MemberEntry.LateEntry), others, Out(MemberStatus.Removed), otherOut))
        { HouseholdsCorrected = corrected };
    }

    public static IEndpointRouteBuilder MapDynamicReport(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/stats").WithTags("统计").RequireAuthorization(Accounts.AccountSetup.RegistryReadPolicy)
            .MapGet("/dynamic", Get).WithName("DynamicManagementReport")
            .WithSummary("动态管理：某区划某时期新识别、补录、新增、清理、死亡迁出、脱贫、返贫及人口净变化");
        return app;
    }

    private static async Task<Results<Ok<Result>, NotFound, ValidationProblem>> Get(AppDbContext db, TimeProvider clock, CancellationToken ct,
        string? regionCode = null, int? fromYear = null, int? toYear = null)
    {
        var year = Shared.ChinaTime.Today(clock).Year;
        var from = fromYear ?? year;
        var to = toYear ?? year;
        if (from > to || from < 2013 || to > year)
        {
            return Shared.ApiResults.Invalid(new Shared.Errors().Add("fromYear", $"时期应在2013年到{year}年之间，且起始年度不晚于截止年度"));
        }
        return await Handle(db, regionCode, from, to, ct) is { } r ? TypedResults.Ok(r) : TypedResults.NotFound();
    }
}
