using Microsoft.AspNetCore.Mvc;
using Q11Portal.Web.Infrastructure;

namespace Q11Portal.Web.ViewComponents;

/// <summary>The main menu: home, the categories, the fixed sections and the site pages placed in the menu, from memory
/// (<see cref="SiteChromeCache"/>), rendered once per menu and current link (<see cref="RenderedChrome"/>).</summary>
public sealed class MainMenuViewComponent(SiteChromeCache chrome, RenderedChrome rendered) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var menu = await chrome.GetMenuAsync(HttpContext.RequestAborted);
        var links = Links(menu, HttpContext.Request.Path.Value ?? "/");
        var current = string.Join(',', links.Select((link, i) => link.IsCurrent ? i : -1).Where(i => i >= 0));
        return await rendered.OnceAsync(this, menu, current, () => View(links));
    }

    /// <summary>The menu's links in order, each marked when <paramref name="path"/> is its page (a section: any page
    /// under it).</summary>
    public static IReadOnlyList<MainMenuLink> Links(MenuChrome menu, string path)
    {
        var links = new List<MainMenuLink>(menu.Categories.Count + menu.PageLinks.Count + 4) { new("/", "Trang chủ", path == "/") };
        foreach (var item in menu.Categories)
        {
            var href = "/chuyen-muc/" + item.Category.Slug;
            links.Add(new(href, item.Category.Name, path == href));
        }

        links.Add(new("/van-ban", "Văn bản", path == "/van-ban" || path.StartsWith("/van-ban/", StringComparison.Ordinal)));
        links.Add(new("/xem-theo-ngay", "Xem theo ngày", path.StartsWith("/xem-theo-ngay", StringComparison.Ordinal)));
        links.Add(new("/lich-cong-tac", "Lịch công tác", path.StartsWith("/lich-cong-tac", StringComparison.Ordinal)));
        foreach (var page in menu.PageLinks)
        {
            links.Add(new(page.Url, page.Title, path == page.Url));
        }

        return links;
    }
}

/// <param name="IsCurrent">The page shown is this link's (<c>aria-current="page"</c>).</param>
public sealed record MainMenuLink(string Href, string Text, bool IsCurrent);
