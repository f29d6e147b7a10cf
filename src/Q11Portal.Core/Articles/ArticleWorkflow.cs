using Q11Portal.Core.Users;

namespace Q11Portal.Core.Articles;

/// <summary>What a staff member does to an article.</summary>
public enum ArticleAction
{
    /// <summary>Save changes to the content.</summary>
    Edit,
    /// <summary>Gửi duyệt: a draft or returned article goes to the editors.</summary>
    Submit,
    /// <summary>Rút lại: the author takes a submitted article back to draft.</summary>
    Withdraw,
    /// <summary>Trả lại: an editor sends it back to the author with a reason.</summary>
    Return,
    /// <summary>Xuất bản now.</summary>
    Publish,
    /// <summary>Hẹn giờ: published automatically at a future time.</summary>
    Schedule,
    /// <summary>Gỡ bài: taken off the public site, kept in the newsroom.</summary>
    Unpublish,
    /// <summary>Xóa: to the trash (never while public); purged for good after 30 days or by an admin.</summary>
    Delete,
}

public enum WorkflowOutcome
{
    Allowed,
    /// <summary>The role (or not being the author) does not allow it: HTTP 403.</summary>
    Forbidden,
    /// <summary>The article's state does not allow it: HTTP 400.</summary>
    InvalidState,
}

public sealed record WorkflowDecision(WorkflowOutcome Outcome, ArticleStatus? NewStatus, string? Message)
{
    public bool IsAllowed => Outcome == WorkflowOutcome.Allowed;
}

/// <summary>The newsroom's transition table as a pure function: Nháp → Chờ duyệt → Đã xuất bản, Trả lại, Hẹn giờ,
/// Gỡ bài. A reporter writes and submits their own articles; editors and admins do everything else.</summary>
public static class ArticleWorkflow
{
    private static readonly ArticleStatus[] Any =
        [ArticleStatus.Draft, ArticleStatus.Submitted, ArticleStatus.Returned, ArticleStatus.Scheduled, ArticleStatus.Published, ArticleStatus.Unpublished];

    /// <summary>Allowed source states and the resulting state; null target keeps the state.</summary>
    private static readonly Dictionary<ArticleAction, (ArticleStatus[] From, ArticleStatus? To, string MinRole)> Table = new()
    {
        [ArticleAction.Edit] = (Any, null, Roles.Reporter),
        [ArticleAction.Submit] = ([ArticleStatus.Draft, ArticleStatus.Returned], ArticleStatus.Submitted, Roles.Reporter),
        [ArticleAction.Withdraw] = ([ArticleStatus.Submitted], ArticleStatus.Draft, Roles.Reporter),
        [ArticleAction.Return] = ([ArticleStatus.Submitted, ArticleStatus.Scheduled], ArticleStatus.Returned, Roles.Editor),
        [ArticleAction.Publish] = ([ArticleStatus.Draft, ArticleStatus.Submitted, ArticleStatus.Returned, ArticleStatus.Scheduled, ArticleStatus.Unpublished], ArticleStatus.Published, Roles.Editor),
        [ArticleAction.Schedule] = ([ArticleStatus.Draft, ArticleStatus.Submitted, ArticleStatus.Returned, ArticleStatus.Scheduled, ArticleStatus.Unpublished], ArticleStatus.Scheduled, Roles.Editor),
        [ArticleAction.Unpublish] = ([ArticleStatus.Published, ArticleStatus.Scheduled], ArticleStatus.Unpublished, Roles.Editor),
        [ArticleAction.Delete] = ([ArticleStatus.Draft, ArticleStatus.Returned, ArticleStatus.Unpublished], ArticleStatus.Trashed, Roles.Reporter),
    };

    /// <summary>States in which a reporter may still change their own article.</summary>
    private static readonly ArticleStatus[] AuthorEditable = [ArticleStatus.Draft, ArticleStatus.Returned];

    /// <param name="role">The actor's highest role (Roles.*).</param>
    /// <param name="isAuthor">Whether the actor created the article.</param>
    public static WorkflowDecision Decide(ArticleStatus from, ArticleAction action, string? role, bool isAuthor)
    {
        var rank = Roles.Rank(role);
        if (rank == 0)
        {
            return Forbidden("Bạn không có quyền thao tác với bài viết.");
        }

        var (sources, to, minRole) = Table[action];
        if (rank < Roles.Rank(minRole))
        {
            return Forbidden(action switch
            {
                ArticleAction.Publish or ArticleAction.Schedule => "Phóng viên không được xuất bản bài; hãy gửi duyệt để Biên tập xuất bản.",
                ArticleAction.Return => "Chỉ Biên tập mới được trả lại bài.",
                ArticleAction.Unpublish => "Chỉ Biên tập mới được gỡ bài.",
                _ => "Bạn không có quyền thực hiện thao tác này.",
            });
        }

        var isEditor = rank >= Roles.Rank(Roles.Editor);
        if (!isEditor && !isAuthor)
        {
            return Forbidden("Phóng viên chỉ được thao tác với bài của mình.");
        }

        if (!sources.Contains(from))
        {
            return Invalid(action, from);
        }

        if (!isEditor && action is ArticleAction.Edit or ArticleAction.Delete && !AuthorEditable.Contains(from))
        {
            return from == ArticleStatus.Submitted
                ? Forbidden("Bài đang chờ duyệt: hãy rút lại bài trước khi sửa.")
                : Forbidden("Bài đã qua khâu biên tập; phóng viên không sửa được nữa.");
        }

        return new WorkflowDecision(WorkflowOutcome.Allowed, to ?? from, null);
    }

    /// <summary>Actions a toolbar should offer for the article (the same rule as <see cref="Decide"/>).</summary>
    public static IReadOnlyList<ArticleAction> Available(ArticleStatus from, string? role, bool isAuthor) =>
        Enum.GetValues<ArticleAction>().Where(a => Decide(from, a, role, isAuthor).IsAllowed).ToList();

    public static string StatusName(ArticleStatus status) => status switch
    {
        ArticleStatus.Draft => "Nháp",
        ArticleStatus.Submitted => "Chờ duyệt",
        ArticleStatus.Returned => "Trả lại",
        ArticleStatus.Scheduled => "Hẹn giờ",
        ArticleStatus.Published => "Đã xuất bản",
        ArticleStatus.Unpublished => "Đã gỡ",
        ArticleStatus.Trashed => "Thùng rác",
        _ => status.ToString(),
    };

    public static string ActionName(ArticleAction action) => action switch
    {
        ArticleAction.Edit => "Lưu",
        ArticleAction.Submit => "Gửi duyệt",
        ArticleAction.Withdraw => "Rút lại",
        ArticleAction.Return => "Trả lại",
        ArticleAction.Publish => "Xuất bản",
        ArticleAction.Schedule => "Hẹn giờ xuất bản",
        ArticleAction.Unpublish => "Gỡ bài",
        ArticleAction.Delete => "Xóa bài",
        _ => action.ToString(),
    };

    private static WorkflowDecision Forbidden(string message) => new(WorkflowOutcome.Forbidden, null, message);

    private static WorkflowDecision Invalid(ArticleAction action, ArticleStatus from) =>
        new(WorkflowOutcome.InvalidState, null,
            $"Không thể “{ActionName(action)}” khi bài đang ở trạng thái “{StatusName(from)}”." +
            (action == ArticleAction.Delete && from is ArticleStatus.Published or ArticleStatus.Scheduled ? " Hãy gỡ bài trước khi xóa." : string.Empty));
}
