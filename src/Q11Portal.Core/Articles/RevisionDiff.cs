using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Q11Portal.Core.Articles;

/// <summary>A readable diff between two article bodies: the HTML becomes one line per block (paragraph, heading,
/// list item, table row, caption), lines are matched by longest common subsequence, and changed lines are compared
/// word by word. The result is safe HTML with &lt;del&gt; and &lt;ins&gt;, every text encoded.</summary>
public static class RevisionDiff
{
    /// <summary>Beyond this many cells the word-level comparison of a changed block falls back to whole lines.</summary>
    private const long MaxCells = 4_000_000;

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "tr", "figcaption", "pre", "div", "caption", "figure",
    };

    public static string Html(string? oldHtml, string? newHtml)
    {
        var oldLines = ToLines(oldHtml);
        var newLines = ToLines(newHtml);
        var builder = new StringBuilder();
        var ops = Diff(oldLines, newLines, StringComparer.Ordinal);
        // Pair runs of deleted and inserted lines so an edited paragraph shows word changes, not two paragraphs.
        for (var i = 0; i < ops.Count;)
        {
            if (ops[i].Kind == Op.Same)
            {
                builder.Append("<p class=\"diff-same\">").Append(Encode(ops[i].Text)).Append("</p>");
                i++;
                continue;
            }

            var deleted = new List<string>();
            var inserted = new List<string>();
            while (i < ops.Count && ops[i].Kind != Op.Same)
            {
                (ops[i].Kind == Op.Deleted ? deleted : inserted).Add(ops[i].Text);
                i++;
            }

            var pairs = Math.Min(deleted.Count, inserted.Count);
            for (var k = 0; k < pairs; k++)
            {
                builder.Append("<p class=\"diff-changed\">").Append(Words(deleted[k], inserted[k])).Append("</p>");
            }

            foreach (var line in deleted.Skip(pairs))
            {
                builder.Append("<p class=\"diff-removed\"><del>").Append(Encode(line)).Append("</del></p>");
            }

            foreach (var line in inserted.Skip(pairs))
            {
                builder.Append("<p class=\"diff-added\"><ins>").Append(Encode(line)).Append("</ins></p>");
            }
        }

        return builder.ToString();
    }

    /// <summary>Word-level diff of one line of plain text, as HTML.</summary>
    public static string Words(string oldText, string newText)
    {
        var a = Tokens(oldText);
        var b = Tokens(newText);
        if ((long)a.Count * b.Count > MaxCells)
        {
            return $"<del>{Encode(oldText)}</del> <ins>{Encode(newText)}</ins>";
        }

        var builder = new StringBuilder();
        foreach (var group in Group(Diff(a, b, StringComparer.Ordinal)))
        {
            var text = Encode(string.Concat(group.Texts));
            builder.Append(group.Kind switch
            {
                Op.Deleted => $"<del>{text}</del>",
                Op.Inserted => $"<ins>{text}</ins>",
                _ => text,
            });
        }

        return builder.ToString();
    }

    /// <summary>The body as plain-text lines, one per block element; images show as [Ảnh: alt], embeds as [Video: src].</summary>
    public static IReadOnlyList<string> ToLines(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return [];
        }

        var document = new HtmlParser().ParseDocument("<body>" + html + "</body>");
        var lines = new List<string>();
        var current = new StringBuilder();
        Walk(document.Body!, current, lines);
        Flush(current, lines);
        return lines;
    }

    private static void Walk(INode node, StringBuilder current, List<string> lines)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    current.Append(text.Data);
                    break;
                case IElement element when element.LocalName == "br":
                    Flush(current, lines);
                    break;
                case IElement element when element.LocalName == "img":
                    current.Append(" [Ảnh: ").Append(element.GetAttribute("alt") is { Length: > 0 } alt ? alt : element.GetAttribute("src")).Append("] ");
                    break;
                case IElement element when element.LocalName is "iframe" or "video":
                    current.Append(" [Video: ").Append(element.GetAttribute("src")).Append("] ");
                    break;
                case IElement element when element.LocalName is "td" or "th":
                    Walk(element, current, lines);
                    current.Append(" | ");
                    break;
                case IElement element when BlockTags.Contains(element.LocalName):
                    Flush(current, lines);
                    Walk(element, current, lines);
                    Flush(current, lines);
                    break;
                case IElement element:
                    Walk(element, current, lines);
                    break;
            }
        }
    }

    private static void Flush(StringBuilder current, List<string> lines)
    {
        var line = string.Join(' ', current.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('|', ' ');
        if (line.Length > 0)
        {
            lines.Add(line);
        }

        current.Clear();
    }

    /// <summary>Words with the spaces that follow them, so joining the tokens gives the text back.</summary>
    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || (char.IsWhiteSpace(text[i - 1]) && !char.IsWhiteSpace(text[i])))
            {
                tokens.Add(text[start..i]);
                start = i;
            }
        }

        return tokens;
    }

    internal enum Op
    {
        Same,
        Deleted,
        Inserted,
    }

    internal readonly record struct Edit(Op Kind, string Text);

    /// <summary>Longest-common-subsequence diff; common head and tail are trimmed first so typical edits stay small.</summary>
    internal static List<Edit> Diff(IReadOnlyList<string> a, IReadOnlyList<string> b, IEqualityComparer<string> eq)
    {
        var head = 0;
        while (head < a.Count && head < b.Count && eq.Equals(a[head], b[head]))
        {
            head++;
        }

        var tail = 0;
        while (tail < a.Count - head && tail < b.Count - head && eq.Equals(a[a.Count - 1 - tail], b[b.Count - 1 - tail]))
        {
            tail++;
        }

        var n = a.Count - head - tail;
        var m = b.Count - head - tail;
        var result = new List<Edit>(a.Count + b.Count);
        for (var i = 0; i < head; i++)
        {
            result.Add(new Edit(Op.Same, a[i]));
        }

        if ((long)n * m > MaxCells)
        {
            for (var i = 0; i < n; i++)
            {
                result.Add(new Edit(Op.Deleted, a[head + i]));
            }

            for (var j = 0; j < m; j++)
            {
                result.Add(new Edit(Op.Inserted, b[head + j]));
            }
        }
        else
        {
            var lcs = new int[n + 1, m + 1];
            for (var i = n - 1; i >= 0; i--)
            {
                for (var j = m - 1; j >= 0; j--)
                {
                    lcs[i, j] = eq.Equals(a[head + i], b[head + j]) ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
                }
            }

            int x = 0, y = 0;
            while (x < n || y < m)
            {
                if (x < n && y < m && eq.Equals(a[head + x], b[head + y]))
                {
                    result.Add(new Edit(Op.Same, a[head + x]));
                    x++;
                    y++;
                }
                else if (y < m && (x == n || lcs[x, y + 1] >= lcs[x + 1, y]))
                {
                    result.Add(new Edit(Op.Inserted, b[head + y]));
                    y++;
                }
                else
                {
                    result.Add(new Edit(Op.Deleted, a[head + x]));
                    x++;
                }
            }

            // Deletions first within a changed run reads better ("old → new").
            result = Reorder(result);
        }

        for (var i = a.Count - tail; i < a.Count; i++)
        {
            result.Add(new Edit(Op.Same, a[i]));
        }

        return result;
    }

    private static List<Edit> Reorder(List<Edit> edits)
    {
        var output = new List<Edit>(edits.Count);
        for (var i = 0; i < edits.Count;)
        {
            if (edits[i].Kind == Op.Same)
            {
                output.Add(edits[i++]);
                continue;
            }

            var run = new List<Edit>();
            while (i < edits.Count && edits[i].Kind != Op.Same)
            {
                run.Add(edits[i++]);
            }

            output.AddRange(run.Where(e => e.Kind == Op.Deleted));
            output.AddRange(run.Where(e => e.Kind == Op.Inserted));
        }

        return output;
    }

    private static IEnumerable<(Op Kind, List<string> Texts)> Group(List<Edit> edits)
    {
        (Op Kind, List<string> Texts)? current = null;
        foreach (var edit in edits)
        {
            if (current is { } c && c.Kind == edit.Kind)
            {
                c.Texts.Add(edit.Text);
                continue;
            }

            if (current is { } done)
            {
                yield return done;
            }

            current = (edit.Kind, new List<string> { edit.Text });
        }

        if (current is { } last)
        {
            yield return last;
        }
    }

    /// <summary>Encodes only the characters that matter to HTML; WebUtility.HtmlEncode would turn Latin-1 letters of
    /// Vietnamese (ê, à, ô…) into numeric entities, which reads badly in the page source and breaks text comparisons.</summary>
    private static string Encode(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal);
}
