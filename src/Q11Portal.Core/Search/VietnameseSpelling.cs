using System.Text;
using Q11Portal.Core.Common;

namespace Q11Portal.Core.Search;

/// <summary>Pure spelling helpers for typo tolerance (<see cref="QueryCorrection"/>): what a syllable typed with
/// Telex or VNI leftovers stands for, and every way a folded syllable can be written with Vietnamese marks.</summary>
public static class VietnameseSpelling
{
    private const string TelexToneLetters = "sfrxj";
    private const string Vowels = "aeiouy";
    /// <summary>The combining tone marks: sắc, huyền, hỏi, ngã, nặng.</summary>
    private static readonly char[] Tones = ['\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];

    /// <summary>The folded syllable a Telex or VNI leftover stands for ("nhaf" → "nha", "ddieerm" → "diem",
    /// "dduwowngf" → "duong", "nan5" → "nan", "tie6m" → "tiem"), or null when <paramref name="word"/> shows no leftover.
    /// Only the shapes an input method leaves: a tone letter after the vowel, a doubled vowel or "dd", a "w" after a
    /// vowel, VNI digits after letters.</summary>
    public static string? DecodeLeftovers(string word)
    {
        var folded = VietnameseText.Fold(word);
        if (folded.Length < 2 || !folded.Any(char.IsAsciiLetterLower) || !folded.All(c => char.IsAsciiLetterLower(c) || c is >= '1' and <= '9'))
        {
            return null;
        }

        var text = folded;
        if (text.Any(char.IsAsciiDigit))
        {
            // VNI: marks typed as digits after the letters they belong to.
            text = new string(text.Where(char.IsAsciiLetterLower).ToArray());
        }
        else
        {
            // A tone letter typed after the vowel, at the end or before the final consonant ("nhaf", "ddieerm"): no
            // Vietnamese syllable has s, f, r, x or j after its first vowel.
            var firstVowel = text.IndexOfAny(Vowels.ToCharArray());
            if (firstVowel >= 0)
            {
                text = text[..(firstVowel + 1)] + new string(text[(firstVowel + 1)..].Where(c => !TelexToneLetters.Contains(c)).ToArray());
            }

            var builder = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                var previous = builder.Length > 0 ? builder[^1] : '\0';
                if ((c == previous && c is 'a' or 'e' or 'o' or 'd') || (c == 'w' && previous is 'a' or 'o' or 'u'))
                {
                    continue;
                }

                builder.Append(c);
            }

            text = builder.ToString();
        }

        return text.Length > 0 && text != folded ? text : null;
    }

    /// <summary>Every writing of a folded syllable with Vietnamese marks: each vowel with its possible hat, breve or
    /// horn, an initial "d" as "đ", and at most one tone mark, in the canonical tone placement; "mu" gives "mũ", "mù",
    /// "mủ", "mư", "mừ"…. Used to look up which of them the index holds.</summary>
    public static IReadOnlyList<string> ExactForms(string folded)
    {
        var bases = new List<string> { string.Empty };
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            var options = c switch
            {
                'a' => "aâă",
                'e' => "eê",
                'o' => "oôơ",
                'u' => "uư",
                'd' when i == 0 => "dđ",
                _ => c.ToString(),
            };
            bases = bases.SelectMany(b => options.Select(o => b + o)).ToList();
        }

        var forms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var form in bases)
        {
            forms.Add(form);
            for (var i = 0; i < form.Length; i++)
            {
                if (!Vowels.Contains(VietnameseText.Fold(form[i].ToString())[0]))
                {
                    continue;
                }

                foreach (var tone in Tones)
                {
                    var marked = (form[..(i + 1)] + tone + form[(i + 1)..]).Normalize(NormalizationForm.FormC);
                    forms.Add(VietnameseText.NormalizeTonePlacement(marked));
                }
            }
        }

        return forms.ToList();
    }

    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> differ by at most one insertion, deletion,
    /// substitution or transposition of adjacent letters (letters with marks compared whole: "ô" is not "ố").</summary>
    public static bool WithinOneEdit(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        if (prefix == a.Length && prefix == b.Length)
        {
            return true;
        }

        if (a.Length == b.Length)
        {
            var rest = prefix + 1;
            var transposed = rest < a.Length && a[prefix] == b[rest] && a[rest] == b[prefix] && a[(rest + 1)..] == b[(rest + 1)..];
            return transposed || a[rest..] == b[rest..];
        }

        return a.Length > b.Length ? a[(prefix + 1)..] == b[prefix..] : a[prefix..] == b[(prefix + 1)..];
    }
}
