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
}
