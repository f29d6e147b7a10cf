using Lucene.Net.Search;
using Q11Portal.Core.Articles;

namespace Q11Portal.Core.Search;

/// <summary>The time half of <see cref="ArticleVisibility"/> inside the index. The index holds the articles
/// <see cref="ArticleVisibility.IsPublishedAtAnyTime"/>, so a search leaves out those whose publish time is still to
/// come, and an article published for later appears at its time without being indexed again.</summary>
public static class IndexVisibility
{
    /// <summary>The articles whose publish time is after <paramref name="nowUtc"/>, to be added as a prohibited clause
    /// rather than a filter: the few scheduled articles are skipped while the words are scored in bulk, where a filter
    /// over every published article would make each search visit the whole index (measured: up to twice the time at
    /// 100,000).</summary>
    public static Query PublishedAfter(DateTime nowUtc) =>
        NumericRangeQuery.NewInt64Range(SearchFields.Published, nowUtc.Ticks, null, false, true);

    /// <summary>The articles whose expiry time has come (<see cref="ArticleVisibility.HasExpired"/>): they leave search
    /// at that instant, before the expiry job unpublishes them and the index drops them.</summary>
    public static Query ExpiredBy(DateTime nowUtc) =>
        NumericRangeQuery.NewInt64Range(SearchFields.Expires, null, nowUtc.Ticks, true, true);

    /// <summary>The query with the articles not yet public, or no longer public, left out.</summary>
    public static Query VisibleOnly(Query query, DateTime nowUtc) => new BooleanQuery(disableCoord: true)
    {
        { query, Occur.SHOULD },
        { PublishedAfter(nowUtc), Occur.MUST_NOT },
        { ExpiredBy(nowUtc), Occur.MUST_NOT },
    };
}
