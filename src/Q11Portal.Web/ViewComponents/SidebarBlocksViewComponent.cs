using Microsoft.AspNetCore.Mvc;
using Q11Portal.Core.Sidebar;

namespace Q11Portal.Web.ViewComponents;

/// <summary>"Liên kết website", banners, "Video clip", "Phóng sự ảnh": the sidebar blocks active now.</summary>
public sealed class SidebarBlocksViewComponent(SidebarService sidebar) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View(await sidebar.GetActiveBlocksAsync(HttpContext.RequestAborted));
}
