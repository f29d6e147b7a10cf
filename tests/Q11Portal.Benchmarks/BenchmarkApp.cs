using System.CommandLine;
using System.Globalization;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Q11Portal.Benchmarks.Scenarios;
using Q11Portal.Core.Data;

namespace Q11Portal.Benchmarks;

public static class BenchmarkApp
{
    public static async Task<int> Main(string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        var articles = new Option<int>("--articles") { Description = "Generated articles in the data set.", DefaultValueFactory = _ => 5000 };
        var seed = new Option<int>("--seed") { Description = "Generator seed.", DefaultValueFactory = _ => 1 };
        var provider = new Option<DatabaseProvider>("--provider") { Description = "Sqlite (default) or PostgreSql.", DefaultValueFactory = _ => DatabaseProvider.Sqlite };
        var connection = new Option<string?>("--connection-string") { Description = "Database:ConnectionString (required for PostgreSql)." };
        var dataDir = new Option<string?>("--data-dir") { Description = "Data directory (SQLite file, logs). Default: <temp>/q11-bench/<provider>-<seed>." };
        var fresh = new Option<bool>("--fresh") { Description = "Delete the SQLite data directory first." };
        var duration = new Option<int>("--duration") { Description = "Seconds measured per URL set.", DefaultValueFactory = _ => 10 };
        var warmup = new Option<int>("--warmup") { Description = "Unmeasured seconds before each measurement.", DefaultValueFactory = _ => 3 };
        var connections = new Option<int>("--connections", "-c") { Description = "Concurrent connections.", DefaultValueFactory = _ => 16 };
        var wrk = new Option<bool>("--wrk") { Description = "Drive wrk instead of the in-process load loop (when installed)." };
        var outOfProcess = new Option<bool>("--out-of-process") { Description = "Run the portal in a process of its own (dotnet Q11Portal.Web.dll), as in production; spike and spike-miss." };
        var set = new Option<string[]>("--set") { Description = "Extra portal setting Key=Value (repeatable), e.g. --set Counters:Enabled=false.", AllowMultipleArgumentsPerToken = false };

        var root = new RootCommand("Q11Portal benchmarks: run by hand in Release (see tests/Q11Portal.Benchmarks/README.md).");
        foreach (var scenario in ScenarioCatalog.All)
        {
            var command = new Command(scenario.Name, scenario.Description) { articles, seed, provider, connection, dataDir, fresh, duration, warmup, connections, wrk, set, outOfProcess };
            command.SetAction(async (parse, ct) =>
            {
                var options = new BenchmarkOptions(
                    parse.GetValue(articles), parse.GetValue(seed), parse.GetValue(provider), parse.GetValue(connection),
                    parse.GetValue(dataDir) ?? Path.Combine(Path.GetTempPath(), "q11-bench", $"{parse.GetValue(provider)}-{parse.GetValue(seed)}".ToLowerInvariant()),
                    parse.GetValue(fresh),
                    TimeSpan.FromSeconds(parse.GetValue(duration)), TimeSpan.FromSeconds(parse.GetValue(warmup)),
                    parse.GetValue(connections), parse.GetValue(wrk),
                    ParseSettings(parse.GetValue(set) ?? []),
                    parse.GetValue(outOfProcess));
                if (options.Articles < 1 || options.Connections < 1 || options.Duration <= TimeSpan.Zero || options.Warmup < TimeSpan.Zero)
                {
                    await Console.Error.WriteLineAsync("error: --articles, --connections and --duration must be positive, --warmup zero or more.");
                    return 2;
                }

                return await RunAsync(scenario, options, ct);
            });
            root.Subcommands.Add(command);
        }

        return await root.Parse(args).InvokeAsync();
    }

    private static async Task<int> RunAsync(IBenchmarkScenario scenario, BenchmarkOptions options, CancellationToken ct)
    {
#if DEBUG
        Console.WriteLine("warning: Debug build; figures are only meaningful with -c Release.");
#endif
        var prepare = Stopwatch.StartNew();
        await BenchmarkData.PrepareAsync(options, ct);
        Console.WriteLine($"Data ready in {prepare.Elapsed.TotalSeconds:0.0} s.");
        var results = await scenario.RunAsync(new BenchmarkContext(options), ct);

        Console.WriteLine();
        Console.WriteLine($"## {scenario.Name}: {options.Articles:N0} generated articles (seed {options.Seed}), {options.Provider}, " +
            $"{options.Connections} connections, {options.Duration.TotalSeconds:0} s each after {options.Warmup.TotalSeconds:0} s warm-up");
        Console.WriteLine($"{RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, " +
            $"{(IsRelease ? "Release" : "Debug")}, server GC {System.Runtime.GCSettings.IsServerGC}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine();
        Console.WriteLine("| measurement | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | failed | server CPU ms/request | tool |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var r in results)
        {
            Console.WriteLine(FormattableString.Invariant(
                $"| {r.Name} | {r.Requests} | {r.RequestsPerSecond:0} | {r.P50Ms:0.0} | {r.P95Ms:0.0} | {r.P99Ms:0.0} | {r.MaxMs:0} | {r.Failures} | {(r.ServerCpuMsPerRequest is { } cpu ? cpu.ToString("0.000", CultureInfo.InvariantCulture) : "")} | {r.Tool} |"));
        }

        return results.Any(r => r.Failures > 0) ? 1 : 0;
    }

    private static IReadOnlyDictionary<string, string?> ParseSettings(string[] pairs) =>
        pairs.Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : null);

#if DEBUG
    private const bool IsRelease = false;
#else
    private const bool IsRelease = true;
#endif
}
