using Fupin.Web.Data;
using Fupin.Web.Features.Households;
using Fupin.Web.Features.Policy;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Assistance;

/// <summary>一户一策: a household's plan for a year and its measures, from planned to done with dates and evidence.</summary>
public static class Plans
{
    public sealed record PlanRequest(string? Needs, string? Causes, Guid? CadreId, DateOnly? TargetOn, int Version);

    public sealed record MeasureRequest
    {
        public MeasureKind Kind { get; set; }
        public string? Content { get; set; }
        public Guid? MemberId { get; set; }
        public int? Persons { get; set; }
        public decimal? Amount { get; set; }
        public decimal? Paid { get; set; }
        public decimal? Quantity { get; set; }
        public string? QuantityUnit { get; set; }
        public FundingSource? Funding { get; set; }
        public string? Provider { get; set; }
        public DateOnly? StartOn { get; set; }
        public DateOnly? EndOn { get; set; }
        public MeasureStatus Status { get; set; }
        public DateOnly? DoneOn { get; set; }
        public string? Evidence { get; set; }
        public int Version { get; set; }
    }

    public sealed record FileView(Guid Id, string FileName, string ContentType, long Size, string UploadedBy, DateTime UploadedAt);

    public sealed record MeasureView(Guid Id, Guid PlanId, int Year, MeasureKind Kind, string KindLabel, string Content, Guid? MemberId, string? MemberName, int? Persons,
        decimal? Amount, decimal? Paid, decimal? Quantity, string? QuantityUnit, FundingSource? Funding, string? FundingLabel, string? Provider,
        DateOnly? StartOn, DateOnly? EndOn, MeasureStatus Status, string StatusLabel, DateOnly? DoneOn, string? Evidence, decimal? Standard, string? Deviation,
        bool Overdue, IReadOnlyList<FileView> Files, int Version);

    public sealed record PlanView(Guid? Id, Guid HouseholdId, int Year, string? Needs, string? Causes, string SuggestedCauses, Guid? CadreId, string? CadreName,
        DateOnly? TargetOn, int Version, IReadOnlyList<MeasureView> Measures, int Done, int Total, bool Paused, string? PauseReason);

    public sealed record CatalogueEntry(MeasureKind Kind, string Label, string Fields, string? StandardKey, string? StandardLabel);

    /// <summary>The measures catalogue: each kind, what it records, and the policy standard it is checked against.</summary>
    public static IReadOnlyList<CatalogueEntry> Catalogue() =>
    [
        .. Enum.GetValues<MeasureKind>().Select(k =>
        {
            var (fields, key) = k switch
            {
                MeasureKind.Industry => ("种养品种、数量（头/亩/只）、金额、资金来源、实施单位、起止日期", (string?)null),
                MeasureKind.Employment => ("就业岗位或单位、交通补助金额、起止日期", null),
                MeasureKind.PublicPost => ("岗位（生态护林员、保洁员等）、人数、年工资，按月工资标准核对", PolicyKeys.PublicPostMonthlyWage),
                MeasureKind.Training => ("培训项目、人次、补助金额", null),
                MeasureKind.Education => ("受助学生（成员）、学段、资助金额，按学段标准核对", "subsidy.education.*"),
                MeasureKind.Medical => ("参保缴费代缴、一站式结算、大病救助金额", null),
                MeasureKind.Housing => ("改造方式、补助金额（预拨）、竣工日期", "housing.renovation.advance"),
                MeasureKind.Dibao => ("兜底类别、享受人数、年金额，按每人每年标准核对", PolicyKeys.DibaoPerPerson),
                MeasureKind.Credit => ("贷款金额、期限、贴息，不超过额度上限", "credit.micro.maxAmount"),
                MeasureKind.AssetIncome => ("资产（光伏、合作社股份）、分红金额", null),
                MeasureKind.Relocation => ("安置点、搬迁日期、补助金额", null),
                MeasureKind.Ecommerce => ("销售产品、销售额", null),
                _ => ("措施内容、金额", null),
            };
            return new CatalogueEntry(k, Labels.Of(k), fields, key, key is null ? null : key.EndsWith('*') ? "教育资助（按学段）" : PolicyKeys.Find(key)?.Label);
        }),
    ];

    public static async Task<PlanView?> GetAsync(AppDbContext db, Guid householdId, int year, DateOnly today, CancellationToken ct)
    {
        var h = await db.Households.AsNoTracking().FirstOrDefaultAsync(x => x.Id == householdId, ct);
        if (h is null)
        {
            return null;
        }
        var plan = await db.Set<AssistancePlan>().AsNoTracking().FirstOrDefaultAsync(p => p.HouseholdId == householdId && p.Year == year, ct);
        var measures = plan is null ? [] : await db.Set<AssistanceMeasure>().AsNoTracking().Where(m => m.PlanId == plan.Id).OrderBy(m => m.Kind).ThenBy(m => m.CreatedAt).ToListAsync(ct);
        var views = await MeasureViewsAsync(db, measures, today, ct);
        var cadreName = plan?.CadreId is { } c ? await db.Set<Cadre>().IgnoreQueryFilters().Where(x => x.Id == c).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        return new PlanView(plan?.Id, householdId, year, plan?.Needs, plan?.Causes, SuggestedCauses(h), plan?.CadreId, cadreName, plan?.TargetOn, plan?.Version ?? 0,
            views, views.Count(m => m.Status == MeasureStatus.Done), views.Count(m => m.Status != MeasureStatus.Terminated), h.AssistancePausedOn is not null, h.AssistancePauseReason);
    }

    public static string SuggestedCauses(Household h) =>
        string.Join("、", new[] { (PovertyCause?)h.MainCause, h.OtherCause1, h.OtherCause2 }.OfType<PovertyCause>().Distinct().Select(c => Labels.Of(c)));

    public static async Task<IReadOnlyList<MeasureView>> MeasureViewsAsync(AppDbContext db, IReadOnlyList<AssistanceMeasure> measures, DateOnly today, CancellationToken ct)
    {
        var memberIds = measures.Where(m => m.MemberId is not null).Select(m => m.MemberId!.Value).Distinct().ToList();
        var members = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        var ids = measures.Select(m => m.Id).ToList();
        var files = (await db.Set<AssistanceFile>().AsNoTracking().Where(f => f.Owner == FileOwner.Measure && ids.Contains(f.OwnerId)).OrderBy(f => f.UploadedAt).ToListAsync(ct))
            .GroupBy(f => f.OwnerId).ToDictionary(g => g.Key, g => g.Select(ViewOf).ToList());
        return [.. measures.Select(m => new MeasureView(m.Id, m.PlanId, m.Year, m.Kind, Labels.Of(m.Kind), m.Content, m.MemberId,
            m.MemberId is { } mid ? members.GetValueOrDefault(mid) : null, m.Persons, m.Amount, m.Paid, m.Quantity, m.QuantityUnit, m.Funding, Labels.Of(m.Funding), m.Provider,
            m.StartOn, m.EndOn, m.Status, Labels.Of(m.Status), m.DoneOn, m.Evidence, m.Standard, AssistanceRules.Deviation(m.Kind, m.Amount, m.Standard),
            m.Status is MeasureStatus.Planned or MeasureStatus.InProgress && m.EndOn < today, files.GetValueOrDefault(m.Id) ?? [], m.Version))];
    }

    public static FileView ViewOf(AssistanceFile f) => new(f.Id, f.FileName, f.ContentType, f.Size, f.UploadedBy, f.UploadedAt);

    public static async Task<Outcome<int>> SaveAsync(AppDbContext db, TimeProvider clock, Guid householdId, int year, PlanRequest r, CancellationToken ct)
    {
        var h = await db.Households.AsNoTracking().FirstOrDefaultAsync(x => x.Id == householdId, ct);
        if (h is null)
        {
            return new Outcome<int>.NotFound();
        }
        var today = clock.Today();
        var errors = new Errors();
        errors.Require("needs", r.Needs, "帮扶需求", 1000);
        errors.MaxLength("causes", r.Causes, "对应致贫原因", 200);
        if (year < 2014 || year > today.Year + 1)
        {
            errors.Add("year", $"计划年度应在2014年到{today.Year + 1}年之间");
        }
        if (r.CadreId is { } c && !await db.Set<Cadre>().AnyAsync(x => x.Id == c, ct))
        {
            errors.Add("cadreId", "帮扶责任人不存在或不在您的管辖范围内");
        }
        if (errors.Any)
        {
            return new Outcome<int>.Invalid(errors);
        }
        var existing = await db.Set<AssistancePlan>().FirstOrDefaultAsync(p => p.HouseholdId == householdId && p.Year == year, ct);
        var plan = VersionedSave.Prepare(db, existing, r.Version, () => new AssistancePlan
        {
            Id = Guid.CreateVersion7(),
            RegionCode = h.RegionCode,
            HouseholdId = householdId,
            Year = year,
            Needs = "",
        });
        if (plan is null)
        {
            return new Outcome<int>.Conflict(Outcome.ConflictMessage);
        }
        // Without a cadre named, the plan's responsible cadre is the household's current one.
        var cadre = r.CadreId ?? await db.Set<Pairing>().Where(p => p.HouseholdId == householdId && p.ToOn == null).Select(p => (Guid?)p.CadreId).FirstOrDefaultAsync(ct);
        (plan.Needs, plan.Causes, plan.CadreId, plan.TargetOn) = (r.Needs!.Trim(), string.IsNullOrWhiteSpace(r.Causes) ? SuggestedCauses(h) : r.Causes.Trim(), cadre, r.TargetOn);
        return await VersionedSave.SaveAsync(db, () => plan.Version, ct);
    }

    public static async Task<Outcome<Guid>> AddMeasureAsync(AppDbContext db, TimeProvider clock, Guid householdId, int year, MeasureRequest r, CancellationToken ct)
    {
        var h = await db.Households.AsNoTracking().FirstOrDefaultAsync(x => x.Id == householdId, ct);
        if (h is null)
        {
            return new Outcome<Guid>.NotFound();
        }
        var plan = await db.Set<AssistancePlan>().AsNoTracking().FirstOrDefaultAsync(p => p.HouseholdId == householdId && p.Year == year, ct);
        if (plan is null)
        {
            return new Outcome<Guid>.Invalid(new Errors().Add("plan", $"请先制定该户{year}年度的帮扶计划（一户一策）"));
        }
        var m = new AssistanceMeasure { Id = Guid.CreateVersion7(), RegionCode = h.RegionCode, HouseholdId = householdId, PlanId = plan.Id, Year = year, Content = "" };
        var errors = await ApplyAsync(db, clock, h, m, r, ct);
        if (errors.Any)
        {
            return new Outcome<Guid>.Invalid(errors);
        }
        db.Add(m);
        return await VersionedSave.SaveAsync(db, () => m.Id, ct);
    }

    public static async Task<Outcome<int>> UpdateMeasureAsync(AppDbContext db, TimeProvider clock, Guid id, MeasureRequest r, CancellationToken ct)
    {
        var m = await db.Set<AssistanceMeasure>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null)
        {
            return new Outcome<int>.NotFound();
        }
        var h = await db.Households.AsNoTracking().FirstAsync(x => x.Id == m.HouseholdId, ct);
        if (m.Status is MeasureStatus.Done or MeasureStatus.Terminated && r.Status is MeasureStatus.Planned or MeasureStatus.InProgress && m.Status != r.Status)
        {
            return new Outcome<int>.Invalid(new Errors().Add("status", $"该措施已{Labels.Of(m.Status)}，不能退回{Labels.Of(r.Status)}；如需调整请新增措施"));
        }
        RegistryCommands.ExpectVersion(db, m, r.Version);
        var errors = await ApplyAsync(db, clock, h, m, r, ct);
        if (errors.Any)
        {
            return new Outcome<int>.Invalid(errors);
        }
        return await VersionedSave.SaveAsync(db, () => m.Version, ct);
    }

    /// <summary>Checks a measure's fields and copies them, with the policy standard that applies, onto the row.</summary>
    private static async Task<Errors> ApplyAsync(AppDbContext db, TimeProvider clock, Household h, AssistanceMeasure m, MeasureRequest r, CancellationToken ct)
    {
        var today = clock.Today();
        var errors = new Errors();
        if (!Enum.IsDefined(r.Kind))
        {
            errors.Add("kind", "请选择措施类别");
        }
        errors.Require("content", r.Content, "措施内容", 200);
        errors.MaxLength("quantityUnit", r.QuantityUnit, "计量单位", 10);
        errors.MaxLength("provider", r.Provider, "实施单位", 100);
        errors.MaxLength("evidence", r.Evidence, "落实情况", 500);
        if (r.Amount is < 0 || r.Paid is < 0 || r.Quantity is < 0)
        {
            errors.Add("amount", "金额和数量不能为负数");
        }
        if (r.Amount is { } a && r.Paid is { } p && p > a)
        {
            errors.Add("paid", $"已兑现金额{p:0.##}元不能超过计划金额{a:0.##}元");
        }
        if (r.Persons is < 1 or > 50)
        {
            errors.Add("persons", "享受人数应在1到50之间");
        }
        if (r.StartOn is { } s && r.EndOn is { } e && e < s)
        {
            errors.Add("endOn", "完成时限不能早于开始日期");
        }
        SchoolStage? stage = null;
        if (r.MemberId is { } memberId)
        {
            var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(x => x.Id == memberId && x.HouseholdId == h.Id, ct);
            if (member is null)
            {
                errors.Add("memberId", "所选成员不是该户成员");
            }
            stage = member?.SchoolStage;
        }
        if (r.Kind == MeasureKind.Education)
        {
            if (r.MemberId is null)
            {
                errors.Add("memberId", "教育资助请选择受助学生");
            }
            else if (stage is null && !errors.ToDictionary().ContainsKey("memberId"))
            {
                errors.Add("memberId", "所选成员没有在校学段，请先在成员信息中填写在校生状况");
            }
        }
        if (r.Status == MeasureStatus.Done)
        {
            if (r.DoneOn is { } done && done > today)
            {
                errors.Add("doneOn", "落实日期不能晚于今天");
            }
            errors.Require("evidence", r.Evidence, "落实情况（佐证说明）", 500);
        }
        var year = m.Year;
        if (r.Kind == MeasureKind.Credit && r.Amount is { } loan
            && await PolicyValues.LookupAsync(db, "credit.micro.maxAmount", h.RegionCode, year, ct) is { } max && loan > max.Value)
        {
            errors.Add("amount", $"扶贫小额信贷不能超过{max.Value:0.##}元");
        }
        if (errors.Any)
        {
            return errors;
        }
        var persons = r.Kind is MeasureKind.Dibao or MeasureKind.PublicPost ? r.Persons ?? (r.Kind == MeasureKind.Dibao ? h.MemberCount : 1) : r.Persons;
        decimal? standard = null;
        if (AssistanceRules.StandardOf(r.Kind, stage, persons) is { } rule && await PolicyValues.LookupAsync(db, rule.Key, h.RegionCode, year, ct) is { } value)
        {
            standard = value.Value * rule.Factor;
        }
        m.Kind = r.Kind;
        m.Content = r.Content!.Trim();
        m.MemberId = r.MemberId;
        m.Persons = persons;
        m.Amount = r.Amount;
        m.Paid = r.Paid;
        m.Quantity = r.Quantity;
        m.QuantityUnit = Blank(r.QuantityUnit);
        m.Funding = r.Funding;
        m.Provider = Blank(r.Provider);
        m.StartOn = r.StartOn;
        m.EndOn = r.EndOn;
        m.Status = r.Status;
        m.DoneOn = r.Status == MeasureStatus.Done ? r.DoneOn ?? m.DoneOn ?? today : null;
        m.Evidence = Blank(r.Evidence);
        m.Standard = standard;
        return errors;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
