using System.Data.Common;
using Fupin.Web.Features.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Fupin.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Chooses and configures the database from configuration (Database:Provider, ConnectionStrings:Fupin).</summary>
public static class DatabaseSetup
{
    public sealed record Settings(DatabaseProvider Provider, string ConnectionString);

    /// <summary>The data folder (Data:Folder) as a service: the SQLite file, keys, attachments, backups' default.</summary>
    public sealed record DataPaths(string Folder);

    public static Settings Read(IConfiguration config, string contentRoot)
    {
        var providerText = config["Database:Provider"] ?? nameof(DatabaseProvider.Sqlite);
        if (!Enum.TryParse<DatabaseProvider>(providerText, ignoreCase: true, out var provider))
        {
            throw new InvalidOperationException($"Database:Provider 只能是 Sqlite 或 Postgres，当前为 \"{providerText}\"。");
        }
        var connection = config.GetConnectionString("Fupin");
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connection))
            {
                throw new InvalidOperationException("使用 PostgreSQL 时必须配置连接字符串 ConnectionStrings:Fupin（环境变量 ConnectionStrings__Fupin）。");
            }
            return new Settings(provider, connection);
        }
        if (string.IsNullOrWhiteSpace(connection))
        {
            var folder = DataFolder(config, contentRoot);
            Directory.CreateDirectory(folder);
            connection = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "fupin.db") }.ToString();
        }
        return new Settings(provider, connection);
    }

    /// <summary>Where the SQLite file and the Data Protection keys live (Data:Folder, default "data").</summary>
    public static string DataFolder(IConfiguration config, string contentRoot) =>
        Path.GetFullPath(Path.Combine(contentRoot, config["Data:Folder"] ?? "data"));

    public static void Configure(DbContextOptionsBuilder options, Settings settings)
    {
        switch (settings.Provider)
        {
            case DatabaseProvider.Sqlite:
                SqliteThreading.Configure();
                options.UseSqlite(settings.ConnectionString);
                options.AddInterceptors(SqlitePragmas.Instance);
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(settings.ConnectionString);
                break;
        }
    }

    /// <summary>Options for a context outside the web host's container (commands, design time).</summary>
    public static DbContextOptions<AppDbContext> Options(Settings settings)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        Configure(options, settings);
        return options.Options;
    }

    public static IHostApplicationBuilder AddFupinDatabase(this IHostApplicationBuilder builder)
    {
        // Read when first needed, from the built configuration, so hosts and test factories can override it.
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.AddSingleton(sp => Read(sp.GetRequiredService<IConfiguration>(), contentRoot));
        builder.Services.AddSingleton(sp => new DataPaths(DataFolder(sp.GetRequiredService<IConfiguration>(), contentRoot)));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<AuditInterceptor>();
        builder.Services.AddSingleton<Features.Monitoring.LightRefreshInterceptor>();
        builder.Services.AddScoped<CurrentUser>();
        // Scoped factory: a context made for a Blazor circuit or a request sees that user's CurrentUser.
        builder.Services.AddDbContextFactory<AppDbContext>((sp, o) =>
        {
            Configure(o, sp.GetRequiredService<Settings>());
            o.AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<Features.Monitoring.LightRefreshInterceptor>());
        }, ServiceLifetime.Scoped);
        return builder;
    }

    /// <summary>
    /// The page size of a new SQLite file. 16 KiB instead of SQLite's 4 KiB: a county's registry is a million
    /// wide rows, and a large load writes, re-reads (each index build scans the table from the WAL) and syncs a
    /// quarter as many pages, each a system call on this kind of virtual machine (a county's first import
    /// 1–2 s faster, its commit 0.5 s; see docs/benchmarks.md). Only a new file takes it: an existing one keeps
    /// the size it was made with.
    /// </summary>
    public const int SqlitePageSize = 16_384;

    /// <summary>
    /// Applies pending migrations. SQLite runs in WAL mode (a property of the file, set once, after the page
    /// size of a new file).
    /// </summary>
    public static async Task MigrateAsync(AppDbContext context, CancellationToken ct = default)
    {
        // The provider's own context type selects its migration set (decision 013).
        await using var db = ForMigrations(context);
        await Migrations.MigrationHistory.AdoptSquashedAsync(db, ct);
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await db.Database.ExecuteSqlRawAsync($"PRAGMA page_size={SqlitePageSize}; PRAGMA journal_mode=WAL;", ct);
                await db.Database.MigrateAsync(ct);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
            return;
        }
        var log = db.GetService<ILoggerFactory>().CreateLogger(typeof(DatabaseSetup));
        // Indexes a bulk load left for after its commit when the process stopped before building them: built
        // before the migrations, which may expect them (a new database, or one from before the table, has none).
        if (await db.GetService<Microsoft.EntityFrameworkCore.Storage.IRelationalDatabaseCreator>().ExistsAsync(ct))
        {
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                if (await db.Database.SqlQueryRaw<bool>("SELECT to_regclass('\"DeferredIndexes\"') IS NOT NULL AS \"Value\"").SingleAsync(ct))
                {
                    await BulkLoadMaintenance.BuildDeferredIndexesAsync(db.Database.GetDbConnection(), log, ct);
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        await db.Database.MigrateAsync(ct);
        // Foreign keys a bulk load left unvalidated when the process stopped before its housekeeping. Rows that
        // break one are reported, not a reason to refuse to start: the key is enforced for every new write.
        try
        {
            await db.Database.ExecuteSqlRawAsync(BulkLoadMaintenance.ValidateForeignKeysSql, ct);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.ForeignKeyViolation)
        {
            BulkLoadMaintenance.LogBrokenKey(log, e);
        }
    }

    /// <summary>The context that owns the migrations of <paramref name="db"/>'s provider, on the same options.</summary>
    public static AppDbContext ForMigrations(AppDbContext db)
    {
        var options = (DbContextOptions<AppDbContext>)db.GetService<IDbContextOptions>();
        return db.Database.IsSqlite() ? new Migrations.SqliteMigrationContext(options) : new Migrations.PostgresMigrationContext(options);
    }

    /// <summary>
    /// Durability and concurrency settings that SQLite keeps per connection, set on every open (and set again by
    /// a bulk import that changed some of them). Pooled connections keep their page cache; memory-mapped reads
    /// spare a copy per page.
    /// </summary>
    internal const string SqliteConnectionPragmas = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000; " +
                                                    "PRAGMA cache_size=-32768; PRAGMA mmap_size=268435456;";

    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        public static readonly SqlitePragmas Instance = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = SqliteConnectionPragmas;
            cmd.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = SqliteConnectionPragmas;
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
