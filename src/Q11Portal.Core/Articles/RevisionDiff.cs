using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using DiffPlex;
using DiffPlex.Chunkers;

namespace Q11Portal.Core.Articles;

/// <summary>A readable diff between two article bodies: the HTML becomes one line per block (paragraph, heading,
/// list item, table row, caption), lines are matched by DiffPlex, and changed lines are compared word by word. The
/// result is safe HTML with &lt;del&gt; and &lt;ins&gt;, every text encoded.</summary>
public static class RevisionDiff
{
    /// <summary>Beyond this product of the two lengths a diff falls back to "all removed, all added".</summary>
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
        var ops = Diff(oldLines, newLines);
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
        // Past the limit the whole line is one change, not a list of every word deleted and inserted.
        if ((long)a.Count * b.Count > MaxCells)
        {
            return $"<del>{Encode(oldText)}</del> <ins>{Encode(newText)}</ins>";
        }

        var builder = new StringBuilder();
        foreach (var group in Group(Diff(a, b)))
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

    /// <summary>DiffPlex's diff of two token lists, deletions before insertions within a changed run ("old → new").
    /// Past <see cref="MaxCells"/> the inputs are simply replaced: a diff of two unrelated huge bodies costs the product.</summary>
    internal static List<Edit> Diff(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var result = new List<Edit>(a.Count + b.Count);
        if ((long)a.Count * b.Count > MaxCells)
        {
            result.AddRange(a.Select(text => new Edit(Op.Deleted, text)));
            result.AddRange(b.Select(text => new Edit(Op.Inserted, text)));
            return result;
        }

        // DiffPlex diffs strings cut by a chunker; hand it the token lists as they are, by position.
        var diff = Differ.Instance.CreateDiffs("a", "b", ignoreWhiteSpace: false, ignoreCase: false,
            new CustomFunctionChunker(side => side == "a" ? [.. a] : [.. b]));
        var next = 0;
        foreach (var block in diff.DiffBlocks)
        {
            for (; next < block.DeleteStartA; next++)
            {
                result.Add(new Edit(Op.Same, a[next]));
            }

            result.AddRange(Enumerable.Range(block.DeleteStartA, block.DeleteCountA).Select(i => new Edit(Op.Deleted, a[i])));
            result.AddRange(Enumerable.Range(block.InsertStartB, block.InsertCountB).Select(i => new Edit(Op.Inserted, b[i])));
            next = block.DeleteStartA + block.DeleteCountA;
        }

        for (; next < a.Count; next++)
        {
            result.Add(new Edit(Op.Same, a[next]));
        }

        return result;
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
