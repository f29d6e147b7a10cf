using Q11Portal.Core.Comments;

namespace Q11Portal.Web.Areas.Admin.Models;

public sealed record CommentQueueViewModel(
    CommentQueueFilter Filter,
    CommentQueuePage Page,
    IReadOnlyDictionary<CommentStatus, int> Counts,
    IReadOnlyList<ArticleCommentCount> Articles)
{
    public static string StatusName(CommentStatus? status) => status switch
    {
        CommentStatus.Pending => "Chờ duyệt",
        CommentStatus.Approved => "Đã duyệt",
        CommentStatus.Rejected => "Từ chối",
        CommentStatus.Spam => "Spam",
        _ => "Tất cả",
    };

    public static string AgeName(CommentAge age) => age switch
    {
        CommentAge.LastDay => "Trong 24 giờ",
        CommentAge.LastWeek => "Từ 1 đến 7 ngày",
        CommentAge.Older => "Trên 7 ngày",
        _ => "Mọi thời gian",
    };

    /// <summary>The queue URL with the current filters and another page.</summary>
    public string Url(int page) =>
        $"/admin/comments?status={Filter.Status?.ToString() ?? "all"}&article={Filter.ArticleId}&age={Filter.Age}&page={page}";
}

public sealed record CommentDetailsViewModel(CommentQueueItem Comment, IReadOnlyList<CommentQueueItem> Replies);
