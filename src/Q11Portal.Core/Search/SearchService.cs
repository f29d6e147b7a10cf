using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Q11Portal.Core.Common;

namespace Q11Portal.Core.Search;

/// <summary>What a reader asked for. Dates are local (Asia/Ho_Chi_Minh) days, both inclusive.</summary>
public sealed record SearchRequest(string? Query, int? CategoryId = null, DateOnly? From = null, DateOnly? To = null, int Page = 1, int PageSize = 10,
    bool Highlight = true);

/// <summary>One result; the <c>…Html</c> strings are encoded text with the matches in <c>&lt;mark&gt;</c>.</summary>
public sealed record SearchHit(int Id, string? SourceId, string Slug, string Title, string TitleHtml, string SnippetHtml,
    int CategoryId, string CategoryName, DateTime PublishedAtUtc, float Score);

public sealed record SearchResults(string Query, IReadOnlyList<SearchHit> Hits, int TotalHits, int Page, int PageSize)
{
    public int PageCount => TotalHits == 0 ? 0 : (TotalHits + PageSize - 1) / PageSize;

    public static SearchResults Empty(string query, int page, int pageSize) => new(query, [], 0, page, pageSize);
}

/// <summary>Article search over the local index: title, tags and sapo weigh more than the body, bigrams and kept-whole
/// codes more than single syllables, and exact-diacritic matches more than folded ones.</summary>
public sealed class SearchService(SearchIndex index, TimeProvider clock)
{
    public const int MaxQueryLength = 200;
    public const int MaxPageSize = 50;
    /// <summary>Results beyond this depth are not served: nobody pages that far, and it bounds the work per request.</summary>
    public const int MaxResults = 1000;
    private const int MaxTerms = 64;
    private const int SnippetLength = 220;
    private const float ShortNumberWeight = 0.1f;
    private const float ConflictingDocumentBoost = 0.3f;
    private const float AliasWeight = 8f;
    private const double SubjectBoost = 1;

    private static readonly (string Field, float Boost)[] Fields =
    [
        (SearchFields.Title, 3.0f),
        (SearchFields.Tags, 1.8f),
        (SearchFields.Summary, 1.6f),
        (SearchFields.Body, 1.0f),
    ];

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
        // The words alone are what is highlighted; the demotion of other documents only orders the results.
        var highlightQuery = BuildMatchQuery(query);
        var textQuery = highlightQuery is null ? null : WithDemotions(query, highlightQuery);
        if (textQuery is null)
        {
            return SearchResults.Empty(query, page, pageSize);
        }

        var filter = BuildFilter(request);
        return index.Search(searcher =>
        {
            var wanted = Math.Min(page * pageSize, MaxResults);
            var top = searcher.Search(textQuery, filter, Math.Max(1, wanted));
            var total = Math.Min(top.TotalHits, MaxResults);
            var skip = (page - 1) * pageSize;
            if (skip >= top.ScoreDocs.Length)
            {
                return new SearchResults(query, [], total, page, pageSize);
            }

            var hits = top.ScoreDocs.Skip(skip).Take(pageSize)
                .Select(hit => ToHit(searcher, hit, request.Highlight ? highlightQuery : null))
                .ToList();
            return new SearchResults(query, hits, total, page, pageSize);
        });
    }

    /// <summary>The ranking query: <paramref name="match"/> with documents the reader does not mean demoted.</summary>
    private static Query WithDemotions(string normalizedQuery, Query match)
    {
        // "Chỉ thị 05" is Directive 05-CT/TW: an article about a ward's "Chỉ thị số 05/CT-UBND" still matches the
        // words, but below the articles on the directive the reader means.
        var conflicts = DocumentAliases.Expand(normalizedQuery)
            .Where(r => r.Weight >= 1)
            .SelectMany(r => DocumentAliases.ConflictingPrefixes(r.Number).Select(p => (Number: r.Number, p.Prefix, p.SameShape)))
            .ToList();
        if (conflicts.Count == 0)
        {
            return match;
        }

        var context = new BooleanQuery();
        foreach (var (field, _) in Fields)
        {
            foreach (var (number, prefix, sameShape) in conflicts)
            {
                if (sameShape)
                {
                    // "05-CT/QU" shares the shape of "05-CT/TW": the prefix also covers the number itself.
                    context.Add(new BooleanQuery
                    {
                        { new PrefixQuery(new Term(field, prefix)), Occur.MUST },
                        { new TermQuery(new Term(field, number)), Occur.MUST_NOT },
                    }, Occur.SHOULD);
                }
                else
                {
                    context.Add(new PrefixQuery(new Term(field, prefix)), Occur.SHOULD);
                }
            }
        }

        return new BoostingQuery(match, context, ConflictingDocumentBoost);
    }

    /// <summary>The lucene query for a reader's words, document numbers and subjects (what is highlighted), or null
    /// when nothing searchable is left.</summary>
    public static Query? BuildMatchQuery(string normalizedQuery)
    {
        var tokens = VietnameseTokens.Analyze(normalizedQuery);
        var references = DocumentAliases.Expand(normalizedQuery);
        // "Chỉ thị 05" means 05-CT/TW: its bare "05" would otherwise rank a ward's "Chỉ thị 05/CT-UBND" first.
        var shortNumbers = references.Select(r => r.ShortNumber).ToHashSet(StringComparer.Ordinal);
        var terms = tokens
            .GroupBy(t => t.Term, StringComparer.Ordinal)
            .Select(g => (Term: g.Key, Weight: KindWeight(g.First().Kind) * (NamesShortNumber(g.Key, shortNumbers) ? ShortNumberWeight : 1f)))
            .Take(MaxTerms)
            .ToList();
        foreach (var (number, weight, _) in references)
        {
            terms.Add((number, AliasWeight * weight));
            var folded = VietnameseText.Fold(number);
            if (folded != number)
            {
                terms.Add((folded, AliasWeight * weight));
            }
        }

        if (terms.Count == 0)
        {
            return null;
        }

        var query = new BooleanQuery(disableCoord: true);
        foreach (var (field, boost) in Fields)
        {
            var perField = new BooleanQuery(disableCoord: false) { Boost = boost };
            foreach (var (term, weight) in terms)
            {
                perField.Add(new TermQuery(new Term(field, term)) { Boost = weight }, Occur.SHOULD);
            }

            query.Add(perField, Occur.SHOULD);
        }

        // A query that names a subject ("nồng độ cồn", "Nghị định 100/2019/NĐ-CP", "làm theo Bác") also brings
        // articles on that subject, below those with the words themselves.
        foreach (var (subject, weight) in SubjectThesaurus.Default.QueryProfile(normalizedQuery))
        {
            query.Add(new TermQuery(new Term(SearchFields.Subject, subject)) { Boost = (float)(SubjectBoost * weight) }, Occur.SHOULD);
        }

        return query;
    }

    private static bool NamesShortNumber(string term, HashSet<string> shortNumbers)
    {
        if (shortNumbers.Count == 0)
        {
            return false;
        }

        var at = term.IndexOf(VietnameseTokens.BigramSeparator, StringComparison.Ordinal);
        return at < 0 ? shortNumbers.Contains(term) : shortNumbers.Contains(term[..at]) || shortNumbers.Contains(term[(at + 1)..]);
    }

    private static float KindWeight(VietnameseTokenKind kind) => kind switch
    {
        VietnameseTokenKind.Bigram => 2f,
        VietnameseTokenKind.Code => 4f,
        VietnameseTokenKind.CodePart => 0.5f,
        _ => 1f,
    };

    private Filter BuildFilter(SearchRequest request)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        long? from = request.From is { } day ? LocalTime.DayRangeUtc(day).StartUtc.Ticks : null;
        var to = now.Ticks;
        if (request.To is { } last)
        {
            to = Math.Min(to, LocalTime.DayRangeUtc(last).EndUtc.Ticks - 1);
        }

        var filter = new BooleanFilter
        {
            new FilterClause(NumericRangeFilter.NewInt64Range(SearchFields.Published, from, to, true, true), Occur.MUST),
        };
        if (request.CategoryId is { } category)
        {
            filter.Add(new FilterClause(new QueryWrapperFilter(new TermQuery(new Term(SearchFields.CategoryId, category.ToString(CultureInfo.InvariantCulture)))), Occur.MUST));
        }

        return filter;
    }

    private static SearchHit ToHit(IndexSearcher searcher, ScoreDoc hit, Query? query)
    {
        var document = searcher.Doc(hit.Doc);
        var title = document.Get(SearchFields.Title) ?? string.Empty;
        var summary = document.Get(SearchFields.Summary) ?? string.Empty;
        var body = document.Get(SearchFields.Body) ?? string.Empty;
        var titleHtml = (query is null ? null : Highlight(query, SearchFields.Title, title, whole: true)) ?? Encode(title);
        var snippet = (query is null ? null : Highlight(query, SearchFields.Summary, summary, whole: true) ?? Highlight(query, SearchFields.Body, body, whole: false))
            ?? Encode(summary.Length > 0 ? summary : Cut(body));
        return new SearchHit(
            int.Parse(document.Get(SearchFields.Id), CultureInfo.InvariantCulture),
            document.Get(SearchFields.SourceId),
            document.Get(SearchFields.Slug) ?? string.Empty,
            title,
            titleHtml,
            snippet,
            int.Parse(document.Get(SearchFields.CategoryId), CultureInfo.InvariantCulture),
            document.Get(SearchFields.CategoryName) ?? string.Empty,
            new DateTime(document.GetField(SearchFields.Published).GetInt64Value() ?? 0, DateTimeKind.Utc),
            hit.Score);
    }

    /// <summary>The text with every query match wrapped in &lt;mark&gt;, HTML-encoded; null when nothing matched.</summary>
    public static string? Highlight(Query query, string field, string text, bool whole)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var scorer = new QueryScorer(query, field);
        var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), ReadableHtmlEncoder.Instance, scorer)
        {
            TextFragmenter = whole ? new NullFragmenter() : new SimpleSpanFragmenter(scorer, SnippetLength),
        };
        try
        {
            using var stream = SearchIndex.Analyzer.GetTokenStream(field, text);
            var fragments = highlighter.GetBestFragments(stream, text, whole ? 1 : 2);
            if (fragments.Length == 0 || !fragments[0].Contains("<mark>", StringComparison.Ordinal))
            {
                return null;
            }

            return whole ? fragments[0] : "… " + string.Join(" … ", fragments) + " …";
        }
        catch (InvalidTokenOffsetsException)
        {
            return null;
        }
    }

    private static string Encode(string text) => ReadableHtmlEncoder.Instance.EncodeText(text);

    /// <summary>HTML-encodes markup characters only, so Vietnamese stays readable (no numeric entities).</summary>
    private sealed class ReadableHtmlEncoder : IEncoder
    {
        public static readonly ReadableHtmlEncoder Instance = new();
        private static readonly System.Text.Encodings.Web.HtmlEncoder Encoder =
            System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

        public string EncodeText(string originalText) => Encoder.Encode(originalText);
    }

    private static string Cut(string text) => text.Length <= SnippetLength ? text : text[..SnippetLength] + "…";
}
