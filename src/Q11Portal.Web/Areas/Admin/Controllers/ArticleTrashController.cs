using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Users;
using Q11Portal.Web.Areas.Admin.Models;

namespace Q11Portal.Web.Areas.Admin.Controllers;

/// <summary>Thùng rác: editors list and restore deleted articles; only admins purge one or empty the trash.</summary>
[Route("admin/articles/trash")]
[Authorize(Policy = Policies.Editor)]
public sealed class ArticleTrashController(ArticleTrash trash) : NewsroomControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int page = 1, CancellationToken ct = default)
    {
        ViewData["Title"] = "Thùng rác";
        return View(new TrashViewModel(await trash.ListAsync(page, ct), User.IsInRole(Roles.Admin)));
    }

    [HttpPost("{id:int}/restore")]
    public async Task<IActionResult> Restore([FromRoute] int id, Guid version, CancellationToken ct)
    {
        var restored = await trash.RestoreAsync(id, version, Actor(), ct);
        if (!restored.Succeeded)
        {
            return Refused(restored, () => RedirectToAction(nameof(Index)), conflictAdvice: "Hãy xem lại thùng rác rồi thử lại.", notFound: restored.Message);
        }

        Flash("Đã khôi phục bài viết từ thùng rác.");
        return Redirect($"/admin/articles/{id}/edit");
    }

    [HttpPost("{id:int}/purge")]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> Purge([FromRoute] int id, CancellationToken ct)
    {
        var purged = await trash.PurgeAsync(id, Actor(), ct);
        if (!purged.Succeeded)
        {
            return Refused(purged, () => RedirectToAction(nameof(Index)), notFound: purged.Message);
        }

        Flash("Đã xóa vĩnh viễn bài viết; nhật ký hoạt động giữ lại tiêu đề và đường dẫn của bài.");
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("empty")]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> EmptyTrash(CancellationToken ct)
    {
        var emptied = await trash.EmptyAsync(Actor(), ct);
        if (!emptied.Succeeded)
        {
            return Refused(emptied, () => RedirectToAction(nameof(Index)));
        }

        Flash(emptied.Value == 0 ? "Thùng rác đang trống." : $"Đã xóa vĩnh viễn {emptied.Value} bài trong thùng rác.");
        return RedirectToAction(nameof(Index));
    }
}
