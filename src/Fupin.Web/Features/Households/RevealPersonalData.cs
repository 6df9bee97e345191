using Fupin.Web.Data;
using Fupin.Web.Features.Audit;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Households;

/// <summary>
/// Shows one personal number in full (ID number, phone, bank account) to a user with the right, within
/// scope. Each reveal is an audit event naming the field, never the value.
/// </summary>
public static class RevealPersonalData
{
    public sealed record Request(string Field);

    public sealed record Revealed(string Field, string? Value);

    public static async Task<Outcome<Revealed>> MemberAsync(AppDbContext db, TimeProvider clock, Guid memberId, Request r, CancellationToken ct)
    {
        var m = await db.Members.AsNoTracking().FirstOrDefaultAsync(x => x.Id == memberId, ct);
        if (m is null)
        {
            return new Outcome<Revealed>.NotFound();
        }
        string? value;
        switch (r.Field)
        {
            case "idNumber":
                value = m.IdNumber;
                break;
            case "phone":
                value = m.Phone;
                break;
            default:
                return new Outcome<Revealed>.Invalid(new Errors().Add("field", "可查看的字段为 idNumber（身份证号码）或 phone（联系电话）"));
        }
        await AuditEvents.WriteAsync(db, clock, AuditEvent.Reveal, "Member", m.Id.ToString(), r.Field, m.RegionCode, m.HouseholdId, ct: ct);
        return new Outcome<Revealed>.Done(new Revealed(r.Field, value));
    }

    public static async Task<Outcome<Revealed>> HouseholdAsync(AppDbContext db, TimeProvider clock, Guid householdId, Request r, CancellationToken ct)
    {
        var h = await db.Households.AsNoTracking().FirstOrDefaultAsync(x => x.Id == householdId, ct);
        if (h is null)
        {
            return new Outcome<Revealed>.NotFound();
        }
        string? value;
        switch (r.Field)
        {
            case "phone":
                value = h.Phone;
                break;
            case "bankAccount":
                value = h.BankAccount;
                break;
            default:
                return new Outcome<Revealed>.Invalid(new Errors().Add("field", "可查看的字段为 phone（联系电话）或 bankAccount（银行账号）"));
        }
        await AuditEvents.WriteAsync(db, clock, AuditEvent.Reveal, "Household", h.Id.ToString(), r.Field, h.RegionCode, h.Id, ct: ct);
        return new Outcome<Revealed>.Done(new Revealed(r.Field, value));
    }
}
