using System.Globalization;
using System.Text;
using Q11Portal.Core.Common;

namespace Q11Portal.Core.Search;

/// <summary>What a token is: a syllable, a two-syllable bigram, a kept-whole code (document number, date, figure)
/// or one numeric part of such a code.</summary>
public enum VietnameseTokenKind
{
    Syllable,
    Bigram,
    Code,
    CodePart,
}

/// <summary>One token of <see cref="VietnameseTokens.Analyze"/>: <see cref="Position"/> counts syllables and codes,
/// so the exact and folded forms of one syllable, and the bigram starting there, share a position.</summary>
public readonly record struct VietnameseToken(string Term, int Position, int Start, int End, VietnameseTokenKind Kind);

/// <summary>The Vietnamese text analysis shared by search and related news, as a pure function (the Lucene
/// <see cref="VietnameseAnalyzer"/> only replays its output).
/// <list type="bullet">
/// <item>NFC and lower case; every syllable is emitted in its exact form and, when marks were present, folded
/// ("học" and "hoc"), so an exact query matches both and ranks exact-diacritic text first;</item>
/// <item>adjacent syllables of one clause also form a bigram ("học_tập", "hoc_tap"), so that two-syllable
/// words act as words even though Vietnamese writes them with a space;</item>
/// <item>stop words ("của", "và", "các"…) are not indexed alone, but still take part in bigrams
/// ("làm_theo", "theo_bác"), like common-grams;</item>
/// <item>codes that mix digits and letters with '-' or '/' ("05-CT/TW", "144-QĐ/TW", "100/2019/NĐ-CP"),
/// dates ("11-6") and figures ("5.000") are kept whole, with their numbers as extra tokens.</item>
/// </list></summary>
public static class VietnameseTokens
{
    public const char BigramSeparator = '_';

    /// <param name="text">Any text; it is normalised to NFC first, and offsets refer to that NFC text.</param>
    /// <param name="folded">Only folded forms (for the related-news field, which needs no exact forms).</param>
    /// <param name="skipNames">Leave out proper names (runs of two or more capitalised words, like "Củ Chi",
    /// "Quận 12", "Từ Minh Quang"): related news is about the story, and district names occur in every kind of story.</param>
    public static List<VietnameseToken> Analyze(string? text, bool folded = false, bool skipNames = false)
    {
        var tokens = new List<VietnameseToken>();
        // One tone placement ("hoà" and "hòa" are one word), for indexing and queries alike; it keeps the length, so
        // offsets still refer to the NFC text.
        var nfc = VietnameseText.NormalizeTonePlacement(VietnameseText.Nfc(text));
        if (nfc.Length == 0)
        {
            return tokens;
        }

        var words = Split(nfc);
        var names = skipNames ? NameWords(words) : null;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var position = i;
            if (names is not null && names[i])
            {
                continue;
            }

            if (word.IsCode)
            {
                AddForms(tokens, word.Lower, position, word.Start, word.End, VietnameseTokenKind.Code, folded);
                foreach (var part in NumericParts(word.Lower))
                {
                    tokens.Add(new VietnameseToken(part, position, word.Start, word.End, VietnameseTokenKind.CodePart));
                }
            }
            else if (!VietnameseStopWords.Contains(word.Lower))
            {
                AddForms(tokens, word.Lower, position, word.Start, word.End, VietnameseTokenKind.Syllable, folded);
            }

            if (i + 1 < words.Count && words[i + 1].JoinsPrevious && !(word.IsCode && words[i + 1].IsCode) && !(names is not null && names[i + 1]))
            {
                var next = words[i + 1];
                if (!(VietnameseStopWords.Contains(word.Lower) && VietnameseStopWords.Contains(next.Lower)))
                {
                    AddForms(tokens, word.Lower + BigramSeparator + next.Lower, position, word.Start, next.End, VietnameseTokenKind.Bigram, folded);
                }
            }
        }

        return tokens;
    }

    /// <summary>The terms of <see cref="Analyze"/> only, in order: handy for tests and for query building.</summary>
    public static IReadOnlyList<string> Terms(string? text, bool folded = false) => Analyze(text, folded).Select(t => t.Term).ToList();

    public static bool HasMarks(string lower) => !string.Equals(lower, VietnameseText.Fold(lower), StringComparison.Ordinal);

    private static void AddForms(List<VietnameseToken> tokens, string lower, int position, int start, int end, VietnameseTokenKind kind, bool foldedOnly)
    {
        var fold = VietnameseText.Fold(lower);
        if (!foldedOnly)
        {
            tokens.Add(new VietnameseToken(lower, position, start, end, kind));
        }

        if (foldedOnly || !string.Equals(fold, lower, StringComparison.Ordinal))
        {
            tokens.Add(new VietnameseToken(fold, position, start, end, kind));
        }
    }

    private static IEnumerable<string> NumericParts(string code)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in code.Split(['-', '/', '.', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.All(char.IsAsciiDigit) && part != code && seen.Add(part))
            {
                yield return part;
            }
        }
    }

    private sealed record Word(string Lower, int Start, int End, bool IsCode, bool JoinsPrevious, bool Capitalized = false, bool Numeric = false);

    /// <summary>True for every word of a run of two or more capitalised words (a number may end the run: "Quận 12").</summary>
    private static bool[] NameWords(List<Word> words)
    {
        var names = new bool[words.Count];
        var i = 0;
        while (i < words.Count)
        {
            if (!words[i].Capitalized)
            {
                i++;
                continue;
            }

            var end = i + 1;
            while (end < words.Count && words[end].JoinsPrevious && (words[end].Capitalized || (words[end].Numeric && words[end - 1].Capitalized)))
            {
                end++;
            }

            if (end - i >= 2)
            {
                Array.Fill(names, true, i, end - i);
            }

            i = end;
        }

        return names;
    }

    /// <summary>True when every word of the text is capitalised or a number: a proper-name tag ("Củ Chi", "Quận 12").</summary>
    public static bool IsProperName(string text)
    {
        var words = Split(VietnameseText.Nfc(text));
        return words.Count >= 2 && NameWords(words).All(n => n);
    }

    private static bool IsWordChar(char c)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return char.IsLetterOrDigit(c) || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    /// <summary>Splits into words; a word "joins" the previous one when only spaces lie between them
    /// (no punctuation), which is when a bigram may span them.</summary>
    private static List<Word> Split(string text)
    {
        var words = new List<Word>();
        var i = 0;
        var joins = false;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                if (!char.IsWhiteSpace(text[i]))
                {
                    joins = false;
                }

                i++;
                continue;
            }

            var start = i;
            var runs = 1;
            var hasDigit = false;
            var separators = new StringBuilder();
            while (true)
            {
                while (i < text.Length && IsWordChar(text[i]))
                {
                    hasDigit |= char.IsDigit(text[i]);
                    i++;
                }

                // A separator inside a code: '-' or '/' between word characters, or '.'/',' between digits.
                if (i + 1 < text.Length && IsWordChar(text[i + 1]) &&
                    (text[i] is '-' or '/' || (text[i] is '.' or ',' && char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1]))))
                {
                    separators.Append(text[i]);
                    i++;
                    runs++;
                    continue;
                }

                break;
            }

            var end = i;
            var raw = text[start..end];
            var isCode = runs > 1 && hasDigit;
            if (runs > 1 && !hasDigit)
            {
                // Letters joined by hyphens or slashes ("xanh-sạch-đẹp", "Bà Rịa-Vũng Tàu") are ordinary syllables.
                var offset = start;
                foreach (var piece in raw.Split(['-', '/']))
                {
                    if (piece.Length > 0)
                    {
                        words.Add(new Word(piece.ToLowerInvariant(), offset, offset + piece.Length, false, joins, char.IsUpper(piece[0])));
                        joins = true;
                    }

                    offset += piece.Length + 1;
                }

                joins = true;
                continue;
            }

            words.Add(new Word(raw.ToLowerInvariant(), start, end, isCode, joins, char.IsUpper(raw[0]), raw.All(char.IsDigit)));
            joins = true;
        }

        return words;
    }
}
