using Microsoft.AspNetCore.Mvc;
using Q11Portal.Core.Categories;
using Q11Portal.Core.Common;
using Q11Portal.Web.Areas.Admin.Models;
using Q11Portal.Web.Infrastructure;

namespace Q11Portal.Web.Areas.Admin.Controllers;

/// <summary>Chuyên mục: editors create, rename (with slug), nest, reorder, hide and delete categories.</summary>
[Route("admin/categories")]
public sealed class CategoriesController(CategoryAdminService categories) : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        ViewData["Title"] = "Chuyên mục";
        return View(new CategoryListViewModel(await categories.ListTreeAsync(ct)));
    }

    [HttpGet("create")]
    public async Task<IActionResult> Create(int? parentId, CancellationToken ct) =>
        await EditView(null, new CategoryInput { ParentId = parentId, ShowOnHome = true }, ct);

    [HttpPost("create")]
    public async Task<IActionResult> Create(CategoryInput input, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await EditView(null, input, ct, StatusCodes.Status400BadRequest);
        }

        var created = await categories.CreateAsync(input.Name, input.Slug, input.ParentId, input.Description, input.ShowOnHome, ActorName, ct);
        if (!created.Succeeded)
        {
            return await this.FormFailureAsync(created, () => EditView(null, input, ct, StatusCodes.Status400BadRequest));
        }

        Flash($"Đã tạo chuyên mục “{input.Name?.Trim()}”.");
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct) =>
        await categories.FindAsync(id, ct) is { } node ? await EditView(id, CategoryInput.From(node), ct) : NotFound();

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CategoryInput input, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await categories.FindAsync(id, ct) is null ? NotFound() : await EditView(id, input, ct, StatusCodes.Status400BadRequest);
        }

        var updated = await categories.UpdateAsync(id, input.Name, input.Slug, input.ParentId, input.Description, input.ShowOnHome, ActorName, ct);
        if (!updated.Succeeded)
        {
            return await this.FormFailureAsync(updated, () => EditView(id, input, ct, StatusCodes.Status400BadRequest));
        }

        Flash($"Đã lưu chuyên mục “{input.Name?.Trim()}”.");
        return RedirectToAction(nameof(Index));
    }

    /// <summary>Moves the category one place up or down among its siblings (<c>direction</c> = up | down).</summary>
    [HttpPost("{id:int}/move")]
    public async Task<IActionResult> Move(int id, string? direction, CancellationToken ct)
    {
        var step = direction switch { "up" => -1, "down" => 1, _ => 0 };
        if (step == 0)
        {
            return BadRequest();
        }

        var moved = await categories.MoveAsync(id, step, ActorName, ct);
        return moved.Outcome == Outcome.NotFound ? NotFound() : Redirect($"/admin/categories#cat-{id}");
    }

    [HttpGet("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken ct) =>
        await DeleteView(id, null, ct);

    /// <summary>Deletes an empty category; one with articles or sub-categories needs <c>moveTo</c>, the category
    /// that receives them.</summary>
    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, int? moveTo, CancellationToken ct)
    {
        var node = await categories.FindAsync(id, ct);
        if (node is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return await DeleteView(id, null, ct, StatusCodes.Status400BadRequest);
        }

        var deleted = await categories.DeleteAsync(id, moveTo, ActorName, ct);
        if (!deleted.Succeeded)
        {
            return await this.FormFailureAsync(deleted, () => DeleteView(id, moveTo, ct, StatusCodes.Status400BadRequest));
        }

        Flash($"Đã xóa chuyên mục “{node.Name}”.");
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> EditView(int? id, CategoryInput input, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        var tree = await categories.ListTreeAsync(ct);
        var parents = id is { } self ? CategoryAdminService.ExcludingSubtree(tree, self) : [.. tree];
        var oldSlugs = id is { } key ? await categories.OldSlugsAsync(key, ct) : [];
        ViewData["Title"] = id is null ? "Thêm chuyên mục" : "Sửa chuyên mục";
        Response.StatusCode = status;
        return View("Edit", new CategoryEditViewModel(id, input, parents, oldSlugs));
    }

    private async Task<IActionResult> DeleteView(int id, int? moveTo, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        var tree = await categories.ListTreeAsync(ct);
        var node = tree.FirstOrDefault(n => n.Id == id);
        if (node is null)
        {
            return NotFound();
        }

        ViewData["Title"] = "Xóa chuyên mục";
        Response.StatusCode = status;
        return View("Delete", new CategoryDeleteViewModel(node, CategoryAdminService.ExcludingSubtree(tree, id), moveTo));
    }
}
