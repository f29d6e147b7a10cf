using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;
using Q11Portal.Core.Common;

namespace Q11Portal.Core.Search;

/// <summary>Article search over the local index: the reader's words become a query (<see cref="MatchQueryBuilder"/>),
/// articles not yet public are left out (<see cref="IndexVisibility"/>), documents a reference does not mean rank lower
/// (<see cref="DocumentReferenceQueries"/>), and the page of results is highlighted (<see cref="ResultHighlighter"/>).</summary>
public sealed class SearchService(SearchIndex index, TimeProvider clock)
{
    public const int MaxQueryLength = 200;
    public const int MaxPageSize = 50;
    /// <summary>Results beyond this depth are not served: nobody pages that far, and it bounds the work per request.</summary>
    public const int MaxResults = 1000;
    /// <summary>The corrected words weigh less than what the reader typed.</summary>
    private const float CorrectionWeight = 0.8f;

    /// <summary>NFC, whitespace collapsed and cut to <see cref="MaxQueryLength"/> characters.</summary>
    public static string NormalizeQuery(string? query)
    {
        var nfc = VietnameseText.Nfc(query);
        var collapsed = string.Join(' ', nfc.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length <= MaxQueryLength ? collapsed : collapsed[..MaxQueryLength].TrimEnd();
    }

    public SearchResults Search(SearchRequest request)
    {
        var query = NormalizeQuery(request.Query);
        var pageSize = Math.Clamp(request.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, request.Page);
        var filter = BuildFilter(request);
        var now = clock.GetUtcNow().UtcDateTime;
        return index.Search(searcher =>
        {
            // The words alone are what is highlighted; the demotion of other documents only orders the results.
            var references = DocumentAliases.Expand(query);
            var correction = QueryCorrection.Correct(query, searcher.IndexReader);
            var highlightQuery = WithCorrection(MatchQueryBuilder.Build(query, references, searcher.IndexReader), correction, searcher.IndexReader);
            if (highlightQuery is null)
            {
                return SearchResults.Empty(query, page, pageSize);
            }

            var textQuery = IndexVisibility.VisibleOnly(highlightQuery, now);
            var wanted = Math.Min(page * pageSize, MaxResults);
            var top = Collect(searcher, textQuery, filter, wanted, request.Sort, DocumentReferenceQueries.ConflictingDocuments(query, references, searcher.IndexReader));
            var total = Math.Min(top.TotalHits, MaxResults);
            var skip = (page - 1) * pageSize;
            if (skip >= top.ScoreDocs.Length)
            {
                return new SearchResults(query, [], total, page, pageSize) { Correction = correction };
            }

            var hits = top.ScoreDocs.Skip(skip).Take(pageSize)
                .Select(hit => ResultHighlighter.ToHit(searcher, hit, request.Highlight ? highlightQuery : null))
                .ToList();
            return new SearchResults(query, hits, total, page, pageSize) { Correction = correction };
        });
    }

    /// <summary>The best <paramref name="wanted"/> matches by score, with the documents a reference does not mean
    /// demoted, or the newest matches first (score does not order them, so nothing is demoted).</summary>
    private static TopDocs Collect(IndexSearcher searcher, Query query, Filter? filter, int wanted, SearchSort sort, Query? conflicting)
    {
        if (sort == SearchSort.Newest)
        {
            var newest = new Sort(new SortField(SearchFields.Published, SortFieldType.INT64, reverse: true), SortField.FIELD_SCORE);
            return searcher.Search(query, filter, Math.Max(1, wanted), newest, doDocScores: true, doMaxScore: false);
        }

        var collector = TopScoreDocCollector.Create(Math.Max(1, wanted), docsScoredInOrder: false);
        searcher.Search(query, filter, conflicting is null
            ? collector
            : new DemotingCollector(collector, conflicting, DocumentReferenceQueries.ConflictingDocumentBoost));
        return collector.GetTopDocs();
    }

    /// <summary>The reader's words and, below them, the corrected words (<see cref="QueryCorrection"/>): an article
    /// with what was typed keeps its place, and the words meant find what the typo alone would miss.</summary>
    private static Query? WithCorrection(Query? typed, CorrectedQuery? correction, IndexReader reader)
    {
        if (correction is null)
        {
            return typed;
        }

        var corrected = MatchQueryBuilder.Build(correction.Text, DocumentAliases.Expand(correction.Text), reader);
        if (corrected is null)
        {
            return typed;
        }

        corrected.Boost = CorrectionWeight;
        var both = new BooleanQuery(disableCoord: true) { { corrected, Occur.SHOULD } };
        if (typed is not null)
        {
            both.Add(typed, Occur.SHOULD);
        }

        return both;
    }

    /// <summary>The reader's category and date range, or null when there is none (the usual search).</summary>
    private static Filter? BuildFilter(SearchRequest request)
    {
        var clauses = new List<FilterClause>();
        if (request.From is not null || request.To is not null)
        {
            long? from = request.From is { } first ? LocalTime.DayRangeUtc(first).StartUtc.Ticks : null;
            long? to = request.To is { } last ? LocalTime.DayRangeUtc(last).EndUtc.Ticks - 1 : null;
            clauses.Add(new FilterClause(NumericRangeFilter.NewInt64Range(SearchFields.Published, from, to, true, true), Occur.MUST));
        }

        if (request.CategoryId is { } category)
        {
            clauses.Add(new FilterClause(new QueryWrapperFilter(new TermQuery(new Term(SearchFields.CategoryId, category.ToString(CultureInfo.InvariantCulture)))), Occur.MUST));
        }

        if (clauses.Count == 0)
        {
            return null;
        }

        var filter = new BooleanFilter();
        foreach (var clause in clauses)
        {
            filter.Add(clause);
        }

        return filter;
    }
}
