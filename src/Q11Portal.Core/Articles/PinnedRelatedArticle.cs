namespace Q11Portal.Core.Articles;

/// <summary>A "Tin liên quan" entry an editor pinned: shown above the computed ones, in <see cref="Position"/> order,
/// while the pinned article is public.</summary>
public class PinnedRelatedArticle
{
    public int ArticleId { get; set; }
    public int PinnedArticleId { get; set; }
    public Article Pinned { get; set; } = null!;
    public int Position { get; set; }
}
