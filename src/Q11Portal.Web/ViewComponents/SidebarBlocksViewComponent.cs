using Microsoft.AspNetCore.Mvc;
using Q11Portal.Web.Infrastructure;

namespace Q11Portal.Web.ViewComponents;

/// <summary>"Liên kết website", banners, "Video clip", "Phóng sự ảnh": the sidebar blocks active now, from memory
/// (<see cref="SiteChromeCache"/>), rendered once per snapshot (<see cref="RenderedChrome"/>).</summary>
public sealed class SidebarBlocksViewComponent(SiteChromeCache chrome, RenderedChrome rendered) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var sidebar = await chrome.GetSidebarAsync(HttpContext.RequestAborted);
        return await rendered.OnceAsync(this, sidebar, "", () => View(sidebar));
    }
}
