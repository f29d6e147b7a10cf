using AngleSharp.Dom;
using Q11Portal.Core.Articles.Rendering;

namespace Q11Portal.Core.Documents;

/// <summary>Links the first mention of each library document in an article's text to its page, when the article is
/// rendered: the stored body never changes, so a document added to the library links every article that names it at
/// once. Text inside links, headings, code and figure captions of tables stays as it is.</summary>
public sealed class DocumentLinkTransform(DocumentLibrary library, DocumentLinkTargetsCache targets) : IArticleBodyTransform
{
    public const string LinkClass = "doc-link";

    private static readonly HashSet<string> SkippedElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "script", "style", "button", "label",
    };

    public int Order => 200;

    /// <summary>Whether the body names a library document this step would link. Looked for in the whole stored HTML,
    /// entities decoded, so it finds at least what the text nodes hold.</summary>
    public async ValueTask<bool> AppliesToAsync(string storedHtml, CancellationToken ct)
    {
        var links = await targets.GetAsync(library, ct);
        if (links.IsEmpty)
        {
            return false;
        }

        var named = DocumentReferenceParser.FindAll(System.Net.WebUtility.HtmlDecode(storedHtml)).Select(m => m.Reference).ToList();
        return named.Any(r => links.Resolve(r, named) is not null);
    }

    public async Task ApplyAsync(IElement body, ArticleBodyRenderContext context, CancellationToken ct)
    {
        var links = await targets.GetAsync(library, ct);
        if (links.IsEmpty)
        {
            return;
        }

        var texts = TextNodes(body).ToList();
        var named = texts.SelectMany(t => DocumentReferenceParser.FindAll(t.Data)).Select(m => m.Reference).ToList();
        var linked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            LinkIn(text, links, named, linked);
        }
    }

    private static IEnumerable<IText> TextNodes(INode node)
    {
        foreach (var child in node.ChildNodes.ToList())
        {
            if (child is IText text)
            {
                yield return text;
            }
            else if (child is IElement element && !SkippedElements.Contains(element.LocalName))
            {
                foreach (var inner in TextNodes(element))
                {
                    yield return inner;
                }
            }
        }
    }

    private static void LinkIn(IText text, DocumentLinks links, List<DocumentReference> named, HashSet<string> linked)
    {
        var content = text.Data;
        var matches = DocumentReferenceParser.FindAll(content)
            .Select(m => (Match: m, Target: links.Resolve(m.Reference, named)))
            .Where(m => m.Target is not null)
            .ToList();
        if (matches.Count == 0)
        {
            return;
        }

        // The parser works on NFC text; a body saved by the sanitizer is NFC, and anything else is left unlinked.
        if (!string.Equals(content, Common.VietnameseText.Nfc(content), StringComparison.Ordinal))
        {
            return;
        }

        var owner = text.Owner!;
        var parent = text.Parent!;
        var at = 0;
        foreach (var (match, target) in matches)
        {
            if (!linked.Add(target!.Slug))
            {
                continue;
            }

            parent.InsertBefore(owner.CreateTextNode(content[at..match.Start]), text);
            var anchor = owner.CreateElement("a");
            anchor.SetAttribute("href", "/van-ban/" + target.Slug);
            anchor.SetAttribute("class", LinkClass);
            anchor.SetAttribute("title", "Xem văn bản " + target.Title);
            anchor.TextContent = content.Substring(match.Start, match.Length);
            parent.InsertBefore(anchor, text);
            at = match.Start + match.Length;
        }

        text.Data = content[at..];
    }
}
