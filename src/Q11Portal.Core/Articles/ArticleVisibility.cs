namespace Q11Portal.Core.Articles;

public static class ArticleVisibility
{
    /// <summary>The one "is it public?" rule: published, and the publish time has come.
    /// Every public read (pages, search, feeds, counters, sitemaps) filters through this.</summary>
    public static IQueryable<Article> VisibleAt(this IQueryable<Article> articles, DateTime nowUtc) =>
        articles.Where(a => a.Status == ArticleStatus.Published && a.PublishedAtUtc != null && a.PublishedAtUtc <= nowUtc);

    /// <summary>The same rule for an entity already in memory.</summary>
    public static bool IsVisibleAt(this Article article, DateTime nowUtc) =>
        article.Status == ArticleStatus.Published && article.PublishedAtUtc is { } published && published <= nowUtc;
}
