using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Statistics;

namespace Q11Portal.Benchmarks.Scenarios;

/// <summary>Issue #12's yardstick: each public page against the same page's bytes served as a static file from wwwroot
/// by the same Kestrel (through the same middleware as every static file), measured interleaved A B A B A B and
/// compared by the median of three. Cookieless (a first visit from a shared link), with the visitor cookie, with
/// tracking parameters (fbclid/zarsrc/gidzl/utm_*), and the article with the output cache bypassed rotating over ≥ 1,000
/// articles (the cache-miss path). Then article and static file at 64 connections for p99.</summary>
/// <param name="missOnly">Only the cache-bypassed pair ("spike-miss"): the figure compared between 2,000 and 100,000
/// articles, and the run to profile the cache-miss path under.</param>
public sealed class StaticRatioScenario(bool missOnly = false) : IBenchmarkScenario
{
    private const int Rounds = 3;
    private const string StaticFolder = "bench-static";
    private static readonly TimeSpan JitWarmUp = TimeSpan.FromSeconds(45);

    public string Name => missOnly ? "spike-miss" : "spike";

    public string Description => missOnly
        ? "Only the article with the output cache bypassed (rotating over >= 1,000 articles) against its static copy, interleaved."
        : "Public pages against their own bytes as a static file, interleaved: cookieless, with a cookie, with tracking parameters, cache bypassed.";

    public async Task<IReadOnlyList<LoadResult>> RunAsync(BenchmarkContext context, CancellationToken ct)
    {
        var rotation = await RotationAsync(context, ct);
        var results = missOnly ? [] : await CachedAsync(context, ct);
        await using (var bypassed = await context.StartPortalWithoutOutputCacheAsync(ct))
        {
            var staticPaths = await WriteStaticCopiesAsync(bypassed, new Dictionary<string, string> { ["article"] = rotation[0] }, ct);
            try
            {
                await context.WarmUpAsync(bypassed, [.. rotation, staticPaths["article"]], JitWarmUp, ct);
                results.AddRange(await PairAsync(context, bypassed, $"article, cache bypassed ({rotation.Count:N0} articles)", rotation, staticPaths["article"], context.Options.Connections, null, ct));
                GC.Collect();
                Console.WriteLine(FormattableString.Invariant(
                    $"Portal working set after the run: {bypassed.WorkingSet / 1024.0 / 1024.0:0} MB ({(context.Options.OutOfProcess ? "its own process" : "with the benchmark's, same process")})."));
            }
            finally
            {
                DeleteStaticCopies(bypassed);
            }
        }

        return results;
    }

    /// <summary>Every public page from the output cache: cookieless, with the cookie, with tracking parameters, at 64
    /// connections.</summary>
    private static async Task<List<LoadResult>> CachedAsync(BenchmarkContext context, CancellationToken ct)
    {
        var pages = await PagesAsync(context, ct);
        var results = new List<LoadResult>();
        var cookie = new Dictionary<string, string> { ["Cookie"] = $"{new CounterOptions().CookieName}={VisitorKeys.NewCookieId()}" };
        // Facebook's links and Zalo's (gidzl differs on every click), half each.
        var tracking = Enumerable.Range(0, 1000).Select(i => i % 2 == 0
            ? $"?fbclid=IwAR{i:x6}Zq&utm_source=facebook&utm_medium=social"
            : $"?zarsrc={i % 31}&utm_source=zalo&utm_medium=zalo&gidzl={i:x8}Kq_3aV").ToList();

        await using (var server = await context.StartPortalAsync(ct))
        {
            var staticPaths = await WriteStaticCopiesAsync(server, pages, ct);
            try
            {
                foreach (var (name, path) in pages)
                {
                    results.AddRange(await PairAsync(context, server, $"{name}, cookieless", [path], staticPaths[name], context.Options.Connections, null, ct));
                }

                results.AddRange(await PairAsync(context, server, "article, with cookie", [pages["article"]], staticPaths["article"], context.Options.Connections, cookie, ct));
                results.AddRange(await PairAsync(context, server, "article, tracking parameters", [.. tracking.Select(t => pages["article"] + t)], staticPaths["article"], context.Options.Connections, null, ct));
                results.AddRange(await PairAsync(context, server, "article, 64 connections", [pages["article"]], staticPaths["article"], 64, null, ct));
            }
            finally
            {
                DeleteStaticCopies(server);
            }
        }

        return results;
    }

    /// <summary>Page and static file measured alternately <see cref="Rounds"/> times; the medians close the set.</summary>
    private static async Task<IReadOnlyList<LoadResult>> PairAsync(BenchmarkContext context, IPortalHost server, string name, IReadOnlyList<string> pagePaths,
        string staticPath, int connections, IReadOnlyDictionary<string, string>? headers, CancellationToken ct)
    {
        var page = new List<LoadResult>();
        var file = new List<LoadResult>();
        for (var round = 1; round <= Rounds; round++)
        {
            page.Add(await context.LoadAsync($"{name} #{round}", server, pagePaths, connections, headers, ct));
            file.Add(await context.LoadAsync($"static copy ({name}) #{round}", server, [staticPath], connections, headers, ct));
        }

        var pageMedian = Median(page);
        var fileMedian = Median(file);
        Console.WriteLine(FormattableString.Invariant(
            $"{name}: {pageMedian.RequestsPerSecond:0} req/s vs static {fileMedian.RequestsPerSecond:0} req/s = {pageMedian.RequestsPerSecond / fileMedian.RequestsPerSecond:0.00} of the file; p99 {pageMedian.P99Ms:0.0} vs {fileMedian.P99Ms:0.0} ms; server CPU per request {MedianCpu(page)} vs {MedianCpu(file)} ms"));
        return [.. page, .. file, pageMedian with { Name = $"**{name}: median** ({pageMedian.RequestsPerSecond / fileMedian.RequestsPerSecond:0.00} of the static file)" },
            fileMedian with { Name = $"**static copy ({name}): median**" }];
    }

    private static string MedianCpu(List<LoadResult> runs) =>
        runs.Select(r => r.ServerCpuMsPerRequest).OfType<double>().Order().ElementAtOrDefault(runs.Count / 2).ToString("0.000", CultureInfo.InvariantCulture);

    private static LoadResult Median(List<LoadResult> runs) => runs.OrderBy(r => r.RequestsPerSecond).ElementAt(runs.Count / 2);

    /// <summary>The public pages a reader opens: the newest article (the one shared), home, its category, one of its
    /// tags, its day, the RSS feed.</summary>
    private static async Task<Dictionary<string, string>> PagesAsync(BenchmarkContext context, CancellationToken ct)
    {
        await using var db = BenchmarkData.CreateContext(context.Options);
        var article = await db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published && a.PublishedAtUtc <= DateTime.UtcNow)
            .OrderByDescending(a => a.PublishedAtUtc)
            .Select(a => new { a.Slug, Category = a.Category.Slug, Tag = a.Tags.Select(t => t.Slug).FirstOrDefault(), a.PublishedAtUtc })
            .FirstAsync(ct);
        var day = Core.Common.LocalTime.LocalDay(article.PublishedAtUtc!.Value);
        var pages = new Dictionary<string, string>
        {
            ["article"] = "/tin-tuc/" + article.Slug,
            ["home"] = "/",
            ["category"] = "/chuyen-muc/" + article.Category,
            ["date"] = $"/xem-theo-ngay/{day:yyyy-MM-dd}",
            ["rss"] = "/rss",
        };
        if (article.Tag is not null)
        {
            pages["tag"] = "/tu-khoa/" + article.Tag;
        }

        return pages;
    }

    /// <summary>At least 1,000 different published articles spread over the set, so per-article data is not warm.</summary>
    private static async Task<List<string>> RotationAsync(BenchmarkContext context, CancellationToken ct)
    {
        await using var db = BenchmarkData.CreateContext(context.Options);
        var slugs = await db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published && a.PublishedAtUtc <= DateTime.UtcNow)
            .OrderBy(a => a.Id).Select(a => a.Slug).ToListAsync(ct);
        var step = Math.Max(1, slugs.Count / 2000);
        var rotation = slugs.Where((_, i) => i % step == 0).Select(s => "/tin-tuc/" + s).ToList();
        return rotation.Count >= 1000 ? rotation : throw new InvalidOperationException($"Only {rotation.Count} published articles: the bypassed run needs 1,000 (use --articles 2000 or more).");
    }

    /// <summary>Fetches each page once, cookieless, and writes its bytes under wwwroot/bench-static (removed afterwards).</summary>
    private static async Task<Dictionary<string, string>> WriteStaticCopiesAsync(IPortalHost server, IReadOnlyDictionary<string, string> pages, CancellationToken ct)
    {
        var folder = StaticDirectory(server);
        Directory.CreateDirectory(folder);
        using var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", LoadRunner.BrowserUserAgent);
        var paths = new Dictionary<string, string>();
        foreach (var (name, path) in pages)
        {
            var bytes = await client.GetByteArrayAsync(path, ct);
            var extension = name == "rss" ? ".xml" : ".html";
            await File.WriteAllBytesAsync(Path.Combine(folder, name + extension), bytes, ct);
            paths[name] = $"/{StaticFolder}/{name}{extension}";
        }

        return paths;
    }

    private static void DeleteStaticCopies(IPortalHost server)
    {
        if (Directory.Exists(StaticDirectory(server)))
        {
            Directory.Delete(StaticDirectory(server), recursive: true);
        }
    }

    private static string StaticDirectory(IPortalHost server) => Path.Combine(server.WebRoot, StaticFolder);
}
