using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Data;
using Q11Portal.Testing;

namespace Q11Portal.Cli.Tests;

public sealed class DatabaseCommandTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrate_EmptyDatabase_AppliesEveryMigration(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);

        var run = await CliRun.RunAsync(database, "migrate");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Database is up to date.", run.Output);
        await using var db = database.CreateContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SeedDemo_EmptyDatabase_AddsDemoContentOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);

        var first = await CliRun.RunAsync(database, "seed-demo");
        await using var db = database.CreateContext();
        var count = await db.Articles.CountAsync(Ct);
        var second = await CliRun.RunAsync(database, "seed-demo");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains($"Added {count} demo articles.", first.Output);
        Assert.True(count > 0);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("demo content was not added", second.Output);
        Assert.Equal(count, await db.Articles.CountAsync(Ct));
    }

    [Fact]
    public async Task Migrate_UnknownProvider_ExitsNonZeroNamingTheKey()
    {
        var run = await CliRun.RunAsync("migrate", "--Database:Provider=Oracle", $"--DataDirectory={Path.GetTempPath()}");

        Assert.Equal(CliRunner.BadInput, run.ExitCode);
        Assert.Contains("Database:Provider", run.Error);
        Assert.Contains("Oracle", run.Error);
    }

    [Fact]
    public async Task Migrate_PostgreSqlWithoutConnectionString_ExitsNonZero()
    {
        var run = await CliRun.RunAsync("migrate", "--Database:Provider=PostgreSql", "--Database:ConnectionString=");

        Assert.Equal(CliRunner.BadInput, run.ExitCode);
        Assert.Contains("Database:ConnectionString is required for the PostgreSql provider", run.Error);
    }

    [Fact]
    public async Task Migrate_UnreachableServer_ExitsNonZeroWithDatabaseError()
    {
        var run = await CliRun.RunAsync("migrate", "--Database:Provider=PostgreSql",
            "--Database:ConnectionString=Host=127.0.0.1;Port=1;Database=q11;Username=q11;Password=x;Timeout=2");

        Assert.Equal(CliRunner.Failed, run.ExitCode);
        Assert.Contains("error: database:", run.Error);
    }

    [Fact]
    public async Task UnknownVerb_ExitsNonZero()
    {
        var run = await CliRun.RunAsync("xoa-het");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("xoa-het", run.Error);
    }
}
