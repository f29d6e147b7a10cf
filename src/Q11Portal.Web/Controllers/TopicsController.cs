using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Q11Portal.Core.Reports;
using Q11Portal.Web.Infrastructure;
using Q11Portal.Web.Models;

namespace Q11Portal.Web.Controllers;

/// <summary>Chuyên đề: the public topic pages gathering reports and their key figures.</summary>
public sealed class TopicsController(TopicService topics) : Controller
{
    [OutputCache(PolicyName = PublicPageCache.Policy)]
    [HttpGet("chuyen-de")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await topics.ListPublishedAsync(ct));

    [OutputCache(PolicyName = PublicPageCache.Policy)]
    [HttpGet("chuyen-de/{slug}")]
    public async Task<IActionResult> Details(string slug, CancellationToken ct)
    {
        var page = await topics.GetPageAsync(slug, ct);
        return page is null ? NotFound() : View(new TopicPageViewModel(page));
    }
}
