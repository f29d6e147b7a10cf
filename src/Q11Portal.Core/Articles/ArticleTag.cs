using Q11Portal.Core.Tags;

namespace Q11Portal.Core.Articles;

public class ArticleTag
{
    public int ArticleId { get; set; }
    public Article Article { get; set; } = null!;
    public int TagId { get; set; }
    public Tag Tag { get; set; } = null!;
}
