using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Statistics;

/// <summary>Turns the article slugs of hits (pages answered from the output cache know only the slug) into ids, with
/// one query per flush for the slugs not seen lately.</summary>
public sealed class ArticleSlugResolver(IServiceScopeFactory scopes, TimeProvider clock)
{
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(10);
    private const int MaxCachedSlugs = 50_000;

    private readonly ConcurrentDictionary<string, int> ids = new(StringComparer.Ordinal);
    private DateTime cacheStartedUtc;

    /// <summary>The hits with their article ids; a slug no article has (any more) leaves the id null.</summary>
    public async Task<List<ResolvedHit>> ResolveAsync(IReadOnlyList<CounterHit> hits, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (now - cacheStartedUtc > CacheLifetime || ids.Count > MaxCachedSlugs)
        {
            // A slug freed by a renamed article may later name another one; forget mappings now and then.
            ids.Clear();
            cacheStartedUtc = now;
        }

        var unknown = hits
            .Where(h => h.ArticleId is null && h.ArticleSlug is not null && !ids.ContainsKey(h.ArticleSlug))
            .Select(h => h.ArticleSlug!)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (unknown.Count > 0)
        {
            await LoadAsync(unknown, ct);
        }

        var resolved = new List<ResolvedHit>(hits.Count);
        foreach (var hit in hits)
        {
            var articleId = hit.ArticleId ?? (hit.ArticleSlug is { } slug && ids.TryGetValue(slug, out var id) ? id : null);
            resolved.Add(new ResolvedHit(hit.VisitorKey, hit.IssuedCookieId, articleId, hit.AtUtc));
        }

        return resolved;
    }

    private async Task LoadAsync(List<string> slugs, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        foreach (var chunk in slugs.Chunk(200))
        {
            var found = await db.Articles.AsNoTracking()
                .Where(a => chunk.Contains(a.Slug))
                .Select(a => new { a.Id, a.Slug })
                .ToListAsync(ct);
            foreach (var article in found)
            {
                ids[article.Slug] = article.Id;
            }
        }
    }
}
