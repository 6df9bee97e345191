using Fupin.Web.Data;
using Fupin.Web.Features.Funds;
using Fupin.Web.Features.Monitoring;
using Fupin.Web.Rules;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Demo;

/// <summary>
/// The demo county's money: this year's four batches (seed 001), allocated to the townships, the agriculture
/// bureau and projects, part of it spent; a project library across villages at every stage, some tagged 革命老区;
/// a photovoltaic station with its dividends.
/// </summary>
public static class DemoFunds
{
    public static async Task SeedAsync(AppDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        var today = clock.Today();
        var now = clock.GetUtcNow().UtcDateTime;
        var random = new Random(2027);
        var county = DemoCounty.CountyCode;
        var start = new DateOnly(today.Year, 1, 1);
        var townships = await db.Regions.IgnoreQueryFilters().AsNoTracking().Where(r => r.Level == RegionLevel.Township).OrderBy(r => r.Code).Select(r => r.Code).ToListAsync(ct);
        var villages = await db.Regions.IgnoreQueryFilters().AsNoTracking().Where(r => r.Level == RegionLevel.Village).OrderBy(r => r.Code).Select(r => new { r.Code, r.Name, r.IsPovertyVillage })
            .ToListAsync(ct);

        (FundSource Source, string Name, decimal Amount, int Day)[] batchSeeds =
        [
            (FundSource.Central, "第一批中央财政专项扶贫资金", 13200000m, 20),
            (FundSource.Provincial, "第一批省级财政专项扶贫资金", 6500000m, 45),
            (FundSource.County, "区级财政专项扶贫资金（先行预拨）", 3000000m, 10),
            (FundSource.Integrated, "统筹整合涉农资金", 2612000m, 90),
        ];
        var batches = batchSeeds.Select((b, i) => new FundBatch
        {
            Id = Guid.CreateVersion7(),
            RegionCode = county,
            Year = today.Year,
            Source = b.Source,
            Name = $"{today.Year}年{b.Name}",
            DocumentNo = $"海财农〔{today.Year}〕{i + 3}号",
            IssuedOn = start.AddDays(Math.Min(b.Day, Math.Max(0, today.DayOfYear - 30))),
            Amount = b.Amount,
            IsAdvance = b.Source == FundSource.County,
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        }).ToList();
        await BulkWriter.InsertAsync(db, batches, ct);

        // Projects: three per township's first villages, at stages from reserve to hand-over.
        var projects = new List<Project>();
        var funding = new List<ProjectFunding>();
        var steps = new List<ProjectStep>();
        (string Name, ProjectType Type)[] kinds = [("肉牛养殖基地", ProjectType.Industry), ("槟榔种植示范园", ProjectType.Industry), ("村道硬化", ProjectType.Infrastructure),
            ("安全饮水巩固提升", ProjectType.Infrastructure), ("光伏扶贫电站", ProjectType.Industry), ("村级卫生室改造", ProjectType.PublicService)];
        var stages = Enum.GetValues<ProjectStage>().Where(s => s != ProjectStage.Cancelled).ToArray();
        foreach (var (v, i) in villages.Where(v => v.IsPovertyVillage).Take(16).Select((v, i) => (v, i)))
        {
            var kind = kinds[i % kinds.Length];
            var stage = stages[Math.Min(stages.Length - 1, (i * 3 + 2) % stages.Length)];
            var p = new Project
            {
                Id = Guid.CreateVersion7(),
                RegionCode = v.Code,
                Level = ProjectLevel.Village,
                Year = today.Year,
                Name = $"{v.Name}{kind.Name}",
                Type = kind.Type,
                Place = v.Name,
                ResponsibleUnit = kind.Type == ProjectType.Industry ? "区农业农村局" : "区交通运输局",
                Content = $"{kind.Name}建设",
                PerformanceTargets = "带动脱贫户和监测户稳定增收",
                ExpectedHouseholds = 10 + random.Next(40),
                Tags = i % 3 == 0 ? "革命老区" : null,
                Stage = stage,
                StageOn = start.AddDays(Math.Min(120, today.DayOfYear - 1)),
                Version = 1,
                CreatedAt = now,
                UpdatedAt = now,
            };
            p.ExpectedPeople = p.ExpectedHouseholds * 3 + random.Next(10);
            projects.Add(p);
            funding.Add(new ProjectFunding { Id = Guid.CreateVersion7(), ProjectId = p.Id, RegionCode = p.RegionCode, Source = FundSource.Central, Amount = 200000m + 50000m * random.Next(10) });
            funding.Add(new ProjectFunding { Id = Guid.CreateVersion7(), ProjectId = p.Id, RegionCode = p.RegionCode, Source = FundSource.County, Amount = 50000m + 10000m * random.Next(5) });
            foreach (var s in stages.Where(s => s <= stage))
            {
                steps.Add(new ProjectStep { Id = Guid.CreateVersion7(), ProjectId = p.Id, RegionCode = p.RegionCode, Stage = s, On = start.AddDays((int)s * 12 % Math.Max(1, today.DayOfYear)), By = "system", At = now });
            }
        }
        await BulkWriter.InsertAsync(db, projects, ct);
        await BulkWriter.InsertAsync(db, funding, ct);
        await BulkWriter.InsertAsync(db, steps, ct);

        // Allocations and payments: the central batch to the townships and the bureau, the others to started projects.
        var allocations = new List<Allocation>();
        var payments = new List<Disbursement>();
        void Allocate(FundBatch b, AllocationTarget target, string region, string? department, Guid? project, decimal amount, decimal paidShare)
        {
            var a = new Allocation
            {
                Id = Guid.CreateVersion7(),
                RegionCode = region,
                BatchId = b.Id,
                Target = target,
                Department = department,
                ProjectId = project,
                Amount = amount,
                AllocatedOn = b.IssuedOn.AddDays(5),
                AllocatedBy = "system",
            };
            allocations.Add(a);
            var paid = decimal.Round(amount * paidShare, 2);
            if (paid > 0)
            {
                payments.Add(new Disbursement
                {
                    Id = Guid.CreateVersion7(),
                    RegionCode = region,
                    AllocationId = a.Id,
                    BatchId = b.Id,
                    Amount = paid,
                    PaidOn = a.AllocatedOn.AddDays(10) > today ? today : a.AllocatedOn.AddDays(10),
                    Payee = project is null ? "乡镇财政所" : "项目施工单位",
                    VoucherNo = $"记-{payments.Count + 1:D4}",
                    ProjectId = project,
                    RecordedBy = "system",
                });
            }
        }
        decimal[] shares = [0.62m, 0.48m, 0.55m, 0.41m];
        foreach (var (t, i) in townships.Select((t, i) => (t, i)))
        {
            Allocate(batches[0], AllocationTarget.Township, t, null, null, 2800000m, shares[i % shares.Length]);
        }
        Allocate(batches[0], AllocationTarget.Department, county, "区农业农村局", null, 13200000m - 2800000m * townships.Count, 0.35m);
        foreach (var (p, i) in projects.Where(p => p.Stage >= ProjectStage.Approved).Select((p, i) => (p, i)))
        {
            var b = batches[1 + i % 3];
            var amount = funding.Where(f => f.ProjectId == p.Id && f.Source == FundSource.Central).Sum(f => f.Amount) / 2;
            if (allocations.Where(a => a.BatchId == b.Id).Sum(a => a.Amount) + amount <= b.Amount)
            {
                Allocate(b, AllocationTarget.Project, p.RegionCode, null, p.Id, amount, p.Stage >= ProjectStage.Started ? 0.7m : 0);
            }
        }
        await BulkWriter.InsertAsync(db, allocations, ct);
        await BulkWriter.InsertAsync(db, payments, ct);

        // A photovoltaic station and its dividends to households on the register in its village.
        var pv = projects.FirstOrDefault(p => p.Name.Contains("光伏"));
        var village = pv?.RegionCode ?? villages[0].Code;
        var asset = new Asset
        {
            Id = Guid.CreateVersion7(),
            RegionCode = village,
            ProjectId = pv?.Id,
            Name = "村级光伏扶贫电站（300千瓦）",
            Kind = AssetKind.Photovoltaic,
            Value = 2400000m,
            Owner = "村集体",
            Maintainer = "村委会（委托区供电公司运维）",
            FormedOn = start,
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await BulkWriter.InsertAsync(db, new[] { asset }, ct);
        var households = await db.Households.IgnoreQueryFilters().AsNoTracking().Where(h => h.RegionCode == village && Lights.Lit.Contains(h.Status)).Select(h => h.Id).Take(30).ToListAsync(ct);
        var income = new AssetIncome { Id = Guid.CreateVersion7(), AssetId = asset.Id, RegionCode = village, Year = today.Year, ReceivedOn = start.AddDays(Math.Min(150, today.DayOfYear - 1)), Amount = 120000m, Note = "上半年发电收益", RecordedBy = "system" };
        await BulkWriter.InsertAsync(db, new[] { income }, ct);
        var dividends = households.Select(h => new AssetShare { Id = Guid.CreateVersion7(), IncomeId = income.Id, RegionCode = village, HouseholdId = h, Amount = 2000m }).ToList();
        dividends.Add(new AssetShare { Id = Guid.CreateVersion7(), IncomeId = income.Id, RegionCode = village, Amount = 120000m - 2000m * households.Count });
        await BulkWriter.InsertAsync(db, dividends, ct);
    }
}
