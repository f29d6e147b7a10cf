namespace Q11Portal.Core.Search;

/// <summary>The order of results: best match first, or newest first among the matches.</summary>
public enum SearchSort
{
    Relevance,
    Newest,
}

/// <summary>What a reader asked for. Dates are local (Asia/Ho_Chi_Minh) days, both inclusive.</summary>
public sealed record SearchRequest(string? Query, int? CategoryId = null, DateOnly? From = null, DateOnly? To = null, int Page = 1, int PageSize = 10,
    bool Highlight = true, SearchSort Sort = SearchSort.Relevance);

/// <summary>A title offered as the reader types in the header's search box.</summary>
public sealed record TitleSuggestion(string Title, string Slug);

/// <summary>One result; the <c>…Html</c> strings are encoded text with the matches in <c>&lt;mark&gt;</c>.</summary>
public sealed record SearchHit(int Id, string? SourceId, string Slug, string Title, string TitleHtml, string SnippetHtml,
    int CategoryId, string CategoryName, DateTime PublishedAtUtc, float Score);

public sealed record SearchResults(string Query, IReadOnlyList<SearchHit> Hits, int TotalHits, int Page, int PageSize)
{
    /// <summary>The query with its mistyped syllables corrected from the index, when there were any: searched too, below
    /// the typed words, and offered to the reader as "Có phải bạn muốn tìm".</summary>
    public CorrectedQuery? Correction { get; init; }

    public int PageCount => TotalHits == 0 ? 0 : (TotalHits + PageSize - 1) / PageSize;

    public static SearchResults Empty(string query, int page, int pageSize) => new(query, [], 0, page, pageSize);
}
