using Fupin.Web.Data;
using Fupin.Web.Features.Households;
using Fupin.Web.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Fupin.Tests.Infrastructure;

/// <summary>
/// The members' one ID-number index (migration OneIdNumberIndex): one active record per number, any number of
/// past records beside it, and lookups by number served by it, on both databases.
/// </summary>
public abstract class IdNumberIndexTests(FupinApp app)
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Member Record(Household h, string id, MemberStatus status) => new()
    {
        Id = Guid.CreateVersion7(),
        HouseholdId = h.Id,
        RegionCode = h.RegionCode,
        IdNumber = id,
        Name = "索引",
        Ethnicity = "汉族",
        Status = status,
        Version = 1,
        CreatedAt = DateTime.UtcNow,
        UpdatedAt = DateTime.UtcNow,
    };

    private async Task<Household> NewHouseholdAsync(AppDbContext db)
    {
        var h = new Household
        {
            Id = Guid.CreateVersion7(),
            RegionCode = TestData.VillageA,
            HouseholdNumber = "IX" + Guid.NewGuid().ToString("N")[..12],
            HeadName = "索引",
            Version = 1,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        db.Households.Add(h);
        await db.SaveChangesAsync(Ct);
        return h;
    }

    [Fact]
    public async Task A_number_has_one_active_record_and_any_number_of_past_ones()
    {
        var id = TestData.NewId(Sex.Male, 1968);
        await using (var db = app.SystemDb())
        {
            var h = await NewHouseholdAsync(db);
            db.Members.AddRange(Record(h, id, MemberStatus.Deceased), Record(h, id, MemberStatus.MovedOut), Record(h, id, MemberStatus.Active));
            await db.SaveChangesAsync(Ct);
        }

        await using (var db = app.SystemDb())
        {
            var h = await NewHouseholdAsync(db);
            db.Members.Add(Record(h, id, MemberStatus.Active));
            var e = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
            Assert.True(DbErrors.IsUniqueViolation(e), e.ToString());
        }

        await using (var db = app.SystemDb())
        {
            // A past record brought back while another is active is refused the same way.
            var past = await db.Members.IgnoreQueryFilters().SingleAsync(m => m.IdNumber == id && m.Status == MemberStatus.Deceased, Ct);
            past.Status = MemberStatus.Active;
            var e = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
            Assert.True(DbErrors.IsUniqueViolation(e), e.ToString());
        }

        await using (var db = app.SystemDb())
        {
            var records = await db.Members.IgnoreQueryFilters().Where(m => m.IdNumber == id).Select(m => m.Status).ToListAsync(Ct);
            Assert.Equal(3, records.Count);
            Assert.Single(records, s => s == MemberStatus.Active);
        }
    }

    [Fact]
    public async Task A_lookup_by_number_uses_the_index()
    {
        await using var db = app.SystemDb();
        await db.Database.OpenConnectionAsync(Ct);
        await using var tx = await db.Database.BeginTransactionAsync(Ct);
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.Transaction = tx.GetDbTransaction();
        if (db.Database.IsSqlite())
        {
            cmd.CommandText = "EXPLAIN QUERY PLAN SELECT \"Id\" FROM \"Members\" WHERE \"IdNumber\" = '520000196801010011'";
        }
        else
        {
            // A table this small would be scanned; the plan with scans off shows the index is usable.
            cmd.CommandText = "SET LOCAL enable_seqscan = off; EXPLAIN SELECT \"Id\" FROM \"Members\" WHERE \"IdNumber\" = '520000196801010011'";
        }
        var plan = new List<string>();
        await using (var reader = await cmd.ExecuteReaderAsync(Ct))
        {
            do
            {
                while (await reader.ReadAsync(Ct))
                {
                    plan.Add(reader.GetValue(reader.FieldCount - 1).ToString()!);
                }
            } while (await reader.NextResultAsync(Ct));
        }
        Assert.Contains(plan, line => line.Contains("IX_Members_IdNumber", StringComparison.Ordinal));
    }
}

public sealed class IdNumberIndexTestsOnSqlite(SqliteApp app) : IdNumberIndexTests(app), IClassFixture<SqliteApp>;

public sealed class IdNumberIndexTestsOnPostgres(PostgresApp app) : IdNumberIndexTests(app), IClassFixture<PostgresApp>;
