using System.Globalization;
using System.Net.Mail;
using System.Text;
using System.Text.RegularExpressions;
using Q11Portal.Core.Common;

namespace Q11Portal.Core.Comments;

/// <summary>Pure rules for what a resident types: comments are plain text, so cleaning removes what can hide or
/// disguise text (control characters, NUL, bidirectional overrides, invalid UTF-16) and nothing else. Razor encodes
/// the result on output, so markup stays visible as typed and never runs.</summary>
public static partial class CommentText
{
    /// <summary>Cleans a multi-line body: NFC, one kind of line break, no invisible controls, at most one blank line
    /// in a row, trimmed.</summary>
    public static string CleanBody(string? raw)
    {
        var text = StripInvisible(raw, keepNewlines: true);
        var lines = text.Split('\n').Select(l => l.TrimEnd());
        text = string.Join('\n', lines);
        text = BlankLines().Replace(text, "\n\n");
        return text.Trim();
    }

    /// <summary>Cleans a one-line field (name): NFC, whitespace runs collapsed to one space, trimmed.</summary>
    public static string CleanLine(string? raw)
    {
        var text = StripInvisible(raw, keepNewlines: false);
        return Whitespace().Replace(text, " ").Trim();
    }

    /// <summary>Cleans an optional email; null when empty. Validity is checked by <see cref="IsValidEmail"/>.</summary>
    public static string? CleanEmail(string? raw)
    {
        var text = CleanLine(raw);
        return text.Length == 0 ? null : text;
    }

    public static bool IsValidEmail(string email) =>
        email.Length <= 256
        && !email.Contains(' ')
        && MailAddress.TryCreate(email, out var address)
        && address.Address == email
        && address.Host.Contains('.')
        && !address.Host.EndsWith('.');

    /// <summary>Counts things that look like links: URLs with a scheme, "www." addresses and bare domains.</summary>
    public static int CountLinks(string text) => Links().Matches(text).Count;

    private static string StripInvisible(string? raw, bool keepNewlines)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (char.IsHighSurrogate(c) && i + 1 < raw.Length && char.IsLowSurrogate(raw[i + 1]))
            {
                builder.Append(c).Append(raw[++i]);
                continue;
            }

            if (char.IsSurrogate(c))
            {
                // A lone surrogate is not text and would make normalisation throw.
                builder.Append('\uFFFD');
                continue;
            }

            if (c == '\r')
            {
                if (i + 1 < raw.Length && raw[i + 1] == '\n')
                {
                    i++;
                }

                builder.Append(keepNewlines ? '\n' : ' ');
                continue;
            }

            if (c is '\n' or '\u2028' or '\u2029')
            {
                builder.Append(keepNewlines ? '\n' : ' ');
                continue;
            }

            if (c == '\t')
            {
                builder.Append(' ');
                continue;
            }

            if (IsInvisible(c))
            {
                continue;
            }

            builder.Append(c);
        }

        return VietnameseText.Nfc(builder.ToString());
    }

    /// <summary>Control characters (NUL included), bidirectional embeddings/overrides/isolates that can reverse how
    /// text reads (U+202E), zero-width spaces and the BOM, and non-characters.</summary>
    internal static bool IsInvisible(char c) =>
        char.IsControl(c)
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069'
        || c is '\u200B' or '\u200E' or '\u200F' or '\u061C' or '\u2060' or '\uFEFF' or '\uFFFE' or '\uFFFF'
        || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format && c is not ('\u200C' or '\u200D');

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(
        @"(?:\b(?:https?|ftp|javascript|data|vbscript)\s*:\S*)|(?:\bwww\.\S+)|(?:\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|net|org|info|biz|vn|xyz|top|io|co|ru|cn|me|site|online|club|shop|link|click|app|tk|ml|ga|cf|gq|bet|win|vip|live)\b(?:/\S*)?)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Links();
}
