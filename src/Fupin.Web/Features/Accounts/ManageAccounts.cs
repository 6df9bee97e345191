using System.Security.Cryptography;
using Fupin.Web.Data;
using Fupin.Web.Features.Audit;
using Fupin.Web.Features.Households;
using Fupin.Web.Rules;
using Fupin.Web.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Accounts;

/// <summary>
/// Account administration. 三权分立: the system administrator runs the accounts of the business roles;
/// only the security administrator gives or takes the privileged roles (system admin, security admin,
/// audit reviewer). Nobody changes their own role or disables themselves. Every change is audited and
/// ends the account's sessions and tokens.
/// </summary>
public static class ManageAccounts
{
    public sealed record AccountView(string Id, string UserName, string? DisplayName, string Role, string RoleLabel, string RegionCode, string? RegionName,
        string? DepartmentCode, bool IsDisabled, string? DisabledReason, bool IsLockedOut, bool MustChangePassword, DateTime CreatedAt, DateTime? LastSignInAt);

    public sealed record CreateRequest
    {
        public string UserName { get; set; } = "";
        public string? DisplayName { get; set; }
        public string Role { get; set; } = Roles.VillageCadre;
        public string RegionCode { get; set; } = "";
        public string? DepartmentCode { get; set; }
    }

    public sealed record UpdateRequest
    {
        public string? DisplayName { get; set; }
        public string Role { get; set; } = "";
        public string RegionCode { get; set; } = "";
        public string? DepartmentCode { get; set; }
    }

    /// <summary>A password shown once to the administrator, to hand over; the holder must change it.</summary>
    public sealed record Issued(string Id, string UserName, string TemporaryPassword);

    public sealed record ReasonRequest(string? Reason);

    public static async Task<IReadOnlyList<AccountView>> ListAsync(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, CancellationToken ct)
    {
        var all = await users.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);
        var roles = await db.UserRoles.AsNoTracking().Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct);
        var roleOf = roles.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.First().Name ?? "");
        var codes = all.Select(u => u.RegionCode).Distinct().ToList();
        var names = await db.Regions.IgnoreQueryFilters().AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var now = clock.GetUtcNow();
        return [.. all.Select(u =>
        {
            var role = roleOf.GetValueOrDefault(u.Id, "");
            return new AccountView(u.Id, u.UserName!, u.DisplayName, role, Roles.Label(role), u.RegionCode,
                names.TryGetValue(u.RegionCode, out var name) ? name : RegionCodes.LevelOf(u.RegionCode) == RegionLevel.Nation ? "全国" : null,
                u.DepartmentCode, u.IsDisabled, u.DisabledReason, u.LockoutEnd > now, u.MustChangePassword, u.CreatedAt, u.LastSignInAt);
        })];
    }

    private static async Task ValidateAsync(AppDbContext db, string role, string regionCode, string? departmentCode, Errors errors, CancellationToken ct)
    {
        if (!Roles.All.Contains(role))
        {
            errors.Add("role", "角色不存在");
        }
        else if (Roles.Privileged.Contains(role) && !db.User.Principal.IsInRole(Roles.SecurityAdmin))
        {
            errors.Add("role", "系统管理员、安全管理员和安全审计员角色只能由安全管理员授予");
        }
        if (!RegionCodes.IsWellFormed(regionCode))
        {
            errors.Add("regionCode", "所属区划应为12位区划代码");
        }
        else if (RegionCodes.LevelOf(regionCode) != RegionLevel.Nation
                 && !await db.Regions.IgnoreQueryFilters().AnyAsync(r => r.Code == regionCode, ct))
        {
            errors.Add("regionCode", "所属区划不存在");
        }
        if (role == Roles.Department && string.IsNullOrWhiteSpace(departmentCode))
        {
            errors.Add("departmentCode", "行业部门账号须填写所属部门");
        }
        errors.MaxLength("departmentCode", departmentCode, "所属部门", 20);
    }

    public static async Task<Outcome<Issued>> CreateAsync(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, CreateRequest r, CancellationToken ct)
    {
        var errors = new Errors();
        errors.Require("userName", r.UserName, "用户名", 40);
        if (!string.IsNullOrWhiteSpace(r.UserName) && await users.FindByNameAsync(r.UserName.Trim()) is not null)
        {
            errors.Add("userName", "用户名已被使用");
        }
        errors.MaxLength("displayName", r.DisplayName, "姓名", 40);
        await ValidateAsync(db, r.Role, r.RegionCode, r.DepartmentCode, errors, ct);
        if (errors.Any)
        {
            return new Outcome<Issued>.Invalid(errors);
        }
        var user = new AppUser
        {
            UserName = r.UserName.Trim(),
            DisplayName = MemberRules.Blank(r.DisplayName),
            RegionCode = r.RegionCode,
            DepartmentCode = r.Role == Roles.Department ? r.DepartmentCode?.Trim() : null,
            MustChangePassword = true,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var password = TemporaryPassword();
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, r.Role);
        }
        if (!result.Succeeded)
        {
            return Refused<Issued>(result);
        }
        await AuditEvents.WriteAsync(db, clock, AuditEvent.AccountCreated, "Account", user.Id,
            $"{user.UserName}：{Roles.Label(r.Role)}，区划 {user.RegionCode}", ct: ct);
        return new Outcome<Issued>.Done(new Issued(user.Id, user.UserName, password));
    }

    public static async Task<Outcome<bool>> UpdateAsync(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, string id, UpdateRequest r, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return new Outcome<bool>.NotFound();
        }
        var errors = new Errors();
        errors.MaxLength("displayName", r.DisplayName, "姓名", 40);
        await ValidateAsync(db, r.Role, r.RegionCode, r.DepartmentCode, errors, ct);
        var current = (await users.GetRolesAsync(user)).FirstOrDefault() ?? "";
        if (current != r.Role && user.Id == db.User.UserId)
        {
            errors.Add("role", "不能修改自己的角色");
        }
        if (Roles.Privileged.Contains(current) && current != r.Role && !db.User.Principal.IsInRole(Roles.SecurityAdmin))
        {
            errors.Add("role", "特权账号的角色只能由安全管理员修改");
        }
        if (errors.Any)
        {
            return new Outcome<bool>.Invalid(errors);
        }
        var changes = new List<string>();
        var roleChanged = current != r.Role;
        if (roleChanged)
        {
            changes.Add("角色");
        }
        if (user.RegionCode != r.RegionCode)
        {
            changes.Add($"区划 {user.RegionCode} → {r.RegionCode}");
            user.RegionCode = r.RegionCode;
        }
        user.DisplayName = MemberRules.Blank(r.DisplayName);
        user.DepartmentCode = r.Role == Roles.Department ? r.DepartmentCode?.Trim() : null;
        // A new role or region is a new scope: existing sessions must sign in again to get it.
        var result = await StepsAsync(
            () => users.UpdateAsync(user),
            () => roleChanged && current.Length > 0 ? users.RemoveFromRoleAsync(user, current) : Task.FromResult(IdentityResult.Success),
            () => roleChanged ? users.AddToRoleAsync(user, r.Role) : Task.FromResult(IdentityResult.Success),
            () => changes.Count > 0 ? users.UpdateSecurityStampAsync(user) : Task.FromResult(IdentityResult.Success));
        if (!result.Succeeded)
        {
            return Refused<bool>(result);
        }
        if (roleChanged)
        {
            await AuditEvents.WriteAsync(db, clock, AuditEvent.RoleChanged, "Account", user.Id, $"{Roles.Label(current)} → {Roles.Label(r.Role)}", ct: ct);
        }
        await AuditEvents.WriteAsync(db, clock, AuditEvent.AccountChanged, "Account", user.Id, string.Join("；", changes.DefaultIfEmpty("资料")), ct: ct);
        return new Outcome<bool>.Done(true);
    }

    public static async Task<Outcome<bool>> SetDisabledAsync(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, string id, bool disabled, string? reason, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return new Outcome<bool>.NotFound();
        }
        var errors = new Errors();
        if (user.Id == db.User.UserId)
        {
            errors.Add("id", "不能停用自己的账号");
        }
        if (await IsPrivilegedAsync(users, user) && !db.User.Principal.IsInRole(Roles.SecurityAdmin))
        {
            errors.Add("id", "特权账号只能由安全管理员停用或启用");
        }
        if (disabled)
        {
            errors.Require("reason", reason, "停用原因", 200);
        }
        if (errors.Any)
        {
            return new Outcome<bool>.Invalid(errors);
        }
        user.IsDisabled = disabled;
        user.DisabledReason = disabled ? reason!.Trim() : null;
        if (!disabled)
        {
            // Re-enabled: the inactivity clock starts again.
            user.LastSignInAt = clock.GetUtcNow().UtcDateTime;
        }
        var result = await StepsAsync(() => users.UpdateAsync(user), () => users.UpdateSecurityStampAsync(user));
        if (!result.Succeeded)
        {
            return Refused<bool>(result);
        }
        await AuditEvents.WriteAsync(db, clock, disabled ? AuditEvent.AccountDisabled : AuditEvent.AccountEnabled, "Account", user.Id, reason, ct: ct);
        return new Outcome<bool>.Done(true);
    }

    public static async Task<Outcome<Issued>> ResetPasswordAsync(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, string id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return new Outcome<Issued>.NotFound();
        }
        if (await IsPrivilegedAsync(users, user) && !db.User.Principal.IsInRole(Roles.SecurityAdmin))
        {
            return new Outcome<Issued>.Invalid(new Errors().Add("id", "特权账号的密码只能由安全管理员重置"));
        }
        var password = TemporaryPassword();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await StepsAsync(
            () => users.ResetPasswordAsync(user, token, password),
            () => users.SetLockoutEndDateAsync(user, null),
            () => users.ResetAccessFailedCountAsync(user),
            () =>
            {
                user.MustChangePassword = true;
                return users.UpdateAsync(user);
            });
        if (!result.Succeeded)
        {
            return Refused<Issued>(result);
        }
        await AuditEvents.WriteAsync(db, clock, AuditEvent.PasswordReset, "Account", user.Id, ct: ct);
        return new Outcome<Issued>.Done(new Issued(user.Id, user.UserName!, password));
    }

    /// <summary>
    /// For a lost phone: turns the second factor off and discards the key; the holder enrols again (the
    /// security administrator only, since it weakens a sign-in).
    /// </summary>
    public static async Task<Outcome<bool>> ResetTwoFactorAsync(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, string id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return new Outcome<bool>.NotFound();
        }
        if (!db.User.Principal.IsInRole(Roles.SecurityAdmin))
        {
            return new Outcome<bool>.Invalid(new Errors().Add("id", "只有安全管理员可以重置双因素认证"));
        }
        var result = await StepsAsync(() => users.SetTwoFactorEnabledAsync(user, false), () => users.ResetAuthenticatorKeyAsync(user));
        if (!result.Succeeded)
        {
            return Refused<bool>(result);
        }
        await AuditEvents.WriteAsync(db, clock, "TwoFactorReset", "Account", user.Id, ct: ct);
        return new Outcome<bool>.Done(true);
    }

    /// <summary>The security administrator lifts every sign-in lock of an account, from whatever address (SignInGuard).</summary>
    public static async Task<Outcome<bool>> UnlockAsync(AppDbContext db, UserManager<AppUser> users, SignInGuard guard, TimeProvider clock, string id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return new Outcome<bool>.NotFound();
        }
        if (!db.User.Principal.IsInRole(Roles.SecurityAdmin))
        {
            return new Outcome<bool>.Invalid(new Errors().Add("id", "只有安全管理员可以解除登录锁定"));
        }
        var result = await StepsAsync(() => users.SetLockoutEndDateAsync(user, null), () => users.ResetAccessFailedCountAsync(user));
        if (!result.Succeeded)
        {
            return Refused<bool>(result);
        }
        guard.Unlock(user.UserName);
        await AuditEvents.WriteAsync(db, clock, "SignInUnlocked", "Account", user.Id, ct: ct);
        return new Outcome<bool>.Done(true);
    }

    private static async Task<bool> IsPrivilegedAsync(UserManager<AppUser> users, AppUser user) =>
        (await users.GetRolesAsync(user)).Any(Roles.Privileged.Contains);

    public static string TemporaryPassword() =>
        RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789", 16);

    /// <summary>Runs Identity's steps in order and stops at the first that fails (a concurrent edit, a rule).</summary>
    private static async Task<IdentityResult> StepsAsync(params Func<Task<IdentityResult>>[] steps)
    {
        foreach (var step in steps)
        {
            var result = await step();
            if (!result.Succeeded)
            {
                return result;
            }
        }
        return IdentityResult.Success;
    }

    /// <summary>A failed step as the command's outcome: someone else's edit is a conflict, anything else invalid.</summary>
    private static Outcome<T> Refused<T>(IdentityResult result) =>
        result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure))
            ? new Outcome<T>.Conflict(Outcome.ConflictMessage)
            : new Outcome<T>.Invalid(IdentityErrors(result));

    private static Errors IdentityErrors(IdentityResult result)
    {
        var errors = new Errors();
        foreach (var e in result.Errors)
        {
            errors.Add(e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "userName", e.Description);
        }
        return errors;
    }
}
