using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Q11Portal.Core.Common;
using Q11Portal.Core.Media;
using Q11Portal.Core.Users;
using Q11Portal.Web.Infrastructure;

namespace Q11Portal.Web.Areas.Admin.Controllers;

/// <summary>Thư viện ảnh: any staff member may upload and pick images (reporters illustrate their own articles);
/// editing texts and deleting are for editors. <c>list.json</c> feeds the picker dialog of the article editor.</summary>
[Route("admin/media")]
public sealed class MediaController(MediaService media, IOptions<MediaOptions> options) : StaffControllerBase
{
    /// <summary>The hard ceiling of an upload request; the configured per-file limit is checked by the service.</summary>
    public const long RequestLimit = 210L * 1024 * 1024;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, int page = 1, CancellationToken ct = default) =>
        View(new MediaLibraryViewModel(await media.SearchAsync(q, page, options.Value.LibraryPageSize, ct), q, options.Value));

    /// <summary>The picker's JSON: <c>{ items: [{ id, url, srcset, alt, caption, width, height }], total, page, pageCount }</c>.</summary>
    [HttpGet("list.json")]
    public async Task<IActionResult> List(string? q, int page = 1, CancellationToken ct = default)
    {
        var result = await media.SearchAsync(q, page, options.Value.LibraryPageSize, ct);
        return Json(new
        {
            items = result.Items.Select(i => new { id = i.Id, url = i.Url(800), thumb = i.Url(480), srcset = i.SrcSet, alt = i.AltText, caption = i.Caption, width = i.Width, height = i.Height }),
            total = result.Total,
            page = result.Page,
            pageCount = result.PageCount,
        });
    }

    /// <summary>Multipart upload. A browser form gets the library page back (with the error and its texts kept);
    /// a script asking for JSON gets <c>{ id, url, srcset, alt, caption }</c> or <c>{ error }</c> with 400.</summary>
    [HttpPost("upload")]
    [RequestSizeLimit(RequestLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
    public async Task<IActionResult> Upload(IFormFile? file, string? altText, string? caption, CancellationToken ct)
    {
        var wantsJson = Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true);
        Result<MediaSummary> result;
        if (file is null || file.Length == 0)
        {
            result = Result<MediaSummary>.From(Result.Invalid("Chưa chọn tệp ảnh, hoặc tệp rỗng."));
        }
        else
        {
            await using var stream = file.OpenReadStream();
            result = await media.UploadImageAsync(stream, file.Length, file.FileName, altText, caption, ActorName, ct);
        }

        if (wantsJson)
        {
            return result.Succeeded
                ? Json(new { id = result.Value!.Id, url = result.Value.Url(800), srcset = result.Value.SrcSet, alt = result.Value.AltText, caption = result.Value.Caption })
                : StatusCode(result.Outcome.ToStatusCode(), new { error = result.Message });
        }

        if (!result.Succeeded)
        {
            return await this.FormFailureAsync(result, async () =>
            {
                var page = await media.SearchAsync(null, 1, options.Value.LibraryPageSize, ct);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return View(nameof(Index), new MediaLibraryViewModel(page, null, options.Value) { AltText = altText, Caption = caption });
            }, "file");
        }

        Flash($"Đã tải lên ảnh “{result.Value!.OriginalFileName}”.");
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:int}/edit")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> Edit(int id, string? altText, string? caption, CancellationToken ct)
    {
        var updated = await media.UpdateTextAsync(id, altText, caption, ActorName, ct);
        if (!updated.Succeeded)
        {
            return this.Failure(updated, () => RedirectToAction(nameof(Index)));
        }

        Flash("Đã lưu mô tả và chú thích ảnh.");
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:int}/delete")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> Delete(int id, CancellationToken ct)
    {
        var deleted = await media.DeleteAsync(id, ActorName, ct);
        if (!deleted.Succeeded)
        {
            return this.Failure(deleted, () => RedirectToAction(nameof(Index)));
        }

        Flash("Đã xóa ảnh.");
        return RedirectToAction(nameof(Index));
    }
}

public sealed record MediaLibraryViewModel(MediaPage Page, string? Query, MediaOptions Options)
{
    public string? AltText { get; init; }
    public string? Caption { get; init; }
}
