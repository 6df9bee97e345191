using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fupin.Tests.Infrastructure;
using Fupin.Web.Features.Households;
using Fupin.Web.Shared;

namespace Fupin.Tests.Api;

/// <summary>
/// Every number and date parameter the OpenAPI document lists, fed its extremes by the roles that may call it:
/// a Chinese 400 or an answer, never a 500.
/// </summary>
public abstract class QueryExtremesTests(FupinApp app)
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Numbers = ["2147483647", "-2147483648", "0", "13"];
    private static readonly string[] Dates = ["0001-01-01", "9999-12-31"];
    private static readonly string[] Times = ["0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z"];

    [Fact]
    public async Task No_number_or_date_parameter_of_the_api_answers_500_at_its_extremes()
    {
        var county = await app.ClientAsync();
        var clients = new[] { county, await app.AdminClientAsync(), await app.AdminClientAsync("auditor") };
        var household = (await county.GetFromJsonAsync<Paged<ListHouseholds.Row>>("/api/v1/households?pageSize=1", FupinApp.Json, Ct))!.Items[0].Id;
        var document = await county.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);
        var failures = new List<string>();
        var calls = 0;
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post"))
            {
                if (!operation.Value.TryGetProperty("parameters", out var parameters))
                {
                    continue;
                }
                foreach (var parameter in parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query"))
                {
                    var schema = parameter.GetProperty("schema");
                    var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
                    var type = schema.TryGetProperty("type", out var t) ? t.ToString() : "";
                    var values = format == "date" ? Dates : format == "date-time" ? Times : type.Contains("integer") || type.Contains("number") ? Numbers : null;
                    if (values is null)
                    {
                        continue;
                    }
                    var url = System.Text.RegularExpressions.Regex.Replace(path.Name.Replace("{id}", household.ToString(), StringComparison.Ordinal), @"\{code\}", TestData.VillageA);
                    url = System.Text.RegularExpressions.Regex.Replace(url, @"\{[^}]+\}", Guid.NewGuid().ToString());
                    foreach (var value in values)
                    {
                        foreach (var client in clients)
                        {
                            var target = $"{url}?{parameter.GetProperty("name").GetString()}={Uri.EscapeDataString(value)}";
                            using var response = operation.Name == "get" ? await client.GetAsync(target, Ct) : await client.PostAsync(target, null, Ct);
                            calls++;
                            if ((int)response.StatusCode >= 500)
                            {
                                failures.Add($"{operation.Name.ToUpperInvariant()} {target}: {(int)response.StatusCode}");
                            }
                        }
                    }
                }
            }
        }
        Assert.True(calls > 300, $"only {calls} calls: the document's parameters were not found");
        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("/api/v1/assistance/visits/compliance?asOf=0001-01-01", "asOf", "日期应在")]
    [InlineData("/api/v1/supervision/lights?year=2026&month=13", "month", "月份应在1至12之间")]
    [InlineData("/api/v1/villages/exit-evaluation?year=2147483647", "year", "年度应在")]
    public async Task Out_of_range_years_months_and_dates_answer_400_in_chinese_naming_the_field(string url, string field, string message)
    {
        var response = await (await app.ClientAsync()).GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains(message, problem.GetProperty("errors").GetProperty(field)[0].GetString());
    }
}

public sealed class QueryExtremesTestsOnSqlite(SqliteApp app) : QueryExtremesTests(app), IClassFixture<SqliteApp>;

public sealed class QueryExtremesTestsOnPostgres(PostgresApp app) : QueryExtremesTests(app), IClassFixture<PostgresApp>;
