using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Articles;

namespace Q11Portal.Benchmarks.Scenarios;

/// <summary>Issue 6: article page throughput with view counting on and off. Every request comes without a cookie,
/// so each one takes the counter's most expensive path (crawler check, salted hash, a new cookie, a queued hit)
/// and the flusher writes every few seconds meanwhile. Runs off/on twice, alternating, to spread machine noise.</summary>
public sealed class CountersScenario : IBenchmarkScenario
{
    public string Name => "counters";

    public string Description => "Article page throughput with view counting on versus off (must be within 5%).";

    public async Task<IReadOnlyList<LoadResult>> RunAsync(BenchmarkContext context, CancellationToken ct)
    {
        List<string> articlePaths;
        await using (var db = BenchmarkData.CreateContext(context.Options))
        {
            var slugs = await db.Articles.AsNoTracking()
                .Where(a => a.Status == ArticleStatus.Published && a.SourceId != null && a.SourceId.StartsWith("gen"))
                .OrderBy(a => a.Id).Select(a => a.Slug).ToListAsync(ct);
            var step = Math.Max(1, slugs.Count / 2000);
            articlePaths = [.. slugs.Where((_, i) => i % step == 0).Select(s => "/tin-tuc/" + s)];
        }

        if (articlePaths.Count == 0)
        {
            throw new InvalidOperationException("No generated articles in the benchmark database.");
        }

        var results = new List<LoadResult>();
        for (var round = 1; round <= 2; round++)
        {
            foreach (var enabled in new[] { false, true })
            {
                var before = await CountedPageViewsAsync(context, ct);
                await using (var server = context.StartPortal(new Dictionary<string, string?> { ["Counters:Enabled"] = enabled ? "true" : "false" }))
                {
                    results.Add(await context.LoadAsync($"article, counting {(enabled ? "on" : "off")} (round {round})", server, articlePaths, ct));
                }

                // The stop flushed: "on" must have counted every measured request (and the warm-up), "off" none.
                var counted = await CountedPageViewsAsync(context, ct) - before;
                Console.WriteLine(FormattableString.Invariant($"  counting {(enabled ? "on" : "off")}: {counted} page views written by the counter"));
                if (enabled ? counted < results[^1].Requests : counted != 0)
                {
                    throw new InvalidOperationException($"Counting {(enabled ? "on" : "off")} wrote {counted} page views for {results[^1].Requests} requests.");
                }
            }
        }

        var off = results.Where(r => r.Name.Contains("off", StringComparison.Ordinal)).Average(r => r.RequestsPerSecond);
        var on = results.Where(r => r.Name.Contains(" on ", StringComparison.Ordinal)).Average(r => r.RequestsPerSecond);
        Console.WriteLine(FormattableString.Invariant($"Counting on: {on:0} req/s, off: {off:0} req/s, difference {(on - off) / off * 100:+0.0;-0.0} %."));
        return results;
    }

    private static async Task<long> CountedPageViewsAsync(BenchmarkContext context, CancellationToken ct)
    {
        await using var db = BenchmarkData.CreateContext(context.Options);
        return await db.SiteDailyStats.SumAsync(s => (long?)s.PageViews, ct) ?? 0;
    }
}
