using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;
using Q11Portal.Core.Media;
using Q11Portal.Core.Users;
using Q11Portal.Web.Infrastructure;

namespace Q11Portal.Web.Areas.Admin.Controllers;

/// <summary>Văn bản đính kèm of one article: upload (checked by content), reorder, remove. Reporters may manage the
/// documents of their own drafts; editors of any article.</summary>
[Route("admin/articles/{id:int}/attachments")]
public sealed class ArticleAttachmentsController(
    AttachmentService attachments, PortalDbContext db, UserManager<PortalUser> users, IOptions<MediaOptions> options) : StaffControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int id, CancellationToken ct)
    {
        var article = await FindAsync(id, ct);
        if (article is null)
        {
            return NotFound();
        }

        return MayEdit(article) ? View(await ModelAsync(article, null, ct)) : Forbid();
    }

    [HttpPost("")]
    [RequestSizeLimit(MediaController.RequestLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = MediaController.RequestLimit)]
    public async Task<IActionResult> Upload(int id, IFormFile? file, string? title, CancellationToken ct)
    {
        var article = await FindAsync(id, ct);
        if (article is null)
        {
            return NotFound();
        }

        if (!MayEdit(article))
        {
            return Forbid();
        }

        Result<AttachmentSummary> result;
        if (file is null || file.Length == 0)
        {
            result = Result<AttachmentSummary>.From(Result.Invalid("Chưa chọn tệp văn bản, hoặc tệp rỗng."));
        }
        else
        {
            await using var stream = file.OpenReadStream();
            result = await attachments.AddAsync(id, stream, file.Length, file.FileName, title, ActorName, ct);
        }

        if (!result.Succeeded)
        {
            return await this.FormFailureAsync(result, async () =>
            {
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return View(nameof(Index), await ModelAsync(article, title, ct));
            }, "file");
        }

        Flash($"Đã đính kèm “{result.Value!.FileName}”.");
        return RedirectToAction(nameof(Index), new { id });
    }

    [HttpPost("{attachmentId:int}/delete")]
    public async Task<IActionResult> Delete(int id, int attachmentId, CancellationToken ct) =>
        await ChangeAsync(id, attachmentId, () => attachments.DeleteAsync(attachmentId, ActorName, ct), "Đã gỡ văn bản.", ct);

    [HttpPost("{attachmentId:int}/up")]
    public async Task<IActionResult> Up(int id, int attachmentId, CancellationToken ct) =>
        await ChangeAsync(id, attachmentId, () => attachments.MoveAsync(attachmentId, -1, ct), null, ct);

    [HttpPost("{attachmentId:int}/down")]
    public async Task<IActionResult> Down(int id, int attachmentId, CancellationToken ct) =>
        await ChangeAsync(id, attachmentId, () => attachments.MoveAsync(attachmentId, 1, ct), null, ct);

    private async Task<IActionResult> ChangeAsync(int id, int attachmentId, Func<Task<Result>> change, string? message, CancellationToken ct)
    {
        var article = await FindAsync(id, ct);
        if (article is null || !await db.Attachments.AnyAsync(a => a.Id == attachmentId && a.ArticleId == id, ct))
        {
            return NotFound();
        }

        if (!MayEdit(article))
        {
            return Forbid();
        }

        var changed = await change();
        if (!changed.Succeeded)
        {
            return this.Failure(changed, () => RedirectToAction(nameof(Index), new { id }));
        }

        if (message is not null)
        {
            Flash(message);
        }

        return RedirectToAction(nameof(Index), new { id });
    }

    private Task<ArticleOwner?> FindAsync(int id, CancellationToken ct) =>
        db.Articles.AsNoTracking().Where(a => a.Id == id).Select(a => new ArticleOwner(a.Id, a.Title, a.CreatedById, a.Status)).SingleOrDefaultAsync(ct);

    private bool MayEdit(ArticleOwner article) =>
        User.IsInRole(Roles.Editor) || User.IsInRole(Roles.Admin)
        || (article.CreatedById == users.GetUserId(User) && article.Status is ArticleStatus.Draft or ArticleStatus.Returned);

    private async Task<ArticleAttachmentsViewModel> ModelAsync(ArticleOwner article, string? title, CancellationToken ct) =>
        new(article.Id, article.Title, await attachments.ListAsync(article.Id, ct), options.Value.MaxDocumentBytes, title);

    private sealed record ArticleOwner(int Id, string Title, string? CreatedById, ArticleStatus Status);
}

public sealed record ArticleAttachmentsViewModel(int ArticleId, string ArticleTitle, IReadOnlyList<AttachmentSummary> Items, long MaxBytes, string? Title);
