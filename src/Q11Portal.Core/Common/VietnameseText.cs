using System.Globalization;
using System.Text;

namespace Q11Portal.Core.Common;

/// <summary>Pure helpers for Vietnamese text: normalisation and mark folding.</summary>
public static class VietnameseText
{
    /// <summary>Returns the text in Unicode NFC, or an empty string for null.</summary>
    public static string Nfc(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);

    /// <summary>NFC, or null when the input is null.</summary>
    public static string? NfcOrNull(string? text) => text is null ? null : Nfc(text);

    /// <summary>A one-line name (category, tag, block title): NFC, trimmed, every run of white space (tabs, line breaks,
    /// no-break spaces pasted from Word) made one plain space, bidi controls removed (<see cref="TextRules.Line"/>).</summary>
    public static string Label(string? text) => TextRules.Line(text);

    /// <summary>Lower case with every mark removed and 'đ' folded to 'd': "Đảng bộ" → "dang bo".</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            // 'đ' has no Unicode decomposition, so it is mapped by hand.
            builder.Append(c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            });
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>One canonical tone placement for the open syllables where Vietnamese writers use two: "hoà"/"hòa",
    /// "thuý"/"thúy", "khoẻ"/"khỏe", "uỷ"/"ủy" all become the second form, so search and duplicate checks see one word.
    /// <para>The canonical form is the traditional placement (mark on the first vowel of oa, oe, uy when no letter
    /// follows): it is what most Vietnamese newspapers and the portal's own articles use (in the development corpus
    /// about 150 syllables against 9), so the fewest stored words differ from their indexed form.</para>
    /// <para>Only those cases move, from the orthography rather than a word list: the vowel pair ends the syllable
    /// (with a final consonant or a third vowel — "hoàng", "thuyết", "khuỷu", "hoài" — the mark has one place only),
    /// no vowel comes before it, and "uy" is not "qu" + "y" ("quý": the u belongs to the consonant). Each letter is
    /// replaced by one letter, so the result has the input's length and offsets into it stay valid.</para></summary>
    /// <param name="text">NFC text (as from <see cref="Nfc"/>); anything else is returned unchanged where not NFC.</param>
    public static string NormalizeTonePlacement(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        char[]? result = null;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsLetter(text[i]))
            {
                i++;
            }

            // The word is text[start..i); only its last two letters can be an open oa/oe/uy pair.
            if (i - start >= 2 && MovedTone(text, start, i) is var (first, second))
            {
                result ??= text.ToCharArray();
                result[i - 2] = first;
                result[i - 1] = second;
            }
        }

        return result is null ? text : new string(result);
    }

    private static (char First, char Second)? MovedTone(string text, int start, int end)
    {
        var (firstBase, firstTone) = SplitTone(text[end - 2]);
        var (secondBase, secondTone) = SplitTone(text[end - 1]);
        var pair = $"{char.ToLowerInvariant(firstBase)}{char.ToLowerInvariant(secondBase)}";
        if (pair is not ("oa" or "oe" or "uy") || firstTone != '\0' || secondTone == '\0')
        {
            return null;
        }

        if (end - 2 > start)
        {
            var before = char.ToLowerInvariant(SplitTone(text[end - 3]).Base);
            if ("aăâeêioôơuưy".Contains(before) || (pair == "uy" && before == 'q'))
            {
                return null;
            }
        }

        var moved = $"{firstBase}{secondTone}".Normalize(NormalizationForm.FormC);
        return moved.Length == 1 ? (moved[0], secondBase) : null;
    }

    /// <summary>A letter's base (keeping a circumflex, breve or horn) and its tone mark, or '\0' for none.</summary>
    private static (char Base, char Tone) SplitTone(char letter)
    {
        var decomposed = letter.ToString().Normalize(NormalizationForm.FormD);
        var tone = decomposed.FirstOrDefault(c => c is '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323');
        if (tone == '\0')
        {
            return (letter, '\0');
        }

        var rest = decomposed.Replace(tone.ToString(), string.Empty, StringComparison.Ordinal).Normalize(NormalizationForm.FormC);
        return (rest.Length == 1 ? rest[0] : letter, rest.Length == 1 ? tone : '\0');
    }
}
