using System.Net;
using System.Net.Http.Json;
using Fupin.Tests.Infrastructure;
using Fupin.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Fupin.Tests.Api;

public sealed class TwoFactorRequiredApp : SqliteApp
{
    protected override IEnumerable<(string Key, string Value)> Settings => [("Security:RequireTwoFactorForAdmins", "true")];
}

/// <summary>The optional TOTP second factor, and its requirement for administrators when configured.</summary>
public sealed class TwoFactorTests(TwoFactorRequiredApp app) : IClassFixture<TwoFactorRequiredApp>
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> EnrollAsync(string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByNameAsync(userName))!;
        var (key, _, _) = await TwoFactor.KeyAsync(users, user);
        Assert.True(await TwoFactor.VerifyAsync(users, user, Totp.Code(key, DateTimeOffset.UtcNow)));
        await users.SetTwoFactorEnabledAsync(user, true);
        return key;
    }

    [Fact]
    public async Task An_administrator_without_a_second_factor_gets_no_token_when_it_is_required()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = FupinApp.AdminPassword }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("双因素认证", await response.Content.ReadAsStringAsync(Ct));
        // Business roles are not bound by the administrators' rule.
        Assert.NotNull(await app.ClientAsync());
    }

    [Fact]
    public async Task Only_the_security_admin_resets_a_lost_second_factor()
    {
        await EnrollAsync("auditor");
        string id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("auditor"))!.Id;
        }
        var county = await app.ClientAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await county.PostAsync($"/api/v1/accounts/{id}/reset-two-factor", null, Ct)).StatusCode);

        // The security admin must itself have enrolled (required for administrators on this host).
        var key = await EnrollAsync("security");
        var security = app.CreateClient();
        var token = await (await security.PostAsJsonAsync("/api/v1/auth/token", new { userName = "security", password = FupinApp.AdminPassword, totp = Totp.Code(key, DateTimeOffset.UtcNow) }, Ct))
            .Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct);
        security.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await security.PostAsync($"/api/v1/accounts/{id}/reset-two-factor", null, Ct)).StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.False((await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("auditor"))!.TwoFactorEnabled);
        }
    }

    [Fact]
    public async Task With_the_second_factor_on_a_token_needs_the_current_code()
    {
        var key = await EnrollAsync("security");
        var client = app.CreateClient();
        var without = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "security", password = FupinApp.AdminPassword }, Ct);
        var wrong = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "security", password = FupinApp.AdminPassword, totp = "000000" }, Ct);
        var right = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "security", password = FupinApp.AdminPassword, totp = Totp.Code(key, DateTimeOffset.UtcNow) }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Contains("动态验证码", await without.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }
}
