using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Comments;

/// <summary>What a resident typed, as posted.</summary>
public sealed record CommentDraft(string? Name, string? Email, string? Body);

/// <summary>A draft after cleaning; <see cref="Errors"/> (field name → Vietnamese message) is empty when it may be stored.</summary>
public sealed record CleanComment(string Name, string? Email, string Body, IReadOnlyDictionary<string, string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

public sealed record CommentStored(int Id, CommentStatus Status);

public sealed record CommentArticle(int Id, string Title, string Slug);

/// <summary>An approved comment as readers see it, with the staff replies under it.</summary>
public sealed record PublicComment(int Id, string AuthorName, string Body, DateTime CreatedAtUtc, bool IsStaffReply, IReadOnlyList<PublicComment> Replies);

/// <summary>One page of an article's approved comments. <see cref="Total"/> counts comments and replies (the heading's
/// number); pages count top-level comments.</summary>
public sealed record PublicCommentPage(IReadOnlyList<PublicComment> Comments, int Total, int Page, int PageCount)
{
    /// <summary>An article without approved comments: one empty page.</summary>
    public static readonly PublicCommentPage Empty = new([], 0, 1, 1);
}

/// <summary>Residents' side of comments: checking and storing a new comment, and the approved thread of an article.</summary>
public sealed class CommentService(
    PortalDbContext db,
    IOptions<CommentOptions> options,
    ClientAddressHasher hasher,
    TimeProvider clock,
    ILogger<CommentService> logger)
{
    public const string NameField = "Name";
    public const string EmailField = "Email";
    public const string BodyField = "Body";

    /// <summary>Cleans the draft and checks the limits; stores nothing.</summary>
    public CleanComment Clean(CommentDraft draft)
    {
        var o = options.Value;
        var name = CommentText.CleanLine(draft.Name);
        var email = CommentText.CleanEmail(draft.Email);
        var body = CommentText.CleanBody(draft.Body);
        var errors = new Dictionary<string, string>();

        if (name.Length == 0)
        {
            errors[NameField] = "Vui lòng nhập họ tên.";
        }
        else if (TextRules.Required("Họ tên", name) is { } invisibleName)
        {
            errors[NameField] = invisibleName;
        }
        else if (name.Length > o.NameMaxLength)
        {
            errors[NameField] = $"Họ tên dài tối đa {o.NameMaxLength} ký tự (bạn đã nhập {Number(name.Length)}).";
        }

        if (email is not null && !CommentText.IsValidEmail(email))
        {
            errors[EmailField] = "Địa chỉ email không hợp lệ. Bạn có thể để trống ô này.";
        }

        if (body.Length == 0)
        {
            errors[BodyField] = "Vui lòng nhập nội dung bình luận.";
        }
        else if (TextRules.Required("Nội dung bình luận", body) is { } invisibleBody)
        {
            errors[BodyField] = invisibleBody;
        }
        else if (body.Length < o.BodyMinLength)
        {
            errors[BodyField] = $"Bình luận quá ngắn (tối thiểu {o.BodyMinLength} ký tự).";
        }
        else if (body.Length > o.BodyMaxLength)
        {
            errors[BodyField] = $"Bình luận dài tối đa {Number(o.BodyMaxLength)} ký tự; bạn đã viết {Number(body.Length)} ký tự. Vui lòng rút gọn.";
        }

        return new CleanComment(name, email, body, errors);
    }

    /// <summary>The published article a comment may be posted on, by id or by slug, or null.</summary>
    public Task<CommentArticle?> FindOpenArticleAsync(int articleId, CancellationToken ct) =>
        OpenArticles().Where(a => a.Id == articleId)
            .Select(a => new CommentArticle(a.Id, a.Title, a.Slug)).SingleOrDefaultAsync(ct);

    public Task<CommentArticle?> FindOpenArticleAsync(string slug, CancellationToken ct) =>
        OpenArticles().Where(a => a.Slug == slug)
            .Select(a => new CommentArticle(a.Id, a.Title, a.Slug)).SingleOrDefaultAsync(ct);

    /// <summary>Stores a valid comment: Pending for the moderation queue, or Spam when the content rules say so.
    /// Nothing is public until a moderator approves it.</summary>
    public async Task<CommentStored> StoreAsync(int articleId, CleanComment comment, string? clientAddress, CancellationToken ct)
    {
        if (!comment.IsValid)
        {
            throw new ArgumentException("Only a valid comment can be stored.", nameof(comment));
        }

        var verdict = CommentSpamClassifier.Classify(comment.Name, comment.Body, options.Value);
        var now = clock.GetUtcNow().UtcDateTime;
        var entity = new Comment
        {
            ArticleId = articleId,
            AuthorName = comment.Name,
            AuthorEmail = comment.Email,
            Body = comment.Body,
            Status = verdict is null ? CommentStatus.Pending : CommentStatus.Spam,
            ModerationReason = verdict?.Reason,
            ModeratedAtUtc = verdict is null ? null : now,
            CreatedAtUtc = now,
            ClientHash = hasher.Hash(clientAddress),
            ClientAddress = options.Value.ClientAddressRetentionDays > 0 ? Truncate(clientAddress, 64) : null,
        };
        db.Comments.Add(entity);
        await db.SaveChangesAsync(ct);

        if (verdict is null)
        {
            logger.LogInformation("Comment {CommentId} on article {ArticleId} waits for moderation", entity.Id, articleId);
        }
        else
        {
            logger.LogWarning("Comment {CommentId} on article {ArticleId} from client {ClientHash} filed as spam: {Reason}", entity.Id, articleId, entity.ClientHash, verdict.Reason);
        }

        return new CommentStored(entity.Id, entity.Status);
    }

    /// <summary>Top-level comments per page under an article.</summary>
    public const int PageSize = 20;

    /// <summary>Approved comments of an article, oldest first, each with its approved staff replies (oldest first).</summary>
    public async Task<IReadOnlyList<PublicComment>> ListApprovedAsync(int articleId, CancellationToken ct) =>
        (await ListApprovedPageAsync(articleId, 1, int.MaxValue, ct)).Comments;

    /// <summary>One page of <see cref="ListApprovedAsync(int, CancellationToken)"/>; a page past the last gives the last.</summary>
    public async Task<PublicCommentPage> ListApprovedPageAsync(int articleId, int page, int pageSize, CancellationToken ct)
    {
        var approved = db.Comments.AsNoTracking().Where(c => c.ArticleId == articleId && c.Status == CommentStatus.Approved);
        // Both counts in one read (an article page renders this on every cache miss); most articles have no comment, and
        // then nothing more is read.
        var counts = await approved.GroupBy(c => c.ArticleId)
            .Select(g => new { Total = g.Count(), TopLevel = g.Count(c => c.ParentId == null) })
            .FirstOrDefaultAsync(ct);
        var (total, topLevel) = counts is null ? (0, 0) : (counts.Total, counts.TopLevel);
        var pageCount = Math.Max(1, (int)Math.Ceiling(topLevel / (double)Math.Max(1, pageSize)));
        page = Math.Clamp(page, 1, pageCount);
        if (topLevel == 0)
        {
            return total == 0 ? PublicCommentPage.Empty : new PublicCommentPage([], total, page, pageCount);
        }

        var parents = await approved.Where(c => c.ParentId == null)
            .OrderBy(c => c.CreatedAtUtc).ThenBy(c => c.Id)
            .Skip((int)Math.Min(int.MaxValue, (long)(page - 1) * pageSize)).Take(pageSize)
            .Select(c => new { c.Id, c.AuthorName, c.Body, c.CreatedAtUtc, c.IsStaffReply })
            .ToListAsync(ct);
        var ids = parents.Select(p => p.Id).ToList();
        var replies = total == topLevel
            ? Enumerable.Empty<(int ParentId, PublicComment Reply)>().ToLookup(r => r.ParentId, r => r.Reply)
            : (await approved.Where(c => c.ParentId != null && ids.Contains(c.ParentId.Value))
                .OrderBy(c => c.CreatedAtUtc).ThenBy(c => c.Id)
                .Select(c => new { ParentId = c.ParentId!.Value, c.Id, c.AuthorName, c.Body, c.CreatedAtUtc, c.IsStaffReply })
                .ToListAsync(ct))
            .ToLookup(r => r.ParentId, r => new PublicComment(r.Id, r.AuthorName, r.Body, r.CreatedAtUtc, r.IsStaffReply, []));
        var comments = parents
            .Select(r => new PublicComment(r.Id, r.AuthorName, r.Body, r.CreatedAtUtc, r.IsStaffReply,
                replies[r.Id].ToList()))
            .ToList();
        return new PublicCommentPage(comments, total, page, pageCount);
    }

    private IQueryable<Article> OpenArticles()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Articles.AsNoTracking().VisibleAt(now);
    }

    private static string? Truncate(string? text, int max) => text is { Length: > 0 } t ? t.Length > max ? t[..max] : t : null;

    private static string Number(int n) => n.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"));
}
