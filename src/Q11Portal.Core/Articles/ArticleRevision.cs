namespace Q11Portal.Core.Articles;

/// <summary>A snapshot taken on every save of an article.</summary>
public class ArticleRevision
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public Article Article { get; set; } = null!;
    public DateTime CreatedAtUtc { get; set; }
    public string? UserName { get; set; }
    public string Title { get; set; } = string.Empty;
    public string Summary { get; set; } = string.Empty;
    public string BodyHtml { get; set; } = string.Empty;
    /// <summary>The remaining fields (category, tags, byline, report fields…) as JSON.</summary>
    public string? MetadataJson { get; set; }
    public ArticleStatus Status { get; set; }
}
