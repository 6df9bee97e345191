using System.Net.Http.Json;
using Fupin.Tests.Infrastructure;
using Fupin.Web.Data;
using Fupin.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fupin.Tests.Trust;

/// <summary>
/// Each tampering the trust review tried, on a database of its own: re-chaining edited rows, cutting off the newest rows,
/// inserting a back-dated row, forging links without the key. Each one is refused by the database or named by
/// <c>audit-verify</c>; a database superuser who drops the triggers is still found by the keyed chain and the checkpoint.
/// </summary>
public abstract class AuditTamperingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract FupinApp NewApp();

    private async Task<FupinApp> StartAsync()
    {
        var app = NewApp();
        await app.InitializeAsync();
        var county = await app.ClientAsync();
        for (var i = 0; i < 3; i++)
        {
            var created = await county.PostAsJsonAsync("/api/v1/households", TestData.NewHousehold(), FupinApp.Json, Ct);
            Assert.True(created.IsSuccessStatusCode);
        }
        return app;
    }

    /// <summary>What the sealing service does every few seconds: seal, then write the head outside the database.</summary>
    private static async Task<AuditChain> SealAndCheckpointAsync(FupinApp app, AppDbContext db)
    {
        var chain = app.Services.GetRequiredService<AuditChain>();
        await chain.SealAsync(db, Ct);
        Assert.Null(await chain.CheckpointAsync(db, "测试", TimeProvider.System, Ct));
        var clean = await chain.VerifyAsync(db, Ct);
        Assert.True(clean.Ok, string.Join("；", clean.Problems));
        Assert.NotNull(clean.Checkpoint);
        return chain;
    }

    private static async Task DropTriggersAsync(FupinApp app, AppDbContext db)
    {
        if (app.Provider == "Postgres")
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"AuditEntries\" DISABLE TRIGGER USER", Ct);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync(
                "DROP TRIGGER \"AuditEntries_no_update\"; DROP TRIGGER \"AuditEntries_no_delete\"; DROP TRIGGER \"AuditEntries_insert_check\";", Ct);
        }
    }

    [Fact]
    public async Task The_database_refuses_a_sealed_or_back_dated_insert()
    {
        await using var app = await StartAsync();
        await using var db = app.SystemDb();
        await SealAndCheckpointAsync(app, db);
        const string insert = "INSERT INTO \"AuditEntries\" (\"At\", \"UserName\", \"Action\", \"Entity\", \"NewValue\", \"Seq\", \"Hash\") VALUES ({0}, 'intruder', 'Event', 'Household', 'x', {1}, {2})";

        var old = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync(insert, [DateTime.UtcNow.AddDays(-30), null!, null!], Ct));
        var sealedRow = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync(insert, [DateTime.UtcNow, 999999L, new string('a', 64)], Ct));

        Assert.Contains("unsealed and at the current time", old?.Message ?? "(no error)");
        Assert.Contains("unsealed and at the current time", sealedRow?.Message ?? "(no error)");
        Assert.False(await db.AuditEntries.AnyAsync(a => a.UserName == "intruder", Ct));
    }

    [Fact]
    public async Task Edited_rows_re_chained_by_the_sealer_break_the_checkpoint()
    {
        await using var app = await StartAsync();
        await using var db = app.SystemDb();
        var chain = await SealAndCheckpointAsync(app, db);
        var head = await db.AuditEntries.MaxAsync(a => a.Seq, Ct);
        var target = await db.AuditEntries.Where(a => a.Seq == head - 2).Select(a => a.Id).SingleAsync(Ct);

        await DropTriggersAsync(app, db);
        await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"NewValue\" = 'forged', \"Seq\" = NULL, \"Hash\" = NULL WHERE \"Id\" >= {target} AND \"Seq\" IS NOT NULL", Ct);
        await chain.SealAsync(db, Ct);

        var problem = await chain.CheckpointAsync(db, "测试", TimeProvider.System, Ct);
        Assert.Contains("检查点", problem ?? "(no alarm)");
        var result = await chain.VerifyAsync(db, Ct);
        Assert.False(result.Ok);
        Assert.Contains(result.Problems, p => p.Contains("与检查点") && p.Contains("被改写"));
    }

    [Fact]
    public async Task Links_forged_without_the_key_do_not_verify()
    {
        await using var app = await StartAsync();
        await using var db = app.SystemDb();
        var chain = await SealAndCheckpointAsync(app, db);
        var head = (await db.AuditEntries.MaxAsync(a => a.Seq, Ct))!.Value;

        // The forger knows the algorithm (the source is open) but not the key: rewrites the last row and links it as plain SHA-256.
        await DropTriggersAsync(app, db);
        var row = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Seq == head, Ct);
        var previous = await db.AuditEntries.Where(a => a.Seq == head - 1).Select(a => a.Hash).SingleAsync(Ct);
        row.NewValue = "forged";
        var forged = AuditSealer.HashOf(AuditKey.Plain, previous!, head, row);
        await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"NewValue\" = 'forged', \"Hash\" = {forged} WHERE \"Id\" = {row.Id}", Ct);

        var result = await chain.VerifyAsync(db, Ct);
        Assert.False(result.Ok);
        Assert.Contains(result.Problems, p => p.Contains($"第 {head} 条") && p.Contains("篡改"));
    }

    [Fact]
    public async Task Rows_cut_from_the_end_of_the_chain_are_named()
    {
        await using var app = await StartAsync();
        await using var db = app.SystemDb();
        var chain = await SealAndCheckpointAsync(app, db);
        var head = (await db.AuditEntries.MaxAsync(a => a.Seq, Ct))!.Value;

        await DropTriggersAsync(app, db);
        await db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Seq\" > {head - 3}", Ct);

        var result = await chain.VerifyAsync(db, Ct);
        Assert.False(result.Ok);
        Assert.Contains(result.Problems, p => p.Contains($"第 {head} 条审计记录已不存在") && p.Contains("截断"));
        Assert.NotNull(await chain.CheckpointAsync(db, "测试", TimeProvider.System, Ct));
        Assert.Equal(head, AuditCheckpoint.Read(chain.DataFolder)!.Seq); // the evidence is kept, not overwritten
    }

    [Fact]
    public async Task A_row_slipped_in_with_an_old_time_is_named()
    {
        await using var app = await StartAsync();
        await using var db = app.SystemDb();
        var chain = await SealAndCheckpointAsync(app, db);

        await DropTriggersAsync(app, db);
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"AuditEntries\" (\"At\", \"UserName\", \"Action\", \"Entity\", \"NewValue\") VALUES ({0}, 'county', 'Event', 'Household', '补写')",
            [DateTime.UtcNow.AddDays(-40)], Ct);
        await chain.SealAsync(db, Ct);

        var result = await chain.VerifyAsync(db, Ct);
        Assert.False(result.Ok);
        Assert.Contains(result.Problems, p => p.Contains("时间倒退"));
    }
}

public sealed class AuditTamperingTestsOnSqlite : AuditTamperingTests
{
    protected override FupinApp NewApp() => new SqliteApp();
}

public sealed class AuditTamperingTestsOnPostgres : AuditTamperingTests
{
    protected override FupinApp NewApp() => new PostgresApp();
}
