namespace Q11Portal.Benchmarks.Scenarios;

/// <summary>A named measurement. Add one by writing a class in this folder and one line in <see cref="ScenarioCatalog"/>.</summary>
public interface IBenchmarkScenario
{
    /// <summary>The verb on the command line: <c>dotnet run -c Release --project tests/Q11Portal.Benchmarks -- NAME</c>.</summary>
    string Name { get; }

    string Description { get; }

    Task<IReadOnlyList<LoadResult>> RunAsync(BenchmarkContext context, CancellationToken ct);
}

/// <summary>What a scenario gets: the options, the prepared data set, and helpers to start the portal and load it.</summary>
public sealed class BenchmarkContext(BenchmarkOptions options)
{
    public BenchmarkOptions Options { get; } = options;

    /// <summary>Starts the portal on the benchmark database, with extra settings (e.g. <c>Counters:Enabled=false</c>).</summary>
    public async Task<IPortalHost> StartPortalAsync(CancellationToken ct, IReadOnlyDictionary<string, string?>? settings = null) =>
        Options.OutOfProcess
            ? await PortalProcess.StartAsync(PortalServer.Settings(Options, settings), cacheMissing: false, ct)
            : PortalServer.Start(Options, settings);

    public PortalServer StartPortal(IReadOnlyDictionary<string, string?>? settings = null) => PortalServer.Start(Options, settings);

    /// <summary>The portal with its output cache answering every lookup with a miss: every page is rendered.</summary>
    public async Task<IPortalHost> StartPortalWithoutOutputCacheAsync(CancellationToken ct) =>
        Options.OutOfProcess
            ? await PortalProcess.StartAsync(PortalServer.Settings(Options, null), cacheMissing: true, ct)
            : PortalServer.Start(Options, null, bypassOutputCache: true);

    /// <summary>Loads <paramref name="server"/> with the options' connections and duration, with wrk when asked and installed.</summary>
    public Task<LoadResult> LoadAsync(string name, IPortalHost server, IReadOnlyList<string> paths, CancellationToken ct) =>
        LoadAsync(name, server, paths, Options.Connections, null, ct);

    /// <summary>Unmeasured load for <paramref name="duration"/>: a freshly started process renders a page several times
    /// slower until tiered compilation has recompiled its hot methods (30 s and more of load here), and a server runs for
    /// days; what is measured is that steady state.</summary>
    public Task WarmUpAsync(IPortalHost server, IReadOnlyList<string> paths, TimeSpan duration, CancellationToken ct) =>
        new LoadRunner(Options.Connections, TimeSpan.Zero, duration).RunAsync("warm-up", server.BaseUrl, Picker(server, paths), ct, null);

    /// <summary>The same with a given number of connections and extra request headers (a cookie).</summary>
    public async Task<LoadResult> LoadAsync(string name, IPortalHost server, IReadOnlyList<string> paths, int connections,
        IReadOnlyDictionary<string, string>? headers, CancellationToken ct)
    {
        if (Options.UseWrk && WrkRunner.IsInstalled)
        {
            await new LoadRunner(connections, TimeSpan.Zero, Options.Warmup).RunAsync(name + " (warm-up)", server.BaseUrl, Picker(server, paths), ct, headers);
            var cpu = server.CpuTime;
            var result = await WrkRunner.RunAsync(name, server.BaseUrl, paths, connections, Options.Duration, ct, headers, server.NeedsUniqueQueries);
            var spent = server.CpuTime - cpu;
            return result with { ServerCpuMsPerRequest = result.Requests > 0 ? spent.TotalMilliseconds / result.Requests : null };
        }

        return await new LoadRunner(connections, Options.Duration, Options.Warmup)
            .RunAsync(name, server.BaseUrl, Picker(server, paths), ct, headers);
    }

    /// <summary>A random path of the set; for a host that must miss its cache, with a query parameter never sent before.</summary>
    private static Func<Random, string> Picker(IPortalHost server, IReadOnlyList<string> paths)
    {
        if (!server.NeedsUniqueQueries)
        {
            return r => paths[r.Next(paths.Count)];
        }

        long sequence = 0;
        return r =>
        {
            var path = paths[r.Next(paths.Count)];
            // Static files ignore the query; pages are keyed by it, so each request renders.
            return path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + IPortalHost.CacheMissQuery + "=" +
                Interlocked.Increment(ref sequence).ToString(System.Globalization.CultureInfo.InvariantCulture);
        };
    }
}

public static class ScenarioCatalog
{
    /// <summary>One line per scenario.</summary>
    public static IReadOnlyList<IBenchmarkScenario> All { get; } =
    [
        new PagesScenario(),
        new SearchScenario(),
        new CountersScenario(),
        new StaticRatioScenario(),
        new StaticRatioScenario(missOnly: true),
    ];
}
