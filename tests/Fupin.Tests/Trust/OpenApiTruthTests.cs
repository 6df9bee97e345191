using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fupin.Tests.Infrastructure;
using Fupin.Web.Features.Procedures;
using Fupin.Web.Shared;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Fupin.Tests.Trust;

/// <summary>
/// The OpenAPI document is true: each operation's request body is the schema of the type its handler binds (the many
/// records called Request, Input or View each have their own), enum values written in the summaries are values the
/// parameters accept, and list endpoints page by their defaults when no paging is given.
/// </summary>
public abstract partial class OpenApiTruthTests(FupinApp app)
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex(@"\b([a-z]\w*)=([A-Z]\w*)")]
    private static partial Regex EnumExample();

    private async Task<JsonElement> DocumentAsync() =>
        JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json", Ct)).RootElement;

    [Fact]
    public async Task Every_request_body_in_the_document_is_the_type_its_handler_binds()
    {
        var doc = await DocumentAsync();
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .Select(e => (Endpoint: e, Accepts: e.Metadata.GetMetadata<IAcceptsMetadata>(), Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()))
            .Where(x => x.Accepts?.RequestType is { } t && t.Assembly == typeof(OpenApiNames).Assembly && x.Accepts.ContentTypes.Contains("application/json"))
            .ToList();
        Assert.True(endpoints.Count > 60, $"{endpoints.Count} JSON bodies");
        var checkedBodies = 0;
        foreach (var (endpoint, accepts, methods) in endpoints)
        {
            var path = RouteParameter().Replace(endpoint.RoutePattern.RawText!, "{$1}").TrimEnd('/');
            var method = methods!.HttpMethods.Single().ToLowerInvariant();
            var operation = default(JsonElement);
            Assert.True(doc.GetProperty("paths").TryGetProperty(path, out var item) && item.TryGetProperty(method, out operation), $"{method} {path} is not in the document");
            Assert.True(operation.TryGetProperty("requestBody", out var body), $"{method} {path} documents no request body");
            var schema = body.GetProperty("content").GetProperty("application/json").GetProperty("schema");
            var type = accepts!.RequestType!;
            var expected = OpenApiNames.Name(type);
            Assert.Equal($"#/components/schemas/{expected}", schema.TryGetProperty("$ref", out var reference) ? reference.GetString() : $"{method} {path}: {schema}");
            Assert.True(schemas.GetProperty(expected).TryGetProperty("properties", out var properties), $"{expected} has no properties: {schemas.GetProperty(expected)}");
            var documented = properties.EnumerateObject().Select(p => p.Name).Order().ToList();
            var bound = type.GetProperties().Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.DeclaringType != typeof(object))
                .Where(p => p.Name != "EqualityContract").Select(p => json.PropertyNamingPolicy!.ConvertName(p.Name)).Order().ToList();
            Assert.True(bound.SequenceEqual(documented), $"{method} {path}: the document says {string.Join(",", documented)}, the handler binds {type.FullName} ({string.Join(",", bound)})");
            checkedBodies++;
        }
        Assert.Equal(endpoints.Count, checkedBodies);
        // Before, the records called Request shared one schema: whichever was generated last described them all.
        Assert.DoesNotContain("Request", schemas.EnumerateObject().Select(s => s.Name));
    }

    [Fact]
    public async Task Enum_values_in_the_summaries_are_values_the_parameters_accept()
    {
        var doc = await DocumentAsync();
        var client = await app.ClientAsync();
        var examples = 0;
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
        {
            if (!path.Value.TryGetProperty("get", out var get) || !get.TryGetProperty("summary", out var summary) || path.Name.Contains('{'))
            {
                continue;
            }
            foreach (Match m in EnumExample().Matches(summary.GetString()!))
            {
                var response = await client.GetAsync($"{path.Name}?{m.Groups[1].Value}={m.Groups[2].Value}", Ct);
                Assert.True(response.StatusCode != HttpStatusCode.BadRequest, $"GET {path.Name}?{m.Value}: {await response.Content.ReadAsStringAsync(Ct)}");
                examples++;
            }
        }
        Assert.True(examples >= 2);
    }

    [Fact]
    public async Task A_list_without_paging_answers_its_default_page()
    {
        var client = await app.ClientAsync();
        var plain = (await client.GetFromJsonAsync<Paged<ProcedureQueries.CaseRow>>("/api/v1/procedures", FupinApp.Json, Ct))!;
        var explicitPage = (await client.GetFromJsonAsync<Paged<ProcedureQueries.CaseRow>>("/api/v1/procedures?page=1&pageSize=20", FupinApp.Json, Ct))!;
        Assert.Equal(explicitPage.Items.Count, plain.Items.Count);
        Assert.True(plain.Total <= 1 || plain.Items.Count > 1, $"{plain.Total} cases, {plain.Items.Count} on the default page");
    }
}

public sealed class OpenApiTruthTestsOnSqlite(SqliteApp app) : OpenApiTruthTests(app), IClassFixture<SqliteApp>;

public sealed class OpenApiTruthTestsOnPostgres(PostgresApp app) : OpenApiTruthTests(app), IClassFixture<PostgresApp>;
