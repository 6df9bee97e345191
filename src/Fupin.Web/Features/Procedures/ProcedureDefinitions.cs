using Fupin.Web.Features.Accounts;

namespace Fupin.Web.Features.Procedures;

public enum ProcedureKind
{
    Identification, // 贫困户识别（两公示一比对一公告）
    HouseholdExit, // 贫困户退出
    VillageExit, // 贫困村出列
    MonitoringEntry, // 纳入防返贫监测
    RiskRemoval, // 监测对象风险消除
    AssistancePause, // 歇帮
    AssistanceResume, // 恢复帮扶
    Removal, // 清退：错误纳入的农户，村级评议、乡镇审核、县级审批
}

/// <summary>What a step records, and so what its form asks for.</summary>
public enum StepType
{
    Application, // 申请
    Meeting, // 评议会议：日期、到会人数、赞成票、反对票
    Comparison, // 信息比对：运行排除性检查
    Review, // 审核核实（可记录抽查）
    Agreement, // 农户认可
    Publicity, // 公示：最短公示期，期间可提出异议
    Announcement, // 公告：办结
}

public enum StepDecision
{
    Pass, // 通过
    Reject, // 不通过
}

public enum CaseState
{
    Open, // 办理中
    OnHold, // 异议暂停
    Approved, // 已办结（通过）
    Rejected, // 已办结（未通过）
}

/// <summary>One step of a procedure: a stable code, its Chinese name, the role that acts on it and what it records.</summary>
public sealed record StepDefinition
{
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public string Role { get; init; } = "";
    public StepType Type { get; init; }
}

/// <summary>
/// The steps of each procedure. The defaults follow seed 001 and DOMAIN.md §2 and §5; a county replaces a
/// list in configuration (<c>Procedures:Identification</c> …), checked at start (decision 006).
/// </summary>
public sealed class ProcedureDefinitions
{
    public static readonly IReadOnlyList<StepDefinition> DefaultIdentification =
    [
        new() { Code = "apply", Name = "本人申请", Role = Roles.VillageCadre, Type = StepType.Application },
        new() { Code = "villager-review", Name = "村民评议", Role = Roles.VillageCadre, Type = StepType.Meeting },
        new() { Code = "county-comparison", Name = "区级比对", Role = Roles.CountyOffice, Type = StepType.Comparison },
        new() { Code = "village-publicity", Name = "村民代表评议并公示", Role = Roles.VillageCadre, Type = StepType.Publicity },
        new() { Code = "town-publicity", Name = "乡镇审查公示", Role = Roles.TownOfficial, Type = StepType.Publicity },
        new() { Code = "county-announcement", Name = "区级审核公告", Role = Roles.CountyOffice, Type = StepType.Announcement },
    ];

    public static readonly IReadOnlyList<StepDefinition> DefaultHouseholdExit =
    [
        new() { Code = "democratic-review", Name = "民主评议", Role = Roles.VillageCadre, Type = StepType.Meeting },
        new() { Code = "village-verification", Name = "村两委与工作队核实", Role = Roles.VillageCadre, Type = StepType.Review },
        new() { Code = "household-agreement", Name = "贫困户认可", Role = Roles.VillageCadre, Type = StepType.Agreement },
        new() { Code = "village-publicity", Name = "村内公示", Role = Roles.VillageCadre, Type = StepType.Publicity },
        new() { Code = "town-announcement", Name = "乡镇公告", Role = Roles.TownOfficial, Type = StepType.Announcement },
    ];

    public static readonly IReadOnlyList<StepDefinition> DefaultVillageExit =
    [
        new() { Code = "village-application", Name = "村提出申请", Role = Roles.VillageCadre, Type = StepType.Application },
        new() { Code = "town-review", Name = "乡镇初审", Role = Roles.TownOfficial, Type = StepType.Review },
        new() { Code = "county-verification", Name = "区级核查并公示", Role = Roles.CountyOffice, Type = StepType.Publicity },
        new() { Code = "county-announcement", Name = "区级审定公告", Role = Roles.CountyOffice, Type = StepType.Announcement },
    ];

    /// <summary>DOMAIN.md §7: 村级评议 → 乡镇审核 → 县级审定, for entering monitoring and for removing the risk alike.</summary>
    public static readonly IReadOnlyList<StepDefinition> DefaultMonitoring =
    [
        new() { Code = "village-review", Name = "村级评议", Role = Roles.VillageCadre, Type = StepType.Meeting },
        new() { Code = "town-review", Name = "乡镇审核", Role = Roles.TownOfficial, Type = StepType.Review },
        new() { Code = "county-decision", Name = "县级审定", Role = Roles.CountyOffice, Type = StepType.Announcement },
    ];

    /// <summary>Seed 003: 歇帮 (and restoring assistance) on the household's reason, reviewed by the village and approved by the township.</summary>
    public static readonly IReadOnlyList<StepDefinition> DefaultAssistancePause =
    [
        new() { Code = "village-review", Name = "村级评议", Role = Roles.VillageCadre, Type = StepType.Meeting },
        new() { Code = "town-approval", Name = "乡镇审批", Role = Roles.TownOfficial, Type = StepType.Announcement },
    ];

    /// <summary>DOMAIN.md §1: 已清退 through removal — reason, village review, town check, county approval.</summary>
    public static readonly IReadOnlyList<StepDefinition> DefaultRemoval =
    [
        new() { Code = "village-review", Name = "村级评议", Role = Roles.VillageCadre, Type = StepType.Meeting },
        new() { Code = "town-review", Name = "乡镇核查", Role = Roles.TownOfficial, Type = StepType.Review },
        new() { Code = "county-approval", Name = "县级审批", Role = Roles.CountyOffice, Type = StepType.Announcement },
    ];

    private readonly Dictionary<ProcedureKind, IReadOnlyList<StepDefinition>> _steps;

    public ProcedureDefinitions(IConfiguration config)
    {
        _steps = new()
        {
            [ProcedureKind.Identification] = Configured(config, ProcedureKind.Identification) ?? DefaultIdentification,
            [ProcedureKind.HouseholdExit] = Configured(config, ProcedureKind.HouseholdExit) ?? DefaultHouseholdExit,
            [ProcedureKind.VillageExit] = Configured(config, ProcedureKind.VillageExit) ?? DefaultVillageExit,
            [ProcedureKind.MonitoringEntry] = Configured(config, ProcedureKind.MonitoringEntry) ?? DefaultMonitoring,
            [ProcedureKind.RiskRemoval] = Configured(config, ProcedureKind.RiskRemoval) ?? DefaultMonitoring,
            [ProcedureKind.AssistancePause] = Configured(config, ProcedureKind.AssistancePause) ?? DefaultAssistancePause,
            [ProcedureKind.AssistanceResume] = Configured(config, ProcedureKind.AssistanceResume) ?? DefaultAssistancePause,
            [ProcedureKind.Removal] = Configured(config, ProcedureKind.Removal) ?? DefaultRemoval,
        };
        foreach (var (kind, steps) in _steps)
        {
            if (Problems(steps) is { Count: > 0 } problems)
            {
                throw new InvalidOperationException($"程序配置 Procedures:{kind} 有误：{string.Join("；", problems)}");
            }
        }
    }

    public IReadOnlyList<StepDefinition> Steps(ProcedureKind kind) => _steps[kind];

    /// <summary>Where a configured list is unusable: no steps, a blank or repeated code, an unknown role, or no single final announcement.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<StepDefinition> steps)
    {
        var problems = new List<string>();
        if (steps.Count == 0)
        {
            problems.Add("没有步骤");
            return problems;
        }
        foreach (var s in steps)
        {
            if (string.IsNullOrWhiteSpace(s.Code) || string.IsNullOrWhiteSpace(s.Name))
            {
                problems.Add("步骤缺少代码或名称");
            }
            if (!Roles.All.Contains(s.Role) || Roles.Privileged.Contains(s.Role))
            {
                problems.Add($"步骤“{s.Name}”的办理角色“{s.Role}”不是业务角色");
            }
        }
        if (steps.Select(s => s.Code).Distinct().Count() != steps.Count)
        {
            problems.Add("步骤代码重复");
        }
        if (steps[^1].Type != StepType.Announcement || steps.Take(steps.Count - 1).Any(s => s.Type == StepType.Announcement))
        {
            problems.Add("最后一步须为公告，且只能有一个公告步骤");
        }
        return problems;
    }

    private static IReadOnlyList<StepDefinition>? Configured(IConfiguration config, ProcedureKind kind)
    {
        var section = config.GetSection($"Procedures:{kind}");
        return section.Exists() ? section.Get<List<StepDefinition>>() ?? [] : null;
    }
}
