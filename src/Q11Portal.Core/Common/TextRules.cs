using System.Globalization;
using System.Text;
using AngleSharp.Html.Parser;

namespace Q11Portal.Core.Common;

/// <summary>The content rules every entry path applies (editor, importer, CLI, comments, categories, tags, sidebar,
/// image text): text is NFC and trimmed, a one-line field loses the bidirectional controls that can reverse how the
/// text around it reads, and a required field must contain a letter or digit someone can see. Pure functions, so each
/// path calls the same rule and the tests pin it in one table.</summary>
public static class TextRules
{
    private static readonly HtmlParser Parser = new();

    /// <summary>A one-line field (title, name, tag, alt text): NFC, bidi controls and control characters removed, every
    /// run of white space made one plain space, trimmed.</summary>
    public static string Line(string? text)
    {
        var nfc = VietnameseText.Nfc(text);
        var builder = new StringBuilder(nfc.Length);
        var space = false;
        foreach (var c in nfc)
        {
            if (IsBidiControl(c))
            {
                continue;
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>A multi-line field (summary, reason): NFC and trimmed; line breaks stay.</summary>
    public static string Block(string? text) => VietnameseText.Nfc(text).Trim();

    /// <summary>Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the directional marks (U+200E,
    /// U+200F, U+061C): in a single line they only serve to make "gpj.exe" look like "exe.jpg".</summary>
    public static bool IsBidiControl(char c) =>
        c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';

    /// <summary>True when the text holds at least one letter or digit. Text made only of invisible, format (Cf),
    /// combining (Mn/Me), white space or control characters is not; letters outside the BMP count.</summary>
    public static bool HasVisible(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Null when a required field has something visible; otherwise the Vietnamese refusal naming it, e.g.
    /// <c>Required("Tiêu đề", "\u200B")</c>.</summary>
    public static string? Required(string field, string? cleaned) =>
        string.IsNullOrEmpty(cleaned) ? $"Hãy nhập {Lower(field)}."
        : HasVisible(cleaned) ? null
        : $"{field} phải có chữ hoặc số nhìn thấy được (không chỉ gồm khoảng trắng, ký tự ẩn hay dấu).";

    /// <summary>True when sanitized HTML shows something: a letter or digit in its text, or an image.</summary>
    public static bool BodyHasContent(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return false;
        }

        using var document = Parser.ParseDocument("<body>" + html + "</body>");
        var body = document.Body;
        return body is not null && (HasVisible(body.TextContent) || body.QuerySelector("img[src]") is not null);
    }

    /// <summary>Null when a body may be published; otherwise the Vietnamese refusal.</summary>
    public static string? BodyProblem(string? html) =>
        BodyHasContent(html) ? null : "Nội dung bài viết đang trống hoặc không có chữ, số hay ảnh nhìn thấy được; hãy viết nội dung trước khi gửi duyệt hoặc xuất bản.";

    private static string Lower(string field) =>
        field.Length == 0 ? field : char.ToLower(field[0], CultureInfo.GetCultureInfo("vi-VN")) + field[1..];
}
