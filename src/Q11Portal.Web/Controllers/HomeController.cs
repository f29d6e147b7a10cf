using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Data;

namespace Q11Portal.Web.Controllers;

public sealed class HomeController(PortalDbContext db) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var titles = await db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Published)
            .OrderByDescending(a => a.PublishedAtUtc)
            .Select(a => a.Title)
            .Take(20)
            .ToListAsync(ct);
        return View(titles);
    }
}
