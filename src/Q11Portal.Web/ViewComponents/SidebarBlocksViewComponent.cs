using Microsoft.AspNetCore.Mvc;
using Q11Portal.Web.Infrastructure;

namespace Q11Portal.Web.ViewComponents;

/// <summary>"Liên kết website", banners, "Video clip", "Phóng sự ảnh": the sidebar blocks active now, from memory
/// (<see cref="SiteChromeCache"/>).</summary>
public sealed class SidebarBlocksViewComponent(SiteChromeCache chrome) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View(await chrome.GetSidebarAsync(HttpContext.RequestAborted));
}
