using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Search;

/// <summary>A "Tin liên quan" entry as the sidebar shows it.</summary>
public sealed record RelatedArticleSummary(int Id, string Title, string Slug, DateTime PublishedAtUtc, int? LeadImageId, double Score);

/// <summary>Computes, stores and reads the related-news lists (<see cref="RelatedArticle"/> rows).</summary>
public sealed class RelatedArticleService(PortalDbContext db, RelatedNewsEngine engine, TimeProvider clock, ILogger<RelatedArticleService> logger)
{
    /// <summary>How many entries each stored list keeps (the sidebar shows up to this many).</summary>
    public const int StoredCount = 6;

    /// <summary>How many of the new article's nearest neighbours are checked for "does it now belong in their list".</summary>
    private const int NeighboursChecked = 30;

    /// <summary>The stored list of a published article, visible entries only, in one indexed query.</summary>
    public async Task<IReadOnlyList<RelatedArticleSummary>> GetAsync(int articleId, int take, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.RelatedArticles.AsNoTracking()
            .Where(r => r.ArticleId == articleId)
            .WhereArticleVisibleAt(r => r.Related, now)
            .OrderBy(r => r.Rank)
            .Take(take)
            .Select(r => new RelatedArticleSummary(r.Related.Id, r.Related.Title, r.Related.Slug, r.Related.PublishedAtUtc!.Value, r.Related.LeadImageId, r.Score))
            .ToListAsync(ct);
    }

    /// <summary>After a publish or edit (the index already holds the article): stores its list and puts it into the
    /// lists of older articles it is now more similar to than their weakest entry.</summary>
    public Task UpdateAsync(int articleId, CancellationToken ct) => WithRetryAsync(() => UpdateOnceAsync(articleId, ct), ct);

    private async Task UpdateOnceAsync(int articleId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var neighbours = engine.FindSimilar(articleId, NeighboursChecked, now);
        await StoreListAsync(articleId, neighbours, now, ct);

        var neighbourIds = neighbours.Select(n => n.ArticleId).ToList();
        var lists = (await db.RelatedArticles
                .Where(r => neighbourIds.Contains(r.ArticleId))
                .ToListAsync(ct))
            .GroupBy(r => r.ArticleId)
            .ToDictionary(g => g.Key, g => g.ToList());
        foreach (var neighbour in neighbours)
        {
            var list = lists.GetValueOrDefault(neighbour.ArticleId) ?? [];
            var entry = list.FirstOrDefault(r => r.RelatedArticleId == articleId);
            if (entry is not null)
            {
                entry.Score = neighbour.Score;
            }
            else
            {
                var similar = list.Where(r => r.Score > 0).ToList();
                if (similar.Count >= StoredCount && similar.Min(r => r.Score) >= neighbour.Score)
                {
                    continue;
                }

                // The new article joins: it takes the place of a fallback entry or of the weakest similar one.
                entry = new RelatedArticle { ArticleId = neighbour.ArticleId, RelatedArticleId = articleId, Score = neighbour.Score };
                db.RelatedArticles.Add(entry);
                list.Add(entry);
            }

            var ordered = list.OrderByDescending(r => r.Score).ThenBy(r => r.Rank).ToList();
            foreach (var dropped in ordered.Skip(StoredCount))
            {
                db.RelatedArticles.Remove(dropped);
            }

            var rank = 1;
            foreach (var kept in ordered.Take(StoredCount))
            {
                kept.Rank = rank++;
            }
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>After an unpublish or delete: the article leaves every list, and the lists it left are recomputed.</summary>
    public async Task RemoveAsync(int articleId, CancellationToken ct)
    {
        var affected = await db.RelatedArticles.Where(r => r.RelatedArticleId == articleId).Select(r => r.ArticleId).Distinct().ToListAsync(ct);
        await db.RelatedArticles.Where(r => r.ArticleId == articleId || r.RelatedArticleId == articleId).ExecuteDeleteAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var id in affected)
        {
            await StoreListAsync(id, engine.FindSimilar(id, StoredCount, now), now, ct);
        }

        logger.LogDebug("Article {ArticleId} left {ListCount} related-news lists", articleId, affected.Count);
    }

    /// <summary>Recomputes every published article's list (after an import or a rebuild); reports (done, total).</summary>
    public async Task<int> RecomputeAllAsync(IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = await db.Articles.AsNoTracking()
            .VisibleAt(now)
            .OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct);
        var done = 0;
        foreach (var id in ids)
        {
            await StoreListAsync(id, engine.FindSimilar(id, StoredCount, now), now, ct);
            progress?.Report((++done, ids.Count));
        }

        return ids.Count;
    }

    /// <summary>Two writers (a publish here, the start-up fill or a publish on another node) may rewrite the same list at
    /// once; the loser of the race finds its rows changed under it and simply computes again.</summary>
    private async Task WithRetryAsync(Func<Task> body, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await body();
                return;
            }
            catch (DbUpdateException ex) when (attempt < 4)
            {
                db.ChangeTracker.Clear();
                logger.LogDebug(ex, "Related-news lists changed concurrently; computing again (attempt {Attempt})", attempt);
                await Task.Delay(50 * attempt, ct);
            }
        }
    }

    private Task StoreListAsync(int articleId, IReadOnlyList<RelatedCandidate> similar, DateTime now, CancellationToken ct) =>
        // SQL Server's retrying strategy only allows a user transaction inside the strategy.
        WithRetryAsync(() => db.Database.CreateExecutionStrategy().ExecuteAsync(() => StoreListOnceAsync(articleId, similar, now, ct)), ct);

    private async Task StoreListOnceAsync(int articleId, IReadOnlyList<RelatedCandidate> similar, DateTime now, CancellationToken ct)
    {
        var chosen = similar.Take(StoredCount).ToList();
        if (chosen.Count < StoredCount)
        {
            chosen.AddRange(await SameCategoryFallbackAsync(articleId, chosen.Select(c => c.ArticleId).ToList(), StoredCount - chosen.Count, now, ct));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.RelatedArticles.Where(r => r.ArticleId == articleId).ExecuteDeleteAsync(ct);
        var rank = 1;
        foreach (var candidate in chosen)
        {
            db.RelatedArticles.Add(new RelatedArticle { ArticleId = articleId, RelatedArticleId = candidate.ArticleId, Rank = rank++, Score = candidate.Score });
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    private async Task<List<RelatedCandidate>> SameCategoryFallbackAsync(int articleId, List<int> exclude, int count, DateTime now, CancellationToken ct)
    {
        var categoryId = await db.Articles.Where(a => a.Id == articleId).Select(a => (int?)a.CategoryId).SingleOrDefaultAsync(ct);
        if (categoryId is null || count <= 0)
        {
            return [];
        }

        exclude.Add(articleId);
        var ids = await db.Articles.AsNoTracking()
            .VisibleAt(now)
            .Where(a => a.CategoryId == categoryId && !exclude.Contains(a.Id))
            .OrderByDescending(a => a.PublishedAtUtc)
            .Take(count)
            .Select(a => a.Id)
            .ToListAsync(ct);
        return ids.Select(id => new RelatedCandidate(id, 0)).ToList();
    }
}
