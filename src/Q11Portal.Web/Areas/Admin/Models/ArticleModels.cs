using System.ComponentModel.DataAnnotations;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Common;

namespace Q11Portal.Web.Areas.Admin.Models;

/// <summary>The article editor form. Times are entered in Vietnam time (Asia/Ho_Chi_Minh) and stored in UTC.</summary>
public sealed class ArticleInput : IValidatableObject
{
    public Guid Version { get; set; }

    [Required(ErrorMessage = "Hãy nhập tiêu đề bài viết.")]
    [StringLength(Article.TitleMaxLength, ErrorMessage = "Tiêu đề tối đa {1} ký tự.")]
    public string Title { get; set; } = string.Empty;

    [StringLength(Article.SummaryMaxLength, ErrorMessage = "Sapo tối đa {1} ký tự.")]
    public string? Summary { get; set; }

    [StringLength(ArticleDraft.MaxBodyLength, ErrorMessage = "Nội dung bài quá dài.")]
    public string? BodyHtml { get; set; }

    [Range(1, int.MaxValue, ErrorMessage = "Hãy chọn chuyên mục.")]
    public int CategoryId { get; set; }

    [Range(1, int.MaxValue, ErrorMessage = "Mã ảnh không hợp lệ.")]
    public int? LeadImageId { get; set; }

    [StringLength(500, ErrorMessage = "Chú thích ảnh tối đa {1} ký tự.")]
    public string? LeadImageCaption { get; set; }

    [StringLength(2000, ErrorMessage = "Danh sách từ khóa quá dài.")]
    public string? Tags { get; set; }

    [StringLength(200, ErrorMessage = "Tác giả tối đa {1} ký tự.")]
    public string? Byline { get; set; }

    [StringLength(300, ErrorMessage = "Nguồn tối đa {1} ký tự.")]
    public string? Source { get; set; }

    /// <summary>Local time (datetime-local input, no zone).</summary>
    public DateTime? PublishAtLocal { get; set; }

    [StringLength(140, ErrorMessage = "Đường dẫn tối đa {1} ký tự.")]
    public string? Slug { get; set; }

    /// <summary>Hết hạn, local time; empty: never.</summary>
    public DateTime? ExpiresAtLocal { get; set; }

    public bool IsFeatured { get; set; }

    [Range(1, ArticleDraft.MaxFeaturedOrder, ErrorMessage = "Thứ tự tin nổi bật là một số từ {1} đến {2}.")]
    public int? FeaturedOrder { get; set; }

    /// <summary>Pinned related articles as ids, "12, 34"; the type-ahead fills it.</summary>
    [StringLength(200, ErrorMessage = "Danh sách tin liên quan ghim quá dài.")]
    public string? PinnedRelated { get; set; }

    [StringLength(Article.CorrectionNoteMaxLength, ErrorMessage = "Ghi chú đính chính tối đa {1} ký tự.")]
    public string? CorrectionNote { get; set; }

    public ArticleDraft ToDraft() => new(
        Title, Summary, BodyHtml, CategoryId, LeadImageId, LeadImageCaption, ArticleDraft.ParseTags(Tags), Byline, Source,
        PublishAtLocal is { } local ? LocalTime.ToUtc(local) : null, Slug,
        ExpiresAtUtc: ExpiresAtLocal is { } expires ? LocalTime.ToUtc(expires) : null,
        IsFeatured: IsFeatured, FeaturedOrder: FeaturedOrder,
        PinnedRelatedIds: ArticleDraft.ParseIds(PinnedRelated) ?? [], CorrectionNote: CorrectionNote);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ArticleDraft.ParseIds(PinnedRelated) is null)
        {
            yield return new ValidationResult("Tin liên quan ghim: hãy nhập mã số bài viết (số dương), cách nhau bằng dấu phẩy, hoặc chọn từ ô tìm.",
                [nameof(PinnedRelated)]);
        }
    }

    public static ArticleInput From(ArticleEditData data) => new()
    {
        Version = data.Version,
        Title = data.Draft.Title,
        Summary = data.Draft.Summary,
        BodyHtml = data.Draft.BodyHtml,
        CategoryId = data.Draft.CategoryId,
        LeadImageId = data.Draft.LeadImageId,
        LeadImageCaption = data.Draft.LeadImageCaption,
        Tags = string.Join(", ", data.Draft.Tags),
        Byline = data.Draft.Byline,
        Source = data.Draft.Source,
        PublishAtLocal = data.Draft.PublishAtUtc is { } utc ? LocalTime.ToLocal(utc) : null,
        Slug = data.CurrentSlug,
        ExpiresAtLocal = data.Draft.ExpiresAtUtc is { } expires ? LocalTime.ToLocal(expires) : null,
        IsFeatured = data.Draft.IsFeatured,
        FeaturedOrder = data.Draft.FeaturedOrder,
        PinnedRelated = string.Join(", ", data.Draft.PinnedRelatedIds ?? []),
        CorrectionNote = data.Draft.CorrectionNote,
    };
}

public sealed record CategoryOption(int Id, string Name);

public sealed class ArticleEditorViewModel
{
    public required ArticleInput Input { get; init; }
    public int? Id { get; init; }
    public ArticleStatus Status { get; init; } = ArticleStatus.Draft;
    public string? AuthorName { get; init; }
    public string? ReturnReason { get; init; }
    public string? CurrentSlug { get; init; }
    public required IReadOnlyList<CategoryOption> Categories { get; init; }
    public IReadOnlyList<ArticleAction> Actions { get; init; } = [];
    public bool IsEditor { get; init; }
    /// <summary>Shown above the form when a save was refused (conflict, invalid state).</summary>
    public string? Problem { get; init; }
    public ConcurrentSave? Conflict { get; init; }
    public DateTime? UpdatedAtUtc { get; init; }
    public string? LeadImageUrl { get; init; }
    public string? LeadImageAlt { get; init; }
    /// <summary>The pinned related articles the form names, with their titles and states, in order.</summary>
    public IReadOnlyList<ArticleListItem> Pinned { get; init; } = [];
    public DateTime? CorrectedAtUtc { get; init; }
}

public sealed record TrashViewModel(TrashPage Page, bool IsAdmin);

public sealed record AdminArticleListViewModel(
    ArticleListResult Result,
    ArticleListFilter Filter,
    IReadOnlyList<CategoryOption> Categories,
    IReadOnlyList<(string Id, string Name)> Authors);

public sealed record RevisionsViewModel(int ArticleId, string Title, IReadOnlyList<RevisionSummary> Revisions, Guid Version);

public sealed record RevisionDiffViewModel(int ArticleId, string ArticleTitle, RevisionDetails From, RevisionDetails To, string TitleDiff, string SummaryDiff, string BodyDiff, Guid Version);
