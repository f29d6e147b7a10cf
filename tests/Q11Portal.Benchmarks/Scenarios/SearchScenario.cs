using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Data;
using Q11Portal.Core.Search;

namespace Q11Portal.Benchmarks.Scenarios;

/// <summary>Search and related news on the whole data set: the index rebuild, search latency (in process, and
/// through <c>/tim-kiem</c>), and the related-news work done when an article is published or edited.</summary>
public sealed class SearchScenario : IBenchmarkScenario
{
    /// <summary>How readers type: with and without marks, phrases, names, document numbers, a typo.</summary>
    private static readonly string[] Queries =
    [
        "học tập và làm theo tư tưởng Hồ Chí Minh", "lam theo bac", "Chỉ thị 05", "05-CT/TW", "sốt xuất huyết", "sot xuat huyet",
        "chuyển đổi số", "dich vu cong truc tuyen", "an toàn giao thông", "nồng độ cồn", "đại hội chi bộ", "kết nạp đảng viên",
        "phòng cháy chữa cháy", "mùa hè xanh", "nhà tình thương", "hẻm", "Quận 11", "ngay hoi doc sach", "tiem chung", "đại hôi",
    ];

    private const int SearchRounds = 50;
    private const int PublishSamples = 100;

    public string Name => "search";

    public string Description => "Index rebuild time, search latency (in process and /tim-kiem), related-news work on publish.";

    public async Task<IReadOnlyList<LoadResult>> RunAsync(BenchmarkContext context, CancellationToken ct)
    {
        var options = context.Options;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>(BenchmarkData.DatabaseSettings(options)) { ["Search:BackgroundSync"] = "false" })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddPortalCore(configuration, options.DataDirectory);
        var results = new List<LoadResult>();
        await using (var provider = services.BuildServiceProvider())
        {
            var indexer = provider.GetRequiredService<SearchIndexer>();
            indexer.Index.EnsureOpen();
            int publishedCount;
            await using (var db = BenchmarkData.CreateContext(options))
            {
                publishedCount = await db.Articles.CountAsync(a => a.Status == ArticleStatus.Published, ct);
            }

            if (!options.Fresh && !indexer.Index.NeedsRebuild && indexer.Index.Count == publishedCount)
            {
                // The rebuild is minutes at 100,000 articles: measured when the index is missing or with --fresh.
                Console.WriteLine($"Index reused: {publishedCount:N0} published articles already indexed (--fresh to measure a rebuild).");
            }
            else
            {
                var rebuild = Stopwatch.StartNew();
                var indexed = await indexer.RebuildAsync(null, ct);
                rebuild.Stop();
                Console.WriteLine($"Index rebuilt: {indexed:N0} published articles in {rebuild.Elapsed.TotalSeconds:0.0} s.");
                results.Add(Single($"index rebuild ({indexed:N0} articles)", rebuild.Elapsed));
            }

            var segments = Segments(indexer.Index);
            Console.WriteLine($"Index: {segments} segment(s).");
            var search = provider.GetRequiredService<SearchService>();
            foreach (var query in Queries)
            {
                search.Search(new SearchRequest(query));
            }

            results.Add(MeasureSearch(search, $"index of {segments} segment(s)"));

            // Publishing (or editing) an article: index it, then compute its list and put it into the older lists it
            // now belongs in. The two are measured apart: the first is the index commit, the second the related news.
            List<int> ids;
            await using (var db = BenchmarkData.CreateContext(options))
            {
                var published = await db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct);
                var step = Math.Max(1, published.Count / PublishSamples);
                ids = published.Where((_, i) => i % step == 0).Take(PublishSamples).ToList();
            }

            var indexing = new List<double>();
            var related = new List<double>();
            var both = new List<double>();
            var total = Stopwatch.StartNew();
            foreach (var id in ids)
            {
                await using var scope = provider.CreateAsyncScope();
                var one = Stopwatch.StartNew();
                await indexer.ApplyAsync([id], ct);
                var indexed = one.Elapsed.TotalMilliseconds;
                await scope.ServiceProvider.GetRequiredService<RelatedArticleService>().UpdateAsync(id, ct);
                indexing.Add(indexed);
                related.Add(one.Elapsed.TotalMilliseconds - indexed);
                both.Add(one.Elapsed.TotalMilliseconds);
            }

            total.Stop();
            results.Add(Percentiles($"publish: index update and commit ({ids.Count} articles)", indexing, total.Elapsed));
            results.Add(Percentiles($"publish: related news (own list + older lists; {ids.Count} articles)", related, total.Elapsed));
            results.Add(Percentiles($"publish: both ({ids.Count} articles)", both, total.Elapsed));
            // A node's index sync reopens the reader every 2 s, so searches see the merges the publishes started
            // once they finish.
            var settle = Stopwatch.StartNew();
            var segmentsRightAfter = Segments(indexer.Index);
            indexer.Index.WaitForMerges();
            Console.WriteLine($"Index after the publishes: {segmentsRightAfter} segment(s), {Segments(indexer.Index)} once the merges they started finished ({settle.Elapsed.TotalSeconds:0.0} s).");
            results.Add(MeasureSearch(search, $"after {ids.Count} publishes, {Segments(indexer.Index)} segment(s)"));
        }

        var paths = Queries.Select(q => "/tim-kiem?q=" + Uri.EscapeDataString(q)).ToList();
        // One load generator on one address: the per-address search limit (30 a minute) would answer it with 429.
        await using var server = context.StartPortal(new Dictionary<string, string?> { ["RateLimits:Search:Permits"] = "100000000" });
        results.Add(await context.LoadAsync($"/tim-kiem?q=… ({paths.Count} queries)", server, paths, ct));
        return results;
    }

    private static LoadResult MeasureSearch(SearchService search, string when)
    {
        var latencies = new List<double>();
        var total = Stopwatch.StartNew();
        for (var round = 0; round < SearchRounds; round++)
        {
            foreach (var query in Queries)
            {
                var one = Stopwatch.StartNew();
                search.Search(new SearchRequest(query, Page: 1 + (round % 3)));
                latencies.Add(one.Elapsed.TotalMilliseconds);
            }
        }

        return Percentiles($"search, in process, {when} ({Queries.Length} queries × {SearchRounds}, page 1–3, highlighted)", latencies, total.Elapsed);
    }

    private static int Segments(SearchIndex index) => index.Search(s => s.IndexReader.Leaves.Count);

    private static LoadResult Single(string name, TimeSpan elapsed) =>
        new(name, 1, 0, elapsed.TotalSeconds, elapsed.TotalMilliseconds, elapsed.TotalMilliseconds, elapsed.TotalMilliseconds, elapsed.TotalMilliseconds, 0, "stopwatch");

    private static LoadResult Percentiles(string name, List<double> latencies, TimeSpan elapsed)
    {
        latencies.Sort();
        double At(double p) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
        return new LoadResult(name, latencies.Count, 0, elapsed.TotalSeconds, At(0.50), At(0.95), At(0.99), latencies[^1], 0, "stopwatch");
    }
}
