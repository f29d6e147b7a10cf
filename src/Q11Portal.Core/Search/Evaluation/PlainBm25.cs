using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Q11Portal.Core.Search.Evaluation;

/// <summary>The simple thing every search rule must beat: Lucene's BM25 over the same index, the query's folded
/// syllables, bigrams and codes as equal SHOULD clauses in title, sapo, tags and body, with no field weights, no
/// segmentation, no pruning, no document references, no subjects and no typo tolerance.</summary>
public static class PlainBm25
{
    private static readonly string[] Fields = [SearchFields.Title, SearchFields.Summary, SearchFields.Tags, SearchFields.Body];

    /// <summary>The source ids of the best <paramref name="take"/> articles for <paramref name="query"/>.</summary>
    public static IReadOnlyList<string> Rank(SearchIndex index, string query, int take) => index.Search(shared =>
    {
        var terms = VietnameseTokens.Analyze(SearchService.NormalizeQuery(query), folded: true).Select(t => t.Term).Distinct(StringComparer.Ordinal).ToList();
        if (terms.Count == 0)
        {
            return (IReadOnlyList<string>)[];
        }

        var boolean = new BooleanQuery(disableCoord: true);
        foreach (var field in Fields)
        {
            foreach (var term in terms)
            {
                boolean.Add(new TermQuery(new Term(field, term)), Occur.SHOULD);
            }
        }

        // Its own searcher over the same reader, so the portal's similarity on the shared one is left alone.
        var searcher = new IndexSearcher(shared.IndexReader) { Similarity = new BM25Similarity() };
        return searcher.Search(boolean, take).ScoreDocs
            .Select(hit => searcher.Doc(hit.Doc).Get(SearchFields.SourceId) ?? "?")
            .ToList();
    });
}
