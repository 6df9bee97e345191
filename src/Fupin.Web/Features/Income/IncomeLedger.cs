using Fupin.Web.Data;
using Fupin.Web.Features.Accounts;
using Fupin.Web.Features.Policy;
using Fupin.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Income;

/// <summary>A household's income ledger: its years side by side, each against that year's lines.</summary>
public static class IncomeLedger
{
    public sealed record Input
    {
        public int HouseholdSize { get; set; }
        public decimal Wage { get; set; }
        public decimal Business { get; set; }
        public decimal PropertyDividend { get; set; }
        public decimal PropertyOther { get; set; }
        public decimal FamilyPlanning { get; set; }
        public decimal Dibao { get; set; }
        public decimal Tekun { get; set; }
        public decimal Pension { get; set; }
        public decimal EcoCompensation { get; set; }
        public decimal OtherTransfer { get; set; }
        public decimal BusinessExpense { get; set; }
        public string? Note { get; set; }
        /// <summary>0 for a new year; otherwise the version read.</summary>
        public int Version { get; set; }
    }

    public sealed record YearView(int Year, int HouseholdSize, decimal Wage, decimal Business, decimal Property, decimal PropertyDividend, decimal PropertyOther,
        decimal Transfer, decimal FamilyPlanning, decimal Dibao, decimal Tekun, decimal Pension, decimal EcoCompensation, decimal OtherTransfer,
        decimal BusinessExpense, decimal Net, decimal PerCapita, decimal? PovertyLine, decimal? MonitoringLine, IncomeBand Band, string? Note, int Version);

    public static async Task<IReadOnlyList<YearView>?> ListAsync(AppDbContext db, Guid householdId, CancellationToken ct)
    {
        var household = await db.Households.AsNoTracking().Where(h => h.Id == householdId).Select(h => new { h.RegionCode }).FirstOrDefaultAsync(ct);
        if (household is null)
        {
            return null;
        }
        var records = await db.Set<IncomeRecord>().AsNoTracking().Where(r => r.HouseholdId == householdId).OrderBy(r => r.Year).ToListAsync(ct);
        var threshold = await PolicyValues.LoadAsync(db, [PolicyKeys.PovertyLine, PolicyKeys.MonitoringLine], records.Count > 0 ? records[^1].Year : 0, ct);
        var views = new List<YearView>();
        foreach (var r in records)
        {
            var line = threshold(PolicyKeys.PovertyLine, household.RegionCode, r.Year);
            var monitoring = threshold(PolicyKeys.MonitoringLine, household.RegionCode, r.Year);
            views.Add(new YearView(r.Year, r.HouseholdSize, r.Wage, r.Business, r.Property, r.PropertyDividend, r.PropertyOther, r.Transfer, r.FamilyPlanning,
                r.Dibao, r.Tekun, r.Pension, r.EcoCompensation, r.OtherTransfer, r.BusinessExpense, r.Net, r.PerCapita, line, monitoring,
                IncomeRules.Band(r.PerCapita, line, monitoring), r.Note, r.Version));
        }
        return views;
    }

    public static async Task<Outcome<int>> SaveAsync(AppDbContext db, Guid householdId, int year, Input r, DateOnly today, CancellationToken ct)
    {
        var household = await db.Households.AsNoTracking().FirstOrDefaultAsync(h => h.Id == householdId, ct);
        if (household is null)
        {
            return new Outcome<int>.NotFound();
        }
        var errors = new Errors();
        Validate(r, year, today, errors);
        if (errors.Any)
        {
            return new Outcome<int>.Invalid(errors);
        }
        var existing = await db.Set<IncomeRecord>().FirstOrDefaultAsync(x => x.HouseholdId == householdId && x.Year == year, ct);
        var record = VersionedSave.Prepare(db, existing, r.Version,
            () => new IncomeRecord { Id = Guid.CreateVersion7(), HouseholdId = householdId, RegionCode = household.RegionCode, Year = year });
        if (record is null)
        {
            return new Outcome<int>.Conflict(Outcome.ConflictMessage);
        }
        Apply(r, record);
        return await VersionedSave.SaveAsync(db, () => record.Version, ct);
    }

    /// <summary>The checks on one year's figures (the form, the API and the ledger import share them).</summary>
    public static void Validate(Input r, int year, DateOnly today, Errors errors)
    {
        if (year < 2013 || year > today.Year)
        {
            errors.Add("year", $"年度应在2013年到{today.Year}年之间");
        }
        if (r.HouseholdSize is < 1 or > 30)
        {
            errors.Add("householdSize", "家庭人口数应为1到30人");
        }
        foreach (var (field, label, value) in new[]
                 {
                     ("wage", "工资性收入", r.Wage), ("business", "生产经营性收入", r.Business), ("propertyDividend", "资产收益分红", r.PropertyDividend),
                     ("propertyOther", "其他财产性收入", r.PropertyOther), ("familyPlanning", "计划生育金", r.FamilyPlanning), ("dibao", "低保金", r.Dibao),
                     ("tekun", "特困供养金", r.Tekun), ("pension", "养老保险金", r.Pension), ("ecoCompensation", "生态补偿金", r.EcoCompensation),
                     ("otherTransfer", "其他转移性收入", r.OtherTransfer), ("businessExpense", "生产经营性支出", r.BusinessExpense),
                 })
        {
            if (value is < 0 or > 100_000_000)
            {
                errors.Add(field, $"{label}应在0到1亿元之间");
            }
            else if (decimal.Round(value, 2) != value)
            {
                errors.Add(field, $"{label}最多保留两位小数（元、角、分）");
            }
        }
        errors.MaxLength("note", r.Note, "备注", 300);
    }

    public static void Apply(Input r, IncomeRecord record)
    {
        record.HouseholdSize = r.HouseholdSize;
        record.Wage = r.Wage;
        record.Business = r.Business;
        record.PropertyDividend = r.PropertyDividend;
        record.PropertyOther = r.PropertyOther;
        record.FamilyPlanning = r.FamilyPlanning;
        record.Dibao = r.Dibao;
        record.Tekun = r.Tekun;
        record.Pension = r.Pension;
        record.EcoCompensation = r.EcoCompensation;
        record.OtherTransfer = r.OtherTransfer;
        record.BusinessExpense = r.BusinessExpense;
        record.Note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim();
    }

    public static IEndpointRouteBuilder MapIncome(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/households/{id:guid}/income").WithTags("收入台账").RequireAuthorization(AccountSetup.RegistryReadPolicy);
        group.MapGet("/", List).WithName("ListIncome").WithSummary("农户历年收入台账，含人均纯收入及与当年贫困线、监测线的比较");
        group.MapPut("/{year:int}", Save).RequireAuthorization(AccountSetup.RegistryEditPolicy)
            .WithName("SaveIncome").WithSummary("登记或修改某年度收入（新年度 version=0）");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<YearView>>, NotFound>> List(Guid id, AppDbContext db, CancellationToken ct) =>
        await ListAsync(db, id, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();

    private static async Task<Results<Ok<int>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> Save(
        Guid id, int year, Input request, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        (await SaveAsync(db, id, year, request, clock.Today(), ct)).ToHttp();
}
