using Microsoft.AspNetCore.Mvc;
using Q11Portal.Core.Articles;

namespace Q11Portal.Web.ViewComponents;

/// <summary>"Tin liên quan" beside an article. For now: the latest articles of the same category.
/// The view renders a plain list of <see cref="ArticleSummary"/>, so a better source only changes this method.</summary>
public sealed class RelatedArticlesViewComponent(ArticleService articles) : ViewComponent
{
    public const int Count = 6;

    public async Task<IViewComponentResult> InvokeAsync(int articleId, int categoryId)
    {
        IReadOnlyList<ArticleSummary> related = await articles.GetLatestInCategoryAsync(categoryId, articleId, Count, HttpContext.RequestAborted);
        return View(related);
    }
}
