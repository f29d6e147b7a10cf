using Q11Portal.Core.Articles;

namespace Q11Portal.Web.Models;

public sealed record HomeViewModel(HomeData Home);

/// <summary>A titled, paged list of articles (category, tag, date archive).</summary>
/// <param name="PageUrl">Builds the URL of page n (page 1 has no query string).</param>
public sealed record ArticleListViewModel(string Heading, string? Kicker, ArticlePage Page, Func<int, string> PageUrl)
{
    public string? EmptyText { get; init; }
}

public sealed record ArchiveViewModel(DateOnly? Day, DateOnly Today, ArticleListViewModel? List, string? InputText, string? Error);

public sealed record ArticlePageViewModel(ArticleDetails Article, ArticleNeighbours Neighbours, bool PrintView);
