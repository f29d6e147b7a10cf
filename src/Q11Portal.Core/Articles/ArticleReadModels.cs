using Q11Portal.Core.Media;

namespace Q11Portal.Core.Articles;

/// <summary>An image as pages render it: renditions "{StoredName}-{width}.jpg" for each of <see cref="Widths"/>, and
/// WebP ones (<see cref="MediaPaths.WebpWidths"/>).</summary>
public sealed record ImageRef(string StoredName, string Widths, int Width, int Height, string AltText)
{
    public string Src(int maxWidth = 800) => MediaPaths.RenditionUrl(StoredName, MediaPaths.PickWidth(Widths, maxWidth));

    public string SrcSet => MediaPaths.SrcSet(StoredName, Widths);

    public string WebpSrcSet => MediaPaths.WebpSrcSet(StoredName, Widths);
}

public sealed record CategoryRef(int Id, string Name, string Slug);

public sealed record TagRef(string Name, string Slug);

/// <summary>One article in a list (home blocks, category pages, TIN MỚI HƠN, Tin liên quan…).</summary>
public sealed record ArticleSummary(
    int Id,
    string Title,
    string Slug,
    string Summary,
    DateTime PublishedAtUtc,
    CategoryRef Category,
    ImageRef? LeadImage);

public sealed record AttachmentRef(string Title, string FileName, string Url, string ContentType, long SizeBytes);

public sealed record ReportFigureRef(string Label, decimal Value, string? Unit);

/// <summary>Report fields of an article with <see cref="ArticleKind.Report"/>; null on ordinary news.</summary>
public sealed record ReportInfo(
    string? ReviewedDocument,
    string? ReportingUnit,
    string? ReportPeriod,
    string? TopicTitle,
    string? TopicSlug,
    IReadOnlyList<ReportFigureRef> Figures);

/// <summary>Everything the article page shows about one public article.</summary>
public sealed record ArticleDetails(
    int Id,
    string Title,
    string Slug,
    string Summary,
    string BodyHtml,
    DateTime PublishedAtUtc,
    DateTime UpdatedAtUtc,
    string? Byline,
    string? Source,
    CategoryRef Category,
    ImageRef? LeadImage,
    string? LeadImageCaption,
    long ViewCount,
    IReadOnlyList<TagRef> Tags,
    IReadOnlyList<AttachmentRef> Attachments,
    ReportInfo? Report,
    DateTime? CorrectedAtUtc = null,
    string? CorrectionNote = null,
    bool HasPinnedRelated = false,
    int ApprovedCommentCount = 0);

/// <summary>The answer of a slug lookup: the article, or the slug it moved to (301), or neither (404).</summary>
public sealed record ArticleLookup(ArticleDetails? Article, string? MovedToSlug)
{
    public static readonly ArticleLookup NotFound = new(null, null);
}

/// <summary>One page of a list. <see cref="Page"/> is 1-based.</summary>
public sealed record ArticlePage(IReadOnlyList<ArticleSummary> Items, int Page, int PageSize, int TotalCount)
{
    public int TotalPages => TotalCount == 0 ? 1 : (int)Math.Ceiling(TotalCount / (double)PageSize);
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < TotalPages;
    /// <summary>True when the requested page lies past the last one (an empty first page is not "beyond").</summary>
    public bool IsBeyondLastPage => Page > TotalPages;
}

public sealed record CategoryBlock(CategoryRef Category, IReadOnlyList<ArticleSummary> Articles);

/// <param name="MoreFeatured">The featured stories after <paramref name="Featured"/>, in the editors' order.</param>
public sealed record HomeData(ArticleSummary? Featured, IReadOnlyList<ArticleSummary> Latest, IReadOnlyList<CategoryBlock> Blocks,
    IReadOnlyList<ArticleSummary>? MoreFeatured = null);

/// <summary>TIN MỚI HƠN / TIN ĐÃ ĐƯA: neighbours of one article in its category.</summary>
public sealed record ArticleNeighbours(IReadOnlyList<ArticleSummary> Newer, IReadOnlyList<ArticleSummary> Older);
