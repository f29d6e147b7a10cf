namespace Q11Portal.Core.Statistics;

/// <summary>One counted page request, as the web layer hands it over: who (a cookie id, or the daily salted hash
/// of address and user agent when the browser sent no cookie), what (an article, or any other page) and when.</summary>
/// <param name="VisitorKey">The key the de-duplication uses: the cookie id, or "h:" + the salted hash.</param>
/// <param name="IssuedCookieId">A cookie id set on this response; it inherits this hit's windows so the browser's
/// next request (now with the cookie) is not counted a second time.</param>
/// <param name="ArticleId">The article shown, when known.</param>
/// <param name="ArticleSlug">The article's slug when the id is not known (a page served from the output cache).</param>
public readonly record struct CounterHit(
    string VisitorKey,
    string? IssuedCookieId,
    int? ArticleId,
    string? ArticleSlug,
    DateTime AtUtc)
{
    public bool IsArticle => ArticleId is not null || ArticleSlug is not null;
}

/// <summary>What the de-duplication decided for one hit.</summary>
public readonly record struct HitOutcome(bool NewVisit, bool NewView);
