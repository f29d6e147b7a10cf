using Lucene.Net.Index;
using Lucene.Net.Search;
using Q11Portal.Core.Common;

namespace Q11Portal.Core.Search;

/// <summary>What a document reference in the query ("Chỉ thị 05", "Nghị định 100") does to the search, once
/// <see cref="DocumentAliases"/> has expanded it into the numbers it stands for: the full numbers are searched with a
/// high weight, the bare short number loses its weight, and documents of the same number but another issuer rank lower.</summary>
internal static class DocumentReferenceQueries
{
    /// <summary>A full document number weighs this much more than an ordinary word.</summary>
    private const float AliasWeight = 8f;
    /// <summary>The weight left to a bare short number ("05") that a reference has expanded.</summary>
    private const float ShortNumberWeight = 0.1f;
    /// <summary>The share of its score a conflicting document keeps (<see cref="DemotingCollector"/>).</summary>
    public const float ConflictingDocumentBoost = 0.3f;

    public static HashSet<string> ShortNumbers(IReadOnlyList<(string Number, float Weight, string ShortNumber)> references) =>
        references.Select(r => r.ShortNumber).ToHashSet(StringComparer.Ordinal);

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

    /// <summary>The documents the reader does not mean although they match the words, or null when there are none.</summary>
    public static Query? ConflictingDocuments(IReadOnlyList<(string Number, float Weight, string ShortNumber)> references)
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
        foreach (var (field, _) in MatchQueryBuilder.Fields)
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
}
