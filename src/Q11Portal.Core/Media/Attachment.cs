using Q11Portal.Core.Articles;

namespace Q11Portal.Core.Media;

/// <summary>Văn bản đính kèm: a document listed under an article.</summary>
public class Attachment
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public Article Article { get; set; } = null!;
    public string StoredName { get; set; } = string.Empty;
    public string FileName { get; set; } = string.Empty;
    public string ContentType { get; set; } = string.Empty;
    public long SizeBytes { get; set; }
    public string Title { get; set; } = string.Empty;
    public DateTime UploadedAtUtc { get; set; }
    public int SortOrder { get; set; }
    public string? UploadedBy { get; set; }
}
