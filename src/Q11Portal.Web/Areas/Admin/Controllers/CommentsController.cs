using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Q11Portal.Core.Comments;
using Q11Portal.Core.Users;
using Q11Portal.Web.Areas.Admin.Models;
using Q11Portal.Web.Infrastructure;

namespace Q11Portal.Web.Areas.Admin.Controllers;

/// <summary>Comment moderation (Quản trị only, as the role table says): the queue filtered by status, article and
/// age; approve, reject with a reason, spam, delete and reply, one by one or on a selection. Every decision is in the
/// audit log.</summary>
[Route("admin/comments")]
[Authorize(Policy = Policies.Admin)]
public sealed class CommentsController(CommentModeration moderation) : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? status, int? article, CommentAge age = CommentAge.Any, int page = 1, CancellationToken ct = default)
    {
        CommentStatus? wanted = status switch
        {
            null or "" => CommentStatus.Pending,
            "all" => null,
            _ when Enum.TryParse<CommentStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s) => s,
            _ => CommentStatus.Pending,
        };
        var filter = new CommentQueueFilter(wanted, article is > 0 ? article : null, Enum.IsDefined(age) ? age : CommentAge.Any, Math.Clamp(page, 1, 100_000));
        var result = await moderation.QueueAsync(filter, ct);
        ViewData["Title"] = "Bình luận";
        return View(new CommentQueueViewModel(filter with { Page = result.Page }, result, await moderation.CountByStatusAsync(ct), await moderation.ArticlesAsync(wanted, ct)));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var comment = await moderation.FindAsync(id, ct);
        if (comment is null)
        {
            return NotFound();
        }

        ViewData["Title"] = $"Bình luận #{id}";
        return View(new CommentDetailsViewModel(comment, await moderation.RepliesAsync(id, ct)));
    }

    /// <summary>One decision on the selected comments (<paramref name="ids"/>), or on one comment when a row's own
    /// button sent <paramref name="one"/>.</summary>
    [HttpPost("decide")]
    public async Task<IActionResult> Decide(int[]? ids, string? decision, string? reason, bool confirmDelete, string? returnUrl, string? one, CancellationToken ct)
    {
        var selected = ids ?? [];
        if (one is { Length: > 0 } && one.Split(':') is [var singleDecision, var singleId] && int.TryParse(singleId, out var oneId))
        {
            decision = singleDecision;
            selected = [oneId];
        }

        ModerationAction? action = decision switch
        {
            "approve" => ModerationAction.Approve,
            "reject" => ModerationAction.Reject,
            "spam" => ModerationAction.Spam,
            "delete" => ModerationAction.Delete,
            _ => null,
        };
        if (action is null)
        {
            FlashError("Vui lòng chọn thao tác.");
        }
        else if (action == ModerationAction.Delete && !confirmDelete)
        {
            FlashError("Xóa không thể hoàn tác: hãy đánh dấu ô “Tôi chắc chắn muốn xóa” rồi thực hiện lại.");
        }
        else
        {
            // Every refusal, a selection another moderator has just deleted included, is told on the queue the
            // selection came from: a bulk form has no page of its own to answer 404 for.
            var decided = await moderation.DecideAsync(selected, action.Value, reason, ActorName ?? "?", ct);
            if (decided.Succeeded)
            {
                Flash($"Đã {Verb(action.Value)} {decided.Value} bình luận.");
            }
            else
            {
                FlashError(decided.Message!);
            }
        }

        return LocalRedirect(returnUrl is { Length: > 0 } && Url.IsLocalUrl(returnUrl) ? returnUrl : "/admin/comments");
    }

    [HttpPost("{id:int}/reply")]
    public async Task<IActionResult> Reply(int id, string? body, CancellationToken ct)
    {
        var replied = await moderation.ReplyAsync(id, body, ActorName ?? "?", ct);
        if (!replied.Succeeded)
        {
            TempData["ReplyDraft"] = body;
            return this.Failure(replied, () => Redirect($"/admin/comments/{id}"));
        }

        Flash("Đã đăng trả lời; trả lời hiển thị ngay dưới bình luận.");
        return Redirect($"/admin/comments/{id}");
    }

    private static string Verb(ModerationAction action) => action switch
    {
        ModerationAction.Approve => "duyệt",
        ModerationAction.Reject => "từ chối",
        ModerationAction.Spam => "đánh dấu spam",
        _ => "xóa",
    };
}

/// <summary>"Bình luận chờ duyệt" on the dashboard, for the admins who moderate.</summary>
public sealed class PendingCommentsTile(CommentModeration moderation) : IDashboardTileSource
{
    public async Task<DashboardTile?> GetTileAsync(System.Security.Claims.ClaimsPrincipal user, CancellationToken ct) =>
        user.IsInRole(Roles.Admin)
            ? new DashboardTile("Bình luận chờ duyệt", (await moderation.CountPendingAsync(ct)).ToString(System.Globalization.CultureInfo.InvariantCulture), "/admin/comments")
            : null;
}
