using Fupin.Web.Features.Comparison;
using Fupin.Web.Features.Households;

namespace Fupin.Tests.Comparison;

/// <summary>Each rule finds the mismatch planted for it and leaves the clean case alone.</summary>
public class ComparisonRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly Guid H = Guid.NewGuid();

    private static MemberFact Member(string id, string name, int birthYear, Relation relation = Relation.Son, Health health = Health.Healthy) =>
        new(Guid.NewGuid(), H, id, name, relation, new DateOnly(birthYear, 3, 1), health);

    private static ComparisonInput Input(IReadOnlyList<MemberFact> members, HouseholdAttribute attribute = HouseholdAttribute.General,
        params (RosterKind Kind, string Id, RosterRow Row)[] rows)
    {
        var rosters = new Dictionary<RosterKind, Dictionary<string, RosterRow>>();
        foreach (var (kind, id, row) in rows)
        {
            if (!rosters.TryGetValue(kind, out var byId))
            {
                rosters[kind] = byId = [];
            }
            if (byId.TryGetValue(id, out var first))
            {
                row.Next = first.Next;
                first.Next = row;
            }
            else
            {
                byId[id] = row;
            }
        }
        return new ComparisonInput
        {
            Households = new Dictionary<Guid, HouseholdFact> { [H] = new(H, "460105101201", "王户主", attribute) },
            Members = members,
            Rosters = rosters,
            Today = Today,
            Ratios = new ReimbursementRatios(90, 80, 100),
        };
    }

    private static RosterRow Row(string? status = null, string? subType = null, string? detail = null, decimal? total = null, decimal? paid = null, string name = "某人") =>
        new() { Batch = "2026年第4季度", Name = name, Status = status, SubType = subType, Detail = detail, Total = total, Paid = paid, EventDate = new DateOnly(2026, 6, 1) };

    private static List<Hit> Run(ComparisonRule rule, ComparisonInput input, params RosterKind[] kinds)
    {
        foreach (var kind in kinds)
        {
            if (!input.Rosters.ContainsKey(kind))
            {
                ((Dictionary<RosterKind, Dictionary<string, RosterRow>>)input.Rosters)[kind] = [];
            }
        }
        return ComparisonRules.Run(input, [rule]);
    }

    [Fact]
    public void Drop_out_finds_a_school_age_child_missing_or_dropped_and_not_one_at_school_or_too_old()
    {
        var atSchool = Member("A1", "在校生", 2015);
        var dropped = Member("A2", "辍学生", 2013);
        var missing = Member("A3", "未入学", 2018);
        var adult = Member("A4", "成年人", 1990);
        var hits = Run(ComparisonRule.DropOut, Input([atSchool, dropped, missing, adult], HouseholdAttribute.General,
            (RosterKind.Students, "A1", Row("在校", "小学")), (RosterKind.Students, "A2", Row("辍学", "初中", "某中学"))), RosterKind.Students);
        Assert.Equal(["A2", "A3"], hits.Select(h => h.MemberId).Select(id => new[] { atSchool, dropped, missing, adult }.First(m => m.Id == id).IdNumber).Order());
        Assert.Contains(hits, h => h.Roster.Contains("辍学（某中学）"));
        Assert.Contains(hits, h => h.Roster == "不在教育部门学生名册中");
    }

    [Fact]
    public void Not_insured_finds_members_missing_or_marked_uninsured()
    {
        var insured = Member("B1", "参保人", 1980);
        var marked = Member("B2", "未参保人", 1981);
        var missing = Member("B3", "缺失人", 1982);
        var hits = Run(ComparisonRule.NotInsured, Input([insured, marked, missing], HouseholdAttribute.General,
            (RosterKind.MedicalInsurance, "B1", Row("已参保")), (RosterKind.MedicalInsurance, "B2", Row("未参保"))), RosterKind.MedicalInsurance);
        Assert.Equal(new[] { marked.Id, missing.Id }.Order(), hits.Select(h => h.MemberId!.Value).Order());
    }

    [Theory]
    // seed 003: 住院实际报销90%，慢病门诊80%，特困人员100%
    [InlineData("住院", 10000, 9000, HouseholdAttribute.General, false)]
    [InlineData("住院", 10000, 8990, HouseholdAttribute.General, true)]
    [InlineData("门诊慢病", 1000, 800, HouseholdAttribute.General, false)]
    [InlineData("门诊慢病", 1000, 790, HouseholdAttribute.General, true)]
    [InlineData("住院", 10000, 9500, HouseholdAttribute.Tekun, true)]
    [InlineData("住院", 10000, 10000, HouseholdAttribute.Tekun, false)]
    public void Low_reimbursement_against_the_policy_ratio(string type, int total, int paid, HouseholdAttribute attribute, bool found)
    {
        var m = Member("C1", "病人", 1960);
        var hits = Run(ComparisonRule.LowReimbursement, Input([m], attribute, (RosterKind.Settlements, "C1", Row(subType: type, total: total, paid: paid))), RosterKind.Settlements);
        Assert.Equal(found, hits.Count == 1);
    }

    [Fact]
    public void A_tekun_person_on_the_civil_affairs_roster_needs_full_reimbursement()
    {
        var m = Member("C2", "特困人员", 1950);
        var input = Input([m], HouseholdAttribute.General, (RosterKind.Settlements, "C2", Row(subType: "住院", total: 1000, paid: 950)), (RosterKind.CivilAffairs, "C2", Row("特困")));
        var hit = Assert.Single(Run(ComparisonRule.LowReimbursement, input));
        Assert.Contains("标准100%", hit.Roster);
    }

    [Theory]
    [InlineData("D", "否", true)]
    [InlineData("C", null, true)]
    [InlineData("C", "是", false)]
    [InlineData("B", null, false)]
    public void Unsafe_housing_is_c_or_d_without_renovation(string grade, string? renovated, bool found)
    {
        var head = Member("D1", "户主", 1970, Relation.Head);
        Assert.Equal(found, Run(ComparisonRule.UnsafeHousing, Input([head], HouseholdAttribute.General, (RosterKind.Housing, "D1", Row(grade, renovated)))).Count == 1);
    }

    [Fact]
    public void Housing_not_appraised_when_no_member_is_on_the_roster()
    {
        var head = Member("E1", "户主", 1970, Relation.Head);
        var spouse = Member("E2", "配偶", 1972, Relation.Spouse);
        Assert.Single(Run(ComparisonRule.HousingNotAppraised, Input([head, spouse]), RosterKind.Housing));
        // Keyed on the spouse's number: still appraised.
        Assert.Empty(Run(ComparisonRule.HousingNotAppraised, Input([head, spouse], HouseholdAttribute.General, (RosterKind.Housing, "E2", Row("A")))));
    }

    [Fact]
    public void Unsafe_water_is_found_and_safe_water_is_not()
    {
        var head = Member("F1", "户主", 1970, Relation.Head);
        Assert.Single(Run(ComparisonRule.UnsafeWater, Input([head], HouseholdAttribute.General, (RosterKind.Water, "F1", Row("不安全", detail: "分散供水")))));
        Assert.Empty(Run(ComparisonRule.UnsafeWater, Input([head], HouseholdAttribute.General, (RosterKind.Water, "F1", Row("安全")))));
    }

    [Fact]
    public void Deceased_per_civil_affairs_but_active_in_the_registry()
    {
        var m = Member("G1", "已故者", 1940);
        var alive = Member("G2", "低保者", 1945);
        var hit = Assert.Single(Run(ComparisonRule.DeceasedActive, Input([m, alive], HouseholdAttribute.Dibao,
            (RosterKind.CivilAffairs, "G1", Row("死亡")), (RosterKind.CivilAffairs, "G2", Row("低保")))));
        Assert.Equal(m.Id, hit.MemberId);
    }

    [Theory]
    [InlineData(ComparisonRule.PublicEmployee, RosterKind.PublicEmployees, "某某局")]
    [InlineData(ComparisonRule.OwnsVehicle, RosterKind.Vehicles, "琼A12345")]
    [InlineData(ComparisonRule.OwnsProperty, RosterKind.Property, "海口某小区")]
    [InlineData(ComparisonRule.OwnsCompany, RosterKind.Companies, "某某农业有限公司")]
    public void Identification_doubts_from_listed_assets_and_jobs(ComparisonRule rule, RosterKind kind, string detail)
    {
        var m = Member("H1", "成员", 1985);
        var clean = Member("H2", "成员二", 1986);
        var hit = Assert.Single(Run(rule, Input([m, clean], HouseholdAttribute.General, (kind, "H1", Row(detail: detail)))));
        Assert.Equal(m.Id, hit.MemberId);
        Assert.Contains(detail, hit.Roster);
    }

    [Fact]
    public void Assistance_attribute_must_agree_with_the_civil_affairs_roster()
    {
        var m = Member("I1", "低保对象", 1960);
        // On the roster as 低保, registered as 一般贫困户: a mismatch.
        Assert.Single(Run(ComparisonRule.AssistanceMismatch, Input([m], HouseholdAttribute.General, (RosterKind.CivilAffairs, "I1", Row("低保")))));
        // Registered as 低保 and on the roster as 低保: clean.
        Assert.Empty(Run(ComparisonRule.AssistanceMismatch, Input([m], HouseholdAttribute.Dibao, (RosterKind.CivilAffairs, "I1", Row("低保")))));
        // Registered as 低保 with nobody on the roster: a mismatch the other way.
        var hit = Assert.Single(Run(ComparisonRule.AssistanceMismatch, Input([m], HouseholdAttribute.Dibao), RosterKind.CivilAffairs));
        Assert.Contains("没有该户成员为低保对象", hit.Roster);
    }

    [Fact]
    public void Disability_must_agree_both_ways()
    {
        var certified = Member("J1", "持证人", 1970);
        var marked = Member("J2", "标残疾", 1971, health: Health.Disabled);
        var both = Member("J3", "一致", 1972, health: Health.Disabled | Health.Chronic);
        var hits = Run(ComparisonRule.DisabilityMismatch, Input([certified, marked, both], HouseholdAttribute.General,
            (RosterKind.Disability, "J1", Row("二级", "肢体")), (RosterKind.Disability, "J3", Row("三级", "视力"))));
        Assert.Equal(new[] { certified.Id, marked.Id }.Order(), hits.Select(h => h.MemberId!.Value).Order());
    }

    [Fact]
    public void No_pension_for_members_sixty_and_over_only()
    {
        var old = Member("K1", "老人", 1950);
        var paid = Member("K2", "领取者", 1948);
        var young = Member("K3", "青年", 1990);
        var hit = Assert.Single(Run(ComparisonRule.NoPension, Input([old, paid, young], HouseholdAttribute.General, (RosterKind.Employment, "K2", Row("领取养老金")))));
        Assert.Equal(old.Id, hit.MemberId);
    }

    [Fact]
    public void A_rule_whose_roster_was_not_chosen_does_not_run()
    {
        var m = Member("L1", "成员", 2015);
        Assert.Empty(ComparisonRules.Run(Input([m]), [ComparisonRule.DropOut, ComparisonRule.NotInsured]));
    }

    [Fact]
    public void Every_rule_is_listed_once_in_order_with_a_name_and_its_rosters()
    {
        Assert.Equal(Enum.GetValues<ComparisonRule>(), ComparisonRules.All.Select(r => r.Rule));
        Assert.All(ComparisonRules.All, r => Assert.NotEmpty(r.Needs));
    }

    [Theory]
    [InlineData("C级", "C")]
    [InlineData("已参保（居民）", "已参保")]
    [InlineData("不安全", "不安全")]
    [InlineData("安全", "安全")]
    [InlineData("在读", null)]
    public void Coded_roster_values_are_read_leniently(string text, string? value) =>
        Assert.Equal(value, RosterImport.Canonical(["A", "B", "C", "D", "已参保", "未参保", "安全", "不安全"], text));

    [Theory]
    [InlineData(FindingState.Open, "核实", true)]
    [InlineData(FindingState.Open, "整改", false)]
    [InlineData(FindingState.Confirmed, "整改", true)]
    [InlineData(FindingState.Confirmed, "销号", false)]
    [InlineData(FindingState.Rectified, "销号", true)]
    [InlineData(FindingState.Unfounded, "销号", true)]
    [InlineData(FindingState.Closed, "销号", false)]
    [InlineData(FindingState.Closed, "核实", false)]
    public void Findings_move_verify_rectify_close(FindingState state, string step, bool allowed) =>
        Assert.Equal(allowed, Findings.Refusal(state, step) is null);
}
