using Ganss.Xss;
using Microsoft.Extensions.Options;
using Q11Portal.Core.Common;

namespace Q11Portal.Core.Articles;

/// <summary>The one HTML policy for stored article bodies, used by every path that stores HTML (editor, importer, seeder).
/// Keeps the newsroom's structure (headings, lists, tables, figures with captions, quotes, links, embedded video)
/// and drops scripts, event handlers, <c>javascript:</c> URLs, forms and styles that hide or overlay content.</summary>
public sealed class ArticleHtmlSanitizer
{
    private static readonly string[] AllowedTags =
    [
        "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u", "s", "sub", "sup", "small", "mark",
        "ul", "ol", "li", "blockquote", "figure", "figcaption", "img", "a", "table", "thead", "tbody", "tfoot", "tr", "th", "td",
        "caption", "colgroup", "col", "span", "div", "pre", "code", "iframe", "video", "source",
    ];

    private static readonly string[] AllowedAttributes =
    [
        "href", "title", "src", "srcset", "sizes", "alt", "width", "height", "colspan", "rowspan", "scope", "class",
        "controls", "poster", "type", "allowfullscreen", "loading", "style", "start", "reversed",
    ];

    private static readonly string[] AllowedCssProperties =
    [
        "text-align", "font-weight", "font-style", "text-decoration", "width", "height", "vertical-align",
        "border", "border-collapse", "padding", "margin-left", "margin-right",
    ];

    /// <summary>The only classes a body keeps. Any other class could borrow the site's own styles to hide or overlay
    /// text (<c>visually-hidden</c>, <c>skip-link</c>, the header's classes…), and Word's <c>Mso*</c> classes mean nothing.</summary>
    private static readonly HashSet<string> AllowedClasses = new(StringComparer.Ordinal) { "image" };

    /// <summary>Hosts whose players may be embedded in an article body.</summary>
    private static readonly string[] EmbedHosts = ["www.youtube.com", "www.youtube-nocookie.com", "player.vimeo.com"];

    /// <summary>Elements dropped together with their content: what is inside is code, styling or hidden form state,
    /// never an editor's words. Every other element outside the allow-list is unwrapped to its content.</summary>
    private static readonly HashSet<string> DroppedWithContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "template", "noscript", "noembed", "noframes", "xmp", "plaintext", "object", "embed", "applet",
        "svg", "math", "textarea", "select", "iframe", "frame", "frameset", "head", "title", "meta", "link", "base",
    };

    private readonly HtmlSanitizerOptions sanitizerOptions;
    private readonly ArticleBodyOptions limits;

    public ArticleHtmlSanitizer()
        : this(Options.Create(new ArticleBodyOptions()))
    {
    }

    public ArticleHtmlSanitizer(IOptions<ArticleBodyOptions> options)
    {
        limits = options.Value;
        sanitizerOptions = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(AllowedTags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>([.. AllowedAttributes, "rel"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(AllowedCssProperties, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src", "poster", "srcset"], StringComparer.OrdinalIgnoreCase),
        };
    }

    /// <summary>Ok, or Invalid naming the nesting or element limit the raw body goes over. Every path that stores a
    /// body asks this first: it is a cheap scan, and <see cref="Sanitize"/> on such a body could take minutes.</summary>
    public Result CheckShape(string? html) => ArticleBodyShape.Check(html, limits);

    /// <summary>The stored form of a body.</summary>
    public string Sanitize(string? html, CancellationToken ct = default) => Clean(html, ct).Html;

    /// <summary>The stored form of a body and what was taken out of it (tag names, in order of first removal), so the
    /// editor can be told. <paramref name="ct"/> is checked as nodes are visited, so work stops when the client goes.</summary>
    public SanitizedBody Clean(string? html, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        if (string.IsNullOrWhiteSpace(html))
        {
            return new SanitizedBody(string.Empty, []);
        }

        var removed = new List<string>();
        var clean = Create(removed, ct).Sanitize(VietnameseText.Nfc(html)).Trim();
        return new SanitizedBody(clean, removed);
    }

    /// <summary>A sanitizer for one call: the events record into <paramref name="removed"/>, which a shared instance
    /// could not do safely for concurrent saves. Building one is cheap next to parsing a body.</summary>
    private HtmlSanitizer Create(List<string> removed, CancellationToken ct)
    {
        var sanitizer = new HtmlSanitizer(sanitizerOptions) { KeepChildNodes = true };
        void Removed(string name)
        {
            if (!removed.Contains(name, StringComparer.Ordinal))
            {
                removed.Add(name);
            }
        }

        sanitizer.RemovingTag += (_, e) =>
        {
            Removed(e.Tag.LocalName);
            if (DroppedWithContent.Contains(e.Tag.LocalName))
            {
                // KeepChildNodes would keep a script's source as text: empty it so nothing of it survives.
                e.Tag.InnerHtml = string.Empty;
            }
        };
        sanitizer.PostProcessNode += (_, e) =>
        {
            ct.ThrowIfCancellationRequested();
            if (e.Node is AngleSharp.Dom.IElement element)
            {
                // An iframe survives only when it embeds a player from a known video host over https.
                if (element.LocalName == "iframe" && !IsAllowedEmbed(element.GetAttribute("src")))
                {
                    Removed("iframe");
                    element.Remove();
                    return;
                }

                KeepAllowedClasses(element);
                if (element.LocalName == "a" && element.GetAttribute("href") is { } href && href.StartsWith("http", StringComparison.OrdinalIgnoreCase))
                {
                    element.SetAttribute("rel", "noopener noreferrer");
                }
            }
        };
        return sanitizer;
    }

    private static void KeepAllowedClasses(AngleSharp.Dom.IElement element)
    {
        if (element.GetAttribute("class") is { } classes)
        {
            var kept = classes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(AllowedClasses.Contains).ToList();
            if (kept.Count == 0)
            {
                element.RemoveAttribute("class");
            }
            else
            {
                element.SetAttribute("class", string.Join(' ', kept));
            }
        }
    }

    /// <summary>The editor's notice for what a save took out, or null when nothing was.</summary>
    public static string? Notice(IReadOnlyList<string>? removed) =>
        removed is { Count: > 0 } ? "Đã loại bỏ: " + string.Join(", ", removed.Select(t => $"<{t}>")) + " (thẻ không được phép; chữ bên trong được giữ lại, trừ mã lệnh và kiểu trình bày)." : null;

    internal static bool IsAllowedEmbed(string? src) =>
        Uri.TryCreate(src, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps
        && EmbedHosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase);
}

/// <summary>A sanitized body and the names of the elements taken out of it.</summary>
public sealed record SanitizedBody(string Html, IReadOnlyList<string> Removed);
