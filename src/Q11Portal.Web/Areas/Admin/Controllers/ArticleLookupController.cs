using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Users;

namespace Q11Portal.Web.Areas.Admin.Controllers;

/// <summary>The editor form's type-ahead for pinning related articles: articles whose title matches, as JSON.</summary>
[Authorize(Policy = Policies.Editor)]
public sealed class ArticleLookupController(ArticleListQuery list) : NewsroomControllerBase
{
    [HttpGet("/admin/articles/lookup")]
    public async Task<IActionResult> Lookup(string? q, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Length > 200)
        {
            return Json(Array.Empty<object>());
        }

        var found = await list.ListAsync(new ArticleListFilter(Query: q, PageSize: 10), ct);
        return Json(found.Items.Select(a => new { id = a.Id, title = a.Title, status = ArticleWorkflow.StatusName(a.Status) }));
    }
}
