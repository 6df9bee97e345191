using Fupin.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Tests.Infrastructure;

/// <summary>How a new SQLite file is made and how the process runs SQLite (decision 012).</summary>
public sealed class SqliteSetupTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_file_has_16_KiB_pages_and_a_write_ahead_log()
    {
        await using var db = app.SystemDb();
        await db.Database.OpenConnectionAsync(Ct);
        Assert.Equal(DatabaseSetup.SqlitePageSize, (await db.Database.SqlQueryRaw<long>("SELECT page_size AS \"Value\" FROM pragma_page_size").ToListAsync(Ct)).Single());
        Assert.Equal("wal", (await db.Database.SqlQueryRaw<string>("SELECT journal_mode AS \"Value\" FROM pragma_journal_mode").ToListAsync(Ct)).Single());
    }

    [Fact]
    public void SQLite_runs_in_multi_thread_mode_without_memory_statistics()
    {
        Assert.Equal(SQLitePCL.raw.SQLITE_OK, SqliteThreading.Result);
    }
}
