extern alias cli;

using Microsoft.EntityFrameworkCore;
using cli::Q11Portal.Cli;
using Q11Portal.Core.Data;
using Q11Portal.Demo.Generation;

namespace Q11Portal.Benchmarks;

/// <summary>Brings the benchmark database to "demo content + N generated articles of seed S", reusing what an
/// earlier run left (generation is the slow part: 100,000 articles take minutes).</summary>
public static class BenchmarkData
{
    public static IReadOnlyDictionary<string, string?> DatabaseSettings(BenchmarkOptions options)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = options.Provider.ToString(),
            ["DataDirectory"] = options.DataDirectory,
            ["Database:Migrate"] = "true",
            ["Database:SeedDemo"] = "false",
        };
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            settings["Database:ConnectionString"] = options.ConnectionString;
        }

        return settings;
    }

    public static async Task PrepareAsync(BenchmarkOptions options, CancellationToken ct)
    {
        if (options.Fresh && options.Provider == DatabaseProvider.Sqlite && Directory.Exists(options.DataDirectory))
        {
            Console.WriteLine($"--fresh: deleting {options.DataDirectory}");
            Directory.Delete(options.DataDirectory, recursive: true);
        }

        Directory.CreateDirectory(options.DataDirectory);
        var cli = DatabaseSettings(options).Select(s => $"--{s.Key}={s.Value}").ToArray();
        await RunCliAsync(["seed-demo", .. cli], ct);

        var existing = await CountGeneratedAsync(options, ct);
        if (existing > options.Articles)
        {
            Console.WriteLine($"warning: the database already holds {existing:N0} generated articles (seed {options.Seed}), more than --articles {options.Articles:N0}; use --fresh or another --data-dir for an exact size.");
        }
        else if (existing < options.Articles)
        {
            Console.WriteLine($"Generating {options.Articles - existing:N0} articles (seed {options.Seed}) in {options.DataDirectory}…");
            await RunCliAsync(["generate", "--articles", (options.Articles - existing).ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--seed", options.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture), .. cli], ct);
        }
        else
        {
            Console.WriteLine($"Reusing {existing:N0} generated articles (seed {options.Seed}) in {options.DataDirectory}.");
        }
    }

    public static async Task<int> CountGeneratedAsync(BenchmarkOptions options, CancellationToken ct)
    {
        await using var db = CreateContext(options);
        var prefix = ArticleGenerator.SourceIdPrefix(options.Seed);
        return await db.Articles.CountAsync(a => a.SourceId != null && a.SourceId.StartsWith(prefix), ct);
    }

    /// <summary>A context on the benchmark database, for scenarios that pick URLs or check results.</summary>
    public static PortalDbContext CreateContext(BenchmarkOptions options)
    {
        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        DataServiceCollectionExtensions.Configure(builder,
            new DatabaseOptions { Provider = options.Provider, ConnectionString = options.ConnectionString },
            new PortalPaths(options.DataDirectory));
        return new PortalDbContext(builder.Options);
    }

    private static async Task RunCliAsync(string[] args, CancellationToken ct)
    {
        var code = await CliApp.RunAsync(args, Console.Out, Console.Error, ct);
        if (code != 0)
        {
            throw new InvalidOperationException($"q11portal {args[0]} failed with exit code {code}.");
        }
    }
}
