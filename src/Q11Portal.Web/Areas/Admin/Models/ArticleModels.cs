using System.ComponentModel.DataAnnotations;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Common;

namespace Q11Portal.Web.Areas.Admin.Models;

/// <summary>The article editor form. Times are entered in Vietnam time (Asia/Ho_Chi_Minh) and stored in UTC.</summary>
public sealed class ArticleInput
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

    public ArticleDraft ToDraft() => new(
        Title, Summary, BodyHtml, CategoryId, LeadImageId, LeadImageCaption, ArticleDraft.ParseTags(Tags), Byline, Source,
        PublishAtLocal is { } local ? LocalTime.ToUtc(local) : null, Slug);

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
}

public sealed record AdminArticleListViewModel(
    ArticleListResult Result,
    ArticleListFilter Filter,
    IReadOnlyList<CategoryOption> Categories,
    IReadOnlyList<(string Id, string Name)> Authors);

public sealed record RevisionsViewModel(int ArticleId, string Title, IReadOnlyList<RevisionSummary> Revisions, Guid Version);

public sealed record RevisionDiffViewModel(int ArticleId, string ArticleTitle, RevisionDetails From, RevisionDetails To, string TitleDiff, string SummaryDiff, string BodyDiff, Guid Version);
