using Fupin.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Fupin.Migrations.Postgres;

/// <summary>Lets `dotnet ef` build the model for this provider without starting the web host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, new DatabaseSetup.Settings(DatabaseProvider.Postgres, "Host=localhost;Database=fupin_design;Username=postgres"));
        return new AppDbContext(options.Options, CurrentUser.System());
    }
}
