using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Fupin.Tests.Infrastructure;
using Fupin.Web.Features.Households;
using Fupin.Web.Shared;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Fupin.Tests.Trust;

/// <summary>An upload made with a browser's sign-in cookie needs the antiforgery token; one made with a bearer token does not.</summary>
public abstract partial class UploadAntiforgeryTests(FupinApp app)
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    private async Task<HttpClient> CookieClientAsync()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        var page = await client.GetStringAsync("/account/login", Ct);
        var token = FormToken().Match(page).Groups[1].Value;
        var signIn = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = FupinApp.CountyUser,
            ["Input.Password"] = FupinApp.DemoPassword,
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return client;
    }

    [Fact]
    public async Task A_cookie_upload_without_the_token_is_refused_and_with_it_accepted()
    {
        var bearer = await app.ClientAsync();
        var h = (await (await bearer.PostAsJsonAsync("/api/v1/households", TestData.NewHousehold(TestData.VillageA, "防伪户"), FupinApp.Json, Ct)).Content
            .ReadFromJsonAsync<GetHousehold.Detail>(FupinApp.Json, Ct))!;
        var cookie = await CookieClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync($"/api/v1/households/{h.Id}", Ct)).StatusCode);

        var forged = await cookie.CorrectStatusAsync(h.Id, HouseholdStatus.Lifted, DateOnly.FromDateTime(DateTime.UtcNow), "跨站伪造", h.Version, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("防伪令牌", await forged.Content.ReadAsStringAsync(Ct));
        var import = await cookie.PostAsync("/api/v1/imports", new MultipartFormDataContent { { new ByteArrayContent("x"u8.ToArray()), "file", "a.csv" } }, Ct);
        Assert.Contains("防伪令牌", await import.Content.ReadAsStringAsync(Ct));

        var token = (await cookie.GetFromJsonAsync<CookieFormAntiforgery.AntiforgeryToken>("/api/v1/antiforgery", FupinApp.Json, Ct))!;
        cookie.DefaultRequestHeaders.Add(token.HeaderName, token.Token);
        var accepted = await cookie.CorrectStatusAsync(h.Id, HouseholdStatus.Lifted, DateOnly.FromDateTime(DateTime.UtcNow), "登记笔误", h.Version, Ct);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        // A bearer client (a department system, a script) sends no token and needs none.
        var back = await bearer.CorrectStatusAsync(h.Id, HouseholdStatus.NotLifted, DateOnly.FromDateTime(DateTime.UtcNow), "再次更正", h.Version + 1, Ct);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }
}

public sealed class UploadAntiforgeryTestsOnSqlite(SqliteApp app) : UploadAntiforgeryTests(app), IClassFixture<SqliteApp>;

public sealed class UploadAntiforgeryTestsOnPostgres(PostgresApp app) : UploadAntiforgeryTests(app), IClassFixture<PostgresApp>;
