using Fupin.Web.Features.Assistance;
using Fupin.Web.Features.Households;

namespace Fupin.Tests.Assistance;

/// <summary>The pure rules: policy standards and deviations, coverage of a small county by hand, and visit due days.</summary>
public sealed class AssistanceRulesTests
{
    [Theory]
    [InlineData(MeasureKind.Education, SchoolStage.Preschool, null, "subsidy.education.preschool", 1)]
    [InlineData(MeasureKind.Education, SchoolStage.JuniorHigh, null, "subsidy.education.juniorHigh", 1)]
    [InlineData(MeasureKind.Education, SchoolStage.Vocational, null, "subsidy.yulu", 1)]
    [InlineData(MeasureKind.Dibao, null, 3, "support.dibao.perPerson", 3)]
    [InlineData(MeasureKind.PublicPost, null, 1, "employment.publicPost.monthlyWage", 12)]
    public void A_measure_takes_its_standard_from_the_policy_key(MeasureKind kind, SchoolStage? stage, int? persons, string key, int factor)
    {
        var s = AssistanceRules.StandardOf(kind, stage, persons);
        Assert.Equal((key, (decimal)factor), s);
    }

    [Fact]
    public void Kinds_without_a_policy_standard_have_none() =>
        Assert.Null(AssistanceRules.StandardOf(MeasureKind.Industry, null, null));

    // Seed 001: 学前1200, 小学1200, 初中1450; 低保3900/人·年; 公益岗位月工资600-800元.
    [Theory]
    [InlineData(MeasureKind.Education, 1450, 1450, null)]
    [InlineData(MeasureKind.Education, 1000, 1450, "与政策标准1450元不符（少450元）")]
    [InlineData(MeasureKind.Education, 1500, 1200, "与政策标准1200元不符（多300元）")]
    [InlineData(MeasureKind.Dibao, 11700, 11700, null)]
    [InlineData(MeasureKind.PublicPost, 9600, 7200, null)]
    [InlineData(MeasureKind.PublicPost, 6000, 7200, "低于公益岗位工资标准7200元/年")]
    public void A_deviating_amount_is_named(MeasureKind kind, int amount, int standard, string? expected) =>
        Assert.Equal(expected, AssistanceRules.Deviation(kind, amount, standard));

    [Fact]
    public void Coverage_of_a_small_county_equals_the_hand_count()
    {
        // Two townships (T1: villages 01, 02; T2: village 11), seven households, one paused.
        Guid H(int i) => new($"00000000-0000-0000-0000-{i:D12}");
        var households = new List<AssistanceRules.HouseholdRow>
        {
            new(H(1), "T1-01", false), new(H(2), "T1-01", false), new(H(3), "T1-02", false), new(H(4), "T1-02", true),
            new(H(5), "T2-11", false), new(H(6), "T2-11", false), new(H(7), "T2-11", false),
        };
        var measures = new List<AssistanceRules.MeasureRow>
        {
            new(H(1), MeasureKind.Industry, MeasureStatus.Done, 3000, 3000),
            new(H(1), MeasureKind.Education, MeasureStatus.Planned, 1200, null),
            new(H(2), MeasureKind.Industry, MeasureStatus.InProgress, 2000, 500),
            new(H(3), MeasureKind.Industry, MeasureStatus.Done, 2500, 2500),
            new(H(3), MeasureKind.Industry, MeasureStatus.Planned, 1000, null), // the same household twice: counted once
            new(H(5), MeasureKind.Dibao, MeasureStatus.Done, 3900, 3900),
            new(H(6), MeasureKind.Industry, MeasureStatus.Terminated, 800, null), // terminated: no measure
        };
        var f = AssistanceRules.Coverage(households, measures, c => c[..2]);

        var industry = f.ByKind.Single(k => k.Kind == MeasureKind.Industry);
        Assert.Equal((3, 2, 66.7m, 8500m, 6000m), (industry.Planned, industry.Reached, industry.Share, industry.AmountPlanned, industry.AmountPaid));
        var dibao = f.ByKind.Single(k => k.Kind == MeasureKind.Dibao);
        Assert.Equal((1, 1, 100m), (dibao.Planned, dibao.Reached, dibao.Share));
        Assert.Null(f.ByKind.Single(k => k.Kind == MeasureKind.Credit).Share);

        // Households with a measure: 1, 2, 3, 5; reached: 1, 3, 5; without: 6, 7 (4 is paused, listed apart).
        Assert.Equal((7, 4, 3, 75.0m, 2, 1), (f.Total.Households, f.Total.WithMeasure, f.Total.Reached, f.Total.Share, f.Total.WithoutMeasure, f.Total.Paused));
        Assert.Equal(13600m, f.Total.AmountPlanned);
        Assert.Equal([H(6), H(7)], f.WithoutMeasure.Order());
        Assert.Equal([H(4)], f.Paused);
        var t1 = f.ByArea.Single(a => a.RegionCode == "T1");
        Assert.Equal((4, 3, 2, 0, 1), (t1.Households, t1.WithMeasure, t1.Reached, t1.WithoutMeasure, t1.Paused));
        var t2 = f.ByArea.Single(a => a.RegionCode == "T2");
        Assert.Equal((3, 1, 1, 2, 0), (t2.Households, t2.WithMeasure, t2.Reached, t2.WithoutMeasure, t2.Paused));
    }

    [Fact]
    public void Seed_000_share_reached_is_83_percent()
    {
        // "产业帮扶422户 … 已落实353户，占83%".
        var households = Enumerable.Range(0, 422).Select(i => new AssistanceRules.HouseholdRow(Guid.NewGuid(), "V", false)).ToList();
        var measures = households.Select((h, i) => new AssistanceRules.MeasureRow(h.Id, MeasureKind.Industry, i < 353 ? MeasureStatus.Done : MeasureStatus.InProgress, null, null)).ToList();
        var industry = AssistanceRules.Coverage(households, measures, c => c).ByKind.Single(k => k.Kind == MeasureKind.Industry);
        Assert.Equal(83.6m, industry.Share);
        Assert.Equal(83, (int)industry.Share!.Value);
    }

    [Fact]
    public void A_pair_is_overdue_once_the_interval_after_its_last_visit_has_passed()
    {
        var from = new DateOnly(2026, 3, 1);
        var a = Guid.NewGuid();
        var never = new AssistanceRules.PairRow(a, Guid.NewGuid(), from, null);
        var visited = new AssistanceRules.PairRow(a, Guid.NewGuid(), from, new DateOnly(2026, 3, 20));
        Assert.Equal(new DateOnly(2026, 3, 31), AssistanceRules.DueOn(never, 30));
        Assert.Equal(new DateOnly(2026, 4, 19), AssistanceRules.DueOn(visited, 30));
        Assert.Empty(AssistanceRules.Overdue([never, visited], 30, new DateOnly(2026, 3, 31)));
        Assert.Equal([never], AssistanceRules.Overdue([never, visited], 30, new DateOnly(2026, 4, 1)));
        Assert.Equal([never, visited], AssistanceRules.Overdue([never, visited], 30, new DateOnly(2026, 4, 20)));
        // Weekly during the push (seed 002).
        Assert.Equal([never, visited], AssistanceRules.Overdue([never, visited], 7, new DateOnly(2026, 3, 28)));
    }
}
