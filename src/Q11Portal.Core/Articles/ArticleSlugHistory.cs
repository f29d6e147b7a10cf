namespace Q11Portal.Core.Articles;

/// <summary>A slug an article had before its title changed; old links redirect (301) to the current slug.</summary>
public class ArticleSlugHistory
{
    public int Id { get; set; }
    public string Slug { get; set; } = string.Empty;
    public int ArticleId { get; set; }
    public Article Article { get; set; } = null!;
    public DateTime RetiredAtUtc { get; set; }
}
