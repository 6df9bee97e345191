using Fupin.Web.Shared;
using MudBlazor;

namespace Fupin.Web.Components.Shared;

/// <summary>
/// The server's field errors for a form: the pages show exactly the messages the API returns, so the
/// rules live in one place.
/// </summary>
public sealed class FieldErrors
{
    private IDictionary<string, string[]> _errors = new Dictionary<string, string[]>();

    public bool Has(string field) => _errors.ContainsKey(field);

    public string? Of(string field) => _errors.TryGetValue(field, out var m) ? string.Join("；", m) : null;

    public void Clear() => _errors = new Dictionary<string, string[]>();

    /// <summary>Records the outcome's errors; true when the command was done.</summary>
    public bool Take<T>(Outcome<T> outcome, ISnackbar snackbar)
    {
        Clear();
        // A new outcome replaces what the last one said, so a fixed mistake stops showing.
        snackbar.Clear();
        switch (outcome)
        {
            case Outcome<T>.Done:
                return true;
            case Outcome<T>.Invalid invalid:
                _errors = invalid.Errors.ToDictionary();
                snackbar.Add("提交的数据有误：" + invalid.Errors.Summary, Severity.Error);
                return false;
            case Outcome<T>.Conflict conflict:
                snackbar.Add(conflict.Message, Severity.Warning);
                return false;
            case Outcome<T>.Forbidden forbidden:
                snackbar.Add(forbidden.Message, Severity.Error);
                return false;
            default:
                snackbar.Add("记录不存在，或不在您的管辖范围内。", Severity.Warning);
                return false;
        }
    }
}
