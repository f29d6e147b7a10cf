using Microsoft.AspNetCore.Mvc;
using Q11Portal.Core.Common;
using Q11Portal.Core.Media;
using Q11Portal.Core.Sidebar;
using Q11Portal.Web.Areas.Admin.Models;
using Q11Portal.Web.Infrastructure;

namespace Q11Portal.Web.Areas.Admin.Controllers;

/// <summary>Khối bên phải: the reading site's sidebar blocks ("Liên kết website", banners with display dates, video
/// clips, photo reportages), their items, order and on/off.</summary>
[Route("admin/sidebar")]
public sealed class SidebarController(SidebarAdminService sidebar, MediaService media, TimeProvider clock) : AdminControllerBase
{
    private const int LibraryPageSize = 12;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        await ListView(new SidebarBlockForm { IsActive = true }, ct);

    [HttpPost("create")]
    public async Task<IActionResult> Create(SidebarBlockForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await ListView(form, ct, StatusCodes.Status400BadRequest);
        }

        var created = await sidebar.CreateBlockAsync(form.ToInput(), ActorName, ct);
        if (!created.Succeeded)
        {
            return await this.FormFailureAsync(created, () => ListView(form, ct, StatusCodes.Status400BadRequest));
        }

        Flash($"Đã tạo khối “{form.Title?.Trim()}”. Hãy thêm các mục cho khối.");
        return Redirect($"/admin/sidebar/{created.Value}/edit");
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, int? item, string? mediaQ, int mediaPage = 1, CancellationToken ct = default)
    {
        var block = await sidebar.FindAsync(id, ct);
        if (block is null || (item is { } itemId && block.Items.All(i => i.Id != itemId)))
        {
            return NotFound();
        }

        if (!ModelState.IsValid || mediaPage < 1)
        {
            return BadRequest();
        }

        var editing = item is { } open ? block.Items.Single(i => i.Id == open) : null;
        return await BlockView(block, SidebarBlockForm.From(block), editing is null ? new SidebarItemForm() : SidebarItemForm.From(editing), editing?.Id, mediaQ, mediaPage, ct);
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, SidebarBlockForm form, CancellationToken ct)
    {
        var block = await sidebar.FindAsync(id, ct);
        if (block is null)
        {
            return NotFound();
        }

        form.Kind = block.Kind;
        Task<IActionResult> FormAgain() => BlockView(block, form, new SidebarItemForm(), null, null, 1, ct, StatusCodes.Status400BadRequest);
        if (!ModelState.IsValid)
        {
            return await FormAgain();
        }

        var updated = await sidebar.UpdateBlockAsync(id, form.ToInput(), ActorName, ct);
        if (!updated.Succeeded)
        {
            return await this.FormFailureAsync(updated, FormAgain);
        }

        Flash("Đã lưu cài đặt khối.");
        return Redirect($"/admin/sidebar/{id}/edit");
    }

    [HttpPost("{id:int}/move")]
    public async Task<IActionResult> Move(int id, string? direction, CancellationToken ct)
    {
        if (Step(direction) is not { } step)
        {
            return BadRequest();
        }

        var moved = await sidebar.MoveBlockAsync(id, step, ActorName, ct);
        return moved.Outcome == Outcome.NotFound ? NotFound() : Redirect($"/admin/sidebar#block-{id}");
    }

    /// <summary>Asks before a whole block and its items go: the list's "Xóa" leads here.</summary>
    [HttpGet("{id:int}/delete")]
    public async Task<IActionResult> ConfirmDelete(int id, CancellationToken ct)
    {
        var block = await sidebar.FindAsync(id, ct);
        if (block is null)
        {
            return NotFound();
        }

        ViewData["Title"] = $"Xóa khối “{block.Title}”";
        return View("Delete", block);
    }

    /// <param name="confirm">The "cannot be undone" box of the confirmation page; without it nothing is deleted.</param>
    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, bool confirm, CancellationToken ct)
    {
        if (!confirm)
        {
            if (await sidebar.FindAsync(id, ct) is null)
            {
                return NotFound();
            }

            FlashError("Chưa xóa: hãy đánh dấu ô xác nhận rồi bấm “Xóa khối” lần nữa.");
            return RedirectToAction(nameof(ConfirmDelete), new { id });
        }

        var deleted = await sidebar.DeleteBlockAsync(id, ActorName, ct);
        if (!deleted.Succeeded)
        {
            return this.Failure(deleted, () => RedirectToAction(nameof(Index)));
        }

        Flash("Đã xóa khối.");
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:int}/items")]
    public async Task<IActionResult> AddItem(int id, SidebarItemForm form, CancellationToken ct)
    {
        var block = await sidebar.FindAsync(id, ct);
        if (block is null)
        {
            return NotFound();
        }

        var added = await CheckItemAsync(form, ct);
        if (added.Succeeded)
        {
            added = await sidebar.AddItemAsync(id, await ToInputAsync(form, ct), ActorName, ct);
        }

        if (!added.Succeeded)
        {
            return await this.FormFailureAsync(added, () => BlockView(block, SidebarBlockForm.From(block), form, null, null, 1, ct, StatusCodes.Status400BadRequest));
        }

        Flash($"Đã thêm “{form.Title?.Trim()}”.");
        return Redirect($"/admin/sidebar/{id}/edit#items");
    }

    [HttpPost("items/{itemId:int}/edit")]
    public async Task<IActionResult> EditItem(int itemId, SidebarItemForm form, CancellationToken ct)
    {
        var item = await sidebar.FindItemAsync(itemId, ct);
        if (item is null)
        {
            return NotFound();
        }

        var updated = await CheckItemAsync(form, ct);
        if (updated.Succeeded)
        {
            updated = await sidebar.UpdateItemAsync(itemId, await ToInputAsync(form, ct), ActorName, ct);
        }

        if (!updated.Succeeded)
        {
            return await this.FormFailureAsync(updated, async () =>
            {
                var block = (await sidebar.FindAsync(item.SidebarBlockId, ct))!;
                return await BlockView(block, SidebarBlockForm.From(block), form, itemId, null, 1, ct, StatusCodes.Status400BadRequest);
            });
        }

        Flash($"Đã lưu “{form.Title?.Trim()}”.");
        return Redirect($"/admin/sidebar/{item.SidebarBlockId}/edit#items");
    }

    [HttpPost("items/{itemId:int}/move")]
    public async Task<IActionResult> MoveItem(int itemId, string? direction, CancellationToken ct)
    {
        if (Step(direction) is not { } step)
        {
            return BadRequest();
        }

        var moved = await sidebar.MoveItemAsync(itemId, step, ActorName, ct);
        return moved.Outcome == Outcome.NotFound ? NotFound() : Redirect($"/admin/sidebar/{moved.Value}/edit#item-{itemId}");
    }

    [HttpPost("items/{itemId:int}/delete")]
    public async Task<IActionResult> DeleteItem(int itemId, CancellationToken ct)
    {
        var item = await sidebar.FindItemAsync(itemId, ct);
        if (item is null)
        {
            return NotFound();
        }

        var deleted = await sidebar.DeleteItemAsync(itemId, ActorName, ct);
        if (!deleted.Succeeded)
        {
            return this.Failure(deleted, () => Redirect($"/admin/sidebar/{item.SidebarBlockId}/edit#items"));
        }

        Flash($"Đã xóa “{item.Title}”.");
        return Redirect($"/admin/sidebar/{item.SidebarBlockId}/edit#items");
    }

    private static int? Step(string? direction) => direction switch { "up" => -1, "down" => 1, _ => null };

    /// <summary>Binding errors (a letter in the image picker) as one Vietnamese message.</summary>
    private async Task<Result> CheckItemAsync(SidebarItemForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Result.Invalid("Ảnh đã chọn không hợp lệ; hãy chọn lại ảnh trong thư viện.");
        }

        return form.MediaId is { } mediaId && await media.FindAsync(mediaId, ct) is null
            ? Result.Invalid("Ảnh đã chọn không còn trong thư viện; hãy chọn ảnh khác.")
            : Result.Ok;
    }

    private async Task<SidebarItemInput> ToInputAsync(SidebarItemForm form, CancellationToken ct)
    {
        var image = form.ImageUrl;
        if (form.MediaId is { } mediaId && await media.FindAsync(mediaId, ct) is { } picked)
        {
            image = picked.Url(800);
        }

        return new SidebarItemInput(form.Title, form.Url, image, form.VideoUrl, form.Caption);
    }

    private async Task<IActionResult> ListView(SidebarBlockForm form, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        ViewData["Title"] = "Khối bên phải";
        Response.StatusCode = status;
        return View("Index", new SidebarListViewModel(await sidebar.ListAsync(ct), clock.GetUtcNow().UtcDateTime, form));
    }

    private async Task<IActionResult> BlockView(SidebarBlock block, SidebarBlockForm settings, SidebarItemForm item, int? editingItemId,
        string? mediaQuery, int mediaPage, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        var library = block.Kind is SidebarBlockKind.Banner or SidebarBlockKind.PhotoReportage or SidebarBlockKind.VideoClip
            ? await media.SearchAsync(mediaQuery, mediaPage, LibraryPageSize, ct)
            : new MediaPage([], 0, 1, LibraryPageSize);
        ViewData["Title"] = $"Khối “{block.Title}”";
        Response.StatusCode = status;
        return View("Edit", new SidebarBlockViewModel(block, settings, item, editingItemId, library, mediaQuery, clock.GetUtcNow().UtcDateTime));
    }
}
