using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Util;
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
    /// <summary>A syllable that is a word by itself weighs what a two-syllable word does (<see cref="SingleSyllableWords"/>).</summary>
    private const float SingleSyllableWordWeight = 2f;
    /// <summary>Terms in more than this share of the articles are left out of the query (see <see cref="Prune"/>)…</summary>
    private const double CommonShare = 0.8;
    /// <summary>The exact form of a word is "rare" beside its folded form below one in this many articles: "hiến" beside
    /// "hiện" (one in twenty) is a word of its own, "hôi" beside "hội" (one in a thousand) is most likely a wrong mark.</summary>
    private const long RareExactForm = 100;
    /// <summary>From this many syllables on, a query is matched in the body by its bigrams only.</summary>
    private const int LongQuerySyllables = 6;
    /// <summary>…once the index is large enough for the share to mean something.</summary>
    private const int CommonTermMinimumDocuments = 1000;

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
        var filter = BuildFilter(request);
        var now = clock.GetUtcNow().UtcDateTime;
        return index.Search(searcher =>
        {
            // The words alone are what is highlighted; the demotion of other documents only orders the results.
            var references = DocumentAliases.Expand(query);
            var highlightQuery = BuildMatchQuery(query, references, searcher.IndexReader);
            if (highlightQuery is null)
            {
                return SearchResults.Empty(query, page, pageSize);
            }

            var textQuery = Visible(highlightQuery, now);
            var wanted = Math.Min(page * pageSize, MaxResults);
            var collector = TopScoreDocCollector.Create(Math.Max(1, wanted), docsScoredInOrder: false);
            var conflicting = ConflictingDocuments(references);
            searcher.Search(textQuery, filter, conflicting is null ? collector : new DemotingCollector(collector, conflicting, ConflictingDocumentBoost));
            var top = collector.GetTopDocs();
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

    /// <summary>Leaves out articles whose publish time is still to come (scheduled). A prohibited clause rather than
    /// a filter: the few scheduled articles are skipped while the words are scored in bulk, where a filter over every
    /// published article would make each search visit the whole index (measured: up to twice the time at 100,000).</summary>
    private static Query Visible(Query query, DateTime nowUtc) => new BooleanQuery(disableCoord: true)
    {
        { query, Occur.SHOULD },
        { NumericRangeQuery.NewInt64Range(SearchFields.Published, nowUtc.Ticks, null, false, true), Occur.MUST_NOT },
    };

    /// <summary>The documents the reader does not mean although they match the words, or null when there are none.</summary>
    private static Query? ConflictingDocuments(IReadOnlyList<(string Number, float Weight, string ShortNumber)> references)
    {
        // "Chỉ thị 05" is Directive 05-CT/TW: an article about a ward's "Chỉ thị số 05/CT-UBND" still matches the
        // words, but below the articles on the directive the reader means.
        var conflicts = references
            .Where(r => r.Weight >= 1)
            .SelectMany(r => DocumentAliases.ConflictingPrefixes(r.Number).Select(p => (Number: r.Number, p.Prefix, p.SameShape)))
            .ToList();
        if (conflicts.Count == 0)
        {
            return null;
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

        return context;
    }

    /// <summary>The lucene query for a reader's words, document numbers and subjects (what is highlighted), or null
    /// when nothing searchable is left. With <paramref name="reader"/>, the query is segmented into words as the index
    /// reads them (<see cref="SingleSyllableWords"/>) and terms that would only add cost are left out (<see cref="Prune"/>).</summary>
    public static Query? BuildMatchQuery(string normalizedQuery, IndexReader? reader = null) =>
        BuildMatchQuery(normalizedQuery, DocumentAliases.Expand(normalizedQuery), reader);

    private static Query? BuildMatchQuery(string normalizedQuery, IReadOnlyList<(string Number, float Weight, string ShortNumber)> references, IndexReader? reader)
    {
        var tokens = VietnameseTokens.Analyze(normalizedQuery);
        // "Chỉ thị 05" means 05-CT/TW: its bare "05" would otherwise rank a ward's "Chỉ thị 05/CT-UBND" first.
        var shortNumbers = references.Select(r => r.ShortNumber).ToHashSet(StringComparer.Ordinal);
        var frequency = reader is null ? null : BodyFrequencies(reader);
        var single = frequency is null ? [] : SingleSyllableWords(tokens, frequency);
        var terms = tokens
            .GroupBy(t => t.Term, StringComparer.Ordinal)
            .Select(g => (Term: g.Key,
                Weight: KindWeight(g.First().Kind)
                    * (NamesShortNumber(g.Key, shortNumbers) ? ShortNumberWeight : 1f)
                    * (g.First().Kind == VietnameseTokenKind.Syllable && g.Any(t => single.Contains(t.Position)) ? SingleSyllableWordWeight : 1f),
                g.First().Kind))
            .Take(MaxTerms)
            .ToList();
        if (frequency is not null)
        {
            terms = Prune(terms, frequency, reader!.NumDocs);
        }

        // A long query is a phrase: in the body, where every syllable occurs somewhere, its two-syllable words say
        // which articles hold it, and its single syllables would only make the search visit most of the index.
        var longQuery = tokens.Where(t => t.Kind == VietnameseTokenKind.Syllable).Select(t => t.Position).Distinct().Count() >= LongQuerySyllables;
        var words = terms.Select(t => (t.Term, t.Weight, InBody: !longQuery || t.Kind != VietnameseTokenKind.Syllable)).ToList();
        foreach (var (number, weight, _) in references)
        {
            words.Add((number, AliasWeight * weight, true));
            var folded = VietnameseText.Fold(number);
            if (folded != number)
            {
                words.Add((folded, AliasWeight * weight, true));
            }
        }

        if (words.Count == 0)
        {
            return null;
        }

        var query = new BooleanQuery(disableCoord: true);
        foreach (var (field, boost) in Fields)
        {
            var perField = new BooleanQuery(disableCoord: false) { Boost = boost };
            foreach (var (term, weight, inBody) in words)
            {
                if (inBody || field != SearchFields.Body)
                {
                    perField.Add(new TermQuery(new Term(field, term)) { Boost = weight }, Occur.SHOULD);
                }
            }

            if (perField.Clauses.Count > 0)
            {
                query.Add(perField, Occur.SHOULD);
            }
        }

        // A query that names a subject ("nồng độ cồn", "Nghị định 100/2019/NĐ-CP", "làm theo Bác") also brings
        // articles on that subject, below those with the words themselves.
        foreach (var (subject, weight) in SubjectThesaurus.Default.QueryProfile(normalizedQuery))
        {
            query.Add(new TermQuery(new Term(SearchFields.Subject, subject)) { Boost = (float)(SubjectBoost * weight) }, Occur.SHOULD);
        }

        return query;
    }

    /// <summary>Leaves out the query terms that cost the most and change the ranking the least, judged by how often
    /// they occur in article bodies:
    /// <list type="bullet">
    /// <item>the folded form of a word the reader typed with its marks ("hoi" for "hội", "tu" for "tư") unless the
    /// exact form is rare beside it: what else the folded form finds are other words ("hỏi", "hơi"; "từ", "tự").
    /// When the exact form is rare or absent, the reader has likely put a wrong tone mark ("đại hôi") and the folded
    /// form stays to find what they meant; a mistyped word inside a phrase is also found by the folded bigram;</item>
    /// <item>words and bigrams found in more than <see cref="CommonShare"/> of the articles of a large index: their
    /// BM25 weight is close to nothing (at 80 %, a tenth of a distinctive word's), but scoring them visits almost every
    /// article. Kept-whole codes always stay, and so does everything when nothing else would.</item>
    /// </list></summary>
    private static List<(string Term, float Weight, VietnameseTokenKind Kind)> Prune(List<(string Term, float Weight, VietnameseTokenKind Kind)> terms,
        Func<string, int> frequency, int documents)
    {
        var exactByFolded = terms
            .Where(t => VietnameseTokens.HasMarks(t.Term))
            .ToLookup(t => VietnameseText.Fold(t.Term), t => t.Term, StringComparer.Ordinal);
        var kept = terms.Where(t =>
        {
            var exact = exactByFolded[t.Term].ToList();
            return exact.Count == 0 || exact.Sum(frequency) * RareExactForm < frequency(t.Term);
        }).ToList();

        if (documents >= CommonTermMinimumDocuments)
        {
            var limit = (long)(documents * CommonShare);
            var distinctive = kept.Where(t => t.Kind is VietnameseTokenKind.Code || frequency(t.Term) <= limit).ToList();
            if (distinctive.Count > 0)
            {
                kept = distinctive;
            }
        }

        return kept;
    }

    /// <summary>The positions of the query's syllables that are words by themselves. Vietnamese writes a word of two
    /// syllables with a space ("hiến đất", "mở rộng"), so the query is segmented the way the index reads: the adjacent
    /// pairs most often found together (their bigram's share of the rarer syllable's articles) are taken as words first,
    /// without overlap; a syllable left outside every word ("hẻm" in "hiến đất mở rộng hẻm") is a word of its own and
    /// weighs what a two-syllable word does. A syllable of a two-syllable word alone ("hiến" of "cống hiến" in an
    /// article on something else) stays weak.</summary>
    private static HashSet<int> SingleSyllableWords(List<VietnameseToken> tokens, Func<string, int> frequency)
    {
        var syllables = tokens.Where(t => t.Kind == VietnameseTokenKind.Syllable).Select(t => t.Position).ToHashSet();
        var pairs = new List<(int Position, double Cohesion)>();
        foreach (var bigram in tokens.Where(t => t.Kind == VietnameseTokenKind.Bigram && syllables.Contains(t.Position) && syllables.Contains(t.Position + 1)))
        {
            var at = bigram.Term.IndexOf(VietnameseTokens.BigramSeparator, StringComparison.Ordinal);
            var together = frequency(bigram.Term);
            var rarer = Math.Min(frequency(bigram.Term[..at]), frequency(bigram.Term[(at + 1)..]));
            if (together > 0 && rarer > 0)
            {
                pairs.Add((bigram.Position, (double)together / rarer));
            }
        }

        var inWords = new HashSet<int>();
        foreach (var (position, _) in pairs.OrderByDescending(p => p.Cohesion).ThenBy(p => p.Position))
        {
            if (!inWords.Contains(position) && !inWords.Contains(position + 1))
            {
                inWords.Add(position);
                inWords.Add(position + 1);
            }
        }

        syllables.ExceptWith(inWords);
        return syllables;
    }

    /// <summary>How many articles have a term in their body, looked up once per term of a query.</summary>
    private static Func<string, int> BodyFrequencies(IndexReader reader)
    {
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        return term =>
        {
            if (!frequencies.TryGetValue(term, out var df))
            {
                df = reader.DocFreq(new Term(SearchFields.Body, term));
                frequencies[term] = df;
            }

            return df;
        };
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

    /// <summary>Scores the documents matching <paramref name="demoted"/> at <paramref name="factor"/> of their score (what
    /// Lucene's BoostingQuery does) without making the words a required clause: the words are still scored in bulk,
    /// and the few demoted documents are found once per segment.</summary>
    private sealed class DemotingCollector(ICollector inner, Query demoted, float factor) : ICollector
    {
        private readonly QueryWrapperFilter demotedFilter = new(demoted);
        private FixedBitSet? segmentDemoted;
        private int currentDoc;

        public bool AcceptsDocsOutOfOrder => inner.AcceptsDocsOutOfOrder;

        public void SetNextReader(AtomicReaderContext context)
        {
            inner.SetNextReader(context);
            segmentDemoted = null;
            var iterator = demotedFilter.GetDocIdSet(context, context.AtomicReader.LiveDocs)?.GetIterator();
            if (iterator is null)
            {
                return;
            }

            for (var doc = iterator.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = iterator.NextDoc())
            {
                (segmentDemoted ??= new FixedBitSet(context.AtomicReader.MaxDoc)).Set(doc);
            }
        }

        public void SetScorer(Scorer scorer) => inner.SetScorer(new DemotedScorer(scorer, this));

        public void Collect(int doc)
        {
            currentDoc = doc;
            inner.Collect(doc);
        }

        private float Adjust(float score) => segmentDemoted is not null && segmentDemoted.Get(currentDoc) ? score * factor : score;

        // No weight: the bulk scorer hands collectors a scorer without one, and the collector only asks for scores.
        private sealed class DemotedScorer(Scorer scorer, DemotingCollector owner) : Scorer(null)
        {
            public override float GetScore() => owner.Adjust(scorer.GetScore());

            public override int Freq => scorer.Freq;

            public override int DocID => scorer.DocID;

            public override int NextDoc() => scorer.NextDoc();

            public override int Advance(int target) => scorer.Advance(target);

            public override long GetCost() => scorer.GetCost();
        }
    }

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
