using System.Diagnostics;
using System.Net;

namespace Q11Portal.Benchmarks;

/// <summary>One measured HTTP load: throughput and latency percentiles.</summary>
public sealed record LoadResult(
    string Name,
    long Requests,
    long Failures,
    double Seconds,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs,
    long Bytes,
    string Tool)
{
    public double RequestsPerSecond => Requests / Seconds;

    /// <summary>CPU the portal's process spent per request while wrk (another process) loaded it: steadier than
    /// req/s on a machine shared with other work, which takes cores but not this process's CPU time.</summary>
    public double? ServerCpuMsPerRequest { get; init; }
}

/// <summary>A closed-loop load generator: <c>connections</c> workers each send a GET, read the whole response and send
/// the next, for a fixed time after an unrecorded warm-up. Loopback only; bounded by time and by a request cap.</summary>
public sealed class LoadRunner(int connections, TimeSpan duration, TimeSpan warmup)
{
    /// <summary>What the load sends as its User-Agent: a phone browser, so the portal treats it as a reader.</summary>
    public const string BrowserUserAgent = "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

    /// <summary>A safety cap so a mistake cannot turn into an unbounded flood.</summary>
    public const long MaxRequests = 5_000_000;

    public async Task<LoadResult> RunAsync(string name, string baseUrl, Func<Random, string> nextPath, CancellationToken ct,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        var baseUri = new Uri(baseUrl);
        if (!IPAddress.TryParse(baseUri.Host, out var address) || !IPAddress.IsLoopback(address))
        {
            throw new InvalidOperationException($"The load runner only targets loopback addresses, not {baseUri.Host}.");
        }

        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        using var client = new HttpClient(handler) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
        // A reader's browser, not a bot: without it the view counter would (rightly) skip every request.
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", BrowserUserAgent);
        foreach (var (header, value) in headers ?? new Dictionary<string, string>())
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation(header, value);
        }

        // The first request of each path shape must succeed: measuring 404 pages would be meaningless.
        using (var probe = await client.GetAsync(nextPath(new Random(0)), ct))
        {
            if (!probe.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{name}: probe {probe.RequestMessage?.RequestUri} answered {(int)probe.StatusCode}.");
            }
        }

        await LoopAsync(client, nextPath, warmup, record: null, ct);
        var latencies = new List<long>[connections];
        for (var i = 0; i < connections; i++)
        {
            latencies[i] = new List<long>(4096);
        }

        var counters = new Counters();
        var watch = Stopwatch.StartNew();
        await LoopAsync(client, nextPath, duration, (worker, ticks, ok, bytes) =>
        {
            latencies[worker].Add(ticks);
            if (!ok)
            {
                Interlocked.Increment(ref counters.Failures);
            }

            Interlocked.Add(ref counters.Bytes, bytes);
        }, ct);
        var seconds = watch.Elapsed.TotalSeconds;

        var all = latencies.SelectMany(l => l).ToArray();
        Array.Sort(all);
        return new LoadResult(name, all.Length, counters.Failures, seconds,
            Percentile(all, 0.50), Percentile(all, 0.95), Percentile(all, 0.99), all.Length == 0 ? 0 : ToMs(all[^1]), counters.Bytes, "in-process HttpClient");
    }

    private async Task LoopAsync(HttpClient client, Func<Random, string> nextPath, TimeSpan length, Action<int, long, bool, long>? record, CancellationToken ct)
    {
        var end = Stopwatch.GetTimestamp() + (long)(length.TotalSeconds * Stopwatch.Frequency);
        long sent = 0;
        var workers = Enumerable.Range(0, connections).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker + 1);
            while (Stopwatch.GetTimestamp() < end && Interlocked.Increment(ref sent) <= MaxRequests)
            {
                ct.ThrowIfCancellationRequested();
                var start = Stopwatch.GetTimestamp();
                bool ok;
                long bytes;
                try
                {
                    using var response = await client.GetAsync(nextPath(random), HttpCompletionOption.ResponseContentRead, ct);
                    bytes = (await response.Content.ReadAsByteArrayAsync(ct)).LongLength;
                    ok = response.IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    ok = false;
                    bytes = 0;
                }

                record?.Invoke(worker, Stopwatch.GetTimestamp() - start, ok, bytes);
            }
        }, ct)).ToArray();
        await Task.WhenAll(workers);
    }

    private static double Percentile(long[] sorted, double p) =>
        sorted.Length == 0 ? 0 : ToMs(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)]);

    private static double ToMs(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private sealed class Counters
    {
        public long Failures;
        public long Bytes;
    }
}
