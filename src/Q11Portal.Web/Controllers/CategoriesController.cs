using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Categories;
using Q11Portal.Web.Infrastructure;
using Q11Portal.Web.Models;

namespace Q11Portal.Web.Controllers;

public sealed class CategoriesController(ArticleService articles, CategoryService categories) : Controller
{
    [OutputCache(PolicyName = PublicPageCache.Policy)]
    [HttpGet("chuyen-muc/{slug}")]
    public async Task<IActionResult> Index(string slug, int page = 1, CancellationToken ct = default)
    {
        if (this.CheckPage(page) is { } bad)
        {
            return bad;
        }

        var result = await articles.GetCategoryPageAsync(slug, page, ArticleService.DefaultPageSize, ct);
        if (result is not { } found)
        {
            // A category an editor re-slugged keeps its old links working.
            if (await categories.FindRenamedSlugAsync(slug, ct) is { } current)
            {
                return RedirectPermanent(PagingGuard.WithPage($"/chuyen-muc/{current}", page));
            }

            return this.NotFoundPage("Không có chuyên mục này.");
        }

        if (found.Page.IsBeyondLastPage)
        {
            return this.NotFoundPage(PagingGuard.BeyondLastPage);
        }

        var path = $"/chuyen-muc/{found.Category.Slug}";
        ViewData[Infrastructure.Reach.ShareMeta.FeedCategoryKey] = found.Category.Slug;
        return View("~/Views/Shared/ArticleList.cshtml", new ArticleListViewModel(found.Category.Name, "Chuyên mục", found.Page, p => PagingGuard.WithPage(path, p))
        {
            EmptyText = "Chuyên mục này chưa có bài viết.",
        });
    }
}
