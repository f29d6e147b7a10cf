using System.Text.RegularExpressions;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Q11Portal.Core.Common;
using Q11Portal.Core.Documents;

namespace Q11Portal.Core.Search;

/// <summary>What a document reference does to the search. Articles carry the references of their text, as read by
/// <see cref="DocumentReferenceParser"/>, in the <see cref="Field"/> field; a query's references, in whatever form the
/// reader wrote them ("chi thi 05", "CT 05", "05/CT-TW"), match that field as one unit with a high weight, the bare
/// number loses its weight as a word, and articles about a document of the same number but another kind or issuer rank
/// lower (<see cref="DemotingCollector"/>) without being dropped. <see cref="DocumentAliases"/> still adds the full
/// numbers of well-known short forms and the documents that continue them.</summary>
internal static partial class DocumentReferenceQueries
{
    /// <summary>The index field of an article's reference keys (<see cref="DocumentReference.IndexKeys"/>), not tokenized.</summary>
    public const string Field = "docref";

    /// <summary>A full document number weighs this much more than an ordinary word.</summary>
    private const float AliasWeight = 8f;
    /// <summary>The weight of a reference matched as one unit in <see cref="Field"/>.</summary>
    private const float ReferenceWeight = 6f;
    /// <summary>The weight left to a bare short number ("05") that a reference has expanded.</summary>
    private const float ShortNumberWeight = 0.1f;
    /// <summary>The share of its score a conflicting document keeps (<see cref="DemotingCollector"/>).</summary>
    public const float ConflictingDocumentBoost = 0.3f;

    /// <summary>The keys of every reference in an article's text, for <see cref="Field"/>.</summary>
    public static IEnumerable<string> IndexKeys(params string[] texts) =>
        texts.SelectMany(t => DocumentReferenceParser.FindAll(t)).SelectMany(m => m.Reference.IndexKeys()).Distinct(StringComparer.Ordinal);

    /// <summary>The query terms a reference stands for as one unit: the numbers as the reader typed them ("05") in the
    /// query's references and in the short forms <see cref="DocumentAliases"/> expanded, and every word and bigram of a
    /// reference ("chỉ", "thị_số"), which <see cref="AddReferences"/> matches as a whole.</summary>
    public static HashSet<string> ShortNumbers(string query, IReadOnlyList<(string Number, float Weight, string ShortNumber)> references)
    {
        var numbers = references.Select(r => r.ShortNumber).ToHashSet(StringComparer.Ordinal);
        var matches = DocumentReferenceParser.FindAll(query, query: true);
        if (matches.Count == 0)
        {
            return numbers;
        }

        foreach (var match in matches)
        {
            numbers.Add(FirstNumber().Match(query, match.Start, match.Length).Value);
        }

        foreach (var token in VietnameseTokens.Analyze(query))
        {
            if (matches.Any(m => token.Start >= m.Start && token.End <= m.Start + m.Length))
            {
                numbers.Add(token.Term);
            }
        }

        return numbers;
    }

    /// <summary>The factor of a query term: <see cref="ShortNumberWeight"/> when it is (or a bigram with) a short number
    /// the query's reference means in full; "Chỉ thị 05" means 05-CT/TW, and its bare "05" would otherwise rank a
    /// ward's "Chỉ thị 05/CT-UBND" first.</summary>
    public static float ShortNumberFactor(string term, HashSet<string> shortNumbers)
    {
        if (shortNumbers.Count == 0)
        {
            return 1f;
        }

        var at = term.IndexOf(VietnameseTokens.BigramSeparator, StringComparison.Ordinal);
        var names = at < 0 ? shortNumbers.Contains(term) : shortNumbers.Contains(term[..at]) || shortNumbers.Contains(term[(at + 1)..]);
        return names ? ShortNumberWeight : 1f;
    }

    /// <summary>Adds the full numbers, with and without marks, as words searched in every field.</summary>
    public static void AddNumbers(List<(string Term, float Weight, bool InBody)> words, IReadOnlyList<(string Number, float Weight, string ShortNumber)> references)
    {
        foreach (var (number, weight, _) in references)
        {
            words.Add((number, AliasWeight * weight, true));
            var folded = VietnameseText.Fold(number);
            if (folded != number)
            {
                words.Add((folded, AliasWeight * weight, true));
            }
        }
    }

    /// <summary>Adds each reference of the query as one unit: its full key when the reader named the issuer, else its
    /// kind and number.</summary>
    public static void AddReferences(BooleanQuery query, string normalizedQuery)
    {
        foreach (var reference in DocumentReferenceParser.ParseQuery(normalizedQuery))
        {
            query.Add(new TermQuery(new Term(Field, reference.Key)) { Boost = ReferenceWeight }, Occur.SHOULD);
        }
    }

    /// <summary>The articles the reader does not mean although they match the words, or null when there are none:
    /// those that name a document of the same number but of another kind, or of the same kind from another issuer
    /// than the one meant, and not the one meant.</summary>
    public static Query? ConflictingDocuments(string normalizedQuery, IReadOnlyList<(string Number, float Weight, string ShortNumber)> aliases, IndexReader reader)
    {
        var conflicts = new BooleanQuery();
        foreach (var reference in DocumentReferenceParser.ParseQuery(normalizedQuery))
        {
            var issuer = reference.Issuer ?? MeantIssuer(reference, aliases, reader);
            var others = new BooleanQuery();
            foreach (var kind in DocumentKinds.All.Select(k => DocumentKinds.MatchCode(k.Code)).Distinct().Where(k => k != reference.Kind))
            {
                others.Add(new TermQuery(new Term(Field, kind + ":" + reference.Number)), Occur.SHOULD);
            }

            if (issuer is not null)
            {
                foreach (var (key, _) in IssuerKeys(reference, reader).Where(k => k.Key != reference.KindNumberKey + ":" + issuer))
                {
                    others.Add(new TermQuery(new Term(Field, key)), Occur.SHOULD);
                }
            }

            var meant = issuer is null ? reference.KindNumberKey : reference.KindNumberKey + ":" + issuer;
            conflicts.Add(new BooleanQuery
            {
                { others, Occur.MUST },
                { new TermQuery(new Term(Field, meant)), Occur.MUST_NOT },
            }, Occur.SHOULD);
        }

        return conflicts.Clauses.Count == 0 ? null : conflicts;
    }

    /// <summary>The issuer a reference without one means: the one of a well-known short form ("Chỉ thị 05" is the
    /// Politburo's 05-CT/TW), else the issuer most articles name with this kind and number, else none.</summary>
    private static string? MeantIssuer(DocumentReference reference, IReadOnlyList<(string Number, float Weight, string ShortNumber)> aliases, IndexReader reader)
    {
        var known = aliases
            .Where(a => a.Weight >= 1)
            .SelectMany(a => DocumentReferenceParser.ParseQuery(a.Number))
            .FirstOrDefault(a => a.Issuer is not null && reference.Names(a));
        if (known is not null)
        {
            return known.Issuer;
        }

        var prefix = reference.KindNumberKey + ":";
        return IssuerKeys(reference, reader).OrderByDescending(k => k.Frequency).Select(k => k.Key[prefix.Length..]).FirstOrDefault();
    }

    /// <summary>The full keys ("ct:5:tw", "ct:5:ubnd") of the reference's kind and number in the index, with how many
    /// articles carry each.</summary>
    private static List<(string Key, int Frequency)> IssuerKeys(DocumentReference reference, IndexReader reader)
    {
        var result = new List<(string, int)>();
        var terms = MultiFields.GetTerms(reader, Field);
        if (terms is null)
        {
            return result;
        }

        var prefix = new BytesRef(reference.KindNumberKey + ":");
        var iterator = terms.GetEnumerator();
        if (iterator.SeekCeil(prefix) == TermsEnum.SeekStatus.END)
        {
            return result;
        }

        do
        {
            if (!StringHelper.StartsWith(iterator.Term, prefix))
            {
                break;
            }

            result.Add((iterator.Term.Utf8ToString(), iterator.DocFreq));
        }
        while (iterator.MoveNext());

        return result;
    }

    [GeneratedRegex(@"\d+", RegexOptions.CultureInvariant)]
    private static partial Regex FirstNumber();
}
