using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Articles.Rendering;
using Q11Portal.Web.Infrastructure;
using Q11Portal.Web.Infrastructure.Counters;
using Q11Portal.Web.Models;
using Q11Portal.Web.ViewComponents;

namespace Q11Portal.Web.Controllers;

public sealed class ArticlesController(ArticleService articles) : Controller
{
    /// <param name="print">"?in=1" renders the print view (no menus or sidebar), cached apart by its query.</param>
    [HttpGet("tin-tuc/{slug}")]
    [CountArticleView]
    [OutputCache(PolicyName = PublicPageCache.Policy)]
    [PageQuery(CommentsViewComponent.PageQueryKey, CommentsViewComponent.SentQueryKey)]
    public async Task<IActionResult> Details(string slug, [FromQuery(Name = "in")] string? print,
        [FromServices] ArticleBodyRenderer renderer, CancellationToken ct)
    {
        var lookup = await articles.FindBySlugAsync(slug, ct);
        if (lookup.MovedToSlug is { } moved)
        {
            var target = "/tin-tuc/" + moved + Request.QueryString.Value;
            return RedirectPermanent(target);
        }

        if (lookup.Article is not { } article)
        {
            return this.NotFoundPage("Bài viết không tồn tại hoặc đã được gỡ bỏ.");
        }

        HttpContext.SetCountedArticle(article.Id);
        var neighbours = await articles.GetNeighboursAsync(article, ArticleService.NeighbourCount, ct);
        return View(new ArticlePageViewModel(await renderer.RenderAsync(article, ct), neighbours, PrintView: print is "1"));
    }
}
