namespace Fupin.Web.Rules;

/// <summary>How personal data is shown to users who may not see it in full.</summary>
public static class Masking
{
    /// <summary>"460105199001011234" → "4601**********1234".</summary>
    public static string IdNumber(string? id) =>
        string.IsNullOrEmpty(id) ? string.Empty
        : id.Length <= 8 ? new string('*', id.Length)
        : string.Concat(id.AsSpan(0, 4), new string('*', id.Length - 8), id.AsSpan(id.Length - 4));

    /// <summary>
    /// Beside a masked ID number the birth date is shown as its year: the date is digits 7–14 of the number, so with the
    /// region code (digits 1–6) and the masked number's last four it gives the whole number back (GB/T 35273
    /// de-identification). The year leaves about thirty numbers that pass the check digit.
    /// </summary>
    public static string BirthDate(DateOnly date, bool full) =>
        full ? date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) + "年";

    /// <summary>A birth date as text (from the audit trail): its year only.</summary>
    public static string? BirthDate(string? text) =>
        text is { Length: >= 4 } && int.TryParse(text.AsSpan(0, 4), out var year) ? year + "年" : text is null ? null : "****";

    /// <summary>
    /// What a form sends back for a number it showed masked: unchanged when it is still the masked text of the stored
    /// number, otherwise the new number as typed.
    /// </summary>
    public static string? Resubmitted(string? submitted, string? stored) =>
        submitted is not null && stored is not null && submitted.Contains('*') && submitted.Trim() == Phone(stored) ? stored : submitted?.Trim();

    /// <summary>"13812345678" → "138****5678".</summary>
    public static string Phone(string? phone) =>
        string.IsNullOrEmpty(phone) ? string.Empty
        : phone.Length < 7 ? new string('*', phone.Length)
        : string.Concat(phone.AsSpan(0, 3), new string('*', phone.Length - 7), phone.AsSpan(phone.Length - 4));

    /// <summary>"6217000012341234" → "****1234".</summary>
    public static string BankAccount(string? account) =>
        string.IsNullOrEmpty(account) ? string.Empty
        : account.Length <= 4 ? new string('*', account.Length)
        : "****" + account[^4..];

    /// <summary>A name on a public notice: "张三" → "张*", "欧阳明华" → "欧***" (the surname only).</summary>
    public static string Name(string? name) =>
        string.IsNullOrEmpty(name) ? string.Empty : name.Length == 1 ? name : string.Concat(name.AsSpan(0, 1), new string('*', name.Length - 1));
}
