using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Common;
using Q11Portal.Core.Media;

namespace Q11Portal.Web.Infrastructure.Reach;

/// <summary>A picture for share previews: a path or URL and its pixel size.</summary>
public sealed record ShareImage(string Url, int Width, int Height, string? Alt)
{
    /// <summary>Facebook and Zalo show a large card only for pictures at least this wide.</summary>
    public const int MinimumWidth = 600;

    /// <summary>The largest rendition up to 1200 px, if one is at least 600 px wide; null otherwise (the site picture is used).</summary>
    public static ShareImage? FromRenditions(string storedName, string widths, int width, int height, string? alt)
    {
        var chosen = MediaPaths.ParseWidths(widths).Where(w => w is >= MinimumWidth and <= 1200).DefaultIfEmpty(0).Max();
        if (chosen == 0 || width <= 0 || height <= 0)
        {
            return null;
        }

        var h = (int)Math.Round(height * (chosen / (double)width));
        return new ShareImage(MediaPaths.RenditionUrl(storedName, chosen), chosen, h, alt);
    }
}

/// <summary>What a page tells Facebook, Zalo, Twitter/X and search engines about itself. Pages put one in
/// <c>ViewData[ShareMeta.ViewDataKey]</c>; the layout renders it (<c>_ReachHead</c>). Without one, the page is
/// described as a plain "website" from its title and description.</summary>
public sealed record ShareMeta(string Title, string? Description, string Path)
{
    public const string ViewDataKey = "Reach.ShareMeta";

    /// <summary>Set to a category slug to advertise that category's feeds in the page head.</summary>
    public const string FeedCategoryKey = "Reach.FeedCategory";

    /// <summary>Set to a path (e.g. "/chuyen-muc/x?page=2") to override the canonical link computed from the request.</summary>
    public const string CanonicalKey = "Reach.Canonical";

    public ShareImage? Image { get; init; }

    /// <summary>An article page: sapo as description, the lead picture when it is large enough, publish and
    /// modify times, category as section, byline as author.</summary>
    public static ShareMeta ForArticle(ArticleDetails a) =>
        new(a.Title, string.IsNullOrWhiteSpace(a.Summary) ? a.Title : a.Summary, "/tin-tuc/" + a.Slug)
        {
            Image = a.LeadImage is { } image
                ? ShareImage.FromRenditions(image.StoredName, image.Widths, image.Width, image.Height, image.AltText)
                : null,
            Article = new ArticleShareInfo(
                a.PublishedAtUtc,
                a.UpdatedAtUtc > a.PublishedAtUtc ? a.UpdatedAtUtc : a.PublishedAtUtc,
                a.Category.Name,
                a.Byline,
                a.Tags.Select(t => t.Name).ToList()),
        };

    /// <summary>Set for articles: og:type article, article:* tags and NewsArticle structured data.</summary>
    public ArticleShareInfo? Article { get; init; }
}

public sealed record ArticleShareInfo(DateTime PublishedAtUtc, DateTime ModifiedAtUtc, string Section, string? Author, IReadOnlyList<string> Tags);

/// <summary>Portal times as the outside world wants them: ISO 8601 with the Vietnam offset (+07:00).</summary>
public static class VietnamTime
{
    public static DateTimeOffset FromUtc(DateTime utc) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), LocalTime.Zone);

    /// <summary>"2024-06-01T08:30:00+07:00".</summary>
    public static string Iso(DateTime utc) => FromUtc(utc).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}

/// <summary>schema.org NewsArticle for the article page. Serialized with an encoder that escapes &lt; &gt; &amp; and
/// quotes, so no text from an article can close the script element.</summary>
public static class NewsArticleJsonLd
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = false,
    };

    public static string Build(ShareMeta meta, PublicUrls urls, HttpRequest request)
    {
        var article = meta.Article ?? throw new ArgumentException("Not an article.", nameof(meta));
        var site = urls.Site;
        var url = urls.Absolute(request, meta.Path);
        var image = meta.Image ?? new ShareImage(site.DefaultImagePath, site.DefaultImageWidth, site.DefaultImageHeight, null);
        var publisher = new JsonObject
        {
            ["@type"] = "Organization",
            ["name"] = site.PublisherName,
            ["url"] = urls.Absolute(request, "/"),
            ["logo"] = new JsonObject
            {
                ["@type"] = "ImageObject",
                ["url"] = urls.Absolute(request, site.LogoPath),
                ["width"] = site.LogoSize,
                ["height"] = site.LogoSize,
            },
        };
        var author = article.Author is { Length: > 0 } name
            ? new JsonObject { ["@type"] = "Person", ["name"] = name }
            : new JsonObject { ["@type"] = "Organization", ["name"] = site.PublisherName, ["url"] = urls.Absolute(request, "/") };
        var node = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["mainEntityOfPage"] = new JsonObject { ["@type"] = "WebPage", ["@id"] = url },
            ["url"] = url,
            ["headline"] = Shorten(meta.Title, 110),
            ["description"] = meta.Description ?? string.Empty,
            ["image"] = new JsonArray(new JsonObject
            {
                ["@type"] = "ImageObject",
                ["url"] = urls.Absolute(request, image.Url),
                ["width"] = image.Width,
                ["height"] = image.Height,
            }),
            ["datePublished"] = VietnamTime.Iso(article.PublishedAtUtc),
            ["dateModified"] = VietnamTime.Iso(article.ModifiedAtUtc),
            ["author"] = new JsonArray(author),
            ["publisher"] = publisher,
            ["articleSection"] = article.Section,
            ["inLanguage"] = "vi",
        };
        if (article.Tags.Count > 0)
        {
            node["keywords"] = string.Join(", ", article.Tags);
        }

        return node.ToJsonString(Json);
    }

    /// <summary>Google shows at most 110 characters of a headline; cut at a word boundary.</summary>
    internal static string Shorten(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', max - 1);
        return (cut > max / 2 ? text[..cut] : text[..(max - 1)]).TrimEnd() + "…";
    }
}
