using Microsoft.AspNetCore.Mvc;
using Q11Portal.Core.Common;
using Q11Portal.Core.Tags;
using Q11Portal.Web.Areas.Admin.Models;
using Q11Portal.Web.Controllers;
using Q11Portal.Web.Infrastructure;

namespace Q11Portal.Web.Areas.Admin.Controllers;

/// <summary>Từ khóa: editors find tags (with their article counts), rename, merge several into one, and delete.</summary>
[Route("admin/tags")]
public sealed class TagsController(TagAdminService tags) : AdminControllerBase
{
    public const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, string? sort, int page = 1, CancellationToken ct = default)
    {
        // Letters or a page below 1 are a 400 (PagingGuard, as the public lists); a page beyond the last is clamped to
        // the last one by the service (Paging), so even int.MaxValue is answered with a page.
        if (this.CheckPage(page) is { } bad)
        {
            return bad;
        }

        var order = sort?.ToLowerInvariant() switch
        {
            "mostused" => TagOrder.MostUsed,
            "leastused" => TagOrder.LeastUsed,
            _ => TagOrder.Name,
        };
        q = q is { Length: > 100 } ? q[..100] : q;
        ViewData["Title"] = "Từ khóa";
        return View(new TagListViewModel(await tags.ListAsync(q, order, page, PageSize, ct), q, order));
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct) =>
        await tags.FindAsync(id, ct) is { } tag ? await EditView(tag, tag.Name, ct) : NotFound();

    [HttpPost("{id:int}/rename")]
    public async Task<IActionResult> Rename(int id, string? name, CancellationToken ct)
    {
        var renamed = await tags.RenameAsync(id, name, ActorName, ct);
        if (!renamed.Succeeded)
        {
            var collision = renamed.Outcome == Outcome.Conflict ? renamed.Value : null;
            return await this.FormFailureAsync(renamed, async () =>
                await tags.FindAsync(id, ct) is { } tag
                    ? await EditView(tag, name ?? string.Empty, ct, collision, status: StatusCodes.Status400BadRequest)
                    : NotFound(), "name");
        }

        Flash($"Đã đổi tên từ khóa thành “{renamed.Value!.Name}”.");
        return RedirectToAction(nameof(Edit), new { id });
    }

    /// <param name="confirm">The "cannot be undone" box on the edit page; without it nothing is deleted.</param>
    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, bool confirm, CancellationToken ct)
    {
        var tag = await tags.FindAsync(id, ct);
        if (tag is null)
        {
            return NotFound();
        }

        if (!confirm)
        {
            FlashError($"Chưa xóa “{tag.Name}”: hãy đánh dấu ô xác nhận rồi bấm “Xóa từ khóa” lần nữa.");
            return RedirectToAction(nameof(Edit), new { id });
        }

        var deleted = await tags.DeleteAsync(id, ActorName, ct);
        if (!deleted.Succeeded)
        {
            return this.Failure(deleted, () => RedirectToAction(nameof(Index)));
        }

        Flash($"Đã xóa từ khóa “{tag.Name}” khỏi {tag.ArticleCount} bài viết.");
        return RedirectToAction(nameof(Index));
    }

    /// <summary>The merge page for the tags ticked on the list: pick the one that stays.</summary>
    [HttpGet("merge")]
    public async Task<IActionResult> Merge(List<int>? ids, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        var found = await tags.FindManyAsync(ids ?? [], ct);
        if (found.Count < 2)
        {
            FlashError("Hãy đánh dấu ít nhất hai từ khóa trong danh sách rồi bấm “Gộp từ khóa đã chọn”.");
            return RedirectToAction(nameof(Index));
        }

        ViewData["Title"] = "Gộp từ khóa";
        return View(new TagMergeViewModel(found, found.OrderByDescending(t => t.ArticleCount).First().Id));
    }

    /// <summary>Merges <c>ids</c> into <c>targetId</c>, or into the tag named <c>targetName</c> (the edit page's form).</summary>
    [HttpPost("merge")]
    public async Task<IActionResult> Merge(List<int>? ids, int? targetId, string? targetName, CancellationToken ct)
    {
        ids ??= [];
        if (!ModelState.IsValid || ids.Count == 0)
        {
            return BadRequest();
        }

        var single = ids.Count == 1 ? await tags.FindAsync(ids[0], ct) : null;
        if (ids.Count == 1 && single is null)
        {
            return NotFound();
        }

        if (targetId is null && single is not null)
        {
            var target = await tags.FindByNameAsync(targetName, ct);
            if (target is null)
            {
                ModelState.AddModelError("targetName", string.IsNullOrWhiteSpace(targetName)
                    ? "Vui lòng nhập tên từ khóa sẽ nhận các bài viết."
                    : $"Không có từ khóa nào tên “{VietnameseText.Label(targetName)}”; hãy nhập đúng tên một từ khóa đã có (hoặc dùng “Đổi tên”).");
                return await EditView(single, single.Name, ct, targetName: targetName, status: StatusCodes.Status400BadRequest);
            }

            targetId = target.Id;
        }

        if (targetId is not { } into)
        {
            ModelState.AddModelError(string.Empty, "Hãy chọn từ khóa được giữ lại.");
            return await MergeView(ids, null, ct);
        }

        // Every refusal, a tag of the selection gone included, is shown on the form the selection came from: the
        // page posted to exists, only the choice on it went stale.
        var merged = await tags.MergeAsync(ids, into, ActorName, ct);
        if (!merged.Succeeded)
        {
            if (single is not null)
            {
                ModelState.AddModelError("targetName", merged.Message!);
                return await EditView(single, single.Name, ct, targetName: targetName, status: StatusCodes.Status400BadRequest);
            }

            ModelState.AddModelError(string.Empty, merged.Message!);
            return await MergeView(ids, targetId, ct);
        }

        var kept = await tags.FindAsync(into, ct);
        Flash($"Đã gộp vào từ khóa “{kept?.Name}” ({kept?.ArticleCount} bài viết). Đường dẫn của từ khóa đã gộp tự chuyển đến từ khóa này.");
        return RedirectToAction(nameof(Edit), new { id = into });
    }

    private async Task<IActionResult> MergeView(List<int> ids, int? targetId, CancellationToken ct)
    {
        var found = await tags.FindManyAsync(ids, ct);
        ViewData["Title"] = "Gộp từ khóa";
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Merge", new TagMergeViewModel(found, targetId));
    }

    private async Task<IActionResult> EditView(TagRow tag, string typedName, CancellationToken ct, TagRow? collision = null, string? targetName = null, int status = StatusCodes.Status200OK)
    {
        ViewData["Title"] = $"Từ khóa “{tag.Name}”";
        Response.StatusCode = status;
        return View("Edit", new TagEditViewModel(tag, typedName, await tags.OldSlugsAsync(tag.Id, ct), collision, targetName));
    }
}
