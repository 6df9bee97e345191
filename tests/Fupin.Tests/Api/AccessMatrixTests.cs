using System.Net;
using System.Net.Http.Json;
using Fupin.Tests.Infrastructure;
using Fupin.Web.Features.Accounts;
using Fupin.Web.Features.Households;

namespace Fupin.Tests.Api;

/// <summary>The access matrix (access-matrix.csv): every role against every endpoint group, allowed / 404 / 403 / 401.</summary>
public abstract class AccessMatrixTests(IMatrixWorld world)
{
    private sealed record Row(string Method, string Path, string? Body, Dictionary<string, string> Expected);

    private static readonly string[] RoleColumns =
        ["anonymous", Roles.SystemAdmin, Roles.SecurityAdmin, Roles.AuditReviewer, Roles.CountyOffice, Roles.TownOfficial, Roles.VillageCadre, Roles.AssistanceCadre, Roles.Department, Roles.Leader];

    private static readonly Lazy<List<Row>> Rows = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Api", "access-matrix.csv");
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(l =>
        {
            var cells = l.Split(',');
            var expected = Enumerable.Range(3, header.Length - 3).ToDictionary(i => header[i], i => cells[i]);
            return new Row(cells[0], cells[1], cells[2].Length == 0 ? null : cells[2], expected);
        })];
    });

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in Rows.Value)
        {
            foreach (var role in RoleColumns)
            {
                data.Add($"{row.Method} {row.Path}", role);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Role_gets_what_the_matrix_says(string endpoint, string role)
    {
        var row = Rows.Value.Single(r => $"{r.Method} {r.Path}" == endpoint);
        var expected = row.Expected[role];
        var client = await world.ClientForAsync(role);
        var request = new HttpRequestMessage(new HttpMethod(row.Method), world.Fill(row.Path));
        if (row.Body is not null)
        {
            request.Content = new StringContent(row.Body, System.Text.Encoding.UTF8, "application/json");
        }
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var status = (int)response.StatusCode;
        if (expected == "ok")
        {
            Assert.True(status is >= 200 and < 300 or 400 or 409, $"{role} {endpoint}: expected allowed, got {status}");
        }
        else
        {
            Assert.True(int.Parse(expected) == status, $"{role} {endpoint}: expected {expected}, got {status}");
        }
    }
}

public interface IMatrixWorld
{
    Task<HttpClient> ClientForAsync(string role);
    string Fill(string path);
}

/// <summary>Two villages in two townships, a household in each, and one account per role.</summary>
public sealed class MatrixWorld(FupinApp app)
{
    private readonly Dictionary<string, HttpClient> _clients = [];
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Dictionary<string, string> _values = [];

    /// <summary>The assistance cadre's account: tied to a cadre paired with household A (household C, in the same village, is not).</summary>
    private const string CadreUser = "matrixcadre";

    public async Task BuildAsync()
    {
        var county = await app.ClientAsync();
        var a = await (await county.PostAsJsonAsync("/api/v1/households", TestData.NewHousehold(TestData.VillageA), FupinApp.Json)).Content.ReadFromJsonAsync<GetHousehold.Detail>(FupinApp.Json);
        var b = await (await county.PostAsJsonAsync("/api/v1/households", TestData.NewHousehold(TestData.VillageB), FupinApp.Json)).Content.ReadFromJsonAsync<GetHousehold.Detail>(FupinApp.Json);
        var c = await (await county.PostAsJsonAsync("/api/v1/households", TestData.NewHousehold(TestData.VillageA), FupinApp.Json)).Content.ReadFromJsonAsync<GetHousehold.Detail>(FupinApp.Json);
        var unit = await (await county.PostAsJsonAsync("/api/v1/assistance/units", new Fupin.Web.Features.Assistance.Pairings.UnitRequest("矩阵帮扶单位", Fupin.Web.Features.Assistance.UnitKind.Institution, null, null, 0), FupinApp.Json)).Content.ReadFromJsonAsync<Guid>(FupinApp.Json);
        var cadre = await (await county.PostAsJsonAsync("/api/v1/assistance/cadres",
            new Fupin.Web.Features.Assistance.Pairings.CadreRequest(unit, "矩阵干部", "科员", "13900002222", TestData.TownshipA, CadreUser, true, 0), FupinApp.Json)).Content.ReadFromJsonAsync<Guid>(FupinApp.Json);
        var paired = await county.PostAsJsonAsync($"/api/v1/households/{a!.Id}/pairing", new Fupin.Web.Features.Assistance.Pairings.PairRequest(cadre, null), FupinApp.Json);
        Assert.True(paired.IsSuccessStatusCode, await paired.Content.ReadAsStringAsync());
        _values = new()
        {
            ["{householdA}"] = a!.Id.ToString(),
            ["{householdB}"] = b!.Id.ToString(),
            ["{householdC}"] = c!.Id.ToString(),
            ["{memberA}"] = a.Members[0].Id.ToString(),
            ["{memberB}"] = b.Members[0].Id.ToString(),
            ["{county}"] = TestData.County,
            ["{villageB}"] = TestData.VillageB,
        };
    }

    public string Fill(string path) => _values.Aggregate(path, (p, kv) => p.Replace(kv.Key, kv.Value));

    public async Task<HttpClient> ClientForAsync(string role)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_clients.TryGetValue(role, out var client))
            {
                client = role switch
                {
                    "anonymous" => app.CreateGuardedClient(),
                    Roles.SystemAdmin => await app.AdminClientAsync("admin"),
                    Roles.SecurityAdmin => await app.AdminClientAsync("security"),
                    Roles.AuditReviewer => await app.AdminClientAsync("auditor"),
                    Roles.CountyOffice => await app.ClientAsync(),
                    Roles.TownOfficial => await app.ClientForNewUserAsync(role, TestData.TownshipA),
                    Roles.VillageCadre => await app.ClientForNewUserAsync(role, TestData.VillageA),
                    Roles.AssistanceCadre => await app.ClientForNewUserAsync(role, TestData.VillageA, CadreUser),
                    _ => await app.ClientForNewUserAsync(role, TestData.County),
                };
                _clients[role] = client;
            }
            return client;
        }
        finally
        {
            _gate.Release();
        }
    }
}

public sealed class MatrixSqliteApp : SqliteApp, IMatrixWorld
{
    private MatrixWorld? _world;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _world = new MatrixWorld(this);
        await _world.BuildAsync();
    }

    public Task<HttpClient> ClientForAsync(string role) => _world!.ClientForAsync(role);
    public string Fill(string path) => _world!.Fill(path);
}

public sealed class MatrixPostgresApp : PostgresApp, IMatrixWorld
{
    private MatrixWorld? _world;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _world = new MatrixWorld(this);
        await _world.BuildAsync();
    }

    public Task<HttpClient> ClientForAsync(string role) => _world!.ClientForAsync(role);
    public string Fill(string path) => _world!.Fill(path);
}

public sealed class AccessMatrixOnSqlite(MatrixSqliteApp app) : AccessMatrixTests(app), IClassFixture<MatrixSqliteApp>;

public sealed class AccessMatrixOnPostgres(MatrixPostgresApp app) : AccessMatrixTests(app), IClassFixture<MatrixPostgresApp>;
