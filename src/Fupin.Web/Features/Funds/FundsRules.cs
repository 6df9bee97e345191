namespace Fupin.Web.Features.Funds;

/// <summary>
/// The pure rules of money and projects: spending progress to the hundredth of a percent, 万元 figures,
/// deterministic rankings, the allocation limit, which stage may follow which, and the project rates.
/// </summary>
public static class FundsRules
{
    /// <summary>支出进度, percent with two decimals (half away from zero); null when nothing is allocated. 661.8万 of 1,320万 → 50.14.</summary>
    public static decimal? Progress(decimal allocated, decimal spent) =>
        allocated <= 0 ? null : Math.Round(100m * spent / allocated, 2, MidpointRounding.AwayFromZero);

    /// <summary>Yuan shown in 万元 with two decimals: 6618000 → "661.80".</summary>
    public static string Wan(decimal yuan) => (yuan / 10000m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    public sealed record Ranked<T>(int Rank, T Item);

    /// <summary>
    /// Ranks by progress (highest first); ties by more money spent, then by key — so the order never depends
    /// on the database. Rows with nothing allocated come last.
    /// </summary>
    public static IReadOnlyList<Ranked<T>> Rank<T>(IEnumerable<T> rows, Func<T, decimal?> progress, Func<T, decimal> spent, Func<T, string> key) =>
        [.. rows.OrderBy(r => progress(r) is null).ThenByDescending(r => progress(r) ?? 0).ThenByDescending(spent).ThenBy(key, StringComparer.Ordinal)
            .Select((r, i) => new Ranked<T>(i + 1, r))];

    /// <summary>Why an allocation is refused: not positive, or beyond the batch's balance without the over-allocation flag.</summary>
    public static string? AllocationRefusal(decimal batchAmount, decimal allocatedSoFar, decimal amount, bool overAllocate)
    {
        if (amount <= 0)
        {
            return "分配金额应大于0";
        }
        var balance = batchAmount - allocatedSoFar;
        return amount > balance && !overAllocate
            ? $"分配金额{amount:0.00}元超过该批次余额{balance:0.00}元；如属先行预拨等确需超额分配，请勾选“超额分配”并说明"
            : null;
    }

    /// <summary>Why a disbursement is refused: not positive, beyond the allocation's balance, or its project is closed.</summary>
    public static string? DisbursementRefusal(decimal allocated, decimal spentSoFar, decimal amount, ProjectStage? projectStage)
    {
        if (amount <= 0)
        {
            return "支出金额应大于0";
        }
        if (projectStage is ProjectStage.Transferred or ProjectStage.Cancelled)
        {
            return $"项目已{(projectStage == ProjectStage.Cancelled ? "终止" : "完成资产移交")}，不能再支出";
        }
        var balance = allocated - spentSoFar;
        return amount > balance ? $"支出金额{amount:0.00}元超过分配余额{balance:0.00}元" : null;
    }

    /// <summary>A project moves forward through its lifecycle (a step may be skipped, e.g. 设计 for a small project), or is ended (终止) before it is handed over.</summary>
    public static string? StageRefusal(ProjectStage from, ProjectStage to) => (from, to) switch
    {
        (ProjectStage.Cancelled, _) => "项目已终止",
        (ProjectStage.Transferred, _) => "项目已完成资产移交",
        (_, ProjectStage.Cancelled) => null,
        _ when to <= from => $"项目已在“{Shared.Labels.Of(from)}”阶段，只能向后推进",
        _ => null,
    };

    public sealed record ProjectRow(ProjectStage Stage, ProjectType Type, decimal Planned, int Households);

    public sealed record Rates(int Projects, int Started, int Completed, decimal? StartRate, decimal? CompletionRate, decimal Planned, decimal IndustryPlanned,
        decimal? IndustryShare, int Households, decimal? PerHousehold);

    /// <summary>
    /// 开工率 and 竣工率 over the projects 立项 or later (reserve and terminated ones are not counted), percent
    /// with one decimal; the share of planned money in 产业发展 projects; money per household expected to benefit.
    /// </summary>
    public static Rates RatesOf(IEnumerable<ProjectRow> all)
    {
        var projects = all.Where(p => p.Stage is not (ProjectStage.Reserve or ProjectStage.Cancelled)).ToList();
        var started = projects.Count(p => p.Stage >= ProjectStage.Started);
        var completed = projects.Count(p => p.Stage >= ProjectStage.Completed);
        var planned = projects.Sum(p => p.Planned);
        var industry = projects.Where(p => p.Type == ProjectType.Industry).Sum(p => p.Planned);
        var households = projects.Sum(p => p.Households);
        decimal? Pct(decimal part, decimal whole) => whole == 0 ? null : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);
        return new Rates(projects.Count, started, completed, Pct(started, projects.Count), Pct(completed, projects.Count), planned, industry, Pct(industry, planned),
            households, households == 0 ? null : Math.Round(planned / households, 2, MidpointRounding.AwayFromZero));
    }
}
