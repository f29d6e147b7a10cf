using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Tags;
using Q11Portal.Web.Infrastructure;
using Q11Portal.Web.Models;

namespace Q11Portal.Web.Controllers;

public sealed class TagsController(ArticleService articles, TagService tags) : Controller
{
    [OutputCache(PolicyName = PublicPageCache.Policy)]
    [HttpGet("tu-khoa/{slug}")]
    public async Task<IActionResult> Index(string slug, int page = 1, CancellationToken ct = default)
    {
        if (this.CheckPage(page) is { } bad)
        {
            return bad;
        }

        var result = await articles.GetTagPageAsync(slug, page, ArticleService.DefaultPageSize, ct);
        if (result is not { } found)
        {
            // A renamed tag, or one merged into another, keeps its old links working.
            if (await tags.FindRenamedSlugAsync(slug, ct) is { } current)
            {
                return RedirectPermanent(PagingGuard.WithPage($"/tu-khoa/{current}", page));
            }

            return this.NotFoundPage("Không có từ khóa này.");
        }

        if (found.Page.IsBeyondLastPage)
        {
            return this.NotFoundPage(PagingGuard.BeyondLastPage);
        }

        var path = $"/tu-khoa/{found.Tag.Slug}";
        return View("~/Views/Shared/ArticleList.cshtml", new ArticleListViewModel(found.Tag.Name, "Từ khóa", found.Page, p => PagingGuard.WithPage(path, p))
        {
            EmptyText = "Chưa có bài viết nào mang từ khóa này.",
        });
    }
}
