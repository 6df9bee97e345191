using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Fupin.Web.Data.Migrations;

// EF Core's "multiple context types" shape for several providers (decision 013): each provider's migrations
// carry [DbContext(typeof(...))] of its own subclass, so both sets live in this assembly and EF picks the set by
// the context's type. The subclasses add nothing to the model; only DatabaseSetup.MigrateAsync and `dotnet ef`
// use them.

/// <summary>Owns the SQLite migrations (Data/Migrations/Sqlite).</summary>
public sealed class SqliteMigrationContext(DbContextOptions<AppDbContext> options) : AppDbContext(options, CurrentUser.System());

/// <summary>Owns the PostgreSQL migrations (Data/Migrations/Postgres).</summary>
public sealed class PostgresMigrationContext(DbContextOptions<AppDbContext> options) : AppDbContext(options, CurrentUser.System());

/// <summary>Lets <c>dotnet ef</c> build the SQLite model without starting the web host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMigrationContext>
{
    public SqliteMigrationContext CreateDbContext(string[] args) =>
        new(DatabaseSetup.Options(new DatabaseSetup.Settings(DatabaseProvider.Sqlite, "Data Source=design-time.db")));
}

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL model without a server.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresMigrationContext>
{
    public PostgresMigrationContext CreateDbContext(string[] args) =>
        new(DatabaseSetup.Options(new DatabaseSetup.Settings(DatabaseProvider.Postgres, "Host=localhost;Database=design_time")));
}
