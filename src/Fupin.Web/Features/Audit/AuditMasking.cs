using System.Text.Json;
using Fupin.Web.Rules;

namespace Fupin.Web.Features.Audit;

/// <summary>
/// The trail keeps what changed in full (it is evidence), but every view and export of it masks personal
/// numbers like every other screen: changed fields by name, and created records inside their JSON.
/// </summary>
public static class AuditMasking
{
    public static string? Field(string? field, string? value) => field switch
    {
        "IdNumber" => Masking.IdNumber(value),
        "Phone" => Masking.Phone(value),
        "BankAccount" => Masking.BankAccount(value),
        "BirthDate" => Masking.BirthDate(value),
        _ => value,
    };

    /// <summary>The new value of a line: a created record's JSON with its numbers masked, or the field's value.</summary>
    public static string? NewValue(AuditAction action, string? field, string? value)
    {
        if (action != AuditAction.Created || value is null)
        {
            return Field(field, value);
        }
        Dictionary<string, string?>? values;
        try
        {
            values = JsonSerializer.Deserialize<Dictionary<string, string?>>(value);
        }
        catch (JsonException)
        {
            return value;
        }
        return string.Join("；", (values ?? []).Select(kv => $"{kv.Key}={Field(kv.Key, kv.Value)}"));
    }
}
