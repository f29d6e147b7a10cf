using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Q11Portal.Core.Pages;
using Q11Portal.Core.Users;
using Q11Portal.Web.Areas.Admin.Models;
using Q11Portal.Web.Infrastructure;

namespace Q11Portal.Web.Areas.Admin.Controllers;

/// <summary>Trang: Giới thiệu, Liên hệ, the privacy notice and admins' own pages — body in the article editor, a link
/// in the main menu or the footer, revisions that can be restored.</summary>
[Route("admin/pages")]
[Authorize(Policy = Policies.Admin)]
public sealed class SitePagesController(SitePageService pages, SitePageEditor editor) : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        ViewData["Title"] = "Trang";
        return View("Index", await pages.ListAsync(ct));
    }

    [HttpGet("create")]
    public IActionResult Create() => EditView(null, new SitePageForm { IsPublished = true, Placement = PagePlacement.Footer, SortOrder = 10 });

    [HttpPost("create")]
    public async Task<IActionResult> Create(SitePageForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return EditView(null, form, StatusCodes.Status400BadRequest);
        }

        var saved = await editor.CreateAsync(form.ToInput(), ActorName, ct);
        if (!saved.Succeeded)
        {
            return await this.FormFailureAsync(saved, () => Task.FromResult<IActionResult>(EditView(null, form, StatusCodes.Status400BadRequest)));
        }

        return Saved(saved.Value!, "Đã tạo trang.");
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct) =>
        await pages.FindAsync(id, ct) is { } page ? EditView(page, SitePageForm.From(page)) : NotFound();

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, SitePageForm form, CancellationToken ct)
    {
        var page = await pages.FindAsync(id, ct);
        if (page is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return EditView(page, form, StatusCodes.Status400BadRequest);
        }

        var saved = await editor.UpdateAsync(id, form.ToInput(), form.Version, ActorName, ct);
        if (!saved.Succeeded)
        {
            var status = saved.Outcome == Core.Common.Outcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            return await this.FormFailureAsync(saved, () => Task.FromResult<IActionResult>(EditView(page, form, status)));
        }

        return Saved(saved.Value!, "Đã lưu trang.");
    }

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, bool confirm, CancellationToken ct)
    {
        if (!confirm)
        {
            FlashError("Chưa xóa: hãy đánh dấu ô xác nhận rồi bấm “Xóa trang” lần nữa.");
            return Redirect($"/admin/pages/{id}/edit#xoa");
        }

        var deleted = await editor.DeleteAsync(id, ActorName, ct);
        if (!deleted.Succeeded)
        {
            return this.Failure(deleted, () => Redirect($"/admin/pages/{id}/edit"));
        }

        Flash("Đã xóa trang.");
        return Redirect("/admin/pages");
    }

    [HttpGet("{id:int}/revisions")]
    public Task<IActionResult> Revisions(int id, CancellationToken ct) => RevisionsView(id, null, ct);

    [HttpGet("{id:int}/revisions/{number:int}")]
    public Task<IActionResult> Revision(int id, int number, CancellationToken ct) => RevisionsView(id, number, ct);

    [HttpPost("{id:int}/revisions/{number:int}/restore")]
    public async Task<IActionResult> Restore(int id, int number, CancellationToken ct)
    {
        var restored = await editor.RestoreAsync(id, number, ActorName, ct);
        if (!restored.Succeeded)
        {
            return this.Failure(restored, () => Redirect($"/admin/pages/{id}/revisions"));
        }

        Flash($"Đã khôi phục phiên bản {number} (lưu thành phiên bản mới).");
        return Redirect($"/admin/pages/{id}/edit");
    }

    private async Task<IActionResult> RevisionsView(int id, int? number, CancellationToken ct)
    {
        var page = await pages.FindAsync(id, ct);
        var open = number is { } n ? await pages.FindRevisionAsync(id, n, ct) : null;
        if (page is null || (number is not null && open is null))
        {
            return NotFound();
        }

        ViewData["Title"] = $"Phiên bản của trang “{page.Title}”";
        return View("Revisions", new SitePageRevisionsViewModel(page, await pages.ListRevisionsAsync(id, ct), open));
    }

    private IActionResult Saved(SitePageSaved saved, string message)
    {
        Flash(saved.Notice is null ? message : message + " " + saved.Notice);
        return Redirect($"/admin/pages/{saved.Id}/edit");
    }

    private ViewResult EditView(SitePageView? page, SitePageForm form, int status = StatusCodes.Status200OK)
    {
        ViewData["Title"] = page is null ? "Tạo trang" : $"Sửa trang “{page.Title}”";
        Response.StatusCode = status;
        return View("Edit", new SitePageEditViewModel(page, form));
    }
}
