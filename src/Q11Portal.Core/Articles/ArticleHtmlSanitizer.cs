using System.Diagnostics;
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
        "caption", "colgroup", "col", "span", "div", "pre", "code", "iframe", "video", "source", "cite",
    ];

    private static readonly string[] AllowedAttributes =
    [
        "href", "title", "src", "srcset", "sizes", "alt", "width", "height", "colspan", "rowspan", "scope", "class",
        "controls", "poster", "type", "allowfullscreen", "loading", "style", "start", "reversed",
    ];

    private static readonly string[] AllowedCssProperties =
    [
        "text-align", "font-weight", "font-style", "text-decoration", "width", "height", "vertical-align",
        "border", "border-collapse", "padding", "margin-left", "margin-right", "color",
    ];

    /// <summary>The only classes a body keeps. Any other class could borrow the site's own styles to hide or overlay
    /// text (<c>visually-hidden</c>, <c>skip-link</c>, the header's classes…), and Word's <c>Mso*</c> classes mean nothing.</summary>
    private static readonly HashSet<string> AllowedClasses = new(StringComparer.Ordinal) { "image" };

    /// <summary>Serialising and re-parsing can change some markup (the ground mXSS grows on); a body is sanitized
    /// again until it no longer changes, at most this many times.</summary>
    private const int MaxRounds = 4;

    /// <summary>Elements dropped together with their content: what is inside is code, styling or hidden form state,
    /// never an editor's words. Every other element outside the allow-list is unwrapped to its content.</summary>
    private static readonly HashSet<string> DroppedWithContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "template", "noscript", "noembed", "noframes", "xmp", "plaintext", "object", "embed", "applet",
        "svg", "math", "textarea", "select", "iframe", "frame", "frameset", "head", "title", "meta", "link", "base",
    };

    private readonly HtmlSanitizerOptions sanitizerOptions;
    private readonly ArticleBodyOptions limits;
    private readonly string? ownHost;

    public ArticleHtmlSanitizer()
        : this(Options.Create(new ArticleBodyOptions()))
    {
    }

    public ArticleHtmlSanitizer(IOptions<ArticleBodyOptions> options)
    {
        limits = options.Value;
        ownHost = Uri.TryCreate(limits.SiteBaseUrl, UriKind.Absolute, out var site) ? site.Host : null;
        sanitizerOptions = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(AllowedTags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>([.. AllowedAttributes, "rel"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(AllowedCssProperties, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto", "tel"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src", "poster", "srcset"], StringComparer.OrdinalIgnoreCase),
        };
    }

    /// <summary>Ok, or Invalid naming the nesting or element limit the raw body goes over. Every path that stores a
    /// body asks this first: it is a cheap scan, and <see cref="Sanitize"/> on such a body could take minutes.</summary>
    public Result CheckShape(string? html) => ArticleBodyShape.Check(html, limits);

    /// <summary>The stored form of a body.</summary>
    public string Sanitize(string? html, CancellationToken ct = default) => Clean(html, ct).Html;

    /// <summary>The stored form of a body and what was taken out of it (tag names, in order of first removal), so the
    /// editor can be told. <paramref name="ct"/> is checked as nodes are visited, so work stops when the client goes;
    /// past <see cref="ArticleBodyOptions.SanitizeBudget"/> it throws <see cref="ArticleBodyBudgetExceededException"/>
    /// (<see cref="TryClean"/> turns that into a message).</summary>
    public SanitizedBody Clean(string? html, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        if (string.IsNullOrWhiteSpace(html))
        {
            return new SanitizedBody(string.Empty, []);
        }

        // Checked as nodes are visited, like the token: a timer's callback could wait behind a busy thread pool.
        var deadline = Stopwatch.GetTimestamp() + (long)(limits.SanitizeBudget.TotalSeconds * Stopwatch.Frequency);
        var removed = new List<string>();
        var sanitizer = Create(removed, ct, deadline);
        var clean = sanitizer.Sanitize(VietnameseText.Nfc(html)).Trim();
        for (var round = 1; round < MaxRounds; round++)
        {
            var again = sanitizer.Sanitize(clean).Trim();
            if (again == clean)
            {
                break;
            }

            clean = again;
        }

        return new SanitizedBody(clean, removed);
    }

    /// <summary><see cref="Clean"/>, with a body over the time budget answered as Invalid (the form again with the
    /// message) instead of an exception.</summary>
    public Result<SanitizedBody> TryClean(string? html, CancellationToken ct = default)
    {
        try
        {
            return Clean(html, ct);
        }
        catch (ArticleBodyBudgetExceededException ex)
        {
            return Result<SanitizedBody>.From(Result.Invalid(ex.Message));
        }
    }

    /// <summary>A sanitizer for one call: the events record into <paramref name="removed"/>, which a shared instance
    /// could not do safely for concurrent saves. Building one is cheap next to parsing a body.</summary>
    private HtmlSanitizer Create(List<string> removed, CancellationToken ct, long deadline)
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
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new ArticleBodyBudgetExceededException(
                    $"Nội dung quá phức tạp để xử lý trong {limits.SanitizeBudget.TotalSeconds:0.#} giây; hãy chia bài thành các phần ngắn hơn hoặc bỏ bớt định dạng lồng nhau.");
            }

            if (e.Node is AngleSharp.Dom.IElement element)
            {
                if (!IsAllowedSource(element))
                {
                    Removed(element.LocalName);
                    element.Remove();
                    return;
                }

                KeepAllowedClasses(element);
                KeepVisibleColour(element);
                if (element.LocalName == "a" && element.GetAttribute("href") is { } href)
                {
                    if (!ArticleUrlRules.IsAllowedLink(href, ownHost))
                    {
                        // The words stay; only the address that leads somewhere it must not goes.
                        Removed("a href");
                        element.RemoveAttribute("href");
                    }
                    else if (href.StartsWith("http", StringComparison.OrdinalIgnoreCase))
                    {
                        element.SetAttribute("rel", "noopener noreferrer");
                    }
                }
            }
        };
        return sanitizer;
    }

    /// <summary>Embeds only on a player's embed path; images, video and posters only from the portal's own media, so
    /// no reader's browser calls another server (tracking, hot-linking) or a non-public route of the portal.</summary>
    private bool IsAllowedSource(AngleSharp.Dom.IElement element)
    {
        var src = element.GetAttribute("src");
        return element.LocalName switch
        {
            "iframe" => ArticleUrlRules.IsAllowedEmbed(src),
            "img" => (src is not null || element.HasAttribute("srcset"))
                && (src is null || ArticleUrlRules.IsOwnMedia(src, ownHost))
                && (element.GetAttribute("srcset") is not { } set || ArticleUrlRules.IsOwnMediaSet(set, ownHost)),
            "video" or "source" => (src is null || ArticleUrlRules.IsOwnMedia(src, ownHost))
                && (element.GetAttribute("poster") is not { } poster || ArticleUrlRules.IsOwnMedia(poster, ownHost)),
            _ => true,
        };
    }

    private static void KeepVisibleColour(AngleSharp.Dom.IElement element)
    {
        if (element.GetAttribute("style") is { } style && style.Contains("color", StringComparison.OrdinalIgnoreCase))
        {
            var kept = style.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(d => d.Split(':', 2) is not [var name, var value] || !name.Trim().Equals("color", StringComparison.OrdinalIgnoreCase) || ArticleUrlRules.IsVisibleColour(value))
                .ToList();
            if (kept.Count == 0)
            {
                element.RemoveAttribute("style");
            }
            else
            {
                element.SetAttribute("style", string.Join("; ", kept));
            }
        }
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
        removed is { Count: > 0 }
            ? "Đã loại bỏ: " + string.Join(", ", removed.Select(t => $"<{t}>")) + " (thẻ không được phép; chữ bên trong được giữ lại, trừ mã lệnh và kiểu trình bày)."
                + (removed.Contains("img") ? " Ảnh phải lấy từ thư viện ảnh của trang: hãy tải ảnh lên rồi chèn lại." : string.Empty)
            : null;

}

/// <summary>A sanitized body and the names of the elements taken out of it.</summary>
public sealed record SanitizedBody(string Html, IReadOnlyList<string> Removed);

/// <summary>A body took longer than <see cref="ArticleBodyOptions.SanitizeBudget"/> to sanitize; the message is for the
/// editor.</summary>
public sealed class ArticleBodyBudgetExceededException(string message) : Exception(message);
