using Fupin.Web.Data;

namespace Fupin.Web.Features.Audit;

/// <summary>Names of business events in the audit trail (the row-level trail needs none).</summary>
public static class AuditEvent
{
    public const string SignInSucceeded = "SignInSucceeded";
    public const string SignInFailed = "SignInFailed";
    public const string SignInLockedOut = "SignInLockedOut";
    public const string SignOut = "SignOut";
    public const string TokenIssued = "TokenIssued";
    public const string PasswordChanged = "PasswordChanged";
    public const string Reveal = "Reveal";
    public const string Export = "Export";
    public const string Import = "Import";
    public const string AccessDenied = "AccessDenied";
    public const string AccountCreated = "AccountCreated";
    public const string AccountChanged = "AccountChanged";
    public const string RoleChanged = "RoleChanged";
    public const string AccountDisabled = "AccountDisabled";
    public const string AccountEnabled = "AccountEnabled";
    public const string PasswordReset = "PasswordReset";
    public const string ApiTokenCreated = "ApiTokenCreated";
    public const string ApiTokenRevoked = "ApiTokenRevoked";
    public const string ApiTokenUsed = "ApiTokenUsed";
    public const string AuditVerified = "AuditVerified";
    public const string AuditExported = "AuditExported";
}

public static class AuditEvents
{
    /// <summary>
    /// Adds an event line for the acting user (or <paramref name="userName"/> when nobody is signed in yet,
    /// as at sign-in); the caller's SaveChanges writes it with whatever else changed.
    /// </summary>
    public static void Add(AppDbContext db, TimeProvider clock, string evt, string entity, string? key = null, string? detail = null,
        string? regionCode = null, Guid? householdId = null, string? userName = null, string? userId = null)
    {
        var user = db.User;
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserId = userId ?? user.UserId,
            UserName = userName ?? user.UserName,
            Role = userName is null ? user.Role : null,
            ClientIp = user.ClientIp,
            Action = AuditAction.Event,
            Event = evt,
            Entity = entity,
            EntityKey = key,
            HouseholdId = householdId,
            RegionCode = regionCode,
            NewValue = detail,
        });
    }

    public static async Task WriteAsync(AppDbContext db, TimeProvider clock, string evt, string entity, string? key = null, string? detail = null,
        string? regionCode = null, Guid? householdId = null, string? userName = null, string? userId = null, CancellationToken ct = default)
    {
        Add(db, clock, evt, entity, key, detail, regionCode, householdId, userName, userId);
        await db.SaveChangesAsync(ct);
    }
}
