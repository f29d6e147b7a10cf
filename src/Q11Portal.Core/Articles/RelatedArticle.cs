namespace Q11Portal.Core.Articles;

/// <summary>A stored "Tin liên quan" entry: computed on publish/edit, read by the article page in one query.</summary>
public class RelatedArticle
{
    public int ArticleId { get; set; }
    public int RelatedArticleId { get; set; }
    public Article Related { get; set; } = null!;
    public int Rank { get; set; }
    public double Score { get; set; }
}
