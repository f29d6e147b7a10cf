using System.Net;
using Npgsql;
using Q11Portal.Core.Data;
using Q11Portal.Testing;
using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests;

/// <summary>The web host as an operator runs it: one set of keys from appsettings, environment variables
/// (<c>Database__Provider</c>) and the command line (<c>--Database:Provider=PostgreSql</c>); Serilog to console
/// and to a daily file, one line per request.</summary>
public sealed class HostConfigurationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("environment")]
    [InlineData("command line")]
    public async Task WebHost_ProviderPostgreSqlFromConfiguration_UsesPostgreSql(string source)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql, migrate: false);
        var environment = new Dictionary<string, string>
        {
            ["Serilog__WriteTo__1__Args__path"] = Path.Combine(database.DataDirectory, "logs", "q11portal-.log"),
            ["Database__SeedDemo"] = "false",
        };
        var args = new List<string> { "--DataDirectory=" + database.DataDirectory };
        if (source == "environment")
        {
            environment["Database__Provider"] = "PostgreSql";
            environment["Database__ConnectionString"] = database.ConnectionString;
        }
        else
        {
            args.Add("--Database:Provider=PostgreSql");
            args.Add("--Database:ConnectionString=" + database.ConnectionString);
        }

        await using var portal = await PortalProcess.StartAsync(environment, args, Ct);
        using var http = new HttpClient { BaseAddress = new Uri(portal.BaseUrl) };

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready", Ct)).StatusCode);
        // The migrations went to the PostgreSQL database, and no SQLite file was made in the data directory.
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM \"__EFMigrationsHistory\"", connection);
        Assert.True((long)(await command.ExecuteScalarAsync(Ct))! > 0);
        Assert.False(File.Exists(Path.Combine(database.DataDirectory, "q11portal.db")));
    }

    [Fact]
    public async Task WebHost_CommandLine_OverridesEnvironment()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("q11-config-").FullName;
        try
        {
            var environment = new Dictionary<string, string>
            {
                // The environment asks for a server that is not there; the command line wins and picks SQLite.
                ["Database__Provider"] = "PostgreSql",
                ["Database__ConnectionString"] = "Host=127.0.0.1;Port=1;Database=none;Username=none;Timeout=1",
                ["Database__SeedDemo"] = "false",
                ["Serilog__WriteTo__1__Args__path"] = Path.Combine(dataDirectory, "logs", "q11portal-.log"),
            };
            await using var portal = await PortalProcess.StartAsync(environment,
                ["--DataDirectory=" + dataDirectory, "--Database:Provider=Sqlite", "--Database:ConnectionString="], Ct);
            using var http = new HttpClient { BaseAddress = new Uri(portal.BaseUrl) };

            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready", Ct)).StatusCode);
            Assert.True(File.Exists(Path.Combine(dataDirectory, "q11portal.db")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task WebHost_Request_IsLoggedToConsoleAndDailyFile()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("q11-logs-").FullName;
        try
        {
            var logs = Path.Combine(dataDirectory, "logs");
            await using (var portal = await PortalProcess.StartAsync(
                new Dictionary<string, string>
                {
                    ["Serilog__WriteTo__1__Args__path"] = Path.Combine(logs, "q11portal-.log"),
                    ["Database__SeedDemo"] = "false",
                },
                ["--DataDirectory=" + dataDirectory], Ct))
            {
                using var http = new HttpClient { BaseAddress = new Uri(portal.BaseUrl) };
                Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live", Ct)).StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/khong-co-trang-nay", Ct)).StatusCode);

                // Request logging: one line per request, on the console...
                await WaitUntilAsync(() => portal.Output.Contains("HTTP GET /khong-co-trang-nay responded 404", StringComparison.Ordinal));
                Assert.Contains("HTTP GET /health/live responded 200", portal.Output);
            }

            // ...and in today's rolling file (the name carries the date: q11portal-yyyyMMdd.log).
            var file = Assert.Single(Directory.GetFiles(logs, "q11portal-*.log"));
            Assert.Matches(@"q11portal-\d{8}\.log$", file);
            var text = await ReadSharedAsync(file);
            Assert.Contains("HTTP GET /khong-co-trang-nay responded 404", text);
            Assert.Contains("HTTP GET /health/live responded 200", text);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(100, Ct);
        }

        Assert.True(condition(), "Timed out waiting for the log line.");
    }

    private static async Task<string> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(Ct);
    }
}
