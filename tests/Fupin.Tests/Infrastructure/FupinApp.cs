using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Fupin.Web.Data;
using Fupin.Web.Features.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Fupin.Tests.Infrastructure;

/// <summary>
/// The whole web host over a throwaway database of its own, with a small seeded demo county.
/// One class per provider; the suites run against both.
/// </summary>
public abstract class FupinApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminPassword = "Test-Admin-Pass-2026";
    public const string DemoPassword = "Test-Demo-Pass-2026";

    /// <summary>The demo county's office account (县扶贫办): the registry's everyday user.</summary>
    public const string CountyUser = "county";
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public readonly string Folder = Directory.CreateTempSubdirectory("fupin-test-").FullName;

    public abstract string Provider { get; }

    /// <summary>Extra configuration for a host of a test class's own.</summary>
    protected virtual IEnumerable<(string Key, string Value)> Settings => [];
    protected abstract string ConnectionString { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("FUPIN_ADMIN_PASSWORD", AdminPassword);
        builder.UseSetting("FUPIN_SECURITY_PASSWORD", AdminPassword);
        builder.UseSetting("FUPIN_AUDITOR_PASSWORD", AdminPassword);
        builder.UseSetting("FUPIN_DEMO_PASSWORD", DemoPassword);
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:Fupin", ConnectionString);
        builder.UseSetting("Data:Folder", Folder);
        builder.UseSetting("Demo:Seed", "true");
        // Backups are made by the tests that are about them, not by a schedule in every host.
        builder.UseSetting("Backup:Schedule", "false");
        builder.UseSetting("Demo:Persons", "600");
        // Tests record incomes themselves; the demo's own ledger would collide with them.
        builder.UseSetting("Demo:Incomes", "false");
        // Likewise the demo's money: the funds tests count every yuan in the county.
        builder.UseSetting("Demo:Funds", "false");
        // The suites sign in far more often than a person; the limit itself is tested on a host of its own.
        builder.UseSetting("Security:SignInPerMinute", "100000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        if (Clock is { } clock)
        {
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(clock));
        }
        builder.ConfigureServices(services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, TestClientAddress>());
    }

    /// <summary>A host whose time the test moves (lockout, session expiry); null for the real clock.</summary>
    public virtual Microsoft.Extensions.Time.Testing.FakeTimeProvider? Clock => null;

    /// <summary>Every test client fails on a response that shows a full ID number (masking scan).</summary>
    public HttpClient CreateGuardedClient() => CreateDefaultClient(new MaskingGuard());

    public virtual ValueTask InitializeAsync()
    {
        _ = Server; // start the host: migrations, demo county, administrator
        return ValueTask.CompletedTask;
    }

    public Task<HttpClient> AdminClientAsync(string userName = AdminBootstrap.AdminUserName) => ClientAsync(userName, AdminPassword);

    public async Task<HttpClient> ClientAsync(string userName = CountyUser, string password = DemoPassword)
    {
        var client = CreateGuardedClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>Creates an account directly (the account screens are the next issue's).</summary>
    public async Task<HttpClient> ClientForNewUserAsync(string role, string regionCode, string? userName = null)
    {
        var name = userName ?? $"{role.ToLowerInvariant()}{Guid.NewGuid():N}"[..20];
        const string password = "Test-User-Pass-2026";
        await using (var scope = Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = name, RegionCode = regionCode, DisplayName = name };
            var created = await users.CreateAsync(user, password);
            Assert.True(created.Succeeded, string.Join(";", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, role);
        }
        return await ClientAsync(name, password);
    }

    /// <summary>A context over the test database that sees everything, for arranging and checking state.</summary>
    public AppDbContext SystemDb()
    {
        var scope = Services.CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.DbContextOptions<AppDbContext>>();
        return new AppDbContext(options, CurrentUser.System());
    }

    public override async ValueTask DisposeAsync()
    {
        // A bulk load's housekeeping runs on its own connection after the commit: done before the database goes.
        await BulkLoadMaintenance.WaitAsync();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        await DropAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    protected virtual Task DropAsync() => Task.CompletedTask;
}

/// <summary>
/// The in-memory test server has no client address; a test that needs one (sign-in locks per address) names it in
/// <see cref="Header"/>, set before any of the application's own middleware runs.
/// </summary>
public sealed class TestClientAddress : Microsoft.AspNetCore.Hosting.IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
    {
        app.Use(async (ctx, inner) =>
        {
            if (ctx.Request.Headers[Header] is [{ } text] && System.Net.IPAddress.TryParse(text, out var address))
            {
                ctx.Connection.RemoteIpAddress = address;
            }
            await inner();
        });
        next(app);
    };
}

public class SqliteApp : FupinApp
{
    public override string Provider => "Sqlite";
    protected override string ConnectionString => $"Data Source={Path.Combine(Folder, "fupin.db")};Pooling=False";
}

/// <summary>
/// A database of its own on the server test.sh starts (FUPIN_TEST_PG). No server is a failure, never a skip.
/// </summary>
public class PostgresApp : FupinApp
{
    private readonly string _database = "fupin_test_" + Guid.NewGuid().ToString("N")[..12];

    public static string ServerConnection =>
        Environment.GetEnvironmentVariable("FUPIN_TEST_PG")
        ?? throw new InvalidOperationException("FUPIN_TEST_PG is not set: run the suite through ./test.sh, which starts a PostgreSQL server.");

    public override string Provider => "Postgres";
    protected override string ConnectionString => new NpgsqlConnectionStringBuilder(ServerConnection) { Database = _database }.ToString();

    protected override async Task DropAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ServerConnection);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await cmd.ExecuteNonQueryAsync();
    }
}

public static class FupinAppExtensions
{
    /// <summary>The stored (unmasked) ID number of a member, read past the API's masking.</summary>
    public static async Task<string> SystemDbMemberId(this FupinApp app, Guid memberId)
    {
        await using var db = app.SystemDb();
        return (await db.Members.FindAsync(memberId))!.IdNumber;
    }
}
