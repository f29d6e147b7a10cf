using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Q11Portal.Core.Common;
using Q11Portal.Core.Documents;
using Q11Portal.Web.Infrastructure;

namespace Q11Portal.Web.Areas.Admin.Controllers;

/// <summary>Văn bản: editors keep the documents library (list, create, edit, files, delete); every change is audited by
/// <see cref="DocumentEditor"/>. Bad input shows the form again with the Vietnamese reason and what was typed.</summary>
[Route("admin/documents")]
public sealed class DocumentsController(DocumentLibrary library, DocumentEditor editor) : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await library.ListAllAsync(ct));

    [HttpGet("new")]
    public IActionResult Create() => View("Edit", new DocumentEditViewModel(null, new DocumentInput { IssuedOn = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }));

    [HttpPost("new")]
    public async Task<IActionResult> Create(DocumentInput input, CancellationToken ct)
    {
        var created = await editor.CreateAsync(input.ToDraft(), ActorName, ct);
        if (!created.Succeeded)
        {
            return await this.FormFailureAsync(created, () =>
            {
                Response.StatusCode = created.Outcome.ToStatusCode();
                return Task.FromResult<IActionResult>(View("Edit", new DocumentEditViewModel(null, input)));
            });
        }

        Flash($"Đã thêm văn bản {TextRules.Line(input.Symbol)}. Hãy tải lên tệp văn bản.");
        return RedirectToAction(nameof(Edit), new { id = created.Value });
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var details = await library.FindAsync(id, ct);
        return details is null ? NotFound() : View(new DocumentEditViewModel(details, DocumentInput.From(details)));
    }

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Edit(int id, DocumentInput input, CancellationToken ct)
    {
        var saved = await editor.UpdateAsync(id, input.ToDraft(), ActorName, ct);
        if (!saved.Succeeded)
        {
            return await this.FormFailureAsync(saved, async () =>
            {
                Response.StatusCode = saved.Outcome.ToStatusCode();
                return View(new DocumentEditViewModel(await library.FindAsync(id, ct), input));
            });
        }

        Flash("Đã lưu văn bản.");
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken ct)
    {
        var deleted = await editor.DeleteAsync(id, ActorName, ct);
        if (!deleted.Succeeded)
        {
            return this.Failure(deleted, () => RedirectToAction(nameof(Edit), new { id }));
        }

        Flash("Đã xóa văn bản.");
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:int}/files")]
    [RequestSizeLimit(MediaController.RequestLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = MediaController.RequestLimit)]
    public async Task<IActionResult> Upload(int id, IFormFile? file, CancellationToken ct)
    {
        Result added;
        if (file is null || file.Length == 0)
        {
            added = Result.Invalid("Chưa chọn tệp, hoặc tệp rỗng.");
        }
        else
        {
            await using var stream = file.OpenReadStream();
            added = await editor.AddFileAsync(id, stream, file.Length, file.FileName, ActorName, ct);
        }

        if (!added.Succeeded)
        {
            return await this.FormFailureAsync(added, async () =>
            {
                var details = await library.FindAsync(id, ct);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return details is null ? NotFound() : View(nameof(Edit), new DocumentEditViewModel(details, DocumentInput.From(details)));
            }, "file");
        }

        Flash($"Đã tải lên “{file!.FileName}”.");
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost("{id:int}/files/{fileId:int}/delete")]
    public async Task<IActionResult> DeleteFile(int id, int fileId, CancellationToken ct)
    {
        var deleted = await editor.DeleteFileAsync(id, fileId, ActorName, ct);
        if (deleted.Succeeded)
        {
            Flash("Đã xóa tệp.");
        }
        else
        {
            FlashError(deleted.Message!);
        }

        return RedirectToAction(nameof(Edit), new { id });
    }
}

/// <summary>What the document form posts. The date comes as text so a bad one is refused in Vietnamese, not by binding.</summary>
public sealed class DocumentInput
{
    public string? Kind { get; set; }
    public string? Symbol { get; set; }
    public string? Excerpt { get; set; }
    public string? Issuer { get; set; }
    public string? IssuedOn { get; set; }
    public string? Signer { get; set; }
    public string? Validity { get; set; }
    public string? ReplacedBy { get; set; }

    public DocumentDraft ToDraft() => new(
        Kind, Symbol, Excerpt, Issuer,
        DateOnly.TryParseExact(IssuedOn?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null,
        Signer,
        Enum.TryParse<DocumentValidity>(Validity, ignoreCase: false, out var validity) && Enum.IsDefined(validity) ? validity : (DocumentValidity)(-1),
        ReplacedBy);

    public static DocumentInput From(DocumentDetails d) => new()
    {
        Kind = d.Document.Kind,
        Symbol = d.Document.Symbol,
        Excerpt = d.Document.Excerpt,
        Issuer = d.Document.Issuer,
        IssuedOn = d.Document.IssuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Signer = d.Signer,
        Validity = d.Document.Validity.ToString(),
        ReplacedBy = d.ReplacedBy?.Title,
    };
}

/// <summary>The form (new document when <see cref="Details"/> is null) and, for a saved one, its files.</summary>
public sealed record DocumentEditViewModel(DocumentDetails? Details, DocumentInput Input);
