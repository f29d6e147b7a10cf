using Q11Portal.Core.Common;

namespace Q11Portal.Core.Articles;

/// <summary>A linear scan of raw HTML that measures nesting depth and element count without building a DOM, so a
/// body too deep or too large is refused before the parser and the sanitizer spend time on it.</summary>
public static class ArticleBodyShape
{
    /// <summary>Elements that never have content, so they add to the count but not to the depth.</summary>
    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    /// <summary>Elements whose end tag may be left out (the parser closes them), so a body of unclosed <c>&lt;p&gt;</c>
    /// or <c>&lt;li&gt;</c> pasted from an old page is not mistaken for deep nesting. Their containers still count.</summary>
    private static readonly HashSet<string> ImpliedEnd = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "option", "optgroup", "rb", "rt", "rp",
    };

    /// <summary>Text inside these is not markup, so a <c>&lt;</c> in it opens no element.</summary>
    private static readonly string[] RawText = ["script", "style", "textarea", "title", "xmp", "noscript", "iframe", "noembed", "noframes", "plaintext"];

    /// <summary>Ok, or Invalid naming the limit that <paramref name="html"/> goes over.</summary>
    public static Result Check(string? html, ArticleBodyOptions limits)
    {
        var (depth, elements) = Measure(html ?? string.Empty, limits.MaxNestingDepth, limits.MaxElements);
        if (depth > limits.MaxNestingDepth)
        {
            return Result.Invalid($"Nội dung bài có các thẻ HTML lồng nhau quá sâu (quá {limits.MaxNestingDepth} tầng). Hãy dán lại nội dung dưới dạng văn bản thường hoặc bỏ bớt khung lồng nhau.");
        }

        return elements > limits.MaxElements
            ? Result.Invalid($"Nội dung bài có quá nhiều thẻ HTML (quá {limits.MaxElements:N0} thẻ). Hãy chia thành nhiều bài hoặc dán lại dưới dạng văn bản thường.")
            : Result.Ok;
    }

    /// <summary>The deepest nesting and the element count, stopping as soon as either passes its limit.</summary>
    public static (int Depth, int Elements) Measure(string html, int maxDepth, int maxElements)
    {
        int depth = 0, deepest = 0, elements = 0, i = 0;
        while (i < html.Length && deepest <= maxDepth && elements <= maxElements)
        {
            var open = html.IndexOf('<', i);
            if (open < 0 || open + 1 >= html.Length)
            {
                break;
            }

            if (html.AsSpan(open).StartsWith("<!--"))
            {
                var end = html.IndexOf("-->", open + 4, StringComparison.Ordinal);
                i = end < 0 ? html.Length : end + 3;
                continue;
            }

            var closing = html[open + 1] == '/';
            var nameStart = closing ? open + 2 : open + 1;
            var nameEnd = nameStart;
            while (nameEnd < html.Length && char.IsAsciiLetterOrDigit(html[nameEnd]))
            {
                nameEnd++;
            }

            var tagEnd = html.IndexOf('>', nameEnd);
            i = tagEnd < 0 ? html.Length : tagEnd + 1;
            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                continue; // "<!doctype", "<?xml" or a lone "<" in text: not an element.
            }

            var name = html[nameStart..nameEnd];
            if (closing)
            {
                if (!VoidElements.Contains(name) && !ImpliedEnd.Contains(name) && depth > 0)
                {
                    depth--;
                }

                continue;
            }

            elements++;
            if (RawText.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                var end = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                i = end < 0 ? html.Length : end;
                continue;
            }

            // "<div/>" opens a div all the same: HTML ignores the slash on elements that are not void.
            if (!VoidElements.Contains(name) && !ImpliedEnd.Contains(name))
            {
                deepest = Math.Max(deepest, ++depth);
            }
        }

        return (deepest, elements);
    }
}
