using Fupin.Web.Data;
using Fupin.Web.Features.Accounts;
using Fupin.Web.Features.Households;
using Fupin.Web.Features.Policy;
using Fupin.Web.Rules;
using Fupin.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Exit;

/// <summary>Which villages meet the exit criteria for a year, by township; and their yearly profile.</summary>
public static class VillageExit
{
    public sealed record VillageRow(string Code, string Name, string TownshipName, bool IsPovertyVillage, int PoorPeople, int? RuralPopulation,
        IReadOnlyList<Criterion> Criteria, bool Ready, ProfileInput? Profile, int? ExitYear = null);

    public sealed record ProfileInput
    {
        public decimal? CollectiveIncome { get; set; }
        public string? LeadingIndustry { get; set; }
        public bool HardenedRoad { get; set; }
        public bool PowerGrid { get; set; }
        public bool Broadband { get; set; }
        public bool Clinic { get; set; }
        public bool CultureCenter { get; set; }
        public bool SafeWater { get; set; }
        public int Version { get; set; }
    }

    /// <summary>Poor people are those of the registry as it stands (未脱贫 and 返贫 households).</summary>
    public static async Task<IReadOnlyList<VillageRow>?> EvaluateAsync(AppDbContext db, string? regionCode, int year, CancellationToken ct)
    {
        var code = string.IsNullOrEmpty(regionCode) ? db.User.RegionCode : regionCode;
        if (!RegionCodes.IsWellFormed(code) || (RegionCodes.LevelOf(code!) != RegionLevel.Nation && !await db.Regions.AnyAsync(r => r.Code == code, ct)))
        {
            return null;
        }
        var (low, high) = RegionCodes.Range(RegionCodes.ScopePrefix(code!));
        var villages = await db.Regions.AsNoTracking()
            .Where(r => r.Level == RegionLevel.Village && string.Compare(r.Code, low) >= 0 && string.Compare(r.Code, high) <= 0)
            .OrderBy(r => r.Code).ToListAsync(ct);
        var poor = await db.Households.AsNoTracking()
            .Where(h => string.Compare(h.RegionCode, low) >= 0 && string.Compare(h.RegionCode, high) <= 0
                        && (h.Status == HouseholdStatus.NotLifted || h.Status == HouseholdStatus.Returned))
            .GroupBy(h => h.RegionCode).Select(g => new { g.Key, People = g.Sum(h => h.MemberCount) })
            .ToDictionaryAsync(x => x.Key, x => x.People, ct);
        var profiles = await db.Set<VillageProfile>().AsNoTracking()
            .Where(p => p.Year == year && string.Compare(p.RegionCode, low) >= 0 && string.Compare(p.RegionCode, high) <= 0)
            .ToDictionaryAsync(p => p.RegionCode, ct);
        var towns = await db.Regions.IgnoreQueryFilters().AsNoTracking().Where(r => r.Level == RegionLevel.Township)
            .ToDictionaryAsync(r => r.Code, r => r.Name, ct);

        // The thresholds once, chosen per village in memory (a village may have its county's own values).
        var threshold = await PolicyValues.LoadAsync(db, [PolicyKeys.VillageExitIncidenceMax, PolicyKeys.CollectiveIncomeMin], year, ct);

        var rows = new List<VillageRow>();
        foreach (var v in villages)
        {
            var incidenceMax = threshold(PolicyKeys.VillageExitIncidenceMax, v.Code, year);
            var incomeMin = threshold(PolicyKeys.CollectiveIncomeMin, v.Code, year);
            var p = profiles.GetValueOrDefault(v.Code);
            var checklist = p is null ? null : new VillageExitRules.Checklist(p.HardenedRoad, p.PowerGrid, p.Broadband, p.Clinic, p.CultureCenter, p.SafeWater);
            var criteria = VillageExitRules.Evaluate(poor.GetValueOrDefault(v.Code), v.RuralPopulation, incidenceMax, p?.CollectiveIncome, incomeMin, p?.LeadingIndustry, checklist);
            rows.Add(new VillageRow(v.Code, v.Name, towns.GetValueOrDefault(RegionCodes.AncestorAt(v.Code, RegionLevel.Township), ""), v.IsPovertyVillage,
                poor.GetValueOrDefault(v.Code), v.RuralPopulation, criteria, criteria.All(c => c.Met), p is null ? null : new ProfileInput
                {
                    CollectiveIncome = p.CollectiveIncome,
                    LeadingIndustry = p.LeadingIndustry,
                    HardenedRoad = p.HardenedRoad,
                    PowerGrid = p.PowerGrid,
                    Broadband = p.Broadband,
                    Clinic = p.Clinic,
                    CultureCenter = p.CultureCenter,
                    SafeWater = p.SafeWater,
                    Version = p.Version,
                }, v.ExitYear));
        }
        return rows;
    }

    public static async Task<Outcome<int>> SaveProfileAsync(AppDbContext db, string villageCode, int year, ProfileInput r, DateOnly today, CancellationToken ct)
    {
        var village = await db.Regions.AsNoTracking().FirstOrDefaultAsync(x => x.Code == villageCode && x.Level == RegionLevel.Village, ct);
        if (village is null)
        {
            return new Outcome<int>.NotFound();
        }
        var errors = new Errors();
        if (year < 2013 || year > today.Year)
        {
            errors.Add("year", $"年度应在2013年到{today.Year}年之间");
        }
        if (r.CollectiveIncome is < 0 or > 1_000_000_000)
        {
            errors.Add("collectiveIncome", "村集体经济收入应在0到10亿元之间");
        }
        errors.MaxLength("leadingIndustry", r.LeadingIndustry, "主导产业", 60);
        if (errors.Any)
        {
            return new Outcome<int>.Invalid(errors);
        }
        var existing = await db.Set<VillageProfile>().FirstOrDefaultAsync(p => p.RegionCode == villageCode && p.Year == year, ct);
        var profile = VersionedSave.Prepare(db, existing, r.Version, () => new VillageProfile { Id = Guid.CreateVersion7(), RegionCode = villageCode, Year = year });
        if (profile is null)
        {
            return new Outcome<int>.Conflict(Outcome.ConflictMessage);
        }
        profile.CollectiveIncome = r.CollectiveIncome;
        profile.LeadingIndustry = string.IsNullOrWhiteSpace(r.LeadingIndustry) ? null : r.LeadingIndustry.Trim();
        profile.HardenedRoad = r.HardenedRoad;
        profile.PowerGrid = r.PowerGrid;
        profile.Broadband = r.Broadband;
        profile.Clinic = r.Clinic;
        profile.CultureCenter = r.CultureCenter;
        profile.SafeWater = r.SafeWater;
        return await VersionedSave.SaveAsync(db, () => profile.Version, ct);
    }

    public static IEndpointRouteBuilder MapVillageExit(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/villages").WithTags("贫困村出列").RequireAuthorization(AccountSetup.RegistryReadPolicy);
        group.MapGet("/exit-evaluation", Evaluate).WithName("VillageExitEvaluation")
            .WithSummary("各村出列条件：贫困发生率、村集体经济收入、主导产业、基础设施和公共服务，逐项给出数值、标准和是否达到");
        group.MapPut("/{code}/profile/{year:int}", Save).RequireAuthorization(AccountSetup.RegistryEditPolicy)
            .WithName("SaveVillageProfile").WithSummary("登记某村某年度的集体经济收入、主导产业和基础设施情况（新登记 version=0）");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<VillageRow>>, NotFound>> Evaluate(AppDbContext db, TimeProvider clock, CancellationToken ct,
        string? regionCode = null, int? year = null) =>
        await EvaluateAsync(db, regionCode, year ?? clock.Today().Year, ct) is { } rows ? TypedResults.Ok(rows) : TypedResults.NotFound();

    private static async Task<Results<Ok<int>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> Save(
        string code, int year, ProfileInput request, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        (await SaveProfileAsync(db, code, year, request, clock.Today(), ct)).ToHttp();
}
