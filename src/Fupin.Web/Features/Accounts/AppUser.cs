using Microsoft.AspNetCore.Identity;

namespace Fupin.Web.Features.Accounts;

public sealed class AppUser : IdentityUser
{
    /// <summary>The 12-digit code of the region this account works in; its prefix is the account's scope.</summary>
    public string RegionCode { get; set; } = new('0', 12);
    public string? DisplayName { get; set; }
    public bool MustChangePassword { get; set; }

    /// <summary>For a department account (行业部门): which department, e.g. 教育, 医保, 民政.</summary>
    public string? DepartmentCode { get; set; }

    /// <summary>Disabled accounts cannot sign in, and their sessions and tokens end at once.</summary>
    public bool IsDisabled { get; set; }
    public string? DisabledReason { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastSignInAt { get; set; }
}

/// <summary>The roles of DOMAIN.md "Who uses it". Names are stable identifiers; labels are Chinese.</summary>
public static class Roles
{
    public const string SystemAdmin = "SystemAdmin"; // 系统管理员
    public const string CountyOffice = "CountyOffice"; // 县(区)扶贫办
    public const string TownOfficial = "TownOfficial"; // 乡镇扶贫工作站
    public const string VillageCadre = "VillageCadre"; // 村两委/驻村工作队
    public const string AssistanceCadre = "AssistanceCadre"; // 帮扶责任人
    public const string Department = "Department"; // 行业部门
    public const string Leader = "Leader"; // 领导/督查组
    public const string SecurityAdmin = "SecurityAdmin"; // 安全管理员 (三权分立)
    public const string AuditReviewer = "AuditReviewer"; // 安全审计员 (三权分立): the only reader of the audit log

    public static readonly IReadOnlyList<string> All =
        [SystemAdmin, CountyOffice, TownOfficial, VillageCadre, AssistanceCadre, Department, Leader, SecurityAdmin, AuditReviewer];

    /// <summary>Roles that work with the registry (read).</summary>
    public static readonly string[] RegistryReaders = [CountyOffice, TownOfficial, VillageCadre, AssistanceCadre, Leader];

    /// <summary>Roles that may change registry data.</summary>
    public static readonly string[] RegistryEditors = [CountyOffice, TownOfficial, VillageCadre];

    /// <summary>Roles only the security administrator may give (三权分立).</summary>
    public static readonly string[] Privileged = [SystemAdmin, SecurityAdmin, AuditReviewer];

    public static string Label(string role) => role switch
    {
        SystemAdmin => "系统管理员",
        SecurityAdmin => "安全管理员",
        AuditReviewer => "安全审计员",
        CountyOffice => "县(区)扶贫办",
        TownOfficial => "乡镇扶贫工作站",
        VillageCadre => "村两委/驻村工作队",
        AssistanceCadre => "帮扶责任人",
        Department => "行业部门",
        Leader => "领导/督查组",
        _ => role,
    };
}
