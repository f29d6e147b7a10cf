using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Q11Portal.Benchmarks;

/// <summary>The portal in a process of its own (<c>dotnet Q11Portal.Web.dll</c> of this build), as it runs in production:
/// nothing of the benchmark's own work (data generation, the load loop's warm-up) shares its heap, JIT or thread pool,
/// and its CPU time and working set are its own. Production environment, logging at Warning, bound to 127.0.0.1.</summary>
public sealed class PortalProcess : IPortalHost
{
    private readonly Process process;

    private PortalProcess(Process process, string baseUrl, string webRoot, bool cacheMissing)
    {
        this.process = process;
        BaseUrl = baseUrl;
        WebRoot = webRoot;
        NeedsUniqueQueries = cacheMissing;
    }

    public string BaseUrl { get; }

    public string WebRoot { get; }

    public bool NeedsUniqueQueries { get; }

    public TimeSpan CpuTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    public long WorkingSet
    {
        get
        {
            process.Refresh();
            return process.WorkingSet64;
        }
    }

    public static async Task<PortalProcess> StartAsync(IReadOnlyDictionary<string, string?> settings, bool cacheMissing, CancellationToken ct)
    {
        var contentRoot = PortalServer.WebContentRoot();
        // The web project's own build output (same configuration as this one), as `dotnet run` would start it.
        var dll = Path.Combine(contentRoot, "bin", BuildConfiguration, "net10.0", "Q11Portal.Web.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build the web project in {BuildConfiguration} first.", dll);
        }

        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = contentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = baseUrl;
        start.Environment["ASPNETCORE_CONTENTROOT"] = contentRoot;
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        // Drained so a full pipe never blocks the portal.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new PortalProcess(process, baseUrl, Path.Combine(contentRoot, "wwwroot"), cacheMissing);
        try
        {
            await host.WaitUntilLiveAsync(ct);
        }
        catch
        {
            // A portal that never became ready (a database locked by another process, say) is stopped, not left
            // running beside the next run.
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    /// <summary>Stops the portal as a service manager would (SIGTERM, then up to a minute to finish): killed, it
    /// would leave a search index rebuild unfinished, and the next start would rebuild it again while being measured.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            try
            {
                await process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        process.Dispose();
    }

    private async Task WaitUntilLiveAsync(CancellationToken ct)
    {
        using var client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The portal exited with {process.ExitCode} while starting.");
            }

            try
            {
                using var answer = await client.GetAsync("/health/ready", ct);
                if (answer.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250, ct);
        }

        throw new TimeoutException("The portal did not become ready within 3 minutes.");
    }

#if DEBUG
    private const string BuildConfiguration = "Debug";
#else
    private const string BuildConfiguration = "Release";
#endif

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
