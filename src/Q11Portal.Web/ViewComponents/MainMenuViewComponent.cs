using Microsoft.AspNetCore.Mvc;
using Q11Portal.Web.Infrastructure;

namespace Q11Portal.Web.ViewComponents;

/// <summary>The main menu of categories, from memory (<see cref="SiteChromeCache"/>): categories change rarely.</summary>
public sealed class MainMenuViewComponent(SiteChromeCache chrome) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View(await chrome.GetMenuAsync(HttpContext.RequestAborted));
}
