using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Data;
using Q11Portal.Core.Media;
using Q11Portal.Core.Users;
using Q11Portal.Web.Areas.Admin.Models;
using Q11Portal.Web.Infrastructure;
using Q11Portal.Web.Models;

namespace Q11Portal.Web.Areas.Admin.Controllers;

/// <summary>The newsroom: list, write, edit, workflow, preview, revisions. Any staff member may enter; what each
/// person may do to an article is decided by <see cref="ArticleWorkflow"/> (reporters only touch their own drafts).</summary>
[Route("admin/articles")]
public sealed class ArticlesController(
    ArticleEditorService editor,
    ArticleService reading,
    PortalDbContext db,
    MediaService media,
    UserManager<PortalUser> users) : StaffControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(ArticleStatus? status, int? category, string? author, string? q, int page = 1, CancellationToken ct = default)
    {
        var filter = new ArticleListFilter(status, category, string.IsNullOrEmpty(author) ? null : author, q, page);
        var result = await editor.ListAsync(filter, ct);
        var authors = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        ViewData["Title"] = "Bài viết";
        return View(new AdminArticleListViewModel(result, filter, await CategoriesAsync(ct), authors.Select(a => (a.Id, a.DisplayName)).ToList()));
    }

    [HttpGet("create")]
    public async Task<IActionResult> Create(CancellationToken ct)
    {
        var me = await users.GetUserAsync(User);
        return View("Edit", await EditorModelAsync(new ArticleInput { Byline = me?.DisplayName }, null, ct));
    }

    [HttpPost("create")]
    public async Task<IActionResult> Create(ArticleInput input, string? command, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Edit", await EditorModelAsync(input, null, ct));
        }

        var result = await editor.CreateAsync(input.ToDraft(), Actor(), ct);
        if (!result.Succeeded)
        {
            return await RefusedAsync(result, input, null, ct);
        }

        var next = command switch
        {
            "submit" => ArticleAction.Submit,
            "publish" => ArticleAction.Publish,
            "schedule" => ArticleAction.Schedule,
            _ => (ArticleAction?)null,
        };
        if (next is { } step)
        {
            // The draft is stored whatever happens next; a refused step only leaves it a draft, with the reason.
            var moved = await editor.TransitionAsync(result.ArticleId, step, result.Version, Actor(), null, input.ToDraft().PublishAtUtc, ct);
            if (moved.Succeeded)
            {
                Flash(step switch
                {
                    ArticleAction.Submit => "Đã lưu và gửi bài chờ duyệt.",
                    ArticleAction.Publish => "Đã xuất bản bài viết.",
                    _ => "Đã hẹn giờ xuất bản.",
                });
            }
            else
            {
                FlashError("Đã lưu bản nháp, nhưng chưa thực hiện được bước tiếp theo: " + moved.Message);
            }
        }
        else
        {
            Flash("Đã lưu bản nháp.");
        }

        return RedirectToAction(nameof(Edit), new { id = result.ArticleId });
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var data = await editor.GetForEditAsync(id, ct);
        if (data is null)
        {
            return NotFound();
        }

        if (!MayOpen(data.CreatedById))
        {
            return NotTheirs();
        }

        return View(await EditorModelAsync(ArticleInput.From(data), data, ct));
    }

    /// <param name="command">save, submit, publish or schedule: the content is saved first, then the transition runs.</param>
    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, ArticleInput input, string? command, CancellationToken ct)
    {
        var data = await editor.GetForEditAsync(id, ct);
        if (data is null)
        {
            return NotFound();
        }

        if (!MayOpen(data.CreatedById))
        {
            return NotTheirs();
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(await EditorModelAsync(input, data, ct));
        }

        var saved = await editor.SaveAsync(id, input.ToDraft(), input.Version, Actor(), ct);
        if (!saved.Succeeded)
        {
            return await RefusedAsync(saved, input, data, ct);
        }

        var action = command switch
        {
            "submit" => ArticleAction.Submit,
            "publish" => ArticleAction.Publish,
            "schedule" => ArticleAction.Schedule,
            _ => (ArticleAction?)null,
        };
        if (action is { } next)
        {
            var moved = await editor.TransitionAsync(id, next, saved.Version, Actor(), null, input.ToDraft().PublishAtUtc, ct);
            if (!moved.Succeeded)
            {
                // The content is saved; only the step failed. Show the form again with the message and the new version.
                input.Version = saved.Version;
                var fresh = await editor.GetForEditAsync(id, ct);
                return await RefusedAsync(moved, input, fresh, ct);
            }

            Flash(next switch
            {
                ArticleAction.Submit => "Đã gửi bài chờ duyệt.",
                ArticleAction.Publish => "Đã xuất bản bài viết.",
                _ => "Đã hẹn giờ xuất bản.",
            });
        }
        else
        {
            Flash(saved.Message ?? "Đã lưu.");
        }

        return RedirectToAction(nameof(Edit), new { id });
    }

    /// <summary>Workflow buttons outside the content form: return (with reason), withdraw, unpublish, delete.</summary>
    [HttpPost("{id:int}/transition")]
    public async Task<IActionResult> Transition(int id, ArticleAction action, Guid version, string? reason, CancellationToken ct)
    {
        if (!Enum.IsDefined(action) || action is ArticleAction.Edit)
        {
            return this.BadRequestPage("Thao tác không hợp lệ.");
        }

        if (action == ArticleAction.Return && (string.IsNullOrWhiteSpace(reason) || reason.Length > ArticleEditorService.MaxReasonLength))
        {
            // Keep the person on the page with what they wrote; the step itself is fine, the reason is not.
            FlashError(string.IsNullOrWhiteSpace(reason)
                ? "Hãy ghi lý do trả lại để phóng viên biết cần sửa gì."
                : $"Lý do trả lại tối đa {ArticleEditorService.MaxReasonLength} ký tự.");
            TempData["ReturnReasonDraft"] = reason;
            return RedirectToAction(nameof(Edit), new { id });
        }

        var result = await editor.TransitionAsync(id, action, version, Actor(), reason, null, ct);
        switch (result.Outcome)
        {
            case EditorOutcome.Ok:
                Flash(action switch
                {
                    ArticleAction.Return => "Đã trả lại bài cho phóng viên.",
                    ArticleAction.Withdraw => "Đã rút bài về nháp.",
                    ArticleAction.Unpublish => "Đã gỡ bài khỏi trang.",
                    ArticleAction.Delete => "Đã xóa bài viết.",
                    _ => "Đã cập nhật.",
                });
                return action == ArticleAction.Delete ? RedirectToAction(nameof(Index)) : RedirectToAction(nameof(Edit), new { id });
            case EditorOutcome.NotFound:
                return NotFound();
            case EditorOutcome.Forbidden:
                return this.StatusWithDetail(StatusCodes.Status403Forbidden, result.Message!);
            case EditorOutcome.Conflict:
                FlashError(result.Message!.Split(". Nội dung")[0] + ". Hãy xem lại bài trước khi thao tác.");
                return RedirectToAction(nameof(Edit), new { id });
            default:
                // The article's state does not allow the step (someone else moved it on, or a forged request).
                return this.BadRequestPage(result.Message!);
        }
    }

    [HttpGet("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken ct)
    {
        var data = await editor.GetForEditAsync(id, ct);
        return data is null ? NotFound() : !MayOpen(data.CreatedById) ? NotTheirs() : View(data);
    }

    /// <summary>The article exactly as readers will see it, whatever its state; staff only, never cached or indexed.</summary>
    [HttpGet("{id:int}/preview")]
    public async Task<IActionResult> Preview(int id, CancellationToken ct)
    {
        var details = await reading.GetPreviewAsync(id, ct);
        if (details is null)
        {
            return NotFound();
        }

        var state = await db.Articles.Where(a => a.Id == id).Select(a => new { a.Status, a.CreatedById }).SingleAsync(ct);
        if (!MayOpen(state.CreatedById))
        {
            return NotTheirs();
        }

        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        var status = state.Status;
        ViewData["PreviewNotice"] = $"Bản xem trước — bài đang ở trạng thái “{ArticleWorkflow.StatusName(status)}”, bạn đọc chưa thấy nếu bài chưa xuất bản.";
        ViewData["PreviewEditUrl"] = $"/admin/articles/{id}/edit";
        return View("~/Views/Articles/Details.cshtml", new ArticlePageViewModel(details, new ArticleNeighbours([], []), PrintView: false));
    }

    [HttpGet("{id:int}/revisions")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> Revisions(int id, CancellationToken ct)
    {
        var data = await editor.GetForEditAsync(id, ct);
        if (data is null)
        {
            return NotFound();
        }

        ViewData["Title"] = "Lịch sử phiên bản";
        return View(new RevisionsViewModel(id, data.Draft.Title, await editor.ListRevisionsAsync(id, ct), data.Version));
    }

    [HttpGet("{id:int}/revisions/diff")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> Diff(int id, int from, int to, CancellationToken ct)
    {
        var data = await editor.GetForEditAsync(id, ct);
        var older = await editor.GetRevisionAsync(id, from, ct);
        var newer = await editor.GetRevisionAsync(id, to, ct);
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

    [HttpPost("{id:int}/revisions/{revisionId:int}/restore")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> Restore(int id, int revisionId, Guid version, CancellationToken ct)
    {
        var result = await editor.RestoreAsync(id, revisionId, version, Actor(), ct);
        switch (result.Outcome)
        {
            case EditorOutcome.Ok:
                Flash($"Đã khôi phục phiên bản #{revisionId}; bản trước đó vẫn nằm trong lịch sử.");
                return RedirectToAction(nameof(Edit), new { id });
            case EditorOutcome.NotFound:
                return this.NotFoundPage("Không tìm thấy phiên bản.");
            case EditorOutcome.Forbidden:
                return this.StatusWithDetail(StatusCodes.Status403Forbidden, result.Message!);
            default:
                FlashError(result.Message!.Split(". Nội dung")[0] + ".");
                return RedirectToAction(nameof(Revisions), new { id });
        }
    }

    /// <summary>Tag names for the "as you type" list (JSON).</summary>
    [HttpGet("/admin/tags/suggest")]
    public async Task<IActionResult> SuggestTags(string? q, CancellationToken ct) =>
        Json(await editor.SuggestTagsAsync(q, 10, ct));

    /// <summary>Editors and admins open every article; a reporter opens the articles he or she wrote (another
    /// reporter's draft is not theirs to read before it is published).</summary>
    private bool MayOpen(string? createdById)
    {
        var actor = Actor();
        return Roles.Rank(actor.Role) >= Roles.Rank(Roles.Editor) || (createdById is not null && createdById == actor.UserId);
    }

    private IActionResult NotTheirs() =>
        this.StatusWithDetail(StatusCodes.Status403Forbidden, "Phóng viên chỉ mở được bài do chính mình viết. Bài này do người khác viết; hãy nhờ Biên tập viên nếu cần.");

    private StaffActor Actor()
    {
        var role = Roles.All.Reverse().FirstOrDefault(User.IsInRole);
        return new StaffActor(User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty, User.Identity?.Name ?? string.Empty, role);
    }

    private async Task<IActionResult> RefusedAsync(EditorResult result, ArticleInput input, ArticleEditData? data, CancellationToken ct)
    {
        switch (result.Outcome)
        {
            case EditorOutcome.NotFound:
                return NotFound();
            case EditorOutcome.Forbidden:
                return this.StatusWithDetail(StatusCodes.Status403Forbidden, result.Message!);
            case EditorOutcome.Conflict:
                // Keep what the person typed; the next save carries the current version, i.e. overwrites knowingly.
                input.Version = result.Version;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View("Edit", await EditorModelAsync(input, data, ct, result.Message, result.Conflict));
            default:
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return View("Edit", await EditorModelAsync(input, data, ct, result.Message));
        }
    }

    private async Task<ArticleEditorViewModel> EditorModelAsync(ArticleInput input, ArticleEditData? data, CancellationToken ct, string? problem = null, ConcurrentSave? conflict = null)
    {
        var actor = Actor();
        var status = data?.Status ?? ArticleStatus.Draft;
        var isAuthor = data is null || data.CreatedById == actor.UserId;
        ViewData["Title"] = data is null ? "Viết bài mới" : "Sửa bài: " + data.Draft.Title;
        var leadImage = input.LeadImageId is { } imageId ? await media.FindAsync(imageId, ct) : null;
        return new ArticleEditorViewModel
        {
            Input = input,
            Id = data?.Id,
            Status = status,
            AuthorName = data?.AuthorName,
            ReturnReason = data?.ReturnReason,
            CurrentSlug = data?.CurrentSlug,
            Categories = await CategoriesAsync(ct),
            Actions = data is null ? [] : ArticleWorkflow.Available(status, actor.Role, isAuthor),
            IsEditor = Roles.Rank(actor.Role) >= Roles.Rank(Roles.Editor),
            Problem = problem,
            Conflict = conflict,
            UpdatedAtUtc = data?.UpdatedAtUtc,
            LeadImageUrl = leadImage?.Url(480),
            LeadImageAlt = leadImage?.AltText,
        };
    }

    private async Task<IReadOnlyList<CategoryOption>> CategoriesAsync(CancellationToken ct)
    {
        var all = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new { c.Id, c.Name, c.ParentId }).ToListAsync(ct);
        // Parents first, children indented under them.
        var list = new List<CategoryOption>();
        foreach (var parent in all.Where(c => c.ParentId == null))
        {
            list.Add(new CategoryOption(parent.Id, parent.Name));
            list.AddRange(all.Where(c => c.ParentId == parent.Id).Select(c => new CategoryOption(c.Id, "— " + c.Name)));
        }

        list.AddRange(all.Where(c => c.ParentId != null && all.All(p => p.Id != c.ParentId)).Select(c => new CategoryOption(c.Id, c.Name)));
        return list;
    }
}
