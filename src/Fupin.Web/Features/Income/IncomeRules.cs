namespace Fupin.Web.Features.Income;

/// <summary>Where a household's per-capita net income stands against the year's lines.</summary>
public enum IncomeBand
{
    BelowPovertyLine, // 低于贫困线
    BelowMonitoringLine, // 高于贫困线、低于监测线
    AboveMonitoringLine, // 高于监测线
    Unknown, // 当年无政策标准
}

/// <summary>
/// 纯收入 = 工资性 + 生产经营性 + 财产性 + 转移性 − 生产经营性支出; 人均纯收入 = 纯收入 / 家庭人口数
/// (NATIONAL_FIELDS.md). Pure arithmetic in exact decimals, rounded to the fen only at the end.
/// </summary>
public static class IncomeRules
{
    public static decimal Net(decimal wage, decimal business, decimal property, decimal transfer, decimal businessExpense) =>
        wage + business + property + transfer - businessExpense;

    public static decimal PerCapita(decimal net, int householdSize) =>
        householdSize <= 0 ? 0 : Math.Round(net / householdSize, 2, MidpointRounding.AwayFromZero);

    public static IncomeBand Band(decimal perCapita, decimal? povertyLine, decimal? monitoringLine) => (povertyLine, monitoringLine) switch
    {
        (null, _) => IncomeBand.Unknown,
        ({ } line, _) when perCapita < line => IncomeBand.BelowPovertyLine,
        (_, { } monitoring) when perCapita < monitoring => IncomeBand.BelowMonitoringLine,
        (_, null) => IncomeBand.Unknown,
        _ => IncomeBand.AboveMonitoringLine,
    };
}
