using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Q11Portal.Core.Data;
using Q11Portal.Testing;

namespace Q11Portal.Core.Tests.Search;

/// <summary>Core services (search included, background sync off) on a test database.</summary>
public sealed class SearchTestHost : IAsyncDisposable
{
    private readonly bool ownsDatabase;

    private SearchTestHost(TestDatabase database, ServiceProvider services, bool ownsDatabase)
    {
        this.ownsDatabase = ownsDatabase;
        Database = database;
        Services = services;
    }

    public TestDatabase Database { get; }
    public ServiceProvider Services { get; }

    public static async Task<SearchTestHost> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite, TimeProvider? clock = null,
        TestDatabase? database = null, string? dataDirectory = null)
    {
        var owns = database is null;
        database ??= await TestDatabase.CreateAsync(provider);
        var settings = new Dictionary<string, string?>(database.Settings) { ["Search:BackgroundSync"] = "false" };
        if (dataDirectory is not null)
        {
            settings["DataDirectory"] = dataDirectory;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        services.AddPortalCore(configuration, database.DataDirectory);
        return new SearchTestHost(database, services.BuildServiceProvider(), owns);
    }

    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (ownsDatabase)
        {
            await Database.DisposeAsync();
        }
    }
}
