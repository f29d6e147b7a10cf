using System.Net;
using System.Text;

namespace Q11Portal.Core.Search;

/// <summary>Plain text of sanitized article HTML, for indexing and snippets.</summary>
public static class HtmlText
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table", "blockquote", "figcaption", "figure",
    };

    public static string ToPlainText(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(html.Length);
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c != '<')
            {
                builder.Append(c);
                i++;
                continue;
            }

            var close = html.IndexOf('>', i + 1);
            if (close < 0)
            {
                break;
            }

            var tag = html.AsSpan(i + 1, close - i - 1).TrimStart('/');
            var nameLength = 0;
            while (nameLength < tag.Length && char.IsAsciiLetterOrDigit(tag[nameLength]))
            {
                nameLength++;
            }

            // Block elements end a line, so the words of two paragraphs do not run together.
            builder.Append(BlockTags.Contains(tag[..nameLength].ToString()) ? "\n" : " ");
            i = close + 1;
        }

        return Common.VietnameseText.Nfc(WebUtility.HtmlDecode(builder.ToString()).Trim());
    }
}
