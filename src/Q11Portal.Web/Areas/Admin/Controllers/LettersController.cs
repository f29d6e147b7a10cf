using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Q11Portal.Core.Letters;
using Q11Portal.Core.Users;
using Q11Portal.Web.Areas.Admin.Models;
using Q11Portal.Web.Infrastructure;

namespace Q11Portal.Web.Areas.Admin.Controllers;

/// <summary>Hộp thư góp ý: residents' letters for admins to read and mark handled. Opening a letter is audited.</summary>
[Route("admin/letters")]
[Authorize(Policy = Policies.Admin)]
public sealed class LettersController(LetterService letters) : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(LetterStatus? status, int page = 1, CancellationToken ct = default)
    {
        if (!ModelState.IsValid || (status is { } s && !Enum.IsDefined(s)))
        {
            return BadRequest();
        }

        ViewData["Title"] = "Hộp thư góp ý";
        return View("Index", new LetterListViewModel(await letters.ListAsync(status, page, ct), status));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var letter = await letters.ReadAsync(id, ActorName, ct);
        return letter is null ? NotFound() : DetailsView(letter, letter.HandlingNote);
    }

    [HttpPost("{id:int}/handled")]
    public async Task<IActionResult> Handled(int id, string? note, CancellationToken ct)
    {
        var result = await letters.MarkHandledAsync(id, note, ActorName, ct);
        if (!result.Succeeded)
        {
            return await this.FormFailureAsync(result, async () =>
                await letters.ReadAsync(id, ActorName, ct) is { } letter ? DetailsView(letter, note, StatusCodes.Status400BadRequest) : NotFound());
        }

        Flash("Đã đánh dấu thư là đã xử lý.");
        return Redirect($"/admin/letters/{id}");
    }

    [HttpPost("{id:int}/reopen")]
    public async Task<IActionResult> Reopen(int id, CancellationToken ct)
    {
        var result = await letters.ReopenAsync(id, ActorName, ct);
        if (!result.Succeeded)
        {
            return this.Failure(result, () => Redirect("/admin/letters"));
        }

        Flash("Đã mở lại thư (chưa xử lý).");
        return Redirect($"/admin/letters/{id}");
    }

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, bool confirm, CancellationToken ct)
    {
        if (!confirm)
        {
            FlashError("Chưa xóa: hãy đánh dấu ô xác nhận rồi bấm “Xóa thư” lần nữa.");
            return Redirect($"/admin/letters/{id}");
        }

        var result = await letters.DeleteAsync(id, ActorName, ct);
        if (!result.Succeeded)
        {
            return this.Failure(result, () => Redirect("/admin/letters"));
        }

        Flash("Đã xóa thư.");
        return Redirect("/admin/letters");
    }

    private ViewResult DetailsView(Letter letter, string? note, int status = StatusCodes.Status200OK)
    {
        ViewData["Title"] = $"Thư góp ý: {letter.Subject}";
        Response.StatusCode = status;
        return View("Details", new LetterDetailsViewModel(letter, note));
    }
}
