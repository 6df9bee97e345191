using System.Net;
using System.Net.Http.Json;
using Fupin.Tests.Infrastructure;
using Fupin.Web.Features.Accounts;
using Fupin.Web.Features.Audit;
using Fupin.Web.Features.Households;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fupin.Tests.Api;

/// <summary>痕迹化管理: what is written, who may read it, and that nobody can rewrite it.</summary>
public abstract class AuditTests(FupinApp app)
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<List<AuditEntry>> TrailAsync(Func<IQueryable<AuditEntry>, IQueryable<AuditEntry>> where)
    {
        await using var db = app.SystemDb();
        return await where(db.AuditEntries.AsNoTracking()).OrderBy(a => a.Id).ToListAsync(Ct);
    }

    [Fact]
    public async Task Creating_and_editing_a_household_writes_who_when_what_old_and_new()
    {
        var client = await app.ClientAsync();
        var created = await (await client.PostAsJsonAsync("/api/v1/households", TestData.NewHousehold(), FupinApp.Json, Ct))
            .Content.ReadFromJsonAsync<GetHousehold.Detail>(FupinApp.Json, Ct);
        var update = new UpdateHousehold.Request { Household = created!.ToInput() with { Address = "审计测试新地址" }, Version = created.Version };
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/v1/households/{created.Id}", update, FupinApp.Json, Ct)).StatusCode);

        var trail = await TrailAsync(q => q.Where(a => a.HouseholdId == created.Id));
        var creation = Assert.Single(trail, a => a.Action == AuditAction.Created && a.Entity == "Household");
        Assert.Equal(FupinApp.CountyUser, creation.UserName);
        Assert.Equal(Roles.CountyOffice, creation.Role);
        Assert.NotNull(creation.UserId);
        Assert.Equal(created.Id.ToString(), creation.EntityKey, ignoreCase: true);
        Assert.Equal(TestData.VillageA, creation.RegionCode);
        Assert.InRange(creation.At, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));
        var edit = Assert.Single(trail, a => a.Action == AuditAction.Updated && a.Field == "Address");
        Assert.Equal("马坡村第一村民小组8号", edit.OldValue);
        Assert.Equal("审计测试新地址", edit.NewValue);
    }

    [Fact]
    public async Task Sign_in_success_failure_and_token_are_events()
    {
        var client = app.CreateClient();
        await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = "wrong-wrong-wrong" }, Ct);
        await app.AdminClientAsync();

        var events = await TrailAsync(q => q.Where(a => a.Action == AuditAction.Event && a.UserName == "admin"));
        Assert.Contains(events, e => e.Event == AuditEvent.SignInFailed);
        Assert.Contains(events, e => e.Event == AuditEvent.TokenIssued);
    }

    [Fact]
    public async Task Revealing_a_number_returns_it_in_full_and_audits_the_field_not_the_value()
    {
        var client = await app.ClientAsync();
        var request = TestData.NewHousehold();
        var created = await (await client.PostAsJsonAsync("/api/v1/households", request, FupinApp.Json, Ct)).Content.ReadFromJsonAsync<GetHousehold.Detail>(FupinApp.Json, Ct);
        var memberId = created!.Members[0].Id;

        var revealed = await (await client.PostAsJsonAsync($"/api/v1/members/{memberId}/reveal", new { field = "idNumber" }, Ct))
            .Content.ReadFromJsonAsync<Fupin.Web.Features.Households.RevealPersonalData.Revealed>(FupinApp.Json, Ct);
        var account = await (await client.PostAsJsonAsync($"/api/v1/households/{created.Id}/reveal", new { field = "bankAccount" }, Ct))
            .Content.ReadFromJsonAsync<Fupin.Web.Features.Households.RevealPersonalData.Revealed>(FupinApp.Json, Ct);

        Assert.Equal(request.Head.IdNumber, revealed!.Value);
        Assert.Equal("6217000012341234", account!.Value);
        var events = await TrailAsync(q => q.Where(a => a.Event == AuditEvent.Reveal && a.HouseholdId == created.Id));
        Assert.Equal(2, events.Count);
        Assert.Contains(events, e => e.Entity == "Member" && e.NewValue == "idNumber" && e.UserName == FupinApp.CountyUser);
        Assert.DoesNotContain(events, e => (e.NewValue ?? "").Contains(request.Head.IdNumber!) || (e.NewValue ?? "").Contains("6217000012341234"));
    }

    [Fact]
    public async Task A_refused_request_is_an_access_denied_event()
    {
        var leader = await app.ClientForNewUserAsync(Roles.Leader, TestData.County);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostAsJsonAsync("/api/v1/households", TestData.NewHousehold(), FupinApp.Json, Ct)).StatusCode);
        var denied = await TrailAsync(q => q.Where(a => a.Event == AuditEvent.AccessDenied && a.NewValue == "/api/v1/households"));
        Assert.Contains(denied, d => d.Role == Roles.Leader && d.EntityKey == "POST");
    }

    [Fact]
    public async Task Only_the_audit_reviewer_reads_the_audit_log()
    {
        var admin = await app.AdminClientAsync();
        var county = await app.ClientAsync();
        var reviewer = await app.ClientForNewUserAsync(Roles.AuditReviewer, TestData.County);

        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/api/v1/audit", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await county.GetAsync("/api/v1/audit", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsync("/api/v1/audit/verify", null, Ct)).StatusCode);
        var page = await reviewer.GetFromJsonAsync<Paged<AuditApi.Line>>("/api/v1/audit?event=TokenIssued&pageSize=5", FupinApp.Json, Ct);
        Assert.NotEmpty(page!.Items);
        Assert.All(page.Items, l => Assert.Equal(AuditEvent.TokenIssued, l.Event));
    }

    [Fact]
    public async Task Reviewer_exports_the_log_to_excel_and_the_export_is_itself_audited()
    {
        var reviewer = await app.ClientForNewUserAsync(Roles.AuditReviewer, TestData.County);
        var response = await reviewer.GetAsync("/api/v1/audit/export?event=TokenIssued", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal((byte)'P', bytes[0]); // a zip container
        Assert.NotEmpty(await TrailAsync(q => q.Where(a => a.Event == AuditEvent.AuditExported)));
    }

    [Fact]
    public async Task The_reviewers_view_and_export_mask_personal_numbers_kept_in_the_trail()
    {
        var county = await app.ClientAsync();
        var request = TestData.NewHousehold();
        Assert.Equal(HttpStatusCode.Created, (await county.PostAsJsonAsync("/api/v1/households", request, FupinApp.Json, Ct)).StatusCode);
        var reviewer = await app.ClientForNewUserAsync(Roles.AuditReviewer, TestData.County);

        // The guard on the client fails the call if a full number is in the body.
        var page = await reviewer.GetFromJsonAsync<Paged<AuditApi.Line>>("/api/v1/audit?entity=Member&pageSize=200", FupinApp.Json, Ct);
        Assert.Contains(page!.Items, l => l.Action == AuditAction.Created && l.NewValue!.Contains(Fupin.Web.Rules.Masking.IdNumber(request.Head.IdNumber)));

        var xlsx = await reviewer.GetByteArrayAsync("/api/v1/audit/export?entity=Member", Ct);
        var cells = MiniExcelLibs.MiniExcel.Query(new MemoryStream(xlsx)).SelectMany(r => ((IDictionary<string, object?>)r).Values).Select(v => v?.ToString() ?? "");
        Assert.DoesNotContain(cells, c => c.Contains(request.Head.IdNumber!));
        Assert.Contains(cells, c => c.Contains(Fupin.Web.Rules.Masking.IdNumber(request.Head.IdNumber)));
    }

    [Fact]
    public async Task The_database_refuses_to_update_or_delete_audit_rows()
    {
        await app.ClientAsync();
        await using var db = app.SystemDb();
        await app.Services.GetRequiredService<AuditChain>().SealAsync(db, Ct);
        var id = await db.AuditEntries.Select(a => a.Id).FirstAsync(Ct);

        var update = await Record.ExceptionAsync(() => db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"UserName\" = 'someone' WHERE \"Id\" = {id}", Ct));
        var delete = await Record.ExceptionAsync(() => db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {id}", Ct));
        var reseal = await Record.ExceptionAsync(() => db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"Hash\" = 'x' WHERE \"Id\" = {id}", Ct));

        Assert.Contains("append-only", update?.Message ?? "(no error)");
        Assert.Contains("append-only", delete?.Message ?? "(no error)");
        Assert.Contains("append-only", reseal?.Message ?? "(no error)");
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Id == id, Ct));
    }

    [Fact]
    public async Task The_chain_of_an_untouched_log_verifies()
    {
        await app.ClientAsync();
        var reviewer = await app.ClientForNewUserAsync(Roles.AuditReviewer, TestData.County);
        var result = await (await reviewer.PostAsync("/api/v1/audit/verify", null, Ct)).Content.ReadFromJsonAsync<AuditSealer.Verification>(FupinApp.Json, Ct);
        Assert.True(result!.Ok, string.Join("\n", result.Problems));
        Assert.True(result.SealedRows > 0);
    }
}

public sealed class AuditTestsOnSqlite(SqliteApp app) : AuditTests(app), IClassFixture<SqliteApp>;

public sealed class AuditTestsOnPostgres(PostgresApp app) : AuditTests(app), IClassFixture<PostgresApp>;

/// <summary>A database superuser can still drop the trigger; the chain then tells on them. A database of its own.</summary>
public abstract class AuditTamperTests(FupinApp app)
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Verifier_catches_a_changed_row_and_a_removed_row()
    {
        var client = await app.ClientAsync();
        for (var i = 0; i < 3; i++)
        {
            await client.PostAsJsonAsync("/api/v1/households", TestData.NewHousehold(), FupinApp.Json, Ct);
        }
        await using var db = app.SystemDb();
        await app.Services.GetRequiredService<AuditChain>().SealAsync(db, Ct);
        Assert.True((await app.Services.GetRequiredService<AuditChain>().VerifyAsync(db, Ct)).Ok);
        var rows = await db.AuditEntries.Where(a => a.Seq != null).OrderBy(a => a.Seq).Select(a => a.Id).Take(6).ToListAsync(Ct);

        if (app.Provider == "Postgres")
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"AuditEntries\" DISABLE TRIGGER USER", Ct);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER \"AuditEntries_no_update\"; DROP TRIGGER \"AuditEntries_no_delete\";", Ct);
        }
        await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"NewValue\" = 'forged' WHERE \"Id\" = {rows[2]}", Ct);
        await db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {rows[4]}", Ct);

        var result = await app.Services.GetRequiredService<AuditChain>().VerifyAsync(db, Ct);
        Assert.False(result.Ok);
        Assert.Contains(result.Problems, p => p.Contains("可能被篡改"));
        Assert.Contains(result.Problems, p => p.Contains("缺失"));
    }
}

public sealed class AuditTamperTestsOnSqlite(SqliteApp app) : AuditTamperTests(app), IClassFixture<SqliteApp>;

public sealed class AuditTamperTestsOnPostgres(PostgresApp app) : AuditTamperTests(app), IClassFixture<PostgresApp>;

public sealed class AuditRetentionTests
{
    [Fact]
    public void A_retention_shorter_than_six_months_stops_the_host()
    {
        using var app = new ShortRetentionApp();
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("不得少于6个月", error.ToString());
    }

    private sealed class ShortRetentionApp : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            var folder = Directory.CreateTempSubdirectory("fupin-retention-").FullName;
            builder.UseSetting("Data:Folder", folder);
            builder.UseSetting("Audit:RetentionMonths", "3");
        }
    }
}

/// <summary>A row the application did not write (an unknown action) neither stops the sealer nor crashes the verifier.</summary>
public abstract class AuditForeignRowTests(FupinApp app)
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_foreign_row_is_left_out_of_the_chain_reported_by_the_verifier_and_the_rows_behind_it_are_sealed()
    {
        await using var db = app.SystemDb();
        await app.Services.GetRequiredService<AuditChain>().SealAsync(db, Ct);
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"AuditEntries\" (\"At\", \"UserName\", \"Action\", \"Entity\", \"NewValue\") VALUES ({0}, 'intruder', 'Forged', 'Household', 'x')",
            [DateTime.UtcNow], Ct);
        var foreignId = await db.AuditEntries.MaxAsync(a => a.Id, Ct);
        var client = await app.ClientAsync();
        await client.PostAsJsonAsync("/api/v1/households", TestData.NewHousehold(), FupinApp.Json, Ct);

        await app.Services.GetRequiredService<AuditChain>().SealAsync(db, Ct);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Seq == null, Ct));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Id > foreignId && a.Seq != null, Ct));
        var result = await app.Services.GetRequiredService<AuditChain>().VerifyAsync(db, Ct);
        Assert.False(result.Ok);
        Assert.Contains(result.Problems, p => p.Contains($"编号 {foreignId}") && p.Contains("Forged"));
        // The trail itself still reads (the auditor's list and export).
        var auditor = await app.AdminClientAsync("auditor");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await auditor.GetAsync("/api/v1/audit?pageSize=50", Ct)).StatusCode);
    }
}

public sealed class AuditForeignRowTestsOnSqlite(SqliteApp app) : AuditForeignRowTests(app), IClassFixture<SqliteApp>;

public sealed class AuditForeignRowTestsOnPostgres(PostgresApp app) : AuditForeignRowTests(app), IClassFixture<PostgresApp>;
