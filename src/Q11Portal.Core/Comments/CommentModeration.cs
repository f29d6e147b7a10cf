using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Comments;

public enum CommentAge
{
    Any = 0,
    /// <summary>Written in the last 24 hours.</summary>
    LastDay = 1,
    /// <summary>Between one and seven days old.</summary>
    LastWeek = 2,
    /// <summary>More than seven days old.</summary>
    Older = 3,
}

public enum ModerationAction
{
    Approve,
    Reject,
    Spam,
    Delete,
}

public sealed record CommentQueueFilter(CommentStatus? Status = CommentStatus.Pending, int? ArticleId = null, CommentAge Age = CommentAge.Any, int Page = 1);

public sealed record CommentQueueItem(
    int Id,
    int ArticleId,
    string ArticleTitle,
    string ArticleSlug,
    int? ParentId,
    string AuthorName,
    string? AuthorEmail,
    string Body,
    CommentStatus Status,
    bool IsStaffReply,
    DateTime CreatedAtUtc,
    DateTime? ModeratedAtUtc,
    string? ModeratedBy,
    string? ModerationReason,
    string? ClientHash,
    string? ClientAddress);

public sealed record CommentQueuePage(IReadOnlyList<CommentQueueItem> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record ArticleCommentCount(int ArticleId, string Title, int Count);

public static class CommentAuditActions
{
    public const string EntityType = "Comment";
    public const string Approve = "comment.approve";
    public const string Reject = "comment.reject";
    public const string Spam = "comment.spam";
    public const string Delete = "comment.delete";
    public const string Reply = "comment.reply";
}

/// <summary>Staff side of comments: the queue and every decision on it, each written to the audit log in the same
/// unit of work as the change itself. A decision answers with a <see cref="Result{T}"/> whose value is how many comments
/// it changed.</summary>
public sealed class CommentModeration(PortalDbContext db, AuditLog audit, IOptions<CommentOptions> options, TimeProvider clock)
{
    /// <summary>Largest selection one bulk action accepts.</summary>
    public const int MaxSelection = 200;

    public const int ReasonMaxLength = 1000;

    public Task<int> CountPendingAsync(CancellationToken ct) =>
        db.Comments.CountAsync(c => c.Status == CommentStatus.Pending, ct);

    public async Task<IReadOnlyDictionary<CommentStatus, int>> CountByStatusAsync(CancellationToken ct)
    {
        var counts = await db.Comments.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return Enum.GetValues<CommentStatus>().ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0);
    }

    public async Task<CommentQueuePage> QueueAsync(CommentQueueFilter filter, CancellationToken ct)
    {
        var pageSize = options.Value.ModerationPageSize;
        var query = Filtered(filter);
        var total = await query.CountAsync(ct);
        var pageCount = Paging.PageCount(total, pageSize);
        var page = Math.Clamp(filter.Page, 1, pageCount);

        // The queue is worked oldest first, so nobody waits longest; the other lists show the newest first.
        var ordered = filter.Status == CommentStatus.Pending
            ? query.OrderBy(c => c.CreatedAtUtc).ThenBy(c => c.Id)
            : query.OrderByDescending(c => c.CreatedAtUtc).ThenByDescending(c => c.Id);
        var items = await ordered
            .Skip(Paging.Skip(page, pageSize)).Take(pageSize)
            .Select(c => new CommentQueueItem(c.Id, c.ArticleId, c.Article.Title, c.Article.Slug, c.ParentId, c.AuthorName, c.AuthorEmail, c.Body,
                c.Status, c.IsStaffReply, c.CreatedAtUtc, c.ModeratedAtUtc, c.ModeratedBy, c.ModerationReason, c.ClientHash, c.ClientAddress))
            .ToListAsync(ct);
        return new CommentQueuePage(items, total, page, pageSize);
    }

    /// <summary>Articles that have comments in the given status, for the queue's article filter.</summary>
    public async Task<IReadOnlyList<ArticleCommentCount>> ArticlesAsync(CommentStatus? status, CancellationToken ct)
    {
        var rows = await db.Comments
            .Where(c => status == null || c.Status == status)
            .GroupBy(c => new { c.ArticleId, c.Article.Title })
            .Select(g => new { g.Key.ArticleId, g.Key.Title, Count = g.Count() })
            .ToListAsync(ct);
        return rows.OrderByDescending(r => r.Count).ThenBy(r => r.Title)
            .Select(r => new ArticleCommentCount(r.ArticleId, r.Title, r.Count)).Take(200).ToList();
    }

    public Task<CommentQueueItem?> FindAsync(int id, CancellationToken ct) =>
        db.Comments.Where(c => c.Id == id)
            .Select(c => new CommentQueueItem(c.Id, c.ArticleId, c.Article.Title, c.Article.Slug, c.ParentId, c.AuthorName, c.AuthorEmail, c.Body,
                c.Status, c.IsStaffReply, c.CreatedAtUtc, c.ModeratedAtUtc, c.ModeratedBy, c.ModerationReason, c.ClientHash, c.ClientAddress))
            .SingleOrDefaultAsync(ct);

    /// <summary>Staff replies under a comment, oldest first.</summary>
    public Task<List<CommentQueueItem>> RepliesAsync(int parentId, CancellationToken ct) =>
        db.Comments.Where(c => c.ParentId == parentId).OrderBy(c => c.CreatedAtUtc)
            .Select(c => new CommentQueueItem(c.Id, c.ArticleId, c.Article.Title, c.Article.Slug, c.ParentId, c.AuthorName, c.AuthorEmail, c.Body,
                c.Status, c.IsStaffReply, c.CreatedAtUtc, c.ModeratedAtUtc, c.ModeratedBy, c.ModerationReason, c.ClientHash, c.ClientAddress))
            .ToListAsync(ct);

    /// <summary>Applies one decision to every selected comment. Reject needs a reason; for the others it is optional.</summary>
    public async Task<Result<int>> DecideAsync(IReadOnlyCollection<int> ids, ModerationAction action, string? reason, string userName, CancellationToken ct)
    {
        var selected = ids.Distinct().ToList();
        if (selected.Count == 0)
        {
            return Refused(Result.Invalid("Chưa chọn bình luận nào."));
        }

        if (selected.Count > MaxSelection)
        {
            return Refused(Result.Invalid($"Mỗi lần chỉ xử lý tối đa {MaxSelection} bình luận."));
        }

        var why = CommentText.CleanBody(reason);
        if (why.Length > ReasonMaxLength)
        {
            return Refused(Result.Invalid($"Lý do dài tối đa {ReasonMaxLength} ký tự."));
        }

        if (action == ModerationAction.Reject && why.Length == 0)
        {
            return Refused(Result.Invalid("Vui lòng ghi lý do từ chối."));
        }

        var comments = await db.Comments.Where(c => selected.Contains(c.Id)).ToListAsync(ct);
        if (comments.Count == 0)
        {
            return Refused(Result.NotFound("Không tìm thấy bình luận đã chọn (có thể đã bị xóa)."));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var reasonOrNull = why.Length == 0 ? null : why;
        if (action == ModerationAction.Delete)
        {
            var parentIds = comments.Select(c => c.Id).ToList();
            var replies = await db.Comments.Where(c => c.ParentId != null && parentIds.Contains(c.ParentId.Value) && !parentIds.Contains(c.Id)).ToListAsync(ct);
            foreach (var comment in comments)
            {
                var replyCount = replies.Count(r => r.ParentId == comment.Id);
                var details = string.Join("; ", new[]
                {
                    $"Tác giả: {comment.AuthorName}",
                    $"Trạng thái trước: {comment.Status}",
                    replyCount > 0 ? $"Xóa kèm {replyCount} trả lời" : null,
                    reasonOrNull is null ? null : $"Lý do: {reasonOrNull}",
                }.Where(s => s is not null));
                audit.Add(userName, CommentAuditActions.Delete, CommentAuditActions.EntityType, Id(comment.Id), details);
            }

            db.Comments.RemoveRange(replies);
            db.Comments.RemoveRange(comments);
            foreach (var comment in comments)
            {
                ContentChangeLog.Record(db, ContentKind.Comment, comment.Id, clock, ContentChangeKind.Removed);
            }

            await db.SaveChangesAsync(ct);
            return comments.Count;
        }

        var (status, auditAction) = action switch
        {
            ModerationAction.Approve => (CommentStatus.Approved, CommentAuditActions.Approve),
            ModerationAction.Reject => (CommentStatus.Rejected, CommentAuditActions.Reject),
            ModerationAction.Spam => (CommentStatus.Spam, CommentAuditActions.Spam),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };

        foreach (var comment in comments)
        {
            var before = comment.Status;
            comment.Status = status;
            comment.ModeratedAtUtc = now;
            comment.ModeratedBy = userName;
            comment.ModerationReason = reasonOrNull;
            audit.Add(userName, auditAction, CommentAuditActions.EntityType, Id(comment.Id),
                reasonOrNull is null ? $"{before} → {status}" : $"{before} → {status}; Lý do: {reasonOrNull}");
            // Approving shows it, rejecting or marking spam hides a shown one: either way the article page changes.
            ContentChangeLog.Record(db, ContentKind.Comment, comment.Id, clock,
                status == CommentStatus.Approved ? ContentChangeKind.Upserted : ContentChangeKind.Removed);
        }

        await db.SaveChangesAsync(ct);
        return comments.Count;
    }

    /// <summary>Posts a staff reply ("Trả lời") under a comment; it is public at once. Replying to a comment that
    /// still waits approves it too (a public answer to a hidden question makes no sense); a rejected or spam comment
    /// cannot be answered publicly. A reply to a reply goes under the original comment.</summary>
    public async Task<Result<int>> ReplyAsync(int commentId, string? text, string userName, CancellationToken ct)
    {
        var body = CommentText.CleanBody(text);
        if (body.Length == 0)
        {
            return Refused(Result.Invalid("Vui lòng nhập nội dung trả lời."));
        }

        if (body.Length > Math.Max(options.Value.BodyMaxLength, 5000))
        {
            return Refused(Result.Invalid($"Trả lời dài tối đa {Math.Max(options.Value.BodyMaxLength, 5000)} ký tự."));
        }

        var target = await db.Comments.SingleOrDefaultAsync(c => c.Id == commentId, ct);
        if (target is null)
        {
            return Refused(Result.NotFound("Không tìm thấy bình luận (có thể đã bị xóa)."));
        }

        if (target.ParentId is int parentId)
        {
            target = await db.Comments.SingleAsync(c => c.Id == parentId, ct);
        }

        if (target.Status is CommentStatus.Rejected or CommentStatus.Spam)
        {
            return Refused(Result.Conflict("Không thể trả lời công khai một bình luận đã bị từ chối hoặc là spam. Hãy duyệt nó trước."));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (target.Status == CommentStatus.Pending)
        {
            target.Status = CommentStatus.Approved;
            target.ModeratedAtUtc = now;
            target.ModeratedBy = userName;
            audit.Add(userName, CommentAuditActions.Approve, CommentAuditActions.EntityType, Id(target.Id), "Pending → Approved; duyệt khi trả lời");
        }

        var reply = new Comment
        {
            ArticleId = target.ArticleId,
            ParentId = target.Id,
            AuthorName = options.Value.StaffReplyName,
            Body = body,
            Status = CommentStatus.Approved,
            IsStaffReply = true,
            CreatedAtUtc = now,
            ModeratedAtUtc = now,
            ModeratedBy = userName,
        };
        db.Comments.Add(reply);
        // Audited on the comment answered, so the entry and the reply are stored by one SaveChanges.
        audit.Add(userName, CommentAuditActions.Reply, CommentAuditActions.EntityType, Id(target.Id),
            "Trả lời: " + (body.Length > 300 ? body[..300] + "…" : body));
        ContentChangeLog.Record(db, ContentKind.Comment, target.Id, clock);
        await db.SaveChangesAsync(ct);
        return 1;
    }

    private IQueryable<Comment> Filtered(CommentQueueFilter filter)
    {
        var query = db.Comments.AsNoTracking();
        if (filter.Status is { } status)
        {
            query = query.Where(c => c.Status == status);
        }

        if (filter.ArticleId is { } articleId)
        {
            query = query.Where(c => c.ArticleId == articleId);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var day = now.AddDays(-1);
        var week = now.AddDays(-7);
        query = filter.Age switch
        {
            CommentAge.LastDay => query.Where(c => c.CreatedAtUtc >= day),
            CommentAge.LastWeek => query.Where(c => c.CreatedAtUtc < day && c.CreatedAtUtc >= week),
            CommentAge.Older => query.Where(c => c.CreatedAtUtc < week),
            _ => query,
        };
        return query;
    }

    private static Result<int> Refused(Result failure) => Result<int>.From(failure);

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
