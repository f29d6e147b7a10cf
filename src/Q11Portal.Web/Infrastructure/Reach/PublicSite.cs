using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Q11Portal.Web.Infrastructure.Reach;

/// <summary>How the portal names itself to the outside (feeds, sitemaps, share previews, structured data).</summary>
public sealed class PublicSiteOptions
{
    public const string SectionName = "PublicSite";

    /// <summary>The public address, e.g. "https://quan11.hochiminhcity.gov.vn". Canonical links, feeds and share tags
    /// use it so they stay right behind a reverse proxy; when empty, the request's own scheme and host are used.</summary>
    [Url]
    public string? BaseUrl { get; set; }

    [Required, MaxLength(200)]
    public string Name { get; set; } = "Trang thông tin điện tử Đảng bộ Quận 11";

    [Required, MaxLength(200)]
    public string PublisherName { get; set; } = "Quận ủy Quận 11, Thành phố Hồ Chí Minh";

    [Required, MaxLength(500)]
    public string Description { get; set; } =
        "Tin tức, sự kiện và văn bản của Đảng bộ, chính quyền và Nhân dân Quận 11, Thành phố Hồ Chí Minh.";

    /// <summary>A square raster logo (schema.org publisher logo).</summary>
    [Required]
    public string LogoPath { get; set; } = "/img/q11-logo-512.png";

    public int LogoSize { get; set; } = 512;

    /// <summary>The share picture of pages and articles without a lead image (1200×630).</summary>
    [Required]
    public string DefaultImagePath { get; set; } = "/img/q11-share-1200x630.png";

    public int DefaultImageWidth { get; set; } = 1200;

    public int DefaultImageHeight { get; set; } = 630;

    /// <summary>URLs per sitemap file before <c>/sitemap.xml</c> becomes an index of several files.</summary>
    [Range(2, 50_000)]
    public int SitemapPageSize { get; set; } = Core.Syndication.SyndicationService.SitemapPageSize;
}

/// <summary>Absolute URLs for what leaves the site (feeds, sitemaps, share tags, canonical links).</summary>
public sealed class PublicUrls(IOptions<PublicSiteOptions> options)
{
    /// <summary>Query parameters that select different content; everything else (tracking parameters, the print
    /// switch…) is left out of canonical links so shares and crawls of one page count as one URL.</summary>
    private static readonly string[] ContentParameters = ["q", "page"];
    private const int MaxParameterLength = 200;

    public PublicSiteOptions Site => options.Value;

    public string Origin(HttpRequest request) =>
        Site.BaseUrl is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}";

    /// <summary>"/tin-tuc/x" → "https://host/tin-tuc/x"; an already absolute URL is returned unchanged.</summary>
    public string Absolute(HttpRequest request, string path) =>
        Uri.TryCreate(path, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? path
            : Origin(request) + "/" + path.TrimStart('/');

    public string Article(HttpRequest request, string slug) => Absolute(request, "/tin-tuc/" + Uri.EscapeDataString(slug));

    public string Category(HttpRequest request, string slug) => Absolute(request, "/chuyen-muc/" + Uri.EscapeDataString(slug));

    /// <summary>The canonical URL of the current request: its path plus only the parameters that change the content
    /// (page 1 has none).</summary>
    public string Canonical(HttpRequest request)
    {
        // Only parameters the page reads (PageQuery): a cached page is keyed by those alone, so echoing any other would
        // put one reader's URL ("?q=…" on an article) into the copy every reader of the page gets.
        var pageKeys = PageQuery.KeysOf(request.HttpContext.GetEndpoint());
        var kept = new List<string>();
        foreach (var name in ContentParameters.Where(n => pageKeys.Contains(n, StringComparer.OrdinalIgnoreCase)))
        {
            var value = request.Query[name].ToString();
            // A pasted 10 KB query must not be echoed whole into the head; the search itself reads 200 characters.
            if (value.Length > MaxParameterLength)
            {
                value = value[..MaxParameterLength];
            }

            if (value.Length == 0 || (name == "page" && value == "1"))
            {
                continue;
            }

            kept.Add(name + "=" + Uri.EscapeDataString(value));
        }

        var path = request.Path.HasValue ? request.Path.ToUriComponent() : "/";
        return Absolute(request, path) + (kept.Count == 0 ? string.Empty : "?" + string.Join("&", kept));
    }
}
