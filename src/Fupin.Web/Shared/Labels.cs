using System.Globalization;
using System.Resources;

namespace Fupin.Web.Shared;

/// <summary>Chinese (and later other) labels of code values, from Resources/Codes.resx ("Type.Member").</summary>
public static class Labels
{
    private static readonly ResourceManager Codes = new("Fupin.Web.Resources.Codes", typeof(Labels).Assembly);

    public static string Of<T>(T value) where T : struct, Enum
    {
        if (typeof(T).IsDefined(typeof(FlagsAttribute), false) && Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0)
        {
            var parts = Enum.GetValues<T>()
                .Where(f => Convert.ToInt64(f, CultureInfo.InvariantCulture) != 0 && value.HasFlag(f))
                .Select(f => Lookup(typeof(T), f.ToString()));
            return string.Join("、", parts);
        }
        return Lookup(typeof(T), value.ToString());
    }

    public static string Of<T>(T? value) where T : struct, Enum => value is { } v ? Of(v) : string.Empty;

    public static string Of(Enum value) => Lookup(value.GetType(), value.ToString());

    /// <summary>Parses a code value by its label or its member name ("因病" or "Illness").</summary>
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t))
        {
            return false;
        }
        foreach (var v in Enum.GetValues<T>())
        {
            if (Lookup(typeof(T), v.ToString()) == t || string.Equals(v.ToString(), t, StringComparison.OrdinalIgnoreCase))
            {
                value = v;
                return true;
            }
        }
        return false;
    }

    public static IReadOnlyList<(T Value, string Label)> List<T>() where T : struct, Enum =>
        [.. Enum.GetValues<T>().Select(v => (v, Of(v)))];

    private static string Lookup(Type type, string member) =>
        Codes.GetString($"{type.Name}.{member}", CultureInfo.CurrentUICulture) ?? member;
}
