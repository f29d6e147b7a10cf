using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Q11Portal.Core.Articles;
using Q11Portal.Web.Infrastructure;
using Q11Portal.Web.Models;

namespace Q11Portal.Web.Controllers;

public sealed class HomeController(ArticleService articles) : Controller
{
    [OutputCache(PolicyName = PublicPageCache.Policy)]
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var home = await articles.GetHomeAsync(latestCount: 8, perCategory: 5, ct);
        return View(new HomeViewModel(home));
    }
}
