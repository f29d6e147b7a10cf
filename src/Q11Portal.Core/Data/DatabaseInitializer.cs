using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Q11Portal.Core.Data;

/// <summary>Brings the database to the current migration and, when asked, fills an empty one with demo content.</summary>
public sealed class DatabaseInitializer(
    PortalDbContext db,
    IOptions<DatabaseOptions> options,
    PortalPaths paths,
    ILogger<DatabaseInitializer> logger,
    IDemoContentSeeder? seeder = null)
{
    public async Task MigrateAsync(CancellationToken ct)
    {
        paths.EnsureCreated();
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s) on {Provider}: {Migrations}", pending.Count, options.Value.Provider, pending);
            await db.Database.MigrateAsync(ct);
        }

        if (options.Value.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers go on while the counters' batch writer and editors write.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }

    public async Task InitializeAsync(CancellationToken ct)
    {
        if (options.Value.Migrate)
        {
            await MigrateAsync(ct);
        }

        if (options.Value.SeedDemo == true && !await db.Articles.AnyAsync(ct))
        {
            if (seeder is null)
            {
                // A host without Q11Portal.Demo (AddPortalDemo) has nothing to seed with; the site starts empty.
                logger.LogWarning("Database:SeedDemo is on but no demo content is registered; the database stays empty");
            }
            else
            {
                var count = await seeder.SeedAsync(ct);
                logger.LogInformation("Empty database filled with {Count} demo articles", count);
            }
        }
    }

    /// <summary>True when the database answers a trivial query.</summary>
    public async Task<bool> CanConnectAsync(CancellationToken ct)
    {
        try
        {
            return await db.Database.CanConnectAsync(ct);
        }
        catch (Exception ex) when (ex is SqliteException or InvalidOperationException or System.Data.Common.DbException)
        {
            logger.LogWarning(ex, "Database is unreachable");
            return false;
        }
    }
}
