namespace Q11Portal.Core.Articles;

/// <summary>The signed-in staff member as the newsroom needs them: who, for the audit log, and their highest role.</summary>
public sealed record StaffActor(string UserId, string UserName, string? Role);

/// <summary>What the editor form sends. Body HTML is raw here; <see cref="ArticleWriter"/> sanitizes it. The editorial
/// fields (expiry, featured, pinned related) are an editor's: a reporter's save keeps the article's.</summary>
/// <param name="ExpiresAtUtc">Hết hạn: when the article leaves the public site by itself; null never.</param>
/// <param name="FeaturedOrder">Position among the home page's featured stories (with <paramref name="IsFeatured"/>).</param>
/// <param name="PinnedRelatedIds">Articles pinned above the computed "Tin liên quan", in order.</param>
/// <param name="CorrectionNote">Đính chính: taken only with a real change of a published article's text.</param>
public sealed record ArticleDraft(
    string Title,
    string? Summary,
    string? BodyHtml,
    int CategoryId,
    int? LeadImageId,
    string? LeadImageCaption,
    IReadOnlyList<string> Tags,
    string? Byline,
    string? Source,
    DateTime? PublishAtUtc,
    string? Slug = null,
    DateTime? ExpiresAtUtc = null,
    bool IsFeatured = false,
    int? FeaturedOrder = null,
    IReadOnlyList<int>? PinnedRelatedIds = null,
    string? CorrectionNote = null)
{
    public const int MaxTags = 20;
    public const int MaxPinnedRelated = 5;
    public const int MaxFeaturedOrder = 99;
    public const int MaxTagLength = 100;
    public const int MaxBodyLength = 1_000_000;

    /// <summary>Splits "a, b; c" into distinct, trimmed, NFC tag names.</summary>
    public static IReadOnlyList<string> ParseTags(string? text) =>
        (text ?? string.Empty).Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => Common.VietnameseText.Nfc(t).Trim())
            .Where(t => t.Length > 0)
            .DistinctBy(Common.Slug.From)
            .ToList();

    /// <summary>Article ids from "12, 34 56": null when a part is not a positive number (the form says so).</summary>
    public static IReadOnlyList<int>? ParseIds(string? text)
    {
        var ids = new List<int>();
        foreach (var part in (text ?? string.Empty).Split([',', ';', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part.TrimStart('#'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) || id <= 0)
            {
                return null;
            }

            if (!ids.Contains(id))
            {
                ids.Add(id);
            }
        }

        return ids;
    }
}

/// <summary>An article loaded for the editor form.</summary>
public sealed record ArticleEditData(
    int Id,
    ArticleDraft Draft,
    string CurrentSlug,
    ArticleStatus Status,
    Guid Version,
    string? CreatedById,
    string? AuthorName,
    string? ReturnReason,
    DateTime CreatedAtUtc,
    DateTime UpdatedAtUtc,
    DateTime? CorrectedAtUtc = null,
    DateTime? TrashedAtUtc = null);

/// <summary>Someone else's save that the form did not know about.</summary>
public sealed record ConcurrentSave(string? UserName, DateTime AtUtc, string Title, Guid CurrentVersion);

/// <summary>What a newsroom write leaves behind: the article and its version now. On a refused save because of someone
/// else's save (<see cref="Common.Outcome.Conflict"/>) <see cref="Conflict"/> says whose and <see cref="Version"/> is
/// theirs, so a form shown again saves over it knowingly.</summary>
/// <param name="Unchanged">The save changed nothing, so nothing was written (no revision either).</param>
/// <param name="Removed">Elements the sanitizer took out of the body on this save (for the editor's notice).</param>
public sealed record ArticleSaved(int ArticleId, Guid Version, bool Unchanged = false, ConcurrentSave? Conflict = null, IReadOnlyList<string>? Removed = null);

public sealed record ArticleListFilter(ArticleStatus? Status = null, int? CategoryId = null, string? AuthorId = null, string? Query = null, int Page = 1, int PageSize = 30);

public sealed record ArticleListItem(int Id, string Title, string Slug, ArticleStatus Status, string CategoryName, string? AuthorName,
    DateTime UpdatedAtUtc, DateTime? PublishedAtUtc, long ViewCount);

public sealed record ArticleListResult(IReadOnlyList<ArticleListItem> Items, int Page, int PageSize, int TotalCount)
{
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
}

public sealed record RevisionSummary(int Id, DateTime CreatedAtUtc, string? UserName, string Title, ArticleStatus Status, int BodyLength);

public sealed record RevisionDetails(int Id, int ArticleId, DateTime CreatedAtUtc, string? UserName, string Title, string Summary, string BodyHtml, RevisionSnapshot? Metadata);

/// <summary>A change to what the public may see, after it is committed.</summary>
public sealed record ArticleChangeNotice(int ArticleId, ContentChangeKind Kind, ArticleStatus Status, string Reason);

/// <summary>Hook for features that follow public content (search index, caches). Every registered handler is called
/// after the newsroom commits a publish, an edit of a published article, an unpublish, a delete or a scheduled
/// publish; the same change is also appended to <see cref="ContentChange"/> in the same transaction, so a handler that
/// misses one (crash, other node) can catch up from that table. Handlers must not throw; failures are logged.</summary>
public interface IArticleChangeHandler
{
    Task OnArticleChangedAsync(ArticleChangeNotice notice, CancellationToken ct);
}
