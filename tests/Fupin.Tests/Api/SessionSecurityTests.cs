using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Fupin.Tests.Infrastructure;
using Fupin.Web.Features.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Fupin.Tests.Api;

/// <summary>A host on a clock the test moves, with the shipped session limits (30 min idle, 12 h absolute).</summary>
public class ClockedApp : SqliteApp
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    public override FakeTimeProvider? Clock => _clock;
}

/// <summary>Tokens that live longer than the absolute limit, so the absolute limit is what ends them.</summary>
public sealed class LongTokenApp : ClockedApp
{
    protected override IEnumerable<(string Key, string Value)> Settings => [("Security:IdleMinutes", "1440"), ("Security:AbsoluteHours", "12")];
}

public sealed class TightRateLimitApp : SqliteApp
{
    protected override IEnumerable<(string Key, string Value)> Settings => [("Security:SignInPerMinute", "3")];
}

public sealed class SessionSecurityTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpClient Client, string UserName, string Password)> NewUserAsync(string role = Roles.VillageCadre)
    {
        var admin = await app.AdminClientAsync();
        var name = "u" + Guid.NewGuid().ToString("N")[..10];
        var issued = await (await admin.PostAsJsonAsync("/api/v1/accounts", new ManageAccounts.CreateRequest { UserName = name, Role = role, RegionCode = TestData.VillageA }, FupinApp.Json, Ct))
            .Content.ReadFromJsonAsync<ManageAccounts.Issued>(FupinApp.Json, Ct);
        // A new account must change its temporary password before it may use the API.
        var refused = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { userName = name, password = issued!.TemporaryPassword }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            var user = await users.FindByNameAsync(name);
            user!.MustChangePassword = false;
            await users.UpdateAsync(user);
        }
        return (await app.ClientAsync(name, issued.TemporaryPassword), name, issued.TemporaryPassword);
    }

    private async Task<HttpResponseMessage> TokenAsync(string user, string password, string from = "127.0.0.1")
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(TestClientAddress.Header, from);
        return await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password }, Ct);
    }

    private async Task<HttpStatusCode> TokenStatusAsync(string user, string password, string from = "127.0.0.1") =>
        (await TokenAsync(user, password, from)).StatusCode;

    [Fact]
    public async Task Five_failures_lock_the_account_for_that_address_only_for_fifteen_minutes_with_the_answer_of_a_wrong_password()
    {
        var (_, name, password) = await NewUserAsync();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await TokenStatusAsync(name, "wrong-password-" + i, "127.0.0.21"));
        }
        var locked = await TokenAsync(name, password, "127.0.0.21");
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        var unknown = await TokenAsync("no-such-user-" + Guid.NewGuid().ToString("N")[..6], password, "127.0.0.22");
        // A lock says no more than a wrong password or an unknown name.
        Assert.Equal((await unknown.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("title").GetString(),
            (await locked.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("title").GetString());
        // The owner still signs in from another address: a visitor cannot lock an account out.
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(name, password, "127.0.0.23"));

        app.Clock!.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.Unauthorized, await TokenStatusAsync(name, password, "127.0.0.21"));
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(name, password, "127.0.0.21"));
    }

    [Fact]
    public async Task The_security_administrator_lifts_a_sign_in_lock()
    {
        var (_, name, password) = await NewUserAsync();
        for (var i = 0; i < 5; i++)
        {
            await TokenStatusAsync(name, "wrong-password-" + i, "127.0.0.31");
        }
        Assert.Equal(HttpStatusCode.Unauthorized, await TokenStatusAsync(name, password, "127.0.0.31"));
        string id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>().FindByNameAsync(name))!.Id;
        }
        var admin = await app.AdminClientAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsync($"/api/v1/accounts/{id}/unlock", null, Ct)).StatusCode);
        var security = await app.AdminClientAsync("security");
        Assert.Equal(HttpStatusCode.OK, (await security.PostAsync($"/api/v1/accounts/{id}/unlock", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(name, password, "127.0.0.31"));
    }

    [Fact]
    public async Task An_idle_token_expires_after_thirty_minutes()
    {
        var (client, _, _) = await NewUserAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/households?pageSize=1", Ct)).StatusCode);
        app.Clock!.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/households?pageSize=1", Ct)).StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_ends_the_other_sessions_at_once()
    {
        var (client, name, password) = await NewUserAsync();
        var other = await app.ClientAsync(name, password);
        var change = await client.PostAsJsonAsync("/api/v1/auth/password", new AuthApi.PasswordRequest(password, "A-New-Strong-Pass-77"), Ct);
        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/v1/households?pageSize=1", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/households?pageSize=1", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(name, "A-New-Strong-Pass-77"));
    }

    [Fact]
    public async Task Common_and_short_passwords_are_refused_with_reasons()
    {
        var (client, _, password) = await NewUserAsync();
        var common = await client.PostAsJsonAsync("/api/v1/auth/password", new AuthApi.PasswordRequest(password, "password1234"), Ct);
        var shortOne = await client.PostAsJsonAsync("/api/v1/auth/password", new AuthApi.PasswordRequest(password, "short"), Ct);
        Assert.Contains("过于常见", await common.Content.ReadAsStringAsync(Ct));
        Assert.Contains("至少需要12个字符", await shortOne.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Disabling_an_account_or_changing_its_role_ends_its_tokens()
    {
        var admin = await app.AdminClientAsync();
        var accounts = await admin.GetFromJsonAsync<List<ManageAccounts.AccountView>>("/api/v1/accounts", FupinApp.Json, Ct);

        var (first, firstName, _) = await NewUserAsync();
        var firstId = (await admin.GetFromJsonAsync<List<ManageAccounts.AccountView>>("/api/v1/accounts", FupinApp.Json, Ct))!.Single(a => a.UserName == firstName).Id;
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/accounts/{firstId}/disable", new ManageAccounts.ReasonRequest("调离岗位"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await first.GetAsync("/api/v1/households?pageSize=1", Ct)).StatusCode);

        var (second, secondName, _) = await NewUserAsync();
        var secondId = (await admin.GetFromJsonAsync<List<ManageAccounts.AccountView>>("/api/v1/accounts", FupinApp.Json, Ct))!.Single(a => a.UserName == secondName).Id;
        var update = new ManageAccounts.UpdateRequest { Role = Roles.Leader, RegionCode = TestData.County };
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/accounts/{secondId}", update, FupinApp.Json, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/v1/households?pageSize=1", Ct)).StatusCode);
        Assert.NotNull(accounts);
    }

    [Fact]
    public async Task System_admin_cannot_hand_out_privileged_roles_but_the_security_admin_can()
    {
        var admin = await app.AdminClientAsync();
        var security = await app.AdminClientAsync("security");
        var request = new ManageAccounts.CreateRequest { UserName = "a" + Guid.NewGuid().ToString("N")[..8], Role = Roles.AuditReviewer, RegionCode = TestData.County };
        var refused = await admin.PostAsJsonAsync("/api/v1/accounts", request, FupinApp.Json, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("只能由安全管理员授予", await refused.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, (await security.PostAsJsonAsync("/api/v1/accounts", request, FupinApp.Json, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_department_token_works_within_its_role_and_region_is_audited_and_ends_when_revoked_or_expired()
    {
        var security = await app.AdminClientAsync("security");
        var request = new ApiTokens.CreateRequest { Name = "县教育局学籍比对", Role = Roles.CountyOffice, RegionCode = TestData.TownshipA, ExpiresInDays = 1 };
        var created = await (await security.PostAsJsonAsync("/api/v1/api-tokens", request, FupinApp.Json, Ct)).Content.ReadFromJsonAsync<ApiTokens.Created>(FupinApp.Json, Ct);
        Assert.StartsWith(ApiTokens.TokenPrefix, created!.Secret);

        var client = app.CreateGuardedClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.Secret);
        var list = await client.GetFromJsonAsync<Fupin.Web.Shared.Paged<Fupin.Web.Features.Households.ListHouseholds.Row>>("/api/v1/households?pageSize=50", FupinApp.Json, Ct);
        Assert.All(list!.Items, r => Assert.StartsWith("460105101", r.RegionCode));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/stats/summary?regionCode={TestData.County}", Ct)).StatusCode);

        await using (var db = app.SystemDb())
        {
            Assert.True(db.AuditEntries.Any(a => a.Event == Fupin.Web.Features.Audit.AuditEvent.ApiTokenUsed && a.EntityKey == created.Token.Id.ToString()));
        }
        // Stored as a hash only.
        await using (var db = app.SystemDb())
        {
            Assert.False(db.Set<ApiToken>().Any(t => t.TokenHash == created.Secret));
        }

        app.Clock!.Advance(TimeSpan.FromDays(1.1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/households?pageSize=1", Ct)).StatusCode);

        var second = await (await (await app.AdminClientAsync("security")).PostAsJsonAsync("/api/v1/api-tokens", request with { ExpiresInDays = 30 }, FupinApp.Json, Ct))
            .Content.ReadFromJsonAsync<ApiTokens.Created>(FupinApp.Json, Ct);
        var again = app.CreateGuardedClient();
        again.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", second!.Secret);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/v1/households?pageSize=1", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.AdminClientAsync("security")).PostAsync($"/api/v1/api-tokens/{second.Token.Id}/revoke", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await again.GetAsync("/api/v1/households?pageSize=1", Ct)).StatusCode);
    }

    [Fact]
    public async Task Tokens_cannot_carry_privileged_roles()
    {
        var security = await app.AdminClientAsync("security");
        var response = await security.PostAsJsonAsync("/api/v1/api-tokens",
            new ApiTokens.CreateRequest { Name = "x", Role = Roles.AuditReviewer, RegionCode = TestData.County }, FupinApp.Json, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("只能授予业务角色", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Accounts_unused_for_ninety_days_are_disabled()
    {
        var (client, name, _) = await NewUserAsync();
        app.Clock!.Advance(TimeSpan.FromDays(91));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await InactiveAccounts.DisableAsync(scope.ServiceProvider, 90, app.Clock, Ct);
        }
        var admin = await app.AdminClientAsync();
        var account = (await admin.GetFromJsonAsync<List<ManageAccounts.AccountView>>("/api/v1/accounts", FupinApp.Json, Ct))!.Single(a => a.UserName == name);
        Assert.True(account.IsDisabled);
        Assert.Contains("超过90天未使用", account.DisabledReason);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/households?pageSize=1", Ct)).StatusCode);
    }
}

public sealed class AbsoluteSessionTests(LongTokenApp app) : IClassFixture<LongTokenApp>
{
    [Fact]
    public async Task A_session_ends_twelve_hours_after_sign_in_whatever_its_token_says()
    {
        var client = await app.ClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/households?pageSize=1", TestContext.Current.CancellationToken)).StatusCode);
        app.Clock!.Advance(TimeSpan.FromHours(11));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/households?pageSize=1", TestContext.Current.CancellationToken)).StatusCode);
        app.Clock.Advance(TimeSpan.FromHours(1.1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/households?pageSize=1", TestContext.Current.CancellationToken)).StatusCode);
    }
}

public sealed class RateLimitTests(TightRateLimitApp app) : IClassFixture<TightRateLimitApp>
{
    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_get_429_with_retry_after()
    {
        var client = app.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "county", password = "wrong" }, TestContext.Current.CancellationToken);
            statuses.Add(last.StatusCode);
        }
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(last!.Headers.RetryAfter?.Delta > TimeSpan.Zero || last.Headers.Contains("Retry-After"));
        Assert.Contains("请求过于频繁", await last.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        // Other endpoints are not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health", TestContext.Current.CancellationToken)).StatusCode);
    }
}

public sealed class SecurityHeaderTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Responses_forbid_framing_sniffing_and_foreign_scripts()
    {
        var response = await app.CreateClient().GetAsync("/account/login", TestContext.Current.CancellationToken);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task Server_errors_carry_no_stack_trace()
    {
        var client = await app.ClientAsync();
        var response = await client.GetAsync("/api/v1/households?page=abc", TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("   at ", body);
        Assert.DoesNotContain("Exception", body);
    }
}
