using Fupin.Web.Data;
using Fupin.Web.Features.Assistance;
using Fupin.Web.Features.Households;
using Fupin.Web.Features.Monitoring;
using Fupin.Web.Features.Policy;
using Fupin.Web.Features.Regions;
using Fupin.Web.Rules;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Demo;

/// <summary>
/// The demo county's assistance: helping units and cadres (one tied to the demo account "bangfu"), every
/// household on the register paired, this year's plans and measures for most of them, recent visits (some
/// overdue), a work team per poverty village with attendance checks and logs, and TV night-school sessions.
/// </summary>
public static class DemoAssistance
{
    public const string CadreUserName = "bangfu";
    public const string CadreVillage = "460105101201";

    public static async Task SeedAsync(AppDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        var today = clock.Today();
        var now = clock.GetUtcNow().UtcDateTime;
        var random = new Random(2026);
        var county = DemoCounty.CountyCode;
        string[] unitNames = ["区财政局", "区发展和改革委员会", "区人民医院", "海滨农村商业银行"];
        UnitKind[] kinds = [UnitKind.PartyGovernment, UnitKind.PartyGovernment, UnitKind.Institution, UnitKind.StateEnterprise];
        var units = unitNames.Select((n, i) => new HelpUnit
        {
            Id = Guid.CreateVersion7(),
            RegionCode = county,
            Name = n,
            Kind = kinds[i],
            Contact = "办公室",
            Phone = $"089866{1000 + i * 111}",
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        }).ToList();
        await BulkWriter.InsertAsync(db, units, ct);

        var households = await db.Households.IgnoreQueryFilters().AsNoTracking().Where(h => Lights.Lit.Contains(h.Status))
            .Select(h => new { h.Id, h.RegionCode, h.MainCause, h.MemberCount }).OrderBy(h => h.RegionCode).ThenBy(h => h.Id).ToListAsync(ct);
        var students = (await db.Members.IgnoreQueryFilters().AsNoTracking().Where(m => m.SchoolStage != null && m.Status == MemberStatus.Active)
            .Select(m => new { m.Id, m.HouseholdId, m.SchoolStage }).ToListAsync(ct)).GroupBy(m => m.HouseholdId).ToDictionary(g => g.Key, g => g.First());
        string[] surnames = ["李", "王", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴"];
        string[] given = ["建国", "红梅", "志强", "海燕", "卫东", "秀英", "明华", "丽娟", "国庆", "春花"];
        var cadres = new List<Cadre>();
        var byTownship = new Dictionary<string, List<Cadre>>();
        foreach (var township in households.Select(h => RegionCodes.AncestorAt(h.RegionCode, RegionLevel.Township)).Distinct())
        {
            var list = new List<Cadre>();
            for (var i = 0; i < 4; i++)
            {
                var n = cadres.Count;
                list.Add(new Cadre
                {
                    Id = Guid.CreateVersion7(),
                    RegionCode = township,
                    UnitId = units[n % units.Count].Id,
                    Name = surnames[n % 10] + given[(n * 3 + 1) % 10],
                    Post = i == 0 ? "副局长" : "科员",
                    Phone = $"1390898{n:D4}",
                    Active = true,
                    Version = 1,
                    CreatedAt = now,
                    UpdatedAt = now,
                });
                cadres.Add(list[^1]);
            }
            byTownship[township] = list;
        }
        // The demo account's cadre works in 马坡村.
        var mine = new Cadre
        {
            Id = Guid.CreateVersion7(),
            RegionCode = CadreVillage,
            UnitId = units[0].Id,
            Name = "李帮扶",
            Post = "驻村帮扶干部",
            Phone = "13908980001",
            UserName = CadreUserName,
            Active = true,
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        cadres.Add(mine);
        await BulkWriter.InsertAsync(db, cadres, ct);

        var lines = await PolicyValues.LoadAsync(db, [PolicyKeys.DibaoPerPerson, PolicyKeys.PublicPostMonthlyWage, "subsidy.education.preschool",
            "subsidy.education.primary", "subsidy.education.juniorHigh", "subsidy.education.seniorHigh", "subsidy.yulu"], today.Year, ct);
        var pairings = new List<Pairing>();
        var plans = new List<AssistancePlan>();
        var measures = new List<AssistanceMeasure>();
        var visits = new List<Visit>();
        var mineCount = 0;
        foreach (var h in households)
        {
            var cadre = h.RegionCode == CadreVillage && mineCount++ < 12 ? mine : byTownship[RegionCodes.AncestorAt(h.RegionCode, RegionLevel.Township)][random.Next(4)];
            var from = today.AddDays(-120 - random.Next(200));
            pairings.Add(new Pairing { Id = Guid.CreateVersion7(), RegionCode = h.RegionCode, HouseholdId = h.Id, CadreId = cadre.Id, FromOn = from, AssignedBy = "system" });
            // Visits: most within the month, some households left unvisited longer (overdue).
            var last = random.Next(100) < 80 ? random.Next(1, 28) : random.Next(35, 90);
            for (var v = 0; v < 1 + random.Next(3); v++)
            {
                var daysAgo = last + v * (20 + random.Next(15));
                var at = now.AddDays(-daysAgo).Date.AddHours(1 + random.Next(8));
                visits.Add(new Visit
                {
                    Id = Guid.CreateVersion7(),
                    RegionCode = h.RegionCode,
                    HouseholdId = h.Id,
                    CadreId = cadre.Id,
                    VisitedAt = at,
                    VisitedOn = DateOnly.FromDateTime(ChinaTime.ToChina(at)),
                    Latitude = Math.Round(20.02 + random.NextDouble() * 0.1, 6),
                    Longitude = Math.Round(110.33 + random.NextDouble() * 0.1, 6),
                    Accuracy = 10 + random.Next(40),
                    Notes = v == 0 ? "了解家庭收支和帮扶措施落实情况，宣讲政策" : "回访生产生活情况",
                    Problems = random.Next(100) < 20 ? "产业缺技术指导" : null,
                    RecordedBy = "system",
                });
            }
            if (random.Next(100) >= 85)
            {
                continue; // no plan yet: these show as households without any measure
            }
            var plan = new AssistancePlan
            {
                Id = Guid.CreateVersion7(),
                RegionCode = h.RegionCode,
                HouseholdId = h.Id,
                Year = today.Year,
                Needs = NeedOf(h.MainCause),
                Causes = Labels.Of(h.MainCause),
                CadreId = cadre.Id,
                TargetOn = new DateOnly(today.Year, 12, 31),
                Version = 1,
                CreatedAt = now,
                UpdatedAt = now,
            };
            plans.Add(plan);
            void Add(MeasureKind kind, string content, decimal? amount, decimal? standard = null, Guid? member = null, int? persons = null, FundingSource funding = FundingSource.Integrated)
            {
                var roll = random.Next(100);
                var status = roll < 65 ? MeasureStatus.Done : roll < 88 ? MeasureStatus.InProgress : MeasureStatus.Planned;
                measures.Add(new AssistanceMeasure
                {
                    Id = Guid.CreateVersion7(),
                    RegionCode = h.RegionCode,
                    HouseholdId = h.Id,
                    PlanId = plan.Id,
                    Year = today.Year,
                    Kind = kind,
                    Content = content,
                    MemberId = member,
                    Persons = persons,
                    Amount = amount,
                    Paid = status == MeasureStatus.Done ? amount : null,
                    Funding = funding,
                    Provider = "区扶贫办",
                    StartOn = new DateOnly(today.Year, 3, 1),
                    EndOn = new DateOnly(today.Year, 11, 30),
                    Status = status,
                    DoneOn = status == MeasureStatus.Done ? new DateOnly(today.Year, 3, 1).AddDays(random.Next(Math.Max(1, today.DayOfYear - 60))) : null,
                    Evidence = status == MeasureStatus.Done ? "已兑现到户，农户签字确认" : null,
                    Standard = standard,
                    Version = 1,
                    CreatedAt = now,
                    UpdatedAt = now,
                });
            }
            Add(MeasureKind.Industry, random.Next(2) == 0 ? "发放能繁母牛1头" : "种植槟榔苗200株", 3000 + 500 * random.Next(5));
            switch (h.MainCause)
            {
                case PovertyCause.Illness:
                    Add(MeasureKind.Medical, "代缴城乡居民医保，住院一站式结算", 320, funding: FundingSource.County);
                    break;
                case PovertyCause.Schooling when students.TryGetValue(h.Id, out var s):
                    var key = s.SchoolStage switch
                    {
                        SchoolStage.Preschool => "subsidy.education.preschool",
                        SchoolStage.Primary => "subsidy.education.primary",
                        SchoolStage.JuniorHigh => "subsidy.education.juniorHigh",
                        SchoolStage.SeniorHigh => "subsidy.education.seniorHigh",
                        _ => "subsidy.yulu",
                    };
                    var standard = lines(key, h.RegionCode, today.Year);
                    Add(MeasureKind.Education, "教育资助", standard, standard, s.Id, funding: FundingSource.Central);
                    break;
                case PovertyCause.LackOfLabour:
                    var dibao = lines(PolicyKeys.DibaoPerPerson, h.RegionCode, today.Year) * h.MemberCount;
                    Add(MeasureKind.Dibao, "纳入农村低保", dibao, dibao, persons: h.MemberCount, funding: FundingSource.Provincial);
                    break;
                case PovertyCause.LackOfSkills:
                    Add(MeasureKind.Training, "参加农业实用技术培训", 800);
                    var wage = lines(PolicyKeys.PublicPostMonthlyWage, h.RegionCode, today.Year) * 12;
                    Add(MeasureKind.PublicPost, "生态护林员公益岗位", wage, wage, persons: 1);
                    break;
                case PovertyCause.LackOfFunds:
                    Add(MeasureKind.Credit, "扶贫小额信贷（3年，全额贴息）", 30000, funding: FundingSource.Credit);
                    break;
            }
        }
        await BulkWriter.InsertAsync(db, pairings, ct);
        await BulkWriter.InsertAsync(db, plans, ct);
        await BulkWriter.InsertAsync(db, measures, ct);
        await BulkWriter.InsertAsync(db, visits, ct);

        // A work team in each poverty village, with its first secretary, ten days of checks and a few logs.
        var villages = await db.Regions.IgnoreQueryFilters().AsNoTracking().Where(r => r.Level == RegionLevel.Village && r.IsPovertyVillage)
            .OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).Take(20).ToListAsync(ct);
        var teams = new List<WorkTeam>();
        var members = new List<TeamMember>();
        var checks = new List<TeamCheckIn>();
        var logs = new List<TeamLog>();
        foreach (var (v, i) in villages.Select((v, i) => (v, i)))
        {
            var team = new WorkTeam
            {
                Id = Guid.CreateVersion7(),
                RegionCode = v.Code,
                Name = $"{v.Name}驻村工作队",
                SentBy = unitNames[i % unitNames.Length],
                FromOn = today.AddMonths(-10),
                Version = 1,
                CreatedAt = now,
                UpdatedAt = now,
            };
            teams.Add(team);
            var crew = new[] { (TeamRole.FirstSecretary, "第一书记"), (TeamRole.Member, "队员"), (TeamRole.Member, "队员") }.Select((r, j) => new TeamMember
            {
                Id = Guid.CreateVersion7(),
                TeamId = team.Id,
                RegionCode = v.Code,
                Name = surnames[(i + j + 3) % 10] + given[(i * 2 + j) % 10],
                Role = r.Item1,
                Unit = team.SentBy,
                FromOn = team.FromOn,
            }).ToList();
            members.AddRange(crew);
            for (var d = 1; d <= 10; d++)
            {
                foreach (var m in crew)
                {
                    var roll = random.Next(100);
                    var kind = roll < 85 ? AttendanceKind.Present : roll < 93 ? AttendanceKind.Official : roll < 97 ? AttendanceKind.Leave : AttendanceKind.Absent;
                    checks.Add(new TeamCheckIn
                    {
                        Id = Guid.CreateVersion7(),
                        TeamId = team.Id,
                        MemberId = m.Id,
                        RegionCode = v.Code,
                        On = today.AddDays(-d),
                        Kind = kind,
                        Note = kind == AttendanceKind.Present ? null : kind == AttendanceKind.Official ? "到区里开会" : kind == AttendanceKind.Leave ? "请假一天，已批准" : "电话抽查不在岗",
                        CheckedBy = "system",
                    });
                }
            }
            logs.Add(new TeamLog { Id = Guid.CreateVersion7(), TeamId = team.Id, MemberId = crew[0].Id, RegionCode = v.Code, On = today.AddDays(-2), Kind = TeamLogKind.Daily, Content = "走访贫困户5户，召开院坝会宣讲防返贫政策", WrittenBy = "system" });
            logs.Add(new TeamLog { Id = Guid.CreateVersion7(), TeamId = team.Id, MemberId = crew[0].Id, RegionCode = v.Code, On = today.AddDays(-9), Kind = TeamLogKind.Meeting, Content = "村两委与工作队例会：研究产业帮扶和危房改造进度", WrittenBy = "system" });
        }
        await BulkWriter.InsertAsync(db, teams, ct);
        await BulkWriter.InsertAsync(db, members, ct);
        await BulkWriter.InsertAsync(db, checks, ct);
        await BulkWriter.InsertAsync(db, logs, ct);

        // TV night school: sessions in the first villages with households on the register.
        var sessions = new List<NightSchoolSession>();
        var signIns = new List<NightSchoolSignIn>();
        string[] topics = ["肉牛养殖技术", "槟榔种植与病虫害防治", "防返贫监测政策解读"];
        foreach (var village in households.Select(h => h.RegionCode).Distinct().Take(6))
        {
            var inVillage = households.Where(h => h.RegionCode == village).ToList();
            for (var s = 0; s < 2; s++)
            {
                var session = new NightSchoolSession
                {
                    Id = Guid.CreateVersion7(),
                    RegionCode = village,
                    On = today.AddDays(-7 - 14 * s),
                    Topic = topics[(s + sessions.Count) % topics.Length],
                    Expected = inVillage.Count,
                    RecordedBy = "system",
                };
                sessions.Add(session);
                signIns.AddRange(inVillage.Where(_ => random.Next(100) < 75).Select(h => new NightSchoolSignIn
                {
                    Id = Guid.CreateVersion7(),
                    SessionId = session.Id,
                    RegionCode = village,
                    HouseholdId = h.Id,
                    Attendee = "户主",
                }));
            }
        }
        await BulkWriter.InsertAsync(db, sessions, ct);
        await BulkWriter.InsertAsync(db, signIns, ct);
    }

    private static string NeedOf(PovertyCause cause) => cause switch
    {
        PovertyCause.Illness => "家庭成员患慢性病，医疗支出大，需落实医疗保障并发展庭院经济",
        PovertyCause.Schooling => "子女上学负担重，需落实教育资助",
        PovertyCause.LackOfLabour => "家中缺劳动力，需兜底保障并发展力所能及的产业",
        PovertyCause.LackOfSkills => "缺技术，需技能培训和就近就业岗位",
        PovertyCause.LackOfFunds => "有发展意愿，缺启动资金，需小额信贷支持",
        _ => "需发展增收产业，巩固脱贫成果",
    };
}
