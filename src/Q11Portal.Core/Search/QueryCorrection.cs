using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Q11Portal.Core.Common;

namespace Q11Portal.Core.Search;

/// <summary>A reader's query with its mistyped syllables replaced by the words the index holds
/// (<see cref="QueryCorrection.Correct"/>), or none.</summary>
public sealed record CorrectedQuery(string Text, IReadOnlyList<(string Typed, string Corrected)> Changes);

/// <summary>Typo tolerance drawn from the index's own terms. A query syllable is suspect when its folded form is in no
/// article, or in very few while no word next to it forms a bigram the index knows (a rare name such as "Kiển" of
/// "Phước Kiển" stands with its neighbour, a typo does not). Its close forms are then: what a Telex or VNI leftover
/// stands for ("nhaf", "nan5"), and every term one edit away from the folded form (a dropped, doubled or changed
/// letter, a confused final consonant: "gomm", "cuot", "tuog"). The candidate that forms the most frequent bigrams with
/// the query's other words wins, then the most frequent; its written form is the one with marks the index holds most
/// beside those words ("mủ bảo hiểm" → "mũ bảo hiểm", a tone mark on the neighbouring vowel is already one word
/// through <see cref="VietnameseText.NormalizeTonePlacement"/>). The marks typed are evidence: among candidates the
/// neighbours do not decide, a word whose marked form is one edit from what was typed wins. A syllable whose exact form
/// is in no article but whose folded form is (a wrong tone mark, or a wrong letter under it: "tai nạng" → "nạn") is
/// corrected the same way, and so is a real word that meets neither neighbour anywhere while a word one edit away
/// stands beside them ("đội mủ bảo hiểm" → "mũ").</summary>
public static class QueryCorrection
{
    /// <summary>A present syllable is "very rare" when a close form is in this many times as many articles.</summary>
    private const int RareRatio = 100;
    /// <summary>…and is in at most one article in this many (in a small index: only an absent syllable is suspect).</summary>
    private const int RareShare = 10_000;
    private const int MaxCorrections = 3;
    /// <summary>A real word is replaced only by one that stands beside its neighbours in at least this many articles:
    /// in a small index, a clean word often meets its neighbours nowhere, and one chance bigram is no evidence.</summary>
    private const int MinRealWordFit = 2;

    public static CorrectedQuery? Correct(string normalizedQuery, IndexReader reader)
    {
        var text = VietnameseText.NormalizeTonePlacement(VietnameseText.Nfc(normalizedQuery));
        var tokens = VietnameseTokens.Analyze(text);
        var syllables = tokens.Where(t => t.Kind == VietnameseTokenKind.Syllable)
            .GroupBy(t => t.Position)
            .Select(g => (Position: g.Key, Exact: g.First().Term, Folded: VietnameseText.Fold(g.First().Term), g.First().Start, g.First().End))
            .ToList();
        // The written bigram starting at each position: the words next to a syllable, stop words included.
        var bigrams = tokens.Where(t => t.Kind == VietnameseTokenKind.Bigram).GroupBy(t => t.Position).ToDictionary(g => g.Key, g => g.First().Term);
        var rare = reader.NumDocs / RareShare;
        var queryHasMarks = VietnameseTokens.HasMarks(text.ToLowerInvariant());
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        int Df(string term)
        {
            if (!frequency.TryGetValue(term, out var df))
            {
                df = reader.DocFreq(new Term(SearchFields.Body, term)) + reader.DocFreq(new Term(SearchFields.Title, term));
                frequency[term] = df;
            }

            return df;
        }

        // A neighbour is evidence only when it is a word of the index as typed.
        bool Known(string word) => Df(word) > 0;

        var changes = new List<(int Start, int End, string Typed, string Corrected)>();
        foreach (var s in syllables)
        {
            if (changes.Count == MaxCorrections || !s.Folded.Any(c => "aeiouy".Contains(c)) || IsAcronym(text[s.Start..s.End]))
            {
                continue;
            }

            var left = bigrams.GetValueOrDefault(s.Position - 1) is { } before ? before[..before.IndexOf(VietnameseTokens.BigramSeparator, StringComparison.Ordinal)] : null;
            var right = bigrams.GetValueOrDefault(s.Position) is { } after ? after[(after.IndexOf(VietnameseTokens.BigramSeparator, StringComparison.Ordinal) + 1)..] : null;
            int Context(string word, bool fold) =>
                (left is null ? 0 : Df(Join(fold ? VietnameseText.Fold(left) : left, word))) + (right is null ? 0 : Df(Join(word, fold ? VietnameseText.Fold(right) : right)));

            var foldedDf = Df(s.Folded);
            string? folded = null;
            if (foldedDf == 0 || (foldedDf <= rare && Context(s.Folded, fold: true) == 0))
            {
                var candidates = new List<string>();
                if (VietnameseSpelling.DecodeLeftovers(s.Exact) is { } decoded && Df(decoded) > 0)
                {
                    candidates.Add(decoded);
                }
                else
                {
                    candidates.AddRange(OneEdit(reader, s.Folded));
                }

                // The marks the reader typed are evidence too: "cướcc" means "cước" more likely than the commoner "cuộc".
                folded = candidates
                    .Where(c => Df(c) >= (foldedDf == 0 ? 1 : (long)foldedDf * RareRatio))
                    .OrderByDescending(c => Context(c, fold: true)).ThenByDescending(c => KeepsMarks(c, s.Exact, Df)).ThenByDescending(Df).ThenBy(c => c, StringComparer.Ordinal)
                    .FirstOrDefault();
            }
            else if (VietnameseTokens.HasMarks(s.Exact) && Df(s.Exact) == 0)
            {
                // Marks that make no word: a wrong mark ("tiêm chũng"), or a letter wrong that makes another word
                // ("tai nạng giao thông" means "nạn"). The letters typed, or a word one edit from what was typed with its
                // marks, whichever stands best beside the other words (folded, so a neighbour typed without marks still
                // counts); the letters typed when nothing decides.
                folded = OneEdit(reader, s.Folded).Where(c => KeepsMarks(c, s.Exact, Df)).Prepend(s.Folded)
                    .OrderByDescending(c => Context(c, fold: true)).ThenByDescending(c => c == s.Folded)
                    .ThenByDescending(Df).ThenBy(c => c, StringComparer.Ordinal)
                    .First();
            }
            else if (left is not null && right is not null && Known(left) && Known(right))
            {
                folded = RealWordError(s.Exact, s.Folded, left, right, reader, Context, Df);
            }

            if (folded is null)
            {
                continue;
            }

            // The written form: with marks when the reader writes with marks (or typed them with an input method).
            var written = queryHasMarks ? WrittenForm(folded, s.Exact, f => Context(f, fold: false), Df) : folded;
            if (!written.Equals(s.Exact, StringComparison.Ordinal))
            {
                changes.Add((s.Start, s.End, text[s.Start..s.End], written));
            }
        }

        if (changes.Count == 0)
        {
            return null;
        }

        var corrected = text;
        foreach (var change in changes.OrderByDescending(c => c.Start))
        {
            corrected = corrected[..change.Start] + change.Corrected + corrected[change.End..];
        }

        return new CorrectedQuery(corrected, changes.Select(c => (c.Typed, c.Corrected)).ToList());
    }

    /// <summary>The word meant when a real word was typed in the wrong place (a wrong tone or a changed letter that makes
    /// another word: "đội mủ bảo hiểm"): the typed word forms a bigram with neither neighbour, and a word one edit away
    /// (keeping the marks typed, when the three are typed with marks) stands beside them in the index. Null when the
    /// typed word fits a neighbour or no close word fits in <see cref="MinRealWordFit"/> articles.</summary>
    private static string? RealWordError(string exact, string folded, string left, string right, IndexReader reader,
        Func<string, bool, int> context, Func<string, int> df)
    {
        var marked = VietnameseTokens.HasMarks(exact) && VietnameseTokens.HasMarks(left) && VietnameseTokens.HasMarks(right);
        if (context(marked ? exact : folded, !marked) > 0)
        {
            return null;
        }

        int Fit(string candidate) => marked
            ? VietnameseSpelling.ExactForms(candidate).Where(f => f != exact && VietnameseSpelling.WithinOneEdit(f, exact)).Select(f => context(f, false)).DefaultIfEmpty(0).Max()
            : candidate == folded ? 0 : context(candidate, true);

        // The same letters under other marks first among equals: a wrong tone that makes another word ("đội mủ bảo hiểm").
        return OneEdit(reader, folded).Prepend(folded)
            .Select(c => (Candidate: c, Fit: Fit(c)))
            .Where(c => c.Fit >= MinRealWordFit)
            .OrderByDescending(c => c.Fit).ThenByDescending(c => df(c.Candidate)).ThenBy(c => c.Candidate, StringComparer.Ordinal)
            .Select(c => c.Candidate)
            .FirstOrDefault();
    }

    /// <summary>Letters without a vowel ("KL", "NĐ") or a word typed in capitals ("UBND") is an abbreviation, not a
    /// mistyped syllable.</summary>
    private static bool IsAcronym(string typed) => typed.Length >= 2 && typed.All(c => !char.IsLetter(c) || char.IsUpper(c));

    /// <summary>How the corrected syllable is written: the form with marks the index holds most beside the query's
    /// other words, or the plain letters when only they stand with those words ("tin tức"), or, with no words around,
    /// the form with marks one edit from what was typed ("gốmm" → "gốm", not the commoner "gồm"), else the most
    /// frequent form with marks. The plain form cannot be judged by its own count: every marked word is
    /// also indexed folded.</summary>
    private static string WrittenForm(string folded, string typed, Func<string, int> context, Func<string, int> df)
    {
        var marked = VietnameseSpelling.ExactForms(folded).Where(f => VietnameseTokens.HasMarks(f) && df(f) > 0)
            .Select(f => (Form: f, Context: context(f), Typed: VietnameseSpelling.WithinOneEdit(f, typed), Df: df(f)))
            .OrderByDescending(f => f.Context).ThenByDescending(f => f.Typed).ThenByDescending(f => f.Df).ThenBy(f => f.Form, StringComparer.Ordinal)
            .ToList();
        // A syllable typed with marks is not meant plain ("giao quânn" is "quân", even where "giao quan" is more common).
        if (marked.Count > 0 && (marked[0].Context > 0 || VietnameseTokens.HasMarks(typed)))
        {
            return marked[0].Form;
        }

        return context(folded) > 0 || marked.Count == 0 ? folded : marked[0].Form;
    }

    /// <summary>True when the reader typed marks and a form of <paramref name="folded"/> with marks, in the index, is
    /// one edit from what was typed with those marks ("cướcc" → "cước").</summary>
    private static bool KeepsMarks(string folded, string typed, Func<string, int> df) =>
        VietnameseTokens.HasMarks(typed)
        && VietnameseSpelling.ExactForms(folded).Any(f => VietnameseSpelling.WithinOneEdit(f, typed) && df(f) > 0);

    private static string Join(string first, string second) => first + VietnameseTokens.BigramSeparator + second;

    /// <summary>The syllables (folded, or any letters) of the index one edit (insertion, deletion, substitution or transposition) away.</summary>
    private static List<string> OneEdit(IndexReader reader, string folded, bool ascii = true)
    {
        var found = new List<string>();
        var terms = MultiFields.GetTerms(reader, SearchFields.Body);
        if (terms is null || folded.Length < 2)
        {
            return found;
        }

        var fuzzy = new FuzzyTermsEnum(terms, new AttributeSource(), new Term(SearchFields.Body, folded), 1f, 0, true);
        while (fuzzy.MoveNext())
        {
            var candidate = fuzzy.Term.Utf8ToString();
            if (candidate != folded && (ascii ? candidate.All(char.IsAsciiLetterLower) : candidate.All(char.IsLetter)))
            {
                found.Add(candidate);
            }
        }

        return found;
    }
}
