using Microsoft.AspNetCore.Mvc;
using Q11Portal.Web.Infrastructure;

namespace Q11Portal.Web.ViewComponents;

/// <summary>The site pages linked from the footer, from memory (<see cref="SiteChromeCache"/>), rendered once per
/// snapshot (<see cref="RenderedChrome"/>).</summary>
public sealed class FooterLinksViewComponent(SiteChromeCache chrome, RenderedChrome rendered) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var footer = await chrome.GetFooterAsync(HttpContext.RequestAborted);
        return await rendered.OnceAsync(this, footer, "", () => View(footer.PageLinks));
    }
}
