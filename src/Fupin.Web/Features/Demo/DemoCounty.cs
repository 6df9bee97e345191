using Fupin.Web.Data;
using Fupin.Web.Features.Households;
using Fupin.Web.Features.Regions;
using Fupin.Web.Rules;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Demo;

/// <summary>
/// A deterministic, realistic demo county: the four towns of seed 000 (长流镇、西秀镇、永兴镇、东山镇),
/// ~50 villages, and registered households whose attributes, causes (seed 002's order), statuses,
/// health and labour look like the seeds' reports. The same generator makes large counties for the
/// benchmark (<c>generate --persons 1000000</c>).
/// </summary>
public static class DemoCounty
{
    public const string CountyCode = "460105000000";
    public const string CountyName = "海滨区";
    public const string AddressCode = "460105";

    private static readonly (string Code, string Name, string[] Villages)[] Towns =
    [
        ("460105100000", "长流镇", ["长北村", "长东村", "长德村", "博养村", "儒万村", "康安村", "传统村", "美李村", "包道村", "道贡村", "雅德村", "扬亭村", "堂善村"]),
        ("460105101000", "西秀镇", ["马坡村", "荣山村", "书场村", "博新村", "拔南村", "新海村", "西秀村", "镇海村", "長德村", "丰盈村", "荣丰村", "林田村"]),
        ("460105104000", "永兴镇", ["永德村", "美东村", "罗经村", "建中村", "博强村", "雷虎村", "冯塘村", "昌福村", "美城村", "儒逢村", "东城村", "涌潭村", "立新村"]),
        ("460105105000", "东山镇", ["城西村", "东城村", "东溪村", "射钗村", "环湖村", "东星村", "前进村", "和平村", "紫园村", "溪头村", "玉龙村", "光明村"]),
    ];

    private static readonly string[] Surnames = ["王", "陈", "林", "吴", "符", "李", "黄", "张", "冯", "许", "郑", "蔡", "邢", "周", "梁", "云", "羊", "何", "韩", "曾"];
    private static readonly string[] GivenMale = ["海", "文", "德", "明", "国", "志", "永", "建", "春", "光", "亚", "家", "仁", "福", "成", "伟", "强", "南", "清", "金"];
    private static readonly string[] GivenFemale = ["玉", "秀", "梅", "兰", "花", "英", "娟", "芳", "丽", "霞", "琼", "妹", "春", "燕", "珍", "桂", "凤", "莲", "月", "香"];
    private static readonly string[] GroupNames = ["第一村民小组", "第二村民小组", "第三村民小组", "第四村民小组", "第五村民小组"];
    private static readonly string[] WorkPlaces = ["海南省海口市", "广东省广州市", "广东省深圳市", "海南省三亚市", "浙江省宁波市", "本县"];

    // Seed 002 counts households by cause in this order: 因病 ≫ 自身发展动力不足 > 因残 > 缺资金 > 缺劳动力 > 缺土地 > 因学 > 缺技术.
    private static readonly (PovertyCause Cause, int Weight)[] CauseWeights =
    [
        (PovertyCause.Illness, 30), (PovertyCause.LackOfMotivation, 14), (PovertyCause.Disability, 13), (PovertyCause.LackOfFunds, 11),
        (PovertyCause.LackOfLabour, 9), (PovertyCause.LackOfLand, 6), (PovertyCause.Schooling, 5), (PovertyCause.LackOfSkills, 5),
        (PovertyCause.Disaster, 2), (PovertyCause.LackOfWater, 2), (PovertyCause.PoorTransport, 2), (PovertyCause.Other, 1),
    ];

    // Seed 000: of 456 households, 225 lifted by the report and the rest due that year; a few returned, monitored or removed.
    private static readonly (HouseholdStatus Status, int Weight)[] StatusWeights =
    [
        (HouseholdStatus.Lifted, 68), (HouseholdStatus.NotLifted, 22), (HouseholdStatus.Monitored, 5), (HouseholdStatus.Returned, 2), (HouseholdStatus.Removed, 3),
    ];

    private static readonly (HouseholdAttribute Attribute, int Weight)[] AttributeWeights =
        [(HouseholdAttribute.General, 74), (HouseholdAttribute.Dibao, 21), (HouseholdAttribute.Tekun, 5)];

    public sealed record Generated(List<Region> Regions, List<VillageGroup> Groups, List<Household> Households, List<Member> Members,
        List<Exit.VillageProfile> Profiles);

    private static readonly string[] Industries = ["莲雾", "芒果", "槟榔", "胡椒", "石斛", "黑山羊", "文昌鸡", "南美白对虾", "兰花", "火龙果", "乡村旅游"];

    /// <summary>Builds the county in memory. <paramref name="persons"/> is the target number of people.</summary>
    public static Generated Build(int persons, DateOnly today, int seed = 20240606)
    {
        var random = new Random(seed);
        var now = DateTime.SpecifyKind(today.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc);
        var regions = new List<Region>
        {
            new() { Code = "460000000000", Name = "海南省", Level = RegionLevel.Province },
            new() { Code = "460100000000", Name = "海口市", Level = RegionLevel.City, ParentCode = "460000000000" },
            new() { Code = CountyCode, Name = CountyName, Level = RegionLevel.County, ParentCode = "460100000000" },
        };
        var groups = new List<VillageGroup>();
        var villages = new List<Region>();
        foreach (var (townCode, townName, villageNames) in Towns)
        {
            regions.Add(new Region { Code = townCode, Name = townName, Level = RegionLevel.Township, ParentCode = CountyCode, SortOrder = regions.Count });
            for (var v = 0; v < villageNames.Length; v++)
            {
                var village = new Region
                {
                    Code = $"{townCode[..9]}{201 + v:000}",
                    Name = villageNames[v],
                    Level = RegionLevel.Village,
                    ParentCode = townCode,
                    SortOrder = v,
                    IsPovertyVillage = random.Next(100) < 20,
                };
                villages.Add(village);
                regions.Add(village);
                var groupCount = 3 + random.Next(3);
                for (var g = 0; g < groupCount; g++)
                {
                    groups.Add(new VillageGroup { Id = DeterministicGuid(random), RegionCode = village.Code, Name = GroupNames[g], SortOrder = g });
                }
            }
        }

        var households = new List<Household>(persons / 4 + 16);
        var members = new List<Member>(persons + 16);
        var usedIds = new HashSet<string>(persons + 16);
        var serialByVillage = new Dictionary<string, int>();
        var poorPeopleByVillage = new Dictionary<string, int>();
        var peopleByVillage = new Dictionary<string, int>();
        while (members.Count < persons)
        {
            var village = villages[random.Next(villages.Count)];
            var villageGroups = groups.Where(g => g.RegionCode == village.Code).ToList();
            var serial = serialByVillage[village.Code] = serialByVillage.GetValueOrDefault(village.Code) + 1;
            var status = Pick(random, StatusWeights);
            var attribute = Pick(random, AttributeWeights);
            var cause = Pick(random, CauseWeights);
            var yearIdentified = 2014 + Weighted(random, [40, 15, 15, 10, 8, 6, 6]);
            var h = new Household
            {
                Id = DeterministicGuid(random),
                RegionCode = village.Code,
                GroupId = villageGroups[random.Next(villageGroups.Count)].Id,
                HouseholdNumber = $"{village.Code}{serial:0000}",
                HeadName = "",
                Phone = random.Next(100) < 85 ? $"1{random.Next(3, 10)}{random.Next(100_000_000, 999_999_999)}" : null,
                Address = $"{village.Name}{villageGroups[0].Name[..3]}{random.Next(1, 200)}号",
                Latitude = 19.90 + random.NextDouble() * 0.2,
                Longitude = 110.10 + random.NextDouble() * 0.3,
                BankName = random.Next(100) < 70 ? "海南省农村信用社" : "中国邮政储蓄银行",
                BankAccount = $"6217{random.NextInt64(100_000_000_000, 999_999_999_999)}",
                Attribute = attribute,
                MainCause = cause,
                OtherCause1 = random.Next(100) < 35 ? Other(random, cause) : null,
                Standard = IdentificationStandard.National,
                YearIdentified = yearIdentified,
                PlannedExitYear = Math.Min(2020, yearIdentified + 1 + random.Next(3)),
                Status = status,
                StatusChangedOn = new DateOnly(Math.Min(today.Year, yearIdentified + 1 + random.Next(4)), 1 + random.Next(12), 1 + random.Next(28)),
                HousingGrade = Pick(random, [(HousingGrade.A, 30), (HousingGrade.B, 55), (HousingGrade.C, 9), (HousingGrade.D, 4), (HousingGrade.NotAppraised, 2)]),
                HousingAreaM2 = 40 + random.Next(100),
                Water = random.Next(100) < 96 ? WaterStatus.Safe : WaterStatus.Unsafe,
                ArableLandMu = Math.Round((decimal)(random.NextDouble() * 8), 1),
                IsMilitaryFamily = random.Next(100) < 2,
                CreatedAt = now,
                UpdatedAt = now,
                Version = 1,
            };
            if (h.Status == HouseholdStatus.Removed)
            {
                h.StatusReason = "识别不精准，经民主评议清退";
            }
            if (h.Status is HouseholdStatus.Lifted or HouseholdStatus.Monitored or HouseholdStatus.Returned)
            {
                h.YearLifted = Math.Min(today.Year, Math.Max(h.YearIdentified + 1, h.PlannedExitYear ?? 2020));
            }
            if (h.Status == HouseholdStatus.Returned)
            {
                h.YearReturned = Math.Min(today.Year, (h.YearLifted ?? 2020) + 1 + random.Next(3));
                h.StatusReason = "因病返贫";
            }
            if (h.StatusChangedOn > today)
            {
                h.StatusChangedOn = today;
            }
            h.HousingRenovated = h.HousingGrade is HousingGrade.C or HousingGrade.D && random.Next(100) < 80;

            var people = MakeMembers(random, h, today, usedIds, now);
            h.HeadName = people[0].Name;
            h.MemberCount = people.Count(p => p.Status == MemberStatus.Active);
            h.AssuranceGaps = Assurance.AssuranceRules.Gaps(h, people, today);
            households.Add(h);
            members.AddRange(people);
            if (h.Status != HouseholdStatus.Removed)
            {
                peopleByVillage[village.Code] = peopleByVillage.GetValueOrDefault(village.Code) + h.MemberCount;
            }
            if (h.Status is HouseholdStatus.NotLifted or HouseholdStatus.Returned)
            {
                poorPeopleByVillage[village.Code] = poorPeopleByVillage.GetValueOrDefault(village.Code) + h.MemberCount;
            }
        }
        // Registered people are a tenth or so of a village's rural population; a few villages have no figure yet.
        foreach (var v in villages)
        {
            v.RuralPopulation = random.Next(100) < 94 ? peopleByVillage.GetValueOrDefault(v.Code) * (8 + random.Next(8)) + 300 : null;
        }
        // Village figures for the exit criteria, this year and last (seed 001: collective income over 10万 each).
        var profiles = new List<Exit.VillageProfile>();
        foreach (var v in villages)
        {
            foreach (var year in new[] { today.Year - 1, today.Year })
            {
                profiles.Add(new Exit.VillageProfile
                {
                    Id = DeterministicGuid(random),
                    RegionCode = v.Code,
                    Year = year,
                    CollectiveIncome = 50_000 + random.Next(16) * 10_000,
                    LeadingIndustry = random.Next(100) < 85 ? Industries[random.Next(Industries.Length)] : null,
                    HardenedRoad = random.Next(100) < 95,
                    PowerGrid = true,
                    Broadband = random.Next(100) < 90,
                    Clinic = random.Next(100) < 92,
                    CultureCenter = random.Next(100) < 88,
                    SafeWater = random.Next(100) < 96,
                    CreatedAt = now,
                    UpdatedAt = now,
                    Version = 1,
                });
            }
        }
        return new Generated(regions, groups, households, members, profiles);
    }

    private static List<Member> MakeMembers(Random random, Household h, DateOnly today, HashSet<string> usedIds, DateTime now)
    {
        var list = new List<Member>();
        var surname = Surnames[random.Next(Surnames.Length)];
        var headMale = random.Next(100) < 78;
        var headAge = 28 + random.Next(50);
        var size = Weighted(random, [12, 18, 22, 24, 14, 7, 3]) + 1;
        Member Add(Relation relation, bool male, int age, string familyName)
        {
            var birth = today.AddYears(-age).AddDays(-random.Next(365));
            var m = new Member
            {
                Id = DeterministicGuid(random),
                HouseholdId = h.Id,
                RegionCode = h.RegionCode,
                IdNumber = UniqueId(random, birth, male, usedIds),
                Name = familyName + (male ? GivenMale : GivenFemale)[random.Next(20)] + (random.Next(100) < 70 ? (male ? GivenMale : GivenFemale)[random.Next(20)] : ""),
                Relation = relation,
                Sex = male ? Sex.Male : Sex.Female,
                BirthDate = birth,
                Ethnicity = random.Next(100) < 82 ? "汉族" : "黎族",
                Entry = MemberEntry.Identified,
                EntryYear = h.YearIdentified,
                MedicalInsurance = random.Next(1000) < 985 ? MedicalInsurance.Resident : MedicalInsurance.None,
                SeriousIllnessInsurance = random.Next(100) < 95,
                FamilyDoctorSigned = random.Next(100) < 97,
                CreatedAt = now,
                UpdatedAt = now,
                Version = 1,
            };
            Fill(random, m, age, h.MainCause);
            list.Add(m);
            return m;
        }

        Add(Relation.Head, headMale, headAge, surname);
        if (size > 1 && random.Next(100) < 82)
        {
            Add(Relation.Spouse, !headMale, Math.Max(20, headAge - 3 + random.Next(7)), Surnames[random.Next(Surnames.Length)]);
        }
        while (list.Count < size)
        {
            if (headAge > 55 && random.Next(100) < 25)
            {
                var male = random.Next(2) == 0;
                Add(male ? Relation.Grandson : Relation.Granddaughter, male, random.Next(Math.Min(16, headAge - 44)), surname);
            }
            else if (headAge < 50 && random.Next(100) < 12)
            {
                var male = random.Next(2) == 0;
                Add(male ? Relation.Father : Relation.Mother, male, headAge + 22 + random.Next(10), male ? surname : Surnames[random.Next(Surnames.Length)]);
            }
            else
            {
                var male = random.Next(2) == 0;
                Add(male ? Relation.Son : Relation.Daughter, male, Math.Max(0, headAge - 20 - random.Next(18)), surname);
            }
        }
        // A little of the dynamic management the seeds report: deaths and marriages out.
        if (list.Count > 2 && random.Next(100) < 4)
        {
            var gone = list[^1];
            gone.Status = random.Next(2) == 0 ? MemberStatus.Deceased : MemberStatus.MarriedOut;
            gone.StatusChangedOn = today.AddDays(-random.Next(900));
            gone.StatusReason = gone.Status == MemberStatus.Deceased ? "病故" : "婚嫁迁出";
        }
        return list;
    }

    private static void Fill(Random random, Member m, int age, PovertyCause cause)
    {
        var ill = cause == PovertyCause.Illness ? 45 : 10;
        var disabled = cause == PovertyCause.Disability ? 50 : 5;
        if (random.Next(100) < ill && age > 16)
        {
            m.Health |= random.Next(100) < 70 ? Health.Chronic : Health.SeriousIllness;
        }
        if (random.Next(100) < disabled)
        {
            m.Health |= Health.Disabled;
            m.DisabilityGrade = 1 + random.Next(4);
        }
        switch (age)
        {
            case < 3:
                m.Education = Education.Preschooler;
                break;
            case < 6:
                m.SchoolStage = SchoolStage.Preschool;
                break;
            case < 12:
                m.SchoolStage = SchoolStage.Primary;
                break;
            case < 15 when random.Next(1000) < 8:
                // A few drop-outs, as the 控辍保学 reports find.
                m.Education = Education.Primary;
                m.OutOfSchoolReason = "厌学辍学";
                break;
            case < 15:
                m.SchoolStage = SchoolStage.JuniorHigh;
                break;
            case < 18:
                m.SchoolStage = random.Next(100) < 60 ? SchoolStage.SeniorHigh : SchoolStage.Vocational;
                break;
            case < 22 when random.Next(100) < 35:
                m.SchoolStage = SchoolStage.Higher;
                break;
            default:
                m.Education = age > 60
                    ? Pick(random, [(Education.Illiterate, 35), (Education.Primary, 50), (Education.JuniorHigh, 15)])
                    : Pick(random, [(Education.Primary, 25), (Education.JuniorHigh, 50), (Education.SeniorHigh, 18), (Education.College, 7)]);
                break;
        }
        m.Labour = age switch
        {
            < 16 => LabourCapacity.None,
            > 65 => random.Next(100) < 60 ? LabourCapacity.Lost : LabourCapacity.Weak,
            _ when m.Health.HasFlag(Health.Disabled) && m.DisabilityGrade <= 2 => LabourCapacity.Lost,
            _ when m.Health != Health.Healthy => LabourCapacity.Weak,
            _ => random.Next(100) < 20 ? LabourCapacity.Skilled : LabourCapacity.Ordinary,
        };
        if (m.Labour is LabourCapacity.Ordinary or LabourCapacity.Skilled && m.SchoolStage is null && random.Next(100) < 55)
        {
            m.WorkPlace = WorkPlaces[random.Next(WorkPlaces.Length)];
            m.WorkMonths = 3 + random.Next(10);
        }
        m.Pension = age >= 16 && m.SchoolStage is null ? (random.Next(100) < 92 ? PensionInsurance.Resident : PensionInsurance.None) : PensionInsurance.None;
    }

    private static string UniqueId(Random random, DateOnly birth, bool male, HashSet<string> used)
    {
        while (true)
        {
            var sequence = random.Next(500) * 2 + (male ? 1 : 0);
            var id = ResidentId.Compose(AddressCode, birth, sequence);
            if (used.Add(id))
            {
                return id;
            }
        }
    }

    private static Guid DeterministicGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 shape
        return new Guid(bytes);
    }

    private static PovertyCause? Other(Random random, PovertyCause main)
    {
        var c = Pick(random, CauseWeights);
        return c == main ? null : c;
    }

    private static T Pick<T>(Random random, (T Value, int Weight)[] weights)
    {
        var roll = random.Next(weights.Sum(w => w.Weight));
        foreach (var (value, weight) in weights)
        {
            if ((roll -= weight) < 0)
            {
                return value;
            }
        }
        return weights[^1].Value;
    }

    private static int Weighted(Random random, int[] weights)
    {
        var roll = random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            if ((roll -= weights[i]) < 0)
            {
                return i;
            }
        }
        return weights.Length - 1;
    }

    /// <summary>Writes a generated county in one transaction through the bulk path (no per-row audit: it is a seed).</summary>
    public static async Task WriteAsync(AppDbContext db, Generated county, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await BulkWriter.InsertAsync(db, county.Regions, ct);
        await BulkWriter.InsertAsync(db, county.Groups, ct);
        await BulkWriter.InsertAsync(db, county.Households, ct);
        await BulkWriter.InsertAsync(db, county.Members, ct);
        await BulkWriter.InsertAsync(db, county.Profiles, ct);
        await tx.CommitAsync(ct);
        if (db.Database.IsSqlite())
        {
            // A bulk write leaves the whole county in the WAL; fold it into the file before anyone reads.
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct);
        }
        await db.Database.ExecuteSqlRawAsync("ANALYZE;", ct);
    }

    /// <summary>
    /// Last year's income ledger for the households on the register or monitored: most well above the
    /// monitoring line, some between the lines, a few under the poverty line, so the lights have something to
    /// show. Drawn from its own random sequence, so the registry itself is the same with or without it.
    /// </summary>
    public static List<Income.IncomeRecord> Incomes(Generated county, DateOnly today, int seed = 20240607)
    {
        var random = new Random(seed);
        var now = DateTime.SpecifyKind(today.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc);
        var records = new List<Income.IncomeRecord>(county.Households.Count);
        foreach (var h in county.Households.Where(h => Monitoring.Lights.Lit.Contains(h.Status)))
        {
            var size = Math.Max(1, h.MemberCount);
            var band = random.Next(100);
            decimal perCapita = band < 4 ? 2500 + random.Next(1400) : band < 14 ? 4100 + random.Next(3400) : 8000 + random.Next(14000);
            var net = perCapita * size;
            var transfer = Math.Round(net * (decimal)(0.1 + random.NextDouble() * 0.25), 0);
            var wage = Math.Round((net - transfer) * (decimal)(0.4 + random.NextDouble() * 0.5), 0);
            var expense = Math.Round((net - transfer - wage) * 0.2m, 0);
            records.Add(new Income.IncomeRecord
            {
                Id = DeterministicGuid(random),
                HouseholdId = h.Id,
                RegionCode = h.RegionCode,
                Year = today.Year - 1,
                HouseholdSize = size,
                Wage = wage,
                Business = net - transfer - wage + expense,
                BusinessExpense = expense,
                OtherTransfer = h.Attribute == HouseholdAttribute.General ? transfer : 0,
                Dibao = h.Attribute == HouseholdAttribute.Dibao ? transfer : 0,
                Tekun = h.Attribute == HouseholdAttribute.Tekun ? transfer : 0,
                CreatedAt = now,
                UpdatedAt = now,
                Version = 1,
            });
        }
        return records;
    }

    /// <summary>On first start with an empty registry: the demo county of about 8,000 people (and, unless turned off, last year's incomes).</summary>
    /// <summary>True when the demo county was written by this call.</summary>
    public static async Task<bool> SeedIfEmptyAsync(AppDbContext db, TimeProvider clock, int persons, CancellationToken ct = default, bool incomes = true, bool funds = true)
    {
        if (await db.Regions.IgnoreQueryFilters().AnyAsync(ct))
        {
            return false;
        }
        var county = Build(persons, clock.Today());
        await WriteAsync(db, county, ct);
        if (incomes)
        {
            await BulkWriter.InsertAsync(db, Incomes(county, clock.Today()), ct);
        }
        await DemoAssistance.SeedAsync(db, clock, ct);
        if (funds)
        {
            await DemoFunds.SeedAsync(db, clock, ct);
        }
        await Monitoring.Lights.RecomputeAllAsync(db, clock, asRound: false, ct);
        return true;
    }
}
