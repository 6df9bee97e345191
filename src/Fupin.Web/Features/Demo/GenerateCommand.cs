using System.Diagnostics;
using Fupin.Web.Data;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Demo;

/// <summary>
/// <c>dotnet run --project src/Fupin.Web -- generate --persons 1000000 [--data-folder DIR]</c>:
/// creates (or replaces) a database holding one generated county, for benchmarks.
/// Provider and connection come from the same configuration as the web host. A database that already
/// holds a registry is refused unless <c>--replace</c> is given.
/// </summary>
public static class GenerateCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var persons = 1_000_000;
        var config = CommandLine.Configuration(args, new Dictionary<string, string> { ["--persons"] = "Persons" });
        persons = config.GetValue("Persons", persons);
        var settings = DatabaseSetup.Read(config, CommandLine.ContentRoot);
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, settings);
        await using var db = new AppDbContext(options.Options, CurrentUser.System());
        Console.WriteLine($"生成 {persons:N0} 人的县级数据到 {settings.Provider} …");
        var clock = Stopwatch.StartNew();
        if (await db.Database.CanConnectAsync() && !CommandLine.Has(args, "--replace"))
        {
            var hasData = false;
            try
            {
                hasData = await db.Regions.IgnoreQueryFilters().AnyAsync();
            }
            catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or Npgsql.PostgresException)
            {
                // No registry tables yet: an empty database may be used.
            }
            if (hasData)
            {
                Console.Error.WriteLine("目标数据库已有登记数据，拒绝覆盖。如确需删除并重建，请加参数 --replace。");
                return 2;
            }
        }
        await db.Database.EnsureDeletedAsync();
        await DatabaseSetup.MigrateAsync(db);
        var county = DemoCounty.Build(persons, TimeProvider.System.Today());
        Console.WriteLine($"已生成 {county.Households.Count:N0} 户 {county.Members.Count:N0} 人（{clock.Elapsed.TotalSeconds:F1} 秒），写入中 …");
        await DemoCounty.WriteAsync(db, county);
        Console.WriteLine($"完成，用时 {clock.Elapsed.TotalSeconds:F1} 秒。");
        return 0;
    }
}
