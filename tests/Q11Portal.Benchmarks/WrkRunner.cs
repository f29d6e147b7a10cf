using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Q11Portal.Benchmarks;

/// <summary>Drives <c>wrk</c> (when installed) with a Lua script that picks paths at random, as a cross-check of the
/// in-process load runner: wrk runs in its own process and is lighter per request. wrk reports p50/p75/p90/p99, no p95.</summary>
public static partial class WrkRunner
{
    public static bool IsInstalled => File.Exists("/usr/bin/wrk") || File.Exists("/usr/local/bin/wrk");

    public static async Task<LoadResult> RunAsync(string name, string baseUrl, IReadOnlyList<string> paths, int connections, TimeSpan duration, CancellationToken ct,
        IReadOnlyDictionary<string, string>? headers = null, bool uniqueQueries = false)
    {
        var extraHeaders = string.Concat((headers ?? new Dictionary<string, string>()).Select(h => $"wrk.headers[\"{h.Key}\"] = \"{h.Value}\"\n"));
        var script = Path.Combine(Path.GetTempPath(), $"q11-bench-{Guid.NewGuid():N}.lua");
        var lines = paths.Select(p => "  \"" + p.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\",");
        await File.WriteAllTextAsync(script,
            "paths = {\n" + string.Join("\n", lines) + "\n}\n" +
            "math.randomseed(1)\n" +
            "wrk.headers[\"User-Agent\"] = \"" + LoadRunner.BrowserUserAgent + "\"\n" + extraHeaders +
            (uniqueQueries
                // Each request a query parameter never sent before (per wrk thread, by its own counter and id).
                ? "counter = 0\nthread_id = math.random(1000000)\nsetup = function(t) end\n" +
                  "request = function() counter = counter + 1\n  local p = paths[math.random(#paths)]\n" +
                  "  local sep = string.find(p, \"?\", 1, true) and \"&\" or \"?\"\n" +
                  $"  return wrk.format(\"GET\", p .. sep .. \"{IPortalHost.CacheMissQuery}=\" .. thread_id .. \"-\" .. counter) end\n"
                : "request = function() return wrk.format(\"GET\", paths[math.random(#paths)]) end\n"), ct);
        try
        {
            var threads = Math.Max(1, Math.Min(Environment.ProcessorCount, connections));
            var start = new ProcessStartInfo("wrk",
                $"-t{threads} -c{connections} -d{(int)Math.Ceiling(duration.TotalSeconds)}s --timeout 30s --latency -s {script} {baseUrl}")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"wrk exited {process.ExitCode}: {await process.StandardError.ReadToEndAsync(ct)}");
            }

            var requests = long.Parse(Requests().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
            var seconds = double.Parse(Requests().Match(output).Groups[2].Value, CultureInfo.InvariantCulture);
            var non2xx = Non2xx().Match(output) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
            double Latency(string percent) => Percent().Matches(output).Where(x => x.Groups[1].Value == percent)
                .Select(x => ToMs(x.Groups[2].Value, x.Groups[3].Value)).FirstOrDefault(double.NaN);
            var max = MaxLatency().Match(output) is { Success: true } mx ? ToMs(mx.Groups[1].Value, mx.Groups[2].Value) : double.NaN;
            return new LoadResult(name, requests, non2xx, seconds, Latency("50"), Latency("90"), Latency("99"), max, 0, "wrk (p95 column = p90)");
        }
        finally
        {
            File.Delete(script);
        }
    }

    private static double ToMs(string value, string unit)
    {
        var number = double.Parse(value, CultureInfo.InvariantCulture);
        return unit switch
        {
            "us" => number / 1000,
            "ms" => number,
            "s" => number * 1000,
            "m" => number * 60_000,
            _ => double.NaN,
        };
    }

    [GeneratedRegex(@"(\d+) requests in ([\d.]+)s")]
    private static partial Regex Requests();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex Non2xx();

    [GeneratedRegex(@"^\s+(50|75|90|99)%\s+([\d.]+)(us|ms|s|m)\s*$", RegexOptions.Multiline)]
    private static partial Regex Percent();

    [GeneratedRegex(@"Latency\s+[\d.]+\w+\s+[\d.]+\w+\s+([\d.]+)(us|ms|s|m)")]
    private static partial Regex MaxLatency();
}
