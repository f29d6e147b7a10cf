using Q11Portal.Core.Categories;
using Q11Portal.Core.Media;
using Q11Portal.Core.Tags;
using Q11Portal.Core.Topics;

namespace Q11Portal.Core.Articles;

/// <summary>Tin tức / bài viết. Reports (Báo cáo) are articles with <see cref="Kind"/> = Report and structured fields.</summary>
public class Article
{
    public const int TitleMaxLength = 300;
    public const int SummaryMaxLength = 1000;
    public const int CorrectionNoteMaxLength = 1000;

    public int Id { get; set; }
    public string Title { get; set; } = string.Empty;
    public string Slug { get; set; } = string.Empty;
    /// <summary>Sapo: the lead paragraph shown under the title and in lists.</summary>
    public string Summary { get; set; } = string.Empty;
    /// <summary>Sanitized HTML; only ever written through the portal's one sanitizer.</summary>
    public string BodyHtml { get; set; } = string.Empty;

    public int? LeadImageId { get; set; }
    public MediaFile? LeadImage { get; set; }
    public string? LeadImageCaption { get; set; }

    public string? Byline { get; set; }
    public string? Source { get; set; }

    public int CategoryId { get; set; }
    public Category Category { get; set; } = null!;

    public ArticleKind Kind { get; set; } = ArticleKind.News;
    public ArticleStatus Status { get; set; } = ArticleStatus.Draft;
    public bool IsFeatured { get; set; }
    /// <summary>Position among the home page's featured stories (1 first); null after every numbered one.</summary>
    public int? FeaturedOrder { get; set; }

    /// <summary>Publish time (UTC). For Scheduled articles, when the publisher makes them public.</summary>
    public DateTime? PublishedAtUtc { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>Hết hạn (UTC): from this time the article is no longer public (<see cref="ArticleVisibility"/>), and
    /// <see cref="ArticleExpiry"/> then moves it to Unpublished. Null: never expires.</summary>
    public DateTime? ExpiresAtUtc { get; set; }

    /// <summary>When a published article's content last really changed ("Cập nhật lúc …" on the page).</summary>
    public DateTime? CorrectedAtUtc { get; set; }
    /// <summary>Đính chính: the editor's note on that change, shown on the page.</summary>
    public string? CorrectionNote { get; set; }

    /// <summary>Thùng rác: when it was deleted (Status = Trashed); purged for good 30 days later.</summary>
    public DateTime? TrashedAtUtc { get; set; }
    /// <summary>The state it was deleted from; restoring returns it there.</summary>
    public ArticleStatus? TrashedFromStatus { get; set; }
    public string? TrashedBy { get; set; }

    public long ViewCount { get; set; }

    /// <summary>The id an import kept from its source (e.g. "d001"); null for articles written in the portal.</summary>
    public string? SourceId { get; set; }

    public string? CreatedById { get; set; }
    public string? ReturnReason { get; set; }

    // Report fields (Kind = Report).
    /// <summary>The document the report reviews, e.g. "Chỉ thị 05-CT/TW".</summary>
    public string? ReviewedDocument { get; set; }
    public string? ReportingUnit { get; set; }
    public string? ReportPeriod { get; set; }
    public int? TopicId { get; set; }
    public Topic? Topic { get; set; }

    /// <summary>App-set optimistic concurrency token, changed on every save.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<Tag> Tags { get; set; } = [];
    public List<ArticleTag> ArticleTags { get; set; } = [];
    public List<Attachment> Attachments { get; set; } = [];
    public List<ReportFigure> Figures { get; set; } = [];
    public List<PinnedRelatedArticle> PinnedRelated { get; set; } = [];
}

public enum ArticleKind
{
    News = 0,
    Report = 1,
}

/// <summary>The newsroom workflow: Nháp → Chờ duyệt → Đã xuất bản, with Trả lại, Hẹn giờ and Gỡ bài.</summary>
public enum ArticleStatus
{
    Draft = 0,
    Submitted = 1,
    Returned = 2,
    Scheduled = 3,
    Published = 4,
    Unpublished = 5,
    /// <summary>Thùng rác: deleted, restorable for <see cref="ArticleTrash.RetentionDays"/> days, then purged.</summary>
    Trashed = 6,
}
