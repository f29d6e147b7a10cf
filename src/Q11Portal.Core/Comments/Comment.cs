using Q11Portal.Core.Articles;

namespace Q11Portal.Core.Comments;

/// <summary>Bình luận: plain text from a resident, public only once approved; staff replies hang under it.</summary>
public class Comment
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public Article Article { get; set; } = null!;
    public int? ParentId { get; set; }
    public Comment? Parent { get; set; }
    public string AuthorName { get; set; } = string.Empty;
    /// <summary>Never shown, never logged.</summary>
    public string? AuthorEmail { get; set; }
    public string Body { get; set; } = string.Empty;
    public CommentStatus Status { get; set; } = CommentStatus.Pending;
    public bool IsStaffReply { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? ModeratedAtUtc { get; set; }
    public string? ModeratedBy { get; set; }
    public string? ModerationReason { get; set; }
    /// <summary>The client's address in clear, removed by a background job after the configured number of days.</summary>
    public string? ClientAddress { get; set; }
    /// <summary>Salted hash of the client address, for rate limiting and spotting floods.</summary>
    public string? ClientHash { get; set; }
}

public enum CommentStatus
{
    Pending = 0,
    Approved = 1,
    Rejected = 2,
    Spam = 3,
}
