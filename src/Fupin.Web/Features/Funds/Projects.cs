using Fupin.Web.Data;
using Fupin.Web.Features.Households;
using Fupin.Web.Features.Regions;
using Fupin.Web.Rules;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Funds;

/// <summary>项目库 (seed 003: 区、镇、村三级): projects, their money by source, beneficiaries, lifecycle steps with files, yearly adjustment, and the rates.</summary>
public static class Projects
{
    public sealed record FundingLine(FundSource Source, decimal Amount);

    public sealed record ProjectRequest
    {
        public string? RegionCode { get; set; }
        public int? Year { get; set; }
        public string? Name { get; set; }
        public ProjectType Type { get; set; }
        public string? Place { get; set; }
        public string? ResponsibleUnit { get; set; }
        public string? Content { get; set; }
        public string? PerformanceTargets { get; set; }
        public int ExpectedHouseholds { get; set; }
        public int ExpectedPeople { get; set; }
        public string? Tags { get; set; }
        public List<FundingLine>? Funding { get; set; }
        /// <summary>For a change of an existing project: why (年度调整).</summary>
        public string? Reason { get; set; }
        public int Version { get; set; }
    }

    public sealed record StageRequest(ProjectStage Stage, DateOnly? On, string? Note, int Version);

    public sealed record Query
    {
        public string? RegionCode { get; init; }
        public int? Year { get; init; }
        public ProjectStage? Stage { get; init; }
        public ProjectType? Type { get; init; }
        public ProjectLevel? Level { get; init; }
        public string? Tag { get; init; }
        public int? Page { get; init; }
        public int? PageSize { get; init; }
    }

    public sealed record Row(Guid Id, string RegionCode, string PlaceName, ProjectLevel Level, string LevelLabel, int Year, string Name, ProjectType Type, string TypeLabel,
        string ResponsibleUnit, decimal Planned, int ExpectedHouseholds, string? Tags, ProjectStage Stage, string StageLabel, DateOnly StageOn);

    public sealed record StepView(ProjectStage Stage, string StageLabel, DateOnly On, string By, string? Note, bool Adjustment);

    public sealed record FileView(Guid Id, ProjectStage Stage, string FileName, long Size, string UploadedBy, DateTime UploadedAt);

    public sealed record BeneficiaryView(Guid HouseholdId, string HouseholdNumber, string HeadName, string VillageName, int MemberCount);

    public sealed record NoticeView(DateOnly PostedOn, string Place, int Days, string PostedBy);

    public sealed record Detail(Row Project, string Place, string? Content, string? PerformanceTargets, int ExpectedPeople, IReadOnlyList<FundingLine> Funding, IReadOnlyList<StepView> Steps,
        IReadOnlyList<FileView> Files, IReadOnlyList<BeneficiaryView> Beneficiaries, IReadOnlyList<NoticeView> Notices, decimal Allocated, decimal Spent, int Version);

    public static IQueryable<Project> Filter(AppDbContext db, Query q)
    {
        var query = db.Set<Project>().AsNoTracking().Within(q.RegionCode);
        if (q.Year is { } y)
        {
            query = query.Where(p => p.Year == y);
        }
        if (q.Stage is { } s)
        {
            query = query.Where(p => p.Stage == s);
        }
        if (q.Type is { } t)
        {
            query = query.Where(p => p.Type == t);
        }
        if (q.Level is { } l)
        {
            query = query.Where(p => p.Level == l);
        }
        if (!string.IsNullOrWhiteSpace(q.Tag))
        {
            var tag = q.Tag.Trim();
            query = query.Where(p => p.Tags != null && p.Tags.Contains(tag));
        }
        return query;
    }

    public static async Task<Paged<Row>> ListAsync(AppDbContext db, Query q, CancellationToken ct)
    {
        var query = Filter(db, q);
        var total = await query.CountAsync(ct);
        var (skip, take) = Paging.Window(q.Page ?? 1, q.PageSize ?? 20);
        var rows = await query.OrderByDescending(p => p.Year).ThenBy(p => p.RegionCode).ThenBy(p => p.Name).Skip(skip).Take(take).ToListAsync(ct);
        return new Paged<Row>(await RowsAsync(db, rows, ct), total);
    }

    private static async Task<IReadOnlyList<Row>> RowsAsync(AppDbContext db, IReadOnlyList<Project> rows, CancellationToken ct)
    {
        var ids = rows.Select(p => p.Id).ToList();
        var planned = FundFlows.Sums(await db.Set<ProjectFunding>().Where(f => ids.Contains(f.ProjectId)).Select(f => new FundFlows.KeyAmount(f.ProjectId, f.Amount)).ToListAsync(ct));
        var codes = rows.Select(p => p.RegionCode).Distinct().ToList();
        var wanted = codes.Concat(codes.Select(c => RegionCodes.AncestorAt(c, RegionLevel.Township))).Distinct().ToList();
        var names = await db.Regions.IgnoreQueryFilters().AsNoTracking().Where(r => wanted.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        string PlaceOf(Project p) => p.Level switch
        {
            ProjectLevel.Village => $"{names.GetValueOrDefault(RegionCodes.AncestorAt(p.RegionCode, RegionLevel.Township), "")} {names.GetValueOrDefault(p.RegionCode, p.RegionCode)}",
            ProjectLevel.Township => names.GetValueOrDefault(p.RegionCode, p.RegionCode),
            _ => "全区",
        };
        return [.. rows.Select(p => new Row(p.Id, p.RegionCode, PlaceOf(p), p.Level, Labels.Of(p.Level), p.Year, p.Name, p.Type, Labels.Of(p.Type), p.ResponsibleUnit,
            planned.GetValueOrDefault(p.Id), p.ExpectedHouseholds, p.Tags, p.Stage, Labels.Of(p.Stage), p.StageOn))];
    }

    public static async Task<Detail?> GetAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var p = await db.Set<Project>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null)
        {
            return null;
        }
        var funding = await db.Set<ProjectFunding>().AsNoTracking().Where(f => f.ProjectId == id).OrderBy(f => f.Source).ToListAsync(ct);
        var steps = await db.Set<ProjectStep>().AsNoTracking().Where(s => s.ProjectId == id).OrderBy(s => s.At).ToListAsync(ct);
        var files = await db.Set<ProjectFile>().AsNoTracking().Where(f => f.ProjectId == id).OrderBy(f => f.UploadedAt).ToListAsync(ct);
        var beneficiaries = await (from b in db.Set<ProjectBeneficiary>().AsNoTracking()
                                   join h in db.Households.AsNoTracking() on b.HouseholdId equals h.Id
                                   where b.ProjectId == id
                                   orderby h.RegionCode, h.HouseholdNumber
                                   select new { h.Id, h.HouseholdNumber, h.HeadName, h.RegionCode, h.MemberCount }).ToListAsync(ct);
        var names = await RegionNames.ForVillagesAsync(db, beneficiaries.Select(b => b.RegionCode), ct);
        var notices = await db.Set<NoticePosting>().AsNoTracking().Where(n => n.ProjectId == id).OrderByDescending(n => n.PostedOn).ToListAsync(ct);
        var allocated = (await db.Set<Allocation>().Where(a => a.ProjectId == id).Select(a => a.Amount).ToListAsync(ct)).Sum();
        var spent = (await db.Set<Disbursement>().Where(d => d.ProjectId == id).Select(d => d.Amount).ToListAsync(ct)).Sum();
        return new Detail((await RowsAsync(db, [p], ct))[0], p.Place, p.Content, p.PerformanceTargets, p.ExpectedPeople, [.. funding.Select(f => new FundingLine(f.Source, f.Amount))],
            [.. steps.Select(s => new StepView(s.Stage, Labels.Of(s.Stage), s.On, s.By, s.Note, s.Adjustment))],
            [.. files.Select(f => new FileView(f.Id, f.Stage, f.FileName, f.Size, f.UploadedBy, f.UploadedAt))],
            [.. beneficiaries.Select(b => new BeneficiaryView(b.Id, b.HouseholdNumber, b.HeadName, names.Village(b.RegionCode), b.MemberCount))],
            [.. notices.Select(n => new NoticeView(n.PostedOn, n.Place, n.Days, n.PostedBy))], allocated, spent, p.Version);
    }

    /// <summary>Creates a project (储备入库) or changes one; a change of a project already 立项 is a yearly adjustment and needs a reason.</summary>
    public static async Task<Outcome<Guid>> SaveAsync(AppDbContext db, TimeProvider clock, Guid? id, ProjectRequest r, CancellationToken ct)
    {
        var today = clock.Today();
        var errors = new Errors();
        errors.Require("name", r.Name, "项目名称", 100);
        errors.Require("place", r.Place, "建设地点", 100);
        errors.Require("responsibleUnit", r.ResponsibleUnit, "责任单位", 100);
        errors.MaxLength("content", r.Content, "建设内容", 1000);
        errors.MaxLength("performanceTargets", r.PerformanceTargets, "绩效目标", 1000);
        errors.MaxLength("tags", r.Tags, "标签", 100);
        if (r.ExpectedHouseholds < 0 || r.ExpectedPeople < 0 || r.ExpectedPeople < r.ExpectedHouseholds)
        {
            errors.Add("expectedPeople", "受益户数、人数不能为负，且人数不少于户数");
        }
        var funding = (r.Funding ?? []).Where(f => f.Amount != 0).ToList();
        if (funding.Any(f => f.Amount < 0 || decimal.Round(f.Amount, 2) != f.Amount || !Enum.IsDefined(f.Source)))
        {
            errors.Add("funding", "计划投资应为正数，最多精确到分");
        }
        if (funding.GroupBy(f => f.Source).Any(g => g.Count() > 1))
        {
            errors.Add("funding", "同一资金来源只填一行");
        }
        var existing = id is { } i ? await db.Set<Project>().FirstOrDefaultAsync(p => p.Id == i, ct) : null;
        if (id is not null && existing is null)
        {
            return new Outcome<Guid>.NotFound();
        }
        var region = existing?.RegionCode ?? (string.IsNullOrWhiteSpace(r.RegionCode) ? db.User.RegionCode : r.RegionCode.Trim());
        var level = RegionCodes.IsWellFormed(region) ? RegionCodes.LevelOf(region!) : RegionLevel.Province;
        if (existing is null && (level is not (RegionLevel.County or RegionLevel.Township or RegionLevel.Village) || !await db.Regions.AnyAsync(x => x.Code == region, ct)))
        {
            errors.Add("regionCode", "请选择项目所在的区、镇或村（须在您的管辖范围内）");
        }
        var year = r.Year ?? today.Year;
        if (year < 2014 || year > today.Year + 3)
        {
            errors.Add("year", $"项目年度应在2014年到{today.Year + 3}年之间");
        }
        if (existing is { Stage: not ProjectStage.Reserve })
        {
            errors.Require("reason", r.Reason, "调整原因", 500);
            if (existing.Stage is ProjectStage.Transferred or ProjectStage.Cancelled)
            {
                errors.Add("stage", "项目已关闭，不能调整");
            }
        }
        if (errors.Any)
        {
            return new Outcome<Guid>.Invalid(errors);
        }
        var project = VersionedSave.Prepare(db, existing, id is null ? 0 : r.Version, () => new Project
        {
            Id = Guid.CreateVersion7(),
            RegionCode = region!,
            Name = "",
            Place = "",
            ResponsibleUnit = "",
            Stage = ProjectStage.Reserve,
            StageOn = today,
            Level = level switch { RegionLevel.Village => ProjectLevel.Village, RegionLevel.Township => ProjectLevel.Township, _ => ProjectLevel.County },
        });
        if (project is null)
        {
            return new Outcome<Guid>.Conflict(Outcome.ConflictMessage);
        }
        project.Year = year;
        project.Name = r.Name!.Trim();
        project.Type = r.Type;
        project.Place = r.Place!.Trim();
        project.ResponsibleUnit = r.ResponsibleUnit!.Trim();
        project.Content = string.IsNullOrWhiteSpace(r.Content) ? null : r.Content.Trim();
        project.PerformanceTargets = string.IsNullOrWhiteSpace(r.PerformanceTargets) ? null : r.PerformanceTargets.Trim();
        project.ExpectedHouseholds = r.ExpectedHouseholds;
        project.ExpectedPeople = r.ExpectedPeople;
        project.Tags = string.IsNullOrWhiteSpace(r.Tags) ? null : r.Tags.Trim();
        var old = existing is null ? [] : await db.Set<ProjectFunding>().Where(f => f.ProjectId == project.Id).ToListAsync(ct);
        foreach (var line in funding)
        {
            if (old.FirstOrDefault(o => o.Source == line.Source) is { } o)
            {
                o.Amount = line.Amount;
            }
            else
            {
                db.Add(new ProjectFunding { Id = Guid.CreateVersion7(), ProjectId = project.Id, RegionCode = project.RegionCode, Source = line.Source, Amount = line.Amount });
            }
        }
        foreach (var o in old.Where(o => funding.All(f => f.Source != o.Source)))
        {
            o.Amount = 0;
        }
        db.Add(new ProjectStep
        {
            Id = Guid.CreateVersion7(),
            ProjectId = project.Id,
            RegionCode = project.RegionCode,
            Stage = project.Stage,
            On = today,
            By = db.User.UserName,
            Note = existing is null ? "入库" : existing.Stage == ProjectStage.Reserve ? "修改储备项目" : "年度调整：" + r.Reason!.Trim(),
            Adjustment = existing is not null,
            At = clock.GetUtcNow().UtcDateTime,
        });
        return await VersionedSave.SaveAsync(db, () => project.Id, ct);
    }

    public static async Task<Outcome<int>> AdvanceAsync(AppDbContext db, TimeProvider clock, Guid id, StageRequest r, CancellationToken ct)
    {
        var project = await db.Set<Project>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is null)
        {
            return new Outcome<int>.NotFound();
        }
        var today = clock.Today();
        var errors = new Errors();
        errors.MaxLength("note", r.Note, "说明", 500);
        if (FundsRules.StageRefusal(project.Stage, r.Stage) is { } refused)
        {
            errors.Add("stage", refused);
        }
        var on = r.On ?? today;
        if (on > today || on < project.StageOn)
        {
            errors.Add("on", on > today ? "日期不能晚于今天" : $"日期不能早于上一阶段（{project.StageOn:yyyy-MM-dd}）");
        }
        if (r.Stage == ProjectStage.Cancelled && string.IsNullOrWhiteSpace(r.Note))
        {
            errors.Add("note", "终止项目请说明原因");
        }
        if (errors.Any)
        {
            return new Outcome<int>.Invalid(errors);
        }
        RegistryCommands.ExpectVersion(db, project, r.Version);
        project.Stage = r.Stage;
        project.StageOn = on;
        db.Add(new ProjectStep
        {
            Id = Guid.CreateVersion7(),
            ProjectId = id,
            RegionCode = project.RegionCode,
            Stage = r.Stage,
            On = on,
            By = db.User.UserName,
            Note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim(),
            At = clock.GetUtcNow().UtcDateTime,
        });
        return await VersionedSave.SaveAsync(db, () => project.Version, ct);
    }

    /// <summary>Links households (in scope, in the project's area) as its beneficiaries; ones already linked stay. Answers how many are linked now.</summary>
    public static async Task<Outcome<int>> AddBeneficiariesAsync(AppDbContext db, Guid id, IReadOnlyList<Guid> householdIds, CancellationToken ct)
    {
        var project = await db.Set<Project>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is null)
        {
            return new Outcome<int>.NotFound();
        }
        var ids = householdIds.Distinct().ToList();
        var found = await db.Households.Within(project.RegionCode).Where(h => ids.Contains(h.Id))
            .Select(h => new { h.Id, h.RegionCode }).ToListAsync(ct);
        if (ids.Count == 0 || found.Count != ids.Count)
        {
            return new Outcome<int>.Invalid(new Errors().Add("householdIds", "受益农户须为项目所在区域内、您管辖范围内的农户"));
        }
        var already = await db.Set<ProjectBeneficiary>().Where(b => b.ProjectId == id).Select(b => b.HouseholdId).ToListAsync(ct);
        foreach (var h in found.Where(h => !already.Contains(h.Id)))
        {
            db.Add(new ProjectBeneficiary { Id = Guid.CreateVersion7(), ProjectId = id, RegionCode = h.RegionCode, HouseholdId = h.Id });
        }
        await db.SaveChangesAsync(ct);
        return new Outcome<int>.Done(already.Count + found.Count(h => !already.Contains(h.Id)));
    }

    public static async Task<Outcome<Guid>> AddFileAsync(AppDbContext db, FileStore files, TimeProvider clock, Guid id, string? name, Stream content, long length, CancellationToken ct)
    {
        var project = await db.Set<Project>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is null)
        {
            return new Outcome<Guid>.NotFound();
        }
        var saved = await files.SaveAsync(name, content, length, ct);
        if (saved is not Outcome<FileStore.Stored>.Done { Value: var f })
        {
            return saved.As<Guid>();
        }
        var row = new ProjectFile
        {
            Id = Guid.CreateVersion7(),
            ProjectId = id,
            RegionCode = project.RegionCode,
            Stage = project.Stage,
            FileName = f.FileName,
            ContentType = f.ContentType,
            Size = f.Size,
            Sha256 = f.Sha256,
            UploadedBy = db.User.UserName,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(row);
        await db.SaveChangesAsync(ct);
        return new Outcome<Guid>.Done(row.Id);
    }

    public static async Task<(ProjectFile Row, string Path)?> OpenFileAsync(AppDbContext db, FileStore files, Guid id, Guid fileId, CancellationToken ct)
    {
        var row = await db.Set<ProjectFile>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId && f.ProjectId == id, ct);
        return row is not null && files.PathIfPresent(row.Sha256) is { } path ? (row, path) : null;
    }

    public sealed record RatesView(string Code, string Name, FundsRules.Rates Rates);

    public sealed record RatesReport(int Year, FundsRules.Rates Total, IReadOnlyList<RatesView> ByTownship);

    /// <summary>开工率, 竣工率, 产业项目占比 and money per household for a year, in all and by township (county projects under 全区).</summary>
    public static async Task<RatesReport> RatesAsync(AppDbContext db, string? regionCode, int year, CancellationToken ct)
    {
        var projects = await Filter(db, new Query { RegionCode = regionCode, Year = year })
            .Select(p => new { p.Id, p.RegionCode, p.Stage, p.Type, p.ExpectedHouseholds }).ToListAsync(ct);
        var ids = projects.Select(p => p.Id).ToList();
        var planned = FundFlows.Sums(await db.Set<ProjectFunding>().Where(f => ids.Contains(f.ProjectId)).Select(f => new FundFlows.KeyAmount(f.ProjectId, f.Amount)).ToListAsync(ct));
        var rows = projects.Select(p => (p.RegionCode, Row: new FundsRules.ProjectRow(p.Stage, p.Type, planned.GetValueOrDefault(p.Id), p.ExpectedHouseholds))).ToList();
        string Township(string code) => RegionCodes.LevelOf(code) == RegionLevel.County ? code : RegionCodes.AncestorAt(code, RegionLevel.Township);
        var codes = rows.Select(r => Township(r.RegionCode)).Distinct().ToList();
        var names = await db.Regions.IgnoreQueryFilters().AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        return new RatesReport(year, FundsRules.RatesOf(rows.Select(r => r.Row)),
            [.. rows.GroupBy(r => Township(r.RegionCode)).OrderBy(g => g.Key)
                .Select(g => new RatesView(g.Key, RegionCodes.LevelOf(g.Key) == RegionLevel.County ? "区级项目" : names.GetValueOrDefault(g.Key, g.Key), FundsRules.RatesOf(g.Select(r => r.Row))))]);
    }
}
