using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;
using Q11Portal.Core.Categories;

namespace Q11Portal.Web.ViewComponents;

/// <summary>The main menu of categories. Categories change rarely, so the menu is kept for a minute.</summary>
public sealed class MainMenuViewComponent(CategoryService categories, IMemoryCache cache) : ViewComponent
{
    internal const string CacheKey = "site:main-menu";

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var menu = await cache.GetOrCreateAsync(CacheKey, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return categories.GetMenuAsync(HttpContext.RequestAborted);
        });
        return View(menu ?? []);
    }
}
