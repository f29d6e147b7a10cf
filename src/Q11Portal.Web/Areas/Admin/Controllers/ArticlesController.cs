using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Articles.Rendering;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;
using Q11Portal.Core.Media;
using Q11Portal.Core.Users;
using Q11Portal.Web.Areas.Admin.Models;
using Q11Portal.Web.Infrastructure;
using Q11Portal.Web.Models;

namespace Q11Portal.Web.Areas.Admin.Controllers;

/// <summary>The newsroom: list, write, edit, workflow steps, preview (revisions: <see cref="ArticleRevisionsController"/>).
/// Any staff member may enter; what each person may do to an article is decided by <see cref="ArticleWorkflow"/>
/// (reporters only touch their own drafts).</summary>
[Route("admin/articles")]
public sealed class ArticlesController(
    ArticleListQuery list,
    ArticleEditQuery articles,
    ArticleWriter writer,
    NewsroomWorkflow workflow,
    TagSuggestions tags,
    ArticleService reading,
    PortalDbContext db,
    MediaService media,
    UserManager<PortalUser> users) : NewsroomControllerBase
{
    /// <summary>The step a content form's button asks for once the content is saved ("save" asks for none), with what
    /// to say when it is done: after a new article's first save, and after a save of an existing one.</summary>
    private static readonly Dictionary<string, FormStep> FormSteps = new(StringComparer.Ordinal)
    {
        ["submit"] = new("Đã lưu và gửi bài chờ duyệt.", "Đã gửi bài chờ duyệt.", (w, s, a, at, ct) => w.SubmitAsync(s.ArticleId, s.Version, a, ct)),
        ["publish"] = new("Đã xuất bản bài viết.", "Đã xuất bản bài viết.", (w, s, a, at, ct) => w.PublishAsync(s.ArticleId, s.Version, a, at, ct)),
        ["schedule"] = new("Đã hẹn giờ xuất bản.", "Đã hẹn giờ xuất bản.", (w, s, a, at, ct) => w.ScheduleAsync(s.ArticleId, s.Version, a, at, ct)),
    };

    [HttpGet("")]
    public async Task<IActionResult> Index(ArticleStatus? status, int? category, string? author, string? q, int page = 1, CancellationToken ct = default)
    {
        var filter = new ArticleListFilter(status, category, string.IsNullOrEmpty(author) ? null : author, q, page);
        var result = await list.ListAsync(filter, ct);
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

    /// <param name="command">save, submit, publish or schedule: the draft is stored first, then the step runs.</param>
    [HttpPost("create")]
    public async Task<IActionResult> Create(ArticleInput input, string? command, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Edit", await EditorModelAsync(input, null, ct));
        }

        var created = await writer.CreateAsync(input.ToDraft(), Actor(), ct);
        if (!created.Succeeded)
        {
            return await RefusedAsync(created, input, null, ct);
        }

        if (FormSteps.GetValueOrDefault(command ?? string.Empty) is { } step)
        {
            // The draft is stored whatever happens next; a refused step only leaves it a draft, with the reason.
            var moved = await step.Run(workflow, created.Value!, Actor(), input.ToDraft().PublishAtUtc, ct);
            if (moved.Succeeded)
            {
                Flash(WithNotice(step.DoneAfterCreate, created.Value!));
            }
            else
            {
                FlashError(WithNotice("Đã lưu bản nháp, nhưng chưa thực hiện được bước tiếp theo: " + moved.Message, created.Value!));
            }
        }
        else
        {
            Flash(WithNotice("Đã lưu bản nháp.", created.Value!));
        }

        return RedirectToAction(nameof(Edit), new { id = created.Value!.ArticleId });
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit([FromRoute] int id, CancellationToken ct)
    {
        var data = await articles.GetAsync(id, ct);
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

    /// <param name="command">save, submit, publish or schedule: the content is saved first, then the step runs.</param>
    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit([FromRoute] int id, ArticleInput input, string? command, CancellationToken ct)
    {
        var data = await articles.GetAsync(id, ct);
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

        var saved = await writer.SaveAsync(id, input.ToDraft(), input.Version, Actor(), ct);
        if (!saved.Succeeded)
        {
            return await RefusedAsync(saved, input, data, ct);
        }

        if (FormSteps.GetValueOrDefault(command ?? string.Empty) is { } step)
        {
            var moved = await step.Run(workflow, saved.Value!, Actor(), input.ToDraft().PublishAtUtc, ct);
            if (!moved.Succeeded)
            {
                // The content is saved; only the step failed. Show the form again with the message and the new version.
                input.Version = saved.Value!.Version;
                return await RefusedAsync(moved, input, await articles.GetAsync(id, ct), ct);
            }

            Flash(WithNotice(step.DoneAfterSave, saved.Value!));
        }
        else
        {
            Flash(WithNotice(saved.Value!.Unchanged ? "Không có thay đổi nào để lưu." : "Đã lưu.", saved.Value!));
        }

        return RedirectToAction(nameof(Edit), new { id });
    }

    /// <summary>Workflow buttons outside the content form (return with a reason, withdraw, unpublish, delete); the
    /// posted action is mapped here, once, to its named operation.</summary>
    [HttpPost("{id:int}/transition")]
    public async Task<IActionResult> Transition([FromRoute] int id, ArticleAction action, Guid version, string? reason, CancellationToken ct)
    {
        if (action == ArticleAction.Return && NewsroomWorkflow.ReasonProblem(reason) is { } problem)
        {
            // Keep the person on the page with what they wrote; the step itself is fine, the reason is not.
            FlashError(problem);
            TempData["ReturnReasonDraft"] = reason;
            return RedirectToAction(nameof(Edit), new { id });
        }

        var actor = Actor();
        Result? result = action switch
        {
            ArticleAction.Submit => await workflow.SubmitAsync(id, version, actor, ct),
            ArticleAction.Withdraw => await workflow.WithdrawAsync(id, version, actor, ct),
            ArticleAction.Return => await workflow.ReturnToReporterAsync(id, version, actor, reason, ct),
            ArticleAction.Publish => await workflow.PublishAsync(id, version, actor, null, ct),
            ArticleAction.Schedule => await workflow.ScheduleAsync(id, version, actor, null, ct),
            ArticleAction.Unpublish => await workflow.UnpublishAsync(id, version, actor, reason, ct),
            ArticleAction.Delete => await workflow.DeleteAsync(id, version, actor, ct),
            _ => null,
        };
        if (result is null)
        {
            return this.BadRequestPage("Thao tác không hợp lệ.");
        }

        if (!result.Succeeded)
        {
            return Refused(result, () => RedirectToAction(nameof(Edit), new { id }), conflictAdvice: "Hãy xem lại bài trước khi thao tác.");
        }

        Flash(action switch
        {
            ArticleAction.Return => "Đã trả lại bài cho phóng viên.",
            ArticleAction.Withdraw => "Đã rút bài về nháp.",
            ArticleAction.Unpublish => "Đã gỡ bài khỏi trang.",
            ArticleAction.Delete => $"Đã chuyển bài vào thùng rác; Biên tập viên khôi phục được trong {ArticleTrash.RetentionDays} ngày.",
            _ => "Đã cập nhật.",
        });
        return action == ArticleAction.Delete ? RedirectToAction(nameof(Index)) : RedirectToAction(nameof(Edit), new { id });
    }

    [HttpGet("{id:int}/delete")]
    public async Task<IActionResult> Delete([FromRoute] int id, CancellationToken ct)
    {
        var data = await articles.GetAsync(id, ct);
        return data is null ? NotFound() : !MayOpen(data.CreatedById) ? NotTheirs() : View(data);
    }

    /// <summary>The article exactly as readers will see it, whatever its state; staff only, never cached or indexed.</summary>
    [HttpGet("{id:int}/preview")]
    public async Task<IActionResult> Preview([FromRoute] int id, [FromServices] ArticleBodyRenderer renderer, CancellationToken ct)
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
        return View("~/Views/Articles/Details.cshtml", new ArticlePageViewModel(await renderer.RenderAsync(details, ct), new ArticleNeighbours([], []), PrintView: false));
    }

    /// <summary>Tag names for the "as you type" list (JSON).</summary>
    [HttpGet("/admin/tags/suggest")]
    public async Task<IActionResult> SuggestTags(string? q, CancellationToken ct) =>
        Json(await tags.SuggestAsync(q, 10, ct));

    /// <summary>A refused save shows the form again with what the person typed; a conflict also carries the current
    /// version, so the next save overwrites knowingly.</summary>
    /// <summary>The flash after a save, followed by what the sanitizer took out of the body, so no word vanishes silently.</summary>
    private static string WithNotice(string message, ArticleSaved saved) =>
        ArticleHtmlSanitizer.Notice(saved.Removed) is { } notice ? message + " " + notice : message;

    private async Task<IActionResult> RefusedAsync(Result<ArticleSaved> result, ArticleInput input, ArticleEditData? data, CancellationToken ct)
    {
        switch (result.Outcome)
        {
            case Outcome.NotFound:
                return NotFound();
            case Outcome.Forbidden:
                return this.StatusWithDetail(StatusCodes.Status403Forbidden, result.Message!);
            case Outcome.Conflict:
                input.Version = result.Value!.Version;
                Response.StatusCode = StatusCodes.Status409Conflict;
                var problem = result.Message + " Nội dung bạn soạn vẫn còn nguyên trong khung dưới đây và CHƯA được lưu. Hãy xem bản hiện tại "
                    + "(mở ở thẻ mới), đối chiếu, rồi bấm Lưu lần nữa nếu muốn ghi đè bằng nội dung của bạn.";
                return View("Edit", await EditorModelAsync(input, data, ct, problem, result.Value.Conflict));
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
            Pinned = ArticleDraft.ParseIds(input.PinnedRelated) is { Count: > 0 } pinned ? await list.ByIdsAsync(pinned, ct) : [],
            CorrectedAtUtc = data?.CorrectedAtUtc,
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

    private sealed record FormStep(string DoneAfterCreate, string DoneAfterSave,
        Func<NewsroomWorkflow, ArticleSaved, StaffActor, DateTime?, CancellationToken, Task<Result<ArticleSaved>>> Run);
}
