using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Q11Portal.Core.Search;

/// <summary>Titles of public articles for the header's search box as the reader types: every finished word must be in
/// the title (with the marks typed, or any marks when typed without), and the word being typed is a prefix
/// ("tiêm ch" offers "… tiêm chủng …"). Best match first, then newest.</summary>
public sealed class TitleSuggestions(SearchIndex index, TimeProvider clock)
{
    public const int MaxCount = 10;
    /// <summary>Fewer characters than this say too little to suggest anything.</summary>
    public const int MinLength = 2;
    /// <summary>A word being typed shorter than this is not matched as a prefix (it would expand to too many terms).</summary>
    private const int MinPrefixLength = 2;

    public IReadOnlyList<TitleSuggestion> Suggest(string? typed, int count = 8)
    {
        var text = SearchService.NormalizeQuery(typed);
        if (text.Length < MinLength)
        {
            return [];
        }

        var finished = char.IsWhiteSpace(typed![^1]);
        var words = VietnameseTokens.Analyze(text)
            .Where(t => t.Kind is VietnameseTokenKind.Syllable or VietnameseTokenKind.Code)
            .GroupBy(t => t.Position)
            .Select(g => (g.First().Term, g.First().End))
            .ToList();
        if (words.Count == 0)
        {
            return [];
        }

        var query = new BooleanQuery();
        for (var i = 0; i < words.Count; i++)
        {
            var (term, end) = words[i];
            var last = i == words.Count - 1 && !finished && end == text.Length;
            if (!last)
            {
                query.Add(new TermQuery(new Term(SearchFields.Title, term)), Occur.MUST);
            }
            else if (term.Length >= MinPrefixLength)
            {
                query.Add(new PrefixQuery(new Term(SearchFields.Title, term)), Occur.MUST);
            }
        }

        if (query.Clauses.Count == 0)
        {
            return [];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        return index.Search(searcher =>
        {
            var order = new Sort(SortField.FIELD_SCORE, new SortField(SearchFields.Published, SortFieldType.INT64, reverse: true));
            var top = searcher.Search(IndexVisibility.VisibleOnly(query, now), null, Math.Clamp(count, 1, MaxCount), order, doDocScores: true, doMaxScore: false);
            return (IReadOnlyList<TitleSuggestion>)top.ScoreDocs
                .Select(hit => searcher.Doc(hit.Doc))
                .Select(doc => new TitleSuggestion(doc.Get(SearchFields.Title), doc.Get(SearchFields.Slug)))
                .ToList();
        });
    }
}
