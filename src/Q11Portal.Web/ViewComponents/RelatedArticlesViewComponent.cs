using Microsoft.AspNetCore.Mvc;
using Q11Portal.Core.Articles;

namespace Q11Portal.Web.ViewComponents;

/// <summary>"Tin liên quan" beside an article: the list stored when it was published (content, tags and category,
/// with a same-category fallback already inside it). An article whose list is not computed yet shows the latest of its category.
/// Articles an editor pinned come first, in their order, while they are public; the computed ones fill the rest.</summary>
public sealed class RelatedArticlesViewComponent(ArticleService articles) : ViewComponent
{
    public const int Count = 6;

    /// <param name="hasPinned">Whether the article has pinned entries (read with it), so most pages skip that query.</param>
    public async Task<IViewComponentResult> InvokeAsync(int articleId, int categoryId, bool hasPinned)
    {
        var ct = HttpContext.RequestAborted;
        var pinned = hasPinned ? await articles.GetPinnedRelatedAsync(articleId, ct) : [];
        IReadOnlyList<ArticleSummary> related = await articles.GetStoredRelatedAsync(articleId, Count + pinned.Count, ct);
        if (related.Count == 0)
        {
            related = await articles.GetLatestInCategoryAsync(categoryId, articleId, Count + pinned.Count, ct);
        }

        var pinnedIds = pinned.Select(p => p.Id).ToHashSet();
        return View(pinned.Concat(related.Where(r => !pinnedIds.Contains(r.Id))).Take(Math.Max(Count, pinned.Count)).ToList());
    }
}
