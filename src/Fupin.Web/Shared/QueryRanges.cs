using System.Globalization;

namespace Fupin.Web.Shared;

/// <summary>
/// Years, months and dates in an API query are checked once, at the edge, before any handler computes with them:
/// a year outside 1949–2100, a month outside 1–12 or a date outside those years answers 400 with a Chinese message
/// naming the field, never a 500 from arithmetic on 0001-01-01 or int.MaxValue. A value that does not parse is
/// left to the binder, which answers 400 itself.
/// </summary>
public static class QueryRanges
{
    public const int FirstYear = 1949;
    public const int LastYear = 2100;

    private static readonly HashSet<string> Years = new(["year", "fromYear", "toYear"], StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> Months = new(["month"], StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> Dates = new(["asOf", "from", "to", "on", "date"], StringComparer.OrdinalIgnoreCase);

    /// <summary>What is wrong with one query value, or null.</summary>
    public static string? Problem(string name, string value)
    {
        if (Years.Contains(name))
        {
            return long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var year) && (year < FirstYear || year > LastYear)
                ? $"年度应在{FirstYear}至{LastYear}之间" : null;
        }
        if (Months.Contains(name))
        {
            return long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var month) && (month < 1 || month > 12)
                ? "月份应在1至12之间" : null;
        }
        if (Dates.Contains(name))
        {
            return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) && (date.Year < FirstYear || date.Year > LastYear)
                ? $"日期应在{FirstYear}年至{LastYear}年之间" : null;
        }
        return null;
    }

    public static IApplicationBuilder UseFupinQueryRanges(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        if (ctx.Request.Path.StartsWithSegments("/api") && ctx.Request.Query.Count > 0)
        {
            var errors = new Errors();
            foreach (var (name, values) in ctx.Request.Query)
            {
                foreach (var value in values)
                {
                    if (value is not null && Problem(name, value) is { } problem)
                    {
                        errors.Add(name, problem);
                    }
                }
            }
            if (errors.Any)
            {
                await ApiResults.Invalid(errors).ExecuteAsync(ctx);
                return;
            }
        }
        await next();
    });
}
