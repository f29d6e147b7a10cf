namespace Q11Portal.Core.Articles;

/// <summary>An append-only log of article changes (publish, edit, unpublish, delete), so that every web node
/// can bring its local search index and caches up to date from the shared database.</summary>
public class ContentChange
{
    public long Id { get; set; }
    public int ArticleId { get; set; }
    public ContentChangeKind Kind { get; set; }
    public DateTime AtUtc { get; set; }
}

public enum ContentChangeKind
{
    Upserted = 0,
    Removed = 1,
}
