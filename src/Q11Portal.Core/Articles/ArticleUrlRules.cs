using System.Text.RegularExpressions;

namespace Q11Portal.Core.Articles;

/// <summary>Where the addresses in a stored body may point. No reader's browser may be sent to another server by an
/// image, nor to the portal's non-public routes; embeds only on the players' embed paths; links never to network paths.</summary>
public static partial class ArticleUrlRules
{
    /// <summary>Host and path prefix of every embeddable player; the same hosts' other endpoints (redirects, watch
    /// pages) are not embeds.</summary>
    private static readonly (string Host, string Path)[] EmbedPaths =
    [
        ("www.youtube.com", "/embed/"), ("youtube.com", "/embed/"), ("www.youtube-nocookie.com", "/embed/"), ("player.vimeo.com", "/video/"),
    ];

    /// <summary>First path segments of routes that are not for readers: a body must not make browsers request them.</summary>
    private static readonly string[] PrivateRoutes = ["admin", "dang-nhap", "dang-xuat", "loi", "altcha", "health"];

    private static readonly Uri Placeholder = new("https://portal.invalid/");

    public static bool IsAllowedEmbed(string? src) =>
        Uri.TryCreate(src?.Trim(), UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps && uri.IsDefaultPort && uri.UserInfo.Length == 0
        && EmbedPaths.Any(e => string.Equals(uri.Host, e.Host, StringComparison.OrdinalIgnoreCase)
            && uri.AbsolutePath.StartsWith(e.Path, StringComparison.Ordinal) && uri.AbsolutePath.Length > e.Path.Length);

    /// <summary>An image, video or poster address: only the portal's own media (relative <c>/media/…</c>, or the
    /// public host's).</summary>
    public static bool IsOwnMedia(string? src, string? ownHost) =>
        Resolve(src, ownHost) is { } uri && IsOwnHost(uri, ownHost) && uri.AbsolutePath.StartsWith("/media/", StringComparison.OrdinalIgnoreCase);

    /// <summary>Every candidate of a <c>srcset</c> is the portal's own media.</summary>
    public static bool IsOwnMediaSet(string srcset, string? ownHost) =>
        srcset.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .All(c => IsOwnMedia(c.Split(' ', 2)[0], ownHost));

    /// <summary>A link: http, https, mailto or tel; no network path; a relative or own-host address only to public routes.</summary>
    public static bool IsAllowedLink(string? href, string? ownHost)
    {
        var value = href?.Trim() ?? string.Empty;
        if (value.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || value.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
        {
            return value.IndexOfAny(['\\', '\r', '\n']) < 0;
        }

        if (value.StartsWith('#'))
        {
            return true;
        }

        return Resolve(value, ownHost) is { } uri && (!IsOwnHost(uri, ownHost) || IsPublicRoute(uri));
    }

    /// <summary>The absolute address a browser would request, or null for a shape that is refused outright: a
    /// backslash (browsers read <c>\\host\share</c> as <c>//host/share</c>), control characters, a scheme other than
    /// http(s), or a protocol-relative address to another host.</summary>
    private static Uri? Resolve(string? value, string? ownHost)
    {
        var text = value?.Trim() ?? string.Empty;
        if (text.Length == 0 || text.Contains('\\') || text.Any(char.IsControl))
        {
            return null;
        }

        var site = ownHost is null ? Placeholder : new Uri("https://" + ownHost + "/");
        if (!Uri.TryCreate(site, text, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        return text.StartsWith("//", StringComparison.Ordinal) && !IsOwnHost(uri, ownHost) ? null : uri;
    }

    private static bool IsOwnHost(Uri uri, string? ownHost) =>
        string.Equals(uri.Host, ownHost ?? Placeholder.Host, StringComparison.OrdinalIgnoreCase);

    private static bool IsPublicRoute(Uri uri)
    {
        var first = Uri.UnescapeDataString(uri.AbsolutePath).TrimStart('/').Split('/', 2)[0];
        return !PrivateRoutes.Contains(first, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>A text colour the editor's toolbar sets (hex or opaque rgb); "transparent" or an alpha would hide text.</summary>
    public static bool IsVisibleColour(string value) => VisibleColour().IsMatch(value.Trim());

    [GeneratedRegex(@"^(#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}|rgba?\(\s*\d{1,3}\s*,\s*\d{1,3}\s*,\s*\d{1,3}\s*(,\s*1(\.0+)?\s*)?\))$")]
    private static partial Regex VisibleColour();
}
