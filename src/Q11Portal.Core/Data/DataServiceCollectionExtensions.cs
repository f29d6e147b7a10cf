using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Q11Portal.Core.Data;

public static class DataServiceCollectionExtensions
{
    public const string SqliteMigrationsAssembly = "Q11Portal.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "Q11Portal.Migrations.SqlServer";
    public const string PostgreSqlMigrationsAssembly = "Q11Portal.Migrations.PostgreSql";

    /// <summary>Contexts kept for reuse; more at once are made and disposed as before.</summary>
    public const int ContextPoolSize = 128;

    /// <summary>Registers <see cref="PortalDbContext"/> on the provider named by <c>Database:Provider</c>.</summary>
    public static IServiceCollection AddPortalData(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var paths = PortalPaths.FromConfiguration(configuration, contentRoot);
        services.AddSingleton(paths);
        services.TryAddTimeProvider();
        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Contexts are pooled: a request leases one that is reset, instead of building a context and EF Core's scoped
        // services for it (about 6 % of an uncached article's CPU in the profile). The options are built once; they
        // depend on settings only. Nothing may keep a context after its scope: it is another request's next.
        services.AddDbContextPool<PortalDbContext>((sp, options) =>
            Configure(options, sp.GetRequiredService<IOptions<DatabaseOptions>>().Value, sp.GetRequiredService<PortalPaths>()),
            ContextPoolSize);
        services.AddScoped<DatabaseInitializer>();
        services.AddSingleton<KeptOpenSqliteConnections>();
        services.AddSingleton<SqliteStatisticsService>();
        services.AddHostedService(sp => sp.GetRequiredService<SqliteStatisticsService>());
        return services;
    }

    /// <param name="sqliteConnection">On SQLite, a connection the context is given instead of one made from the
    /// connection string (<see cref="KeptOpenSqliteConnections"/>).</param>
    public static void Configure(DbContextOptionsBuilder options, DatabaseOptions database, PortalPaths paths, Microsoft.Data.Sqlite.SqliteConnection? sqliteConnection = null)
    {
        var timeout = database.CommandTimeoutSeconds;
        switch (database.Provider)
        {
            case DatabaseProvider.SqlServer:
                options.UseSqlServer(Require(database), o => o.MigrationsAssembly(SqlServerMigrationsAssembly).CommandTimeout(timeout).EnableRetryOnFailure());
                break;
            case DatabaseProvider.PostgreSql:
                options.UseNpgsql(Require(database), o => o.MigrationsAssembly(PostgreSqlMigrationsAssembly).CommandTimeout(timeout));
                break;
            default:
                if (sqliteConnection is null)
                {
                    options.UseSqlite(SqliteConnectionString(database, paths), o => o.MigrationsAssembly(SqliteMigrationsAssembly).CommandTimeout(timeout));
                }
                else
                {
                    options.UseSqlite(sqliteConnection, o => o.MigrationsAssembly(SqliteMigrationsAssembly).CommandTimeout(timeout));
                }

                // Reuses prepared statements on the connections public pages borrow; leaves every other command alone.
                options.AddInterceptors(KeptStatementInterceptor.Instance);
                break;
        }
    }

    public static string SqliteConnectionString(DatabaseOptions database, PortalPaths paths) =>
        string.IsNullOrWhiteSpace(database.ConnectionString) ? $"Data Source={paths.DefaultSqliteFile}" : database.ConnectionString;

    private static string Require(DatabaseOptions database) =>
        string.IsNullOrWhiteSpace(database.ConnectionString)
            ? throw new InvalidOperationException($"Database:ConnectionString is required for the {database.Provider} provider.")
            : database.ConnectionString;

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
