using Fupin.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Fupin.Migrations.Sqlite;

/// <summary>Lets `dotnet ef` build the model for this provider without starting the web host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, new DatabaseSetup.Settings(DatabaseProvider.Sqlite, "Data Source=design-time.db"));
        return new AppDbContext(options.Options, CurrentUser.System());
    }
}
