using Lucene.Net.Index;
using Lucene.Net.Search;
using Q11Portal.Core.Common;

namespace Q11Portal.Core.Search;

/// <summary>Turns a reader's words into the Lucene query that finds and ranks articles (and that is highlighted):
/// title, tags and sapo weigh more than the body, bigrams and kept-whole codes more than single syllables, and
/// exact-diacritic matches more than folded ones.</summary>
public static class MatchQueryBuilder
{
    private const int MaxTerms = 64;
    private const double SubjectBoost = 1;
    /// <summary>The subject of a document the reader names by short form ("NĐ 100" is about traffic safety) weighs half
    /// what a subject typed in words does: it is implied, as the documents continuing it are (<see cref="DocumentAliases"/>).</summary>
    private const double MeantSubjectFactor = 0.5;
    /// <summary>A syllable that is a word by itself weighs what a two-syllable word does
    /// (<see cref="QuerySegmentation.SingleSyllableWords"/>).</summary>
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

    /// <summary>The searched fields and their weights. Title 3, tags 1.8 and sapo 1.6 were fitted on the development
    /// articles and lost to plain BM25's equal weights on unseen ones; these, halfway, are as good on every judged set
    /// here (docs/search.md).</summary>
    internal static readonly (string Field, float Boost)[] Fields =
    [
        (SearchFields.Title, 2.0f),
        (SearchFields.Tags, 1.4f),
        (SearchFields.Summary, 1.3f),
        (SearchFields.Body, 1.0f),
    ];

    /// <summary>The lucene query for a reader's words, document numbers and subjects (what is highlighted), or null
    /// when nothing searchable is left. With <paramref name="reader"/>, the query is segmented into words as the index
    /// reads them (<see cref="QuerySegmentation"/>) and terms that would only add cost are left out (<see cref="Prune"/>).</summary>
    public static Query? Build(string normalizedQuery, IndexReader? reader = null) =>
        Build(normalizedQuery, DocumentAliases.Expand(normalizedQuery), reader);

    internal static Query? Build(string normalizedQuery, IReadOnlyList<(string Number, float Weight, string ShortNumber)> references, IndexReader? reader)
    {
        var tokens = VietnameseTokens.Analyze(normalizedQuery);
        var shortNumbers = DocumentReferenceQueries.ShortNumbers(normalizedQuery, references);
        var frequency = reader is null ? null : BodyFrequencies(reader);
        var single = frequency is null ? [] : QuerySegmentation.SingleSyllableWords(tokens, frequency);
        var terms = tokens
            .GroupBy(t => t.Term, StringComparer.Ordinal)
            .Select(g => (Term: g.Key,
                Weight: KindWeight(g.First().Kind)
                    * DocumentReferenceQueries.ShortNumberFactor(g.Key, shortNumbers)
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
        DocumentReferenceQueries.AddNumbers(words, references);
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

        DocumentReferenceQueries.AddReferences(query, normalizedQuery);

        // A query that names a subject ("nồng độ cồn", "Nghị định 100/2019/NĐ-CP", "làm theo Bác") also brings
        // articles on that subject, below those with the words themselves; a document named by a short form ("NĐ 100")
        // names, more softly, the subject its full number does.
        var subjects = new Dictionary<string, double>(SubjectThesaurus.Default.QueryProfile(normalizedQuery), StringComparer.Ordinal);
        foreach (var (subject, weight) in SubjectThesaurus.Default.QueryProfile(string.Join(" ; ", references.Where(r => r.Weight >= 1).Select(r => r.Number))))
        {
            subjects[subject] = Math.Max(subjects.GetValueOrDefault(subject), MeantSubjectFactor * weight);
        }

        foreach (var (subject, weight) in subjects)
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

    private static float KindWeight(VietnameseTokenKind kind) => kind switch
    {
        VietnameseTokenKind.Bigram => 2f,
        VietnameseTokenKind.Code => 4f,
        VietnameseTokenKind.CodePart => 0.5f,
        _ => 1f,
    };
}
