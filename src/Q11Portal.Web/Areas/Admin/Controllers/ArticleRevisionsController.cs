using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Common;
using Q11Portal.Core.Users;
using Q11Portal.Web.Areas.Admin.Models;
using Q11Portal.Web.Infrastructure;

namespace Q11Portal.Web.Areas.Admin.Controllers;

/// <summary>An article's revision history for editors: the list, a diff of two revisions, restoring one.</summary>
[Route("admin/articles/{id:int}/revisions")]
[Authorize(Policy = Policies.Editor)]
public sealed class ArticleRevisionsController(ArticleEditQuery articles, ArticleRevisions revisions) : NewsroomControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Revisions([FromRoute] int id, CancellationToken ct)
    {
        var data = await articles.GetAsync(id, ct);
        if (data is null)
        {
            return NotFound();
        }

        ViewData["Title"] = "Lịch sử phiên bản";
        return View(new RevisionsViewModel(id, data.Draft.Title, await revisions.ListAsync(id, ct), data.Version));
    }

    [HttpGet("diff")]
    public async Task<IActionResult> Diff([FromRoute] int id, int from, int to, CancellationToken ct)
    {
        var data = await articles.GetAsync(id, ct);
        var older = await revisions.GetAsync(id, from, ct);
        var newer = await revisions.GetAsync(id, to, ct);
        if (data is null || older is null || newer is null)
        {
            return this.NotFoundPage("Không tìm thấy phiên bản cần so sánh.");
        }

        if (older.CreatedAtUtc > newer.CreatedAtUtc || (older.CreatedAtUtc == newer.CreatedAtUtc && older.Id > newer.Id))
        {
            (older, newer) = (newer, older);
        }

        ViewData["Title"] = "So sánh phiên bản";
        return View(new RevisionDiffViewModel(id, data.Draft.Title, older, newer,
            RevisionDiff.Words(older.Title, newer.Title), RevisionDiff.Words(older.Summary, newer.Summary),
            RevisionDiff.Html(older.BodyHtml, newer.BodyHtml), data.Version));
    }

    [HttpPost("{revisionId:int}/restore")]
    public async Task<IActionResult> Restore([FromRoute] int id, [FromRoute] int revisionId, Guid version, CancellationToken ct)
    {
        var result = await revisions.RestoreAsync(id, revisionId, version, Actor(), ct);
        if (result.Succeeded)
        {
            Flash($"Đã khôi phục phiên bản #{revisionId}; bản trước đó vẫn nằm trong lịch sử.");
            return RedirectToAction(nameof(ArticlesController.Edit), "Articles", new { id });
        }

        if (result.Outcome == Outcome.Invalid)
        {
            // The revision does not pass today's rules (an old body with an image lacking its description): say so
            // on the history page.
            FlashError(result.Message!);
            return RedirectToAction(nameof(Revisions), new { id });
        }

        return Refused(result, () => RedirectToAction(nameof(Revisions), new { id }), notFound: "Không tìm thấy phiên bản.");
    }
}
