namespace Q11Portal.Core.Articles;

/// <summary>The signed-in staff member as the newsroom needs them: who, for the audit log, and their highest role.</summary>
public sealed record StaffActor(string UserId, string UserName, string? Role);

/// <summary>What the editor form sends. Body HTML is raw here; the service sanitizes it.</summary>
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
    string? Slug = null);

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
    DateTime UpdatedAtUtc);

public enum EditorOutcome
{
    Ok,
    NotFound,
    /// <summary>The role or authorship does not allow it (403).</summary>
    Forbidden,
    /// <summary>Bad input or a state that does not allow it (400).</summary>
    Invalid,
    /// <summary>Someone saved the article since the form was loaded.</summary>
    Conflict,
}

/// <summary>Someone else's save that the form did not know about.</summary>
public sealed record ConcurrentSave(string? UserName, DateTime AtUtc, string Title, Guid CurrentVersion);

public sealed record EditorResult(EditorOutcome Outcome, int ArticleId = 0, Guid Version = default, string? Message = null, ConcurrentSave? Conflict = null)
{
    public bool Succeeded => Outcome == EditorOutcome.Ok;

    public static EditorResult NotFound() => new(EditorOutcome.NotFound, Message: "Bài viết không tồn tại hoặc đã bị xóa.");
    public static EditorResult Invalid(string message) => new(EditorOutcome.Invalid, Message: message);
    public static EditorResult Forbidden(string message) => new(EditorOutcome.Forbidden, Message: message);
}

public sealed record ArticleListFilter(ArticleStatus? Status = null, int? CategoryId = null, string? AuthorId = null, string? Query = null, int Page = 1, int PageSize = 30);

public sealed record ArticleListItem(int Id, string Title, string Slug, ArticleStatus Status, string CategoryName, string? AuthorName,
    DateTime UpdatedAtUtc, DateTime? PublishedAtUtc, long ViewCount);

public sealed record ArticleListResult(IReadOnlyList<ArticleListItem> Items, int Page, int PageSize, int TotalCount)
{
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
}

public sealed record RevisionSummary(int Id, DateTime CreatedAtUtc, string? UserName, string Title, ArticleStatus Status, int BodyLength);

public sealed record RevisionDetails(int Id, int ArticleId, DateTime CreatedAtUtc, string? UserName, string Title, string Summary, string BodyHtml, RevisionMetadata? Metadata);

/// <summary>The fields of a revision besides title, sapo and body, stored as JSON in <see cref="ArticleRevision.MetadataJson"/>.</summary>
public sealed record RevisionMetadata(int CategoryId, int? LeadImageId, string? LeadImageCaption, string? Byline, string? Source, IReadOnlyList<string> Tags, DateTime? PublishAtUtc);

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
