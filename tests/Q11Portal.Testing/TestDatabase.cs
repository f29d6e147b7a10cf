using Xunit;

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Q11Portal.Core.Data;

namespace Q11Portal.Testing;

/// <summary>A fresh, migrated database for one test: a temp SQLite file, or a new database on the configured
/// PostgreSQL server. Disposing it deletes the file or drops the database.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? postgresAdmin;
    private readonly string? postgresName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string dataDirectory, string? postgresAdmin, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        DataDirectory = dataDirectory;
        this.postgresAdmin = postgresAdmin;
        this.postgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    /// <summary>A temp data directory (uploads, search index) that belongs to this test.</summary>
    public string DataDirectory { get; }

    /// <summary>The providers every integration suite runs on; PostgreSQL skips itself when no server is configured.</summary>
    public static TheoryData<DatabaseProvider> Providers => new(DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql);

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite, bool migrate = true)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("q11-test-").FullName;
        TestDatabase database;
        if (provider == DatabaseProvider.PostgreSql)
        {
            var admin = TestEnvironment.PostgresConnection;
            if (admin is null)
            {
                TestEnvironment.SkipOrFail("PostgreSQL is not configured (set Q11_TEST_POSTGRES to an admin connection string).");
            }

            var name = "q11_" + Guid.NewGuid().ToString("N")[..16];
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await command.ExecuteNonQueryAsync();
            }

            var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
            database = new TestDatabase(provider, builder.ConnectionString, dataDirectory, admin, name);
        }
        else if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(dataDirectory, "test.db");
            database = new TestDatabase(provider, $"Data Source={file}", dataDirectory, null, null);
        }
        else
        {
            throw new ArgumentOutOfRangeException(nameof(provider), provider, "SQL Server is checked without a server, not run.");
        }

        if (migrate)
        {
            await using var db = database.CreateContext();
            await db.Database.MigrateAsync();
        }

        return database;
    }

    public DatabaseOptions Options => new() { Provider = Provider, ConnectionString = ConnectionString, Migrate = true, SeedDemo = false };

    public PortalDbContext CreateContext()
    {
        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        DataServiceCollectionExtensions.Configure(builder, Options, new PortalPaths(DataDirectory));
        return new PortalDbContext(builder.Options);
    }

    /// <summary>Configuration keys that point a host (web or CLI) at this database.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = Provider.ToString(),
        ["Database:ConnectionString"] = ConnectionString,
        ["Database:Migrate"] = "true",
        ["Database:SeedDemo"] = "false",
        ["DataDirectory"] = DataDirectory,
    };

    public async ValueTask DisposeAsync()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
        }
        else if (postgresAdmin is not null && postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(postgresAdmin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a background writer; the temp dir is cleaned by the OS.
        }
    }
}
