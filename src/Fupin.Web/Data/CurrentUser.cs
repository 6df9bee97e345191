using System.Security.Claims;
using Fupin.Web.Rules;

namespace Fupin.Web.Data;

/// <summary>
/// Who is acting, for one request or one Blazor circuit. Region scope and audit read it below both UI
/// and API, so neither can forget them. Unauthenticated means an empty scope: nothing is visible.
/// </summary>
public sealed class CurrentUser
{
    public const string RegionClaim = "fupin:region";
    public const string MustChangePasswordClaim = "fupin:must_change_password";
    public const string MustEnrollTwoFactorClaim = "fupin:must_enroll_2fa";

    private ClaimsPrincipal _principal = new(new ClaimsIdentity());
    private bool _system;

    public ClaimsPrincipal Principal => _principal;
    public string? ClientIp { get; private set; }

    public bool IsAuthenticated => _system || _principal.Identity?.IsAuthenticated == true;
    public string? UserId => _system ? null : _principal.FindFirstValue(ClaimTypes.NameIdentifier);
    public string UserName => _system ? "system" : _principal.Identity?.Name ?? "anonymous";
    public string? Role => _system ? "system" : string.Join(",", _principal.FindAll(ClaimTypes.Role).Select(c => c.Value));
    public string? RegionCode => _system ? new string('0', RegionCodes.Length) : _principal.FindFirstValue(RegionClaim);

    /// <summary>
    /// An assistance cadre and nothing else: besides the region, reads and writes are limited to the households paired
    /// with the cadre (AppDbContext's pairing scope). A user who also holds another role keeps that role's reach.
    /// </summary>
    public bool PairedOnly => !_system && _principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList() is [Features.Accounts.Roles.AssistanceCadre];

    /// <summary>The region-code prefix this user may see; null when the user may see nothing.</summary>
    public string? ScopePrefix
    {
        get
        {
            if (_system)
            {
                return string.Empty;
            }
            var code = RegionCode;
            return IsAuthenticated && RegionCodes.IsWellFormed(code) ? RegionCodes.ScopePrefix(code!) : null;
        }
    }

    public void Set(ClaimsPrincipal principal, string? clientIp = null)
    {
        _principal = principal;
        ClientIp = clientIp ?? ClientIp;
        _system = false;
    }

    /// <summary>For start-up seeding, migrations and command-line tools: unscoped, audited as "system".</summary>
    public static CurrentUser System() => new() { _system = true };
}
