using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Articles;

namespace Q11Portal.Benchmarks.Scenarios;

/// <summary>Reader pages: the home page, article pages (random among the generated articles) and category pages.</summary>
public sealed class PagesScenario : IBenchmarkScenario
{
    public string Name => "pages";

    public string Description => "Home page, article page and category page throughput and latency.";

    public async Task<IReadOnlyList<LoadResult>> RunAsync(BenchmarkContext context, CancellationToken ct)
    {
        List<string> articlePaths;
        List<string> categoryPaths;
        await using (var db = BenchmarkData.CreateContext(context.Options))
        {
            // A fixed sample spread over the whole set, so most requests miss any per-article cache.
            var slugs = await db.Articles.AsNoTracking()
                .Where(a => a.Status == ArticleStatus.Published && a.SourceId != null && a.SourceId.StartsWith("gen"))
                .OrderBy(a => a.Id).Select(a => a.Slug).ToListAsync(ct);
            var step = Math.Max(1, slugs.Count / 5000);
            articlePaths = [.. slugs.Where((_, i) => i % step == 0).Select(s => "/tin-tuc/" + s)];
            categoryPaths = [.. (await db.Categories.AsNoTracking().Select(c => c.Slug).ToListAsync(ct)).Select(s => "/chuyen-muc/" + s)];
        }

        if (articlePaths.Count == 0)
        {
            throw new InvalidOperationException("No generated articles in the benchmark database.");
        }

        await using var server = context.StartPortal();
        return
        [
            await context.LoadAsync("home /", server, ["/"], ct),
            await context.LoadAsync($"article /tin-tuc/… ({articlePaths.Count:N0} slugs)", server, articlePaths, ct),
            await context.LoadAsync($"category /chuyen-muc/… ({categoryPaths.Count} slugs)", server, categoryPaths, ct),
        ];
    }
}
