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

    private readonly HtmlSanitizer sanitizer;
    private readonly ArticleBodyOptions limits;

    public ArticleHtmlSanitizer()
        : this(Options.Create(new ArticleBodyOptions()))
    {
    }

    public ArticleHtmlSanitizer(IOptions<ArticleBodyOptions> options)
    {
        limits = options.Value;
        var sanitizerOptions = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(AllowedTags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(AllowedAttributes, StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(AllowedCssProperties, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src", "poster", "srcset"], StringComparer.OrdinalIgnoreCase),
        };
        sanitizer = new HtmlSanitizer(sanitizerOptions);
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement element)
            {
                // An iframe survives only when it embeds a player from a known video host over https.
                if (element.LocalName == "iframe" && !IsAllowedEmbed(element.GetAttribute("src")))
                {
                    element.Remove();
                    return;
                }

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

                if (element.LocalName == "a" && element.GetAttribute("href") is { } href && href.StartsWith("http", StringComparison.OrdinalIgnoreCase))
                {
                    element.SetAttribute("rel", "noopener noreferrer");
                }
            }
        };
        sanitizer.AllowedAttributes.Add("rel");
    }

    /// <summary>Ok, or Invalid naming the nesting or element limit the raw body goes over. Every path that stores a
    /// body asks this first: it is a cheap scan, and <see cref="Sanitize"/> on such a body could take minutes.</summary>
    public Result CheckShape(string? html) => ArticleBodyShape.Check(html, limits);

    /// <summary>The stored form of a body. <paramref name="ct"/> is checked before and after the work, so a request
    /// whose client has gone does not go on to save (the shape limits keep the work itself short).</summary>
    public string Sanitize(string? html, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        if (string.IsNullOrWhiteSpace(html))
        {
            return string.Empty;
        }

        var clean = sanitizer.Sanitize(VietnameseText.Nfc(html)).Trim();
        ct.ThrowIfCancellationRequested();
        return clean;
    }

    internal static bool IsAllowedEmbed(string? src) =>
        Uri.TryCreate(src, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps
        && EmbedHosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase);
}
