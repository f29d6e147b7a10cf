using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;
using Q11Portal.Core.Pages;

namespace Q11Portal.Web.ViewComponents;

/// <summary>Links to the site pages placed in the main menu (as list items of the menu) or in the footer. Kept for a
/// minute like the menu's categories; an admin's save on this node drops them at once (<see cref="Evict"/>).</summary>
public sealed class SitePageLinksViewComponent(SitePageService pages, IMemoryCache cache) : ViewComponent
{
    private static string CacheKey(PagePlacement placement) => "site:page-links:" + placement;

    public static void Evict(IMemoryCache cache)
    {
        cache.Remove(CacheKey(PagePlacement.MainMenu));
        cache.Remove(CacheKey(PagePlacement.Footer));
    }

    public async Task<IViewComponentResult> InvokeAsync(PagePlacement placement)
    {
        var links = await cache.GetOrCreateAsync(CacheKey(placement), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return pages.LinksAsync(placement, HttpContext.RequestAborted);
        });
        return View(placement == PagePlacement.Footer ? "Footer" : "Default", links ?? []);
    }
}
