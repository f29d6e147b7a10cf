using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Data;
using Q11Portal.Testing;

namespace Q11Portal.Core.Tests.Data;

/// <summary>Core only knows the demo content as <see cref="IDemoContentSeeder"/>: the start-up fills an empty database
/// through whatever the host registered (Q11Portal.Demo's AddPortalDemo), and a host without one still starts.</summary>
public sealed class DatabaseInitializerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 0)]
    public async Task InitializeAsync_EmptyDatabase_RunsTheRegisteredSeederOnlyWithSeedDemo(bool seedDemo, int expectedCalls)
    {
        await using var database = await TestDatabase.CreateAsync();
        var seeder = new CountingSeeder();
        await using var services = Services(database, seedDemo, seeder);

        await InitializeAsync(services);

        Assert.Equal(expectedCalls, seeder.Calls);
    }

    [Fact]
    public async Task InitializeAsync_SeedDemoWithoutRegisteredSeeder_StartsWithEmptyDatabase()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        await using var services = Services(database, seedDemo: true, seeder: null);

        await InitializeAsync(services);

        // Migrated (the query runs) and empty.
        await using var db = database.CreateContext();
        Assert.False(await db.Articles.AnyAsync(Ct));
    }

    private static async Task InitializeAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(Ct);
    }

    private static ServiceProvider Services(TestDatabase database, bool seedDemo, IDemoContentSeeder? seeder)
    {
        var settings = new Dictionary<string, string?>(database.Settings) { ["Database:SeedDemo"] = seedDemo ? "true" : "false" };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddPortalData(configuration, database.DataDirectory);
        if (seeder is not null)
        {
            services.AddSingleton(seeder);
        }

        return services.BuildServiceProvider();
    }

    private sealed class CountingSeeder : IDemoContentSeeder
    {
        public int Calls { get; private set; }

        public Task<int> SeedAsync(CancellationToken ct)
        {
            Calls++;
            return Task.FromResult(0);
        }
    }
}
