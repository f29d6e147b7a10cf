using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Q11Portal.Benchmarks;

/// <summary>The real portal in this process on Kestrel, bound to 127.0.0.1 on a free port, in the Production
/// environment with logging at Warning (request logging at Information would measure the log file, not the site).</summary>
public sealed class PortalServer : WebApplicationFactory<Program>, IPortalHost
{
    private readonly IReadOnlyDictionary<string, string?> settings;

    private readonly bool bypassOutputCache;

    private PortalServer(IReadOnlyDictionary<string, string?> settings, bool bypassOutputCache)
    {
        this.settings = settings;
        this.bypassOutputCache = bypassOutputCache;
    }

    public string BaseUrl { get; private set; } = string.Empty;

    public TimeSpan CpuTime => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;

    public bool NeedsUniqueQueries => false;

    public long WorkingSet => Environment.WorkingSet;

    /// <summary>The portal's wwwroot on disk (src/Q11Portal.Web/wwwroot).</summary>
    public string WebRoot => Services.GetRequiredService<IWebHostEnvironment>().WebRootPath;

    public static PortalServer Start(BenchmarkOptions options, IReadOnlyDictionary<string, string?>? scenarioSettings = null, bool bypassOutputCache = false)
    {
        var server = new PortalServer(Settings(options, scenarioSettings), bypassOutputCache);
        server.UseKestrel(0);
        server.StartServer();
        server.BaseUrl = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return server;
    }

    /// <summary>The portal's settings for a benchmark run: the data set's database, logging at Warning, the scenario's own.</summary>
    public static Dictionary<string, string?> Settings(BenchmarkOptions options, IReadOnlyDictionary<string, string?>? scenarioSettings)
    {
        var settings = new Dictionary<string, string?>(BenchmarkData.DatabaseSettings(options))
        {
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Warning",
            ["Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore"] = "Warning",
            ["Serilog:WriteTo:1:Args:path"] = Path.Combine(options.DataDirectory, "logs", "bench-.log"),
            // Production refuses to start without the public address; links in the pages are not followed here.
            ["PublicSite:BaseUrl"] = "http://127.0.0.1",
        };
        foreach (var (key, value) in options.Settings.Concat(scenarioSettings ?? new Dictionary<string, string?>()))
        {
            settings[key] = value;
        }

        return settings;
    }

    public static string WebContentRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Q11Portal.Web");
            if (File.Exists(Path.Combine(candidate, "Q11Portal.Web.csproj")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("Run the benchmarks from a checkout: src/Q11Portal.Web was not found above " + AppContext.BaseDirectory);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // Mvc.Testing finds the content root through attributes it only generates for test projects; this is a console app.
        builder.UseContentRoot(WebContentRoot());
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseUrls("http://127.0.0.1:0");
        if (bypassOutputCache)
        {
            builder.ConfigureTestServices(services => services.AddSingleton<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore, MissingOutputCacheStore>());
        }
    }

    /// <summary>An output cache store that never has the page: the cache-bypassed measurements render every request.</summary>
    private sealed class MissingOutputCacheStore : Microsoft.AspNetCore.OutputCaching.IOutputCacheStore
    {
        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult<byte[]?>(null);

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
