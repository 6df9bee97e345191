using System.Security.Claims;
using Fupin.Web.Data;
using Fupin.Web.Features.Households;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fupin.Tests.Infrastructure;

/// <summary>The native SQLite read gives what EF's materializer gives, column by column, within the reader's scope.</summary>
public sealed class NativeRowsTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private AppDbContext Db(string regionCode)
    {
        var user = new CurrentUser();
        user.Set(new ClaimsPrincipal(new ClaimsIdentity([new Claim(CurrentUser.RegionClaim, regionCode), new Claim(ClaimTypes.Name, "test"),
            new Claim(ClaimTypes.Role, "CountyOffice")], "test")));
        var scope = app.Services.CreateScope();
        return new AppDbContext(scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>(), user);
    }

    private sealed record Read(Guid Id, Guid HouseholdId, string IdNumber, string Name, Relation Relation, DateOnly BirthDate, Health Health,
        LabourCapacity Labour, SchoolStage? SchoolStage, string? WorkPlace, int? WorkMonths, MemberStatus Status);

    [Theory]
    [InlineData(Fupin.Web.Features.Demo.DemoCounty.CountyCode)]
    [InlineData(TestData.TownshipA)]
    public async Task Native_read_equals_the_EF_read_of_the_same_query(string region)
    {
        await using var db = Db(region);
        var query = db.Members.AsNoTracking().Where(m => m.Status != MemberStatus.Removed || m.Name != "")
            .OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.HouseholdId, m.IdNumber, m.Name, m.Relation, m.BirthDate, m.Health, m.Labour, m.SchoolStage, m.WorkPlace, m.WorkMonths, m.Status });
        var viaEf = (await query.ToListAsync(Ct))
            .Select(m => new Read(m.Id, m.HouseholdId, m.IdNumber, m.Name, m.Relation, m.BirthDate, m.Health, m.Labour, m.SchoolStage, m.WorkPlace, m.WorkMonths, m.Status))
            .ToList();
        var native = new List<Read>();
        var places = new Dictionary<string, string>(StringComparer.Ordinal);
        await NativeRows.ReadAsync(db, query, row => native.Add(new Read(row.Guid(0), row.Guid(1), row.String(2), row.String(3), row.Enum<Relation>(4),
            row.Date(5), (Health)row.Int64(6), row.Enum<LabourCapacity>(7), row.NullableEnum<SchoolStage>(8), row.NullableShared(9, places),
            row.NullableInt32(10), row.Enum<MemberStatus>(11))), Ct);

        Assert.NotEmpty(viaEf);
        Assert.Equal(viaEf, native);
        Assert.Contains(native, r => r.SchoolStage is null);
        Assert.Contains(native, r => r.SchoolStage is not null);
        Assert.Contains(native, r => r.WorkPlace is not null);
        if (region == TestData.TownshipA)
        {
            await using var county = Db(TestData.County);
            Assert.True(native.Count < await county.Members.CountAsync(Ct), "the township's read is narrowed by the scope filter");
        }
    }
}
