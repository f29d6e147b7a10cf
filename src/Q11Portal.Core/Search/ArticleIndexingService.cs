using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Search;

/// <summary>The hook for whatever changes articles (newsroom publish/edit/unpublish/delete, import): call
/// <see cref="ArticlesChangedAsync"/> after the change and its <see cref="ContentChange"/> row are saved. This node's
/// index and the stored related-news lists are updated at once; other nodes catch up from the ContentChanges log.</summary>
public sealed class ArticleIndexingService(PortalDbContext db, SearchIndexer indexer, RelatedArticleService related, TimeProvider clock)
{
    public Task ArticleChangedAsync(int articleId, CancellationToken ct) => ArticlesChangedAsync([articleId], ct);

    public async Task ArticlesChangedAsync(IReadOnlyCollection<int> articleIds, CancellationToken ct)
    {
        await indexer.ApplyAsync(articleIds, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        // By key, the state checked here (see ArticleSearchDocument.LoadAsync).
        var visible = (await db.Articles.AsNoTracking()
                .Where(a => articleIds.Contains(a.Id))
                .Select(a => new { a.Id, a.Status, a.PublishedAtUtc, a.ExpiresAtUtc })
                .ToListAsync(ct))
            .Where(a => ArticleVisibility.IsVisible(a.Status, a.PublishedAtUtc, a.ExpiresAtUtc, now))
            .Select(a => a.Id)
            .ToList();
        foreach (var id in articleIds.Distinct())
        {
            if (visible.Contains(id))
            {
                await related.UpdateAsync(id, ct);
            }
            else
            {
                await related.RemoveAsync(id, ct);
            }
        }
    }

    /// <summary>Rebuilds this node's index, then every stored related-news list (after an import or for repair).</summary>
    public async Task RebuildAllAsync(IProgress<(int Done, int Total)>? indexProgress, IProgress<(int Done, int Total)>? relatedProgress, CancellationToken ct)
    {
        await indexer.RebuildAsync(indexProgress, ct);
        await related.RecomputeAllAsync(relatedProgress, ct);
    }
}
