using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Q11Portal.Core.Search;

/// <summary>One related article and its similarity in [0, 1]; 0 marks a same-category fallback.</summary>
public sealed record RelatedCandidate(int ArticleId, double Score);

/// <summary>Related news from the local index: a symmetric similarity of content (tf-idf cosine of folded syllables and
/// bigrams of title, sapo, tags and body), subjects (cosine of <see cref="SubjectThesaurus"/> profiles), tags
/// (idf-weighted cosine) and category, so that a score stored in one article's list compares with the scores of another's.</summary>
public sealed class RelatedNewsEngine(SearchIndex index)
{
    // Term statistics barely move as articles come and go, so they are cached across computations and dropped
    // when the index size has changed by more than 1 %.
    private readonly StatisticsCache statisticsCache = new();

    /// <summary>Weights of the four signals; they sum to 1.</summary>
    public const double TextWeight = 0.35;
    public const double TagWeight = 0.10;
    public const double CategoryWeight = 0.15;
    /// <summary>Subjects (<see cref="SubjectThesaurus"/>) weigh most: two stories on one subject often share few words,
    /// and a portal's sections do not follow subjects (traffic safety is news of the government, the police and the city).</summary>
    public const double SubjectWeight = 0.40;

    /// <summary>Below this similarity an article is not "related"; the sidebar then falls back to the same category.</summary>
    public const double MinimumScore = 0.20;

    private const int QueryTerms = 25;
    /// <summary>An article is represented by its most distinctive terms only; the long tail of a body is noise.</summary>
    private const int ProfileTerms = 400;
    private const int Candidates = 40;
    private const double SubjectBoost = 2;
    /// <summary>A term's concentration is estimated from this many of its articles (a share to within about four
    /// points), not from all of a common word's tens of thousands.</summary>
    private const int ConcentrationSample = 200;

    public SearchIndex Index => index;

    /// <summary>The most similar published articles (not the article itself), best first, each above
    /// <see cref="MinimumScore"/>. Empty when the article is not in the index.</summary>
    public IReadOnlyList<RelatedCandidate> FindSimilar(int articleId, int top, DateTime nowUtc) =>
        index.Search(searcher =>
        {
            var reader = searcher.IndexReader;
            var docId = FindDoc(searcher, articleId);
            if (docId < 0)
            {
                return (IReadOnlyList<RelatedCandidate>)[];
            }

            using var context = new Context(reader, statisticsCache.For(reader.NumDocs));
            var source = context.Profile(docId);
            var query = new BooleanQuery(disableCoord: true);
            foreach (var (term, weight) in source.Terms.OrderByDescending(t => t.Value).Take(QueryTerms))
            {
                query.Add(new TermQuery(new Term(SearchFields.Related, term)) { Boost = (float)weight }, Occur.SHOULD);
            }

            foreach (var tag in source.Tags)
            {
                query.Add(new TermQuery(new Term(SearchFields.TagKey, tag)) { Boost = 2f }, Occur.SHOULD);
            }

            foreach (var (subject, weight) in source.Subjects)
            {
                query.Add(new TermQuery(new Term(SearchFields.Subject, subject)) { Boost = (float)(SubjectBoost * weight) }, Occur.SHOULD);
            }

            if (query.Clauses.Count == 0)
            {
                return (IReadOnlyList<RelatedCandidate>)[];
            }

            // Scheduled articles are left out by a prohibited clause, not a filter: see IndexVisibility.PublishedAfter.
            query.Add(IndexVisibility.PublishedAfter(nowUtc), Occur.MUST_NOT);
            query.Add(IndexVisibility.ExpiredBy(nowUtc), Occur.MUST_NOT);
            var hits = searcher.Search(query, Candidates + 1).ScoreDocs;
            // The candidates' profiles are most of the work (term vectors, and the statistics of terms not seen
            // before); an index reader may be read from several threads at once.
            var scored = new RelatedCandidate?[hits.Length];
            Parallel.For(0, hits.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            {
                if (hits[i].Doc == docId)
                {
                    return;
                }

                var candidate = context.Profile(hits[i].Doc);
                var score = Similarity(source, candidate);
                if (score >= MinimumScore)
                {
                    scored[i] = new RelatedCandidate(candidate.ArticleId, Math.Round(score, 6));
                }
            });

            return (IReadOnlyList<RelatedCandidate>)scored.OfType<RelatedCandidate>()
                .OrderByDescending(r => r.Score).ThenByDescending(r => r.ArticleId)
                .Take(top).ToList();
        });

    /// <summary>The similarity of two indexed articles (for tests and the "does it belong in that list" check).</summary>
    public double SimilarityOf(int a, int b) =>
        index.Search(searcher =>
        {
            var docA = FindDoc(searcher, a);
            var docB = FindDoc(searcher, b);
            if (docA < 0 || docB < 0)
            {
                return 0;
            }

            using var context = new Context(searcher.IndexReader, statisticsCache.For(searcher.IndexReader.NumDocs));
            return Similarity(context.Profile(docA), context.Profile(docB));
        });

    private static double Similarity(Profile a, Profile b)
    {
        var text = Cosine(a.Terms, a.Norm, b.Terms, b.Norm);
        var tags = Cosine(a.TagWeights, a.TagNorm, b.TagWeights, b.TagNorm);
        var category = a.CategoryId == b.CategoryId ? 1.0 : 0.0;
        var subjects = Cosine(a.Subjects, 1, b.Subjects, 1);
        return (TextWeight * text) + (TagWeight * tags) + (CategoryWeight * category) + (SubjectWeight * subjects);
    }

    private static double Cosine(Dictionary<string, double> a, double normA, Dictionary<string, double> b, double normB)
    {
        if (normA == 0 || normB == 0)
        {
            return 0;
        }

        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var dot = 0.0;
        foreach (var (term, weight) in small)
        {
            if (large.TryGetValue(term, out var other))
            {
                dot += weight * other;
            }
        }

        return dot / (normA * normB);
    }

    private static int FindDoc(IndexSearcher searcher, int articleId)
    {
        var hits = searcher.Search(new TermQuery(new Term(SearchFields.Id, SearchIndex.IdTerm(articleId))), 1).ScoreDocs;
        return hits.Length == 0 ? -1 : hits[0].Doc;
    }

    private sealed record Profile(int ArticleId, Dictionary<string, double> Terms, double Norm, HashSet<string> Tags,
        Dictionary<string, double> TagWeights, double TagNorm, string? CategoryId, Dictionary<string, double> Subjects);

    /// <summary>The statistics of one index size: per term of the related-news field its idf and concentration,
    /// per tag its idf.</summary>
    private sealed class TermStatistics(int documents)
    {
        public int Documents { get; } = documents;

        public System.Collections.Concurrent.ConcurrentDictionary<string, (double Idf, double Concentration)> Terms { get; } = new(StringComparer.Ordinal);

        public System.Collections.Concurrent.ConcurrentDictionary<string, double> TagIdf { get; } = new(StringComparer.Ordinal);
    }

    private sealed class StatisticsCache
    {
        private const int MaxTerms = 2_000_000;
        private TermStatistics current = new(0);

        public TermStatistics For(int documents)
        {
            var snapshot = current;
            if (Math.Abs(snapshot.Documents - documents) > snapshot.Documents / 100 || snapshot.Terms.Count > MaxTerms)
            {
                snapshot = new TermStatistics(documents);
                current = snapshot;
            }

            return snapshot;
        }
    }

    private sealed class Context(IndexReader reader, TermStatistics statistics) : IDisposable
    {
        private readonly int documents = Math.Max(1, reader.NumDocs);

        /// <summary>The stored fields a profile reads; the stored body is left where it is.</summary>
        private static readonly ISet<string> ProfileFields = new HashSet<string>(StringComparer.Ordinal)
        {
            SearchFields.Id, SearchFields.Tags, SearchFields.Subjects, SearchFields.CategoryId,
        };

        public Profile Profile(int doc)
        {
            var stored = reader.Document(doc, ProfileFields);
            var terms = new Dictionary<string, double>(StringComparer.Ordinal);
            var vector = reader.GetTermVector(doc, SearchFields.Related);
            if (vector is not null)
            {
                var iterator = vector.GetEnumerator();
                while (iterator.MoveNext())
                {
                    var term = iterator.Term.Utf8ToString();
                    var frequency = iterator.TotalTermFreq;
                    var (idfWeight, concentrationWeight) = Statistics(term, iterator.Term);
                    if (idfWeight > 0)
                    {
                        terms[term] = (1 + Math.Log(frequency)) * idfWeight * concentrationWeight;
                    }
                }
            }

            if (terms.Count > ProfileTerms)
            {
                terms = terms.OrderByDescending(t => t.Value).Take(ProfileTerms).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
            }

            var tags = stored.GetValues(SearchFields.Tags).Where(t => !VietnameseTokens.IsProperName(t)).Select(Common.VietnameseText.Fold).ToHashSet(StringComparer.Ordinal);
            var tagWeights = tags.ToDictionary(t => t, TagIdf, StringComparer.Ordinal);
            var subjects = SubjectThesaurus.ParseProfile(stored.Get(SearchFields.Subjects));
            var articleId = int.Parse(stored.Get(SearchFields.Id), System.Globalization.CultureInfo.InvariantCulture);
            return new Profile(articleId, terms, Norm(terms), tags, tagWeights, Norm(tagWeights), stored.Get(SearchFields.CategoryId), subjects);
        }

        private static double Norm(Dictionary<string, double> weights) => Math.Sqrt(weights.Values.Sum(w => w * w));

        /// <summary>Per thread, a terms cursor, a postings cursor and the category doc values of every segment: index
        /// readers may be shared by threads, cursors may not, and reusing them is what makes the statistics of a term
        /// seen for the first time cheap (a fresh cursor per lookup costs more than the lookup).</summary>
        private readonly ThreadLocal<Leaf[]> leaves = new(() => reader.Leaves.Select(l => new Leaf(l.AtomicReader)).ToArray());

        public void Dispose() => leaves.Dispose();

        private sealed class Leaf(AtomicReader reader)
        {
            public TermsEnum? Terms { get; } = reader.GetTerms(SearchFields.Related)?.GetEnumerator();
            public NumericDocValues? Categories { get; } = reader.GetNumericDocValues(SearchFields.CategoryId);
            public IBits? Live { get; } = reader.LiveDocs;
            public DocsEnum? Docs { get; set; }
        }

        /// <summary>The idf of a term of the related-news field and its concentration: how much it speaks for one
        /// section of the portal. District and ward names, dates and generic office words occur in every category and
        /// say little about the story, while "sốt xuất huyết" or "đảng viên" stay within one or two: the smoothed share
        /// of the term's most common category (over a sample of its articles), squared.</summary>
        private (double Idf, double Concentration) Statistics(string term, BytesRef bytes)
        {
            if (statistics.Terms.TryGetValue(term, out var known))
            {
                return known;
            }

            var df = 0;
            var counts = new Dictionary<long, int>();
            var seen = 0;
            foreach (var leaf in leaves.Value!)
            {
                if (leaf.Terms is null || !leaf.Terms.SeekExact(bytes))
                {
                    continue;
                }

                df += leaf.Terms.DocFreq;
                if (leaf.Categories is null || seen >= ConcentrationSample)
                {
                    continue;
                }

                leaf.Docs = leaf.Terms.Docs(leaf.Live, leaf.Docs, DocsFlags.NONE);
                while (seen < ConcentrationSample && leaf.Docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
                {
                    var category = leaf.Categories.Get(leaf.Docs.DocID);
                    counts[category] = counts.GetValueOrDefault(category) + 1;
                    seen++;
                }
            }

            var idfValue = Idf(df);
            var top = counts.Count == 0 ? 0 : counts.Values.Max();
            var share = (top + 1.0) / (seen + 2.0);
            var concentrationValue = seen == 0 ? 1 : share * share;
            return statistics.Terms[term] = (idfValue, concentrationValue);
        }

        /// <summary>BM25's idf; 0 for a term of one article, which cannot relate two.</summary>
        private double Idf(int df) => df <= 1 ? 0 : Math.Log(1 + ((documents - df + 0.5) / (df + 0.5)));

        private double TagIdf(string tag)
        {
            if (!statistics.TagIdf.TryGetValue(tag, out var value))
            {
                var df = reader.DocFreq(new Term(SearchFields.TagKey, tag));
                value = Idf(df);
                statistics.TagIdf[tag] = value;
            }

            return value;
        }
    }
}
