using Fupin.Web.Data;
using Fupin.Web.Features.Supervision;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Demo;

/// <summary>The demo county's year of work (seed 003): tasks with lead units and milestones, their reports (some behind), a rectification ledger, and the last two months' unit lights.</summary>
public static class DemoSupervision
{
    public static async Task SeedAsync(DbContextOptions<AppDbContext> options, TimeProvider clock, CancellationToken ct = default)
    {
        var today = clock.Today();
        var county = DemoCounty.CountyCode;
        await using var db = new AppDbContext(options, Scheduler.ActingFor(county));
        (string Title, string Lead, string Co, int Done)[] tasks =
        [
            ("发展特色产业，每个贫困村培育1个主导产业", "区农业农村局", "各乡镇", 0),
            ("落实教育资助，确保不因贫失学辍学", "区教育局", "各乡镇", 5),
            ("落实健康扶贫“一站式”结算", "区卫健委", "区医保局", 0),
            ("完成危房改造和安全饮水巩固提升", "区住建局", "区水务局", -25),
            ("开展防返贫动态监测和帮扶", "区扶贫办", "各乡镇", 0),
            ("加快扶贫项目建设和资金支出进度", "区财政局", "区扶贫办", -15),
        ];
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = tasks.Select((t, i) => new PlanTask
        {
            Id = Guid.CreateVersion7(),
            RegionCode = county,
            Year = today.Year,
            Number = (i + 1).ToString(),
            Title = t.Title,
            Content = t.Title + "，按月推进、每两周报送进展。",
            LeadUnit = t.Lead,
            CoUnits = t.Co,
            Deadline = new DateOnly(today.Year, 12, 20),
            Milestones = string.Join(',', SupervisionRules.Linear(12)),
            Version = 1,
            CreatedAt = now.AddDays(-today.DayOfYear + 1),
            UpdatedAt = now,
        }).ToList();
        db.AddRange(rows);
        var milestones = SupervisionRules.Linear(12);
        for (var i = 0; i < rows.Count; i++)
        {
            // A report at the end of each past month: on schedule, ahead, or behind as the table says.
            for (var m = 1; m < today.Month; m++)
            {
                var behind = tasks[i].Done < 0 && m >= today.Month - 2;
                db.Add(new TaskReport
                {
                    Id = Guid.CreateVersion7(),
                    TaskId = rows[i].Id,
                    RegionCode = county,
                    Unit = rows[i].LeadUnit,
                    ReportedOn = new DateOnly(today.Year, m, 25),
                    Percent = Math.Clamp(milestones[m - 1] + (behind ? tasks[i].Done : tasks[i].Done > 0 ? tasks[i].Done : 0), 0, 100),
                    Progress = behind ? "受天气和资金到位影响，进度滞后" : "按计划推进",
                    ReportedBy = "system",
                });
            }
        }
        db.Add(new RectificationItem
        {
            Id = Guid.CreateVersion7(),
            RegionCode = county,
            Source = ProblemSource.ProvincialAssessment,
            Problem = "部分贫困户“一户一策”帮扶措施与致贫原因不匹配",
            Unit = "区扶贫办",
            Measures = "逐户核对帮扶计划，调整不匹配的措施",
            FoundOn = today.AddDays(-60),
            Deadline = today.AddDays(20),
            Status = ProblemStatus.Open,
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        });
        db.Add(new RectificationItem
        {
            Id = Guid.CreateVersion7(),
            RegionCode = county,
            Source = ProblemSource.Audit,
            Problem = "个别项目资金拨付滞后",
            Unit = "区财政局",
            Measures = "建立资金拨付周调度",
            FoundOn = today.AddDays(-90),
            Deadline = today.AddDays(-40),
            Status = ProblemStatus.Open,
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        });
        await db.SaveChangesAsync(ct);
        foreach (var back in new[] { 2, 1 })
        {
            var month = today.AddMonths(-back);
            if (month.Year == today.Year)
            {
                await UnitLights.ComputeAsync(db, clock, month.Year, month.Month, ct);
            }
        }
    }
}
