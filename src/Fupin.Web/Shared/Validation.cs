namespace Fupin.Web.Shared;

/// <summary>Field-keyed validation errors with Chinese messages, as ValidationProblem wants them.</summary>
public sealed class Errors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.OrdinalIgnoreCase);

    public bool Any => _errors.Count > 0;

    /// <summary>Empties the list, to check the next item with the same instance.</summary>
    public void Clear() => _errors.Clear();

    public Errors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(message);
        return this;
    }

    public void Require(string field, string? value, string label, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"请填写{label}");
        }
        else if (value.Trim().Length > maxLength)
        {
            Add(field, $"{label}不能超过{maxLength}个字");
        }
    }

    public void MaxLength(string field, string? value, string label, int maxLength)
    {
        if (value is not null && value.Trim().Length > maxLength)
        {
            Add(field, $"{label}不能超过{maxLength}个字");
        }
    }

    public void Digits(string field, string? value, string label, int minLength, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }
        var v = value.Trim();
        if (!v.All(char.IsAsciiDigit) || v.Length < minLength || v.Length > maxLength)
        {
            Add(field, minLength == maxLength ? $"{label}应为{minLength}位数字" : $"{label}应为{minLength}到{maxLength}位数字");
        }
    }

    public IDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public string Summary => string.Join("；", _errors.SelectMany(e => e.Value));
}

/// <summary>The outcome of a command: done, invalid (with field errors), not found, or a concurrent edit.</summary>
public abstract record Outcome<T>
{
    public sealed record Done(T Value) : Outcome<T>;
    public sealed record Invalid(Errors Errors) : Outcome<T>;
    public sealed record NotFound : Outcome<T>;
    public sealed record Conflict(string Message) : Outcome<T>;
    /// <summary>The user is signed in and sees the record, but their role may not do this to it.</summary>
    public sealed record Forbidden(string Message) : Outcome<T>;

    /// <summary>The same refusal as another outcome type (anything but Done).</summary>
    public Outcome<TOther> As<TOther>() => this switch
    {
        Invalid i => new Outcome<TOther>.Invalid(i.Errors),
        NotFound => new Outcome<TOther>.NotFound(),
        Conflict c => new Outcome<TOther>.Conflict(c.Message),
        Forbidden f => new Outcome<TOther>.Forbidden(f.Message),
        _ => throw new InvalidOperationException("Done has a value of its own type"),
    };
}

public static class Outcome
{
    public const string ConflictMessage = "该记录已被他人修改，请刷新后在最新数据上重新编辑。";
}
