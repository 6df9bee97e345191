using Fupin.Web.Data;
using Fupin.Web.Features.Assurance;
using Fupin.Web.Features.Comparison;
using Fupin.Web.Features.Households;
using Fupin.Web.Features.Income;
using Fupin.Web.Features.Policy;
using Fupin.Web.Features.Procedures;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Monitoring;

/// <summary>
/// 监测对象: entering a household into monitoring and removing its risk, through the procedure engine
/// (村级评议 → 乡镇审核 → 县级审定). What may start, what the announcement changes on the household, and
/// why a risk removal is refused.
/// </summary>
public static class MonitoringCases
{
    public sealed record Entry(MonitoringType? Type, MonitoringSource? Source, string? Risks, Guid? FindingId, RiskRemovalMode? RemovalMode);

    /// <summary>Which categories a household of a status may enter: 脱贫户 are 脱贫不稳定户 or 突发; 一般农户 are 边缘易致贫户 or 突发.</summary>
    public static string? TypeRefusal(HouseholdStatus status, MonitoringType type) => (status, type) switch
    {
        (HouseholdStatus.Lifted, MonitoringType.UnstableLifted or MonitoringType.SuddenHardship) => null,
        (HouseholdStatus.Lifted, _) => "已脱贫户应纳入“脱贫不稳定户”或“突发严重困难户”",
        (HouseholdStatus.Applicant or HouseholdStatus.Monitored, MonitoringType.Marginal or MonitoringType.SuddenHardship) => null,
        (HouseholdStatus.Applicant or HouseholdStatus.Monitored, _) => "一般农户应纳入“边缘易致贫户”或“突发严重困难户”",
        (HouseholdStatus.NotLifted or HouseholdStatus.Returned, _) => $"该户为“{Labels.Of(status)}”，已在建档立卡帮扶范围内，无需纳入监测",
        _ => $"该户状态为“{Labels.Of(status)}”，不能纳入监测",
    };

    public static async Task<Entry?> CheckStartAsync(AppDbContext db, Household h, ProcedureCommands.StartRequest r, DateOnly today, Errors errors, CancellationToken ct)
    {
        if (r.Kind == ProcedureKind.MonitoringEntry)
        {
            if (h.IsMonitored)
            {
                errors.Add("householdId", $"该户已是监测对象（{Labels.Of(h.MonitoringType)}，{h.MonitoringSince:yyyy-MM-dd}纳入），风险尚未消除");
            }
            if (r.MonitoringType is not { } type)
            {
                errors.Add("monitoringType", "请选择监测对象类别");
            }
            else if (TypeRefusal(h.Status, type) is { } refused)
            {
                errors.Add("monitoringType", refused);
            }
            if (r.MonitoringSource is null)
            {
                errors.Add("monitoringSource", "请选择监测对象来源（农户自主申报、干部排查或部门筛查预警）");
            }
            errors.Require("risks", r.Risks, "致贫返贫风险", 200);
            if (r.FindingId is { } findingId)
            {
                var finding = await db.Set<ComparisonFinding>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == findingId, ct);
                if (finding is null || finding.HouseholdId != h.Id)
                {
                    errors.Add("findingId", "所提议的比对问题不存在或不属于该户");
                }
            }
            else if (r.MonitoringSource == MonitoringSource.DepartmentAlert)
            {
                errors.Add("findingId", "部门筛查预警须关联提出该预警的比对问题");
            }
            return new Entry(r.MonitoringType, r.MonitoringSource, r.Risks?.Trim(), r.FindingId, null);
        }
        if (!h.IsMonitored)
        {
            errors.Add("householdId", "该户不是风险未消除的监测对象");
            return null;
        }
        if (r.RemovalMode is null)
        {
            errors.Add("removalMode", "请选择风险消除方式（帮扶消除或自然消除）");
        }
        foreach (var reason in await RemovalRefusalsAsync(db, h.Id, today, ct))
        {
            errors.Add("readiness", reason);
        }
        return new Entry(h.MonitoringType, h.MonitoringSource, h.MonitoringRisks, null, r.RemovalMode);
    }

    /// <summary>
    /// Why the risk cannot be removed yet: the latest year's per-capita income is under the monitoring line
    /// (or unknown), or any 两不愁三保障 item is not secured.
    /// </summary>
    public static async Task<IReadOnlyList<string>> RemovalRefusalsAsync(AppDbContext db, Guid householdId, DateOnly today, CancellationToken ct)
    {
        var h = await db.Households.AsNoTracking().FirstAsync(x => x.Id == householdId, ct);
        var record = await db.Set<IncomeRecord>().AsNoTracking().Where(x => x.HouseholdId == householdId).OrderByDescending(x => x.Year).FirstOrDefaultAsync(ct);
        decimal? line = record is null ? null : (await PolicyValues.LookupAsync(db, PolicyKeys.MonitoringLine, h.RegionCode, record.Year, ct))?.Value;
        var assurance = await HouseholdAssurance.GetAsync(db, householdId, today, ct) ?? [];
        return RemovalRefusals(record?.Year, record?.PerCapita, line, [.. assurance.Where(i => i.Status == AssuranceStatus.NotSecured).Select(i => Labels.Of(i.Item))]);
    }

    /// <summary>The pure rule behind <see cref="RemovalRefusalsAsync"/>.</summary>
    public static IReadOnlyList<string> RemovalRefusals(int? incomeYear, decimal? perCapita, decimal? monitoringLine, IReadOnlyList<string> unsecured)
    {
        var reasons = new List<string>();
        if (perCapita is not { } pc)
        {
            reasons.Add("没有收入台账，无法确认收入稳定超过监测范围");
        }
        else if (monitoringLine is not { } line)
        {
            reasons.Add($"{incomeYear}年没有设定防返贫监测范围，请先在政策参数中设定");
        }
        else if (pc < line)
        {
            reasons.Add($"{incomeYear}年人均纯收入{LightRules.Yuan(pc)}元，仍低于防返贫监测范围{LightRules.Yuan(line)}元");
        }
        foreach (var item in unsecured)
        {
            reasons.Add($"{item}未保障");
        }
        return reasons;
    }

    /// <summary>The announcement: the household becomes (or stops being) a monitoring object; the record is kept either way.</summary>
    public static async Task ApplyAsync(AppDbContext db, ProcedureCase @case, DateOnly today, CancellationToken ct)
    {
        var h = await db.Households.FirstAsync(x => x.Id == @case.HouseholdId, ct);
        if (@case.Kind == ProcedureKind.MonitoringEntry)
        {
            h.MonitoringType = @case.MonitoringType;
            h.MonitoringSource = @case.MonitoringSource;
            h.MonitoringRisks = @case.Risks;
            h.MonitoringSince = today;
            h.RiskRemovedOn = null;
            h.RiskRemovalMode = null;
            if (h.Status == HouseholdStatus.Applicant)
            {
                h.Status = HouseholdStatus.Monitored;
                h.StatusChangedOn = today;
                h.StatusReason = "县级审定，纳入防返贫监测";
            }
        }
        else
        {
            h.RiskRemovedOn = today;
            h.RiskRemovalMode = @case.RemovalMode;
        }
    }
}
