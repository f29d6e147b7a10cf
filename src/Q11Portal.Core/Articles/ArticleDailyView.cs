namespace Q11Portal.Core.Articles;

/// <summary>Views of one article on one local (Asia/Ho_Chi_Minh) day, for the dashboard charts.</summary>
public class ArticleDailyView
{
    public int ArticleId { get; set; }
    public DateOnly Day { get; set; }
    public long Views { get; set; }
}
