using Fupin.Web.Features.Assurance;
using Fupin.Web.Shared;

namespace Fupin.Web.Features.Exit;

/// <summary>
/// Whether a household may start its exit (贫困户退出): per-capita net income above the year's line, and
/// 两不愁三保障 + 饮水安全 all secured. Every failing reason is listed, in Chinese, not just the first.
/// </summary>
public static class HouseholdExitRules
{
    public sealed record Readiness(bool Ready, IReadOnlyList<string> Reasons);

    public static Readiness Check(int year, decimal? perCapita, decimal? povertyLine, IReadOnlyDictionary<AssuranceItem, AssuranceStatus> assurance)
    {
        var reasons = new List<string>();
        if (povertyLine is null)
        {
            reasons.Add($"{year}年没有扶贫标准（贫困线），请先在政策参数中设定");
        }
        if (perCapita is null)
        {
            reasons.Add($"没有{year}年的收入台账");
        }
        else if (povertyLine is { } line && perCapita <= line)
        {
            reasons.Add($"{year}年人均纯收入{perCapita:0.##}元，未高于当年贫困线{line:0.##}元");
        }
        foreach (var item in AssuranceRules.Items)
        {
            var status = assurance.GetValueOrDefault(item, AssuranceStatus.Unknown);
            if (status != AssuranceStatus.Secured)
            {
                reasons.Add($"{Labels.Of(item)}{(status == AssuranceStatus.NotSecured ? "未保障" : "尚未核实")}");
            }
        }
        return new Readiness(reasons.Count == 0, reasons);
    }
}
