using Microsoft.AspNetCore.Mvc;
using Q11Portal.Core.Articles;

namespace Q11Portal.Web.ViewComponents;

/// <summary>"Tin liên quan" beside an article: the list stored when it was published (content, tags and category,
/// with a same-category fallback already inside it). An article whose list is not computed yet shows the latest of its category.</summary>
public sealed class RelatedArticlesViewComponent(ArticleService articles) : ViewComponent
{
    public const int Count = 6;

    public async Task<IViewComponentResult> InvokeAsync(int articleId, int categoryId)
    {
        IReadOnlyList<ArticleSummary> related = await articles.GetStoredRelatedAsync(articleId, Count, HttpContext.RequestAborted);
        if (related.Count == 0)
        {
            related = await articles.GetLatestInCategoryAsync(categoryId, articleId, Count, HttpContext.RequestAborted);
        }

        return View(related);
    }
}
