using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Q11Portal.Core.Syndication;
using Q11Portal.Web.Infrastructure;
using Q11Portal.Web.Infrastructure.Reach;

namespace Q11Portal.Web.Controllers;

/// <summary><c>/sitemap.xml</c> (one file, or an index of files when the site is large) and <c>/robots.txt</c>.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class SitemapController(SyndicationService syndication, PublicUrls urls) : Controller
{
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string XmlContentType = "application/xml; charset=utf-8";

    private int PageSize => urls.Site.SitemapPageSize;

    [HttpGet("sitemap.xml")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var articleCount = await syndication.CountPublicArticlesAsync(ct);
        var categories = await syndication.GetSitemapCategoriesAsync(ct);
        var last = await syndication.LastChangeAsync(ct);
        if (1 + categories.Count + articleCount <= PageSize)
        {
            var articles = await syndication.GetSitemapPageAsync(0, PageSize, ct);
            return Xml(w => WriteUrlSet(w, categories, articles, last));
        }

        var pages = (int)Math.Ceiling(articleCount / (double)PageSize);
        return Xml(w =>
        {
            w.WriteStartElement("sitemapindex", Namespace);
            WriteIndexEntry(w, "/sitemap-chuyen-muc.xml", categories.Max(c => c.LastModifiedUtc) ?? last);
            for (var page = 1; page <= pages; page++)
            {
                WriteIndexEntry(w, $"/sitemap-bai-viet-{page}.xml", last);
            }

            w.WriteEndElement();
        });
    }

    /// <summary>The home page and every category (the first file of a split sitemap).</summary>
    [HttpGet("sitemap-chuyen-muc.xml")]
    public async Task<IActionResult> Categories(CancellationToken ct)
    {
        var categories = await syndication.GetSitemapCategoriesAsync(ct);
        var last = await syndication.LastChangeAsync(ct);
        return Xml(w => WriteUrlSet(w, categories, [], last));
    }

    /// <summary>Articles, <see cref="PublicSiteOptions.SitemapPageSize"/> per file, 1-based.</summary>
    [HttpGet("sitemap-bai-viet-{page:int}.xml")]
    public async Task<IActionResult> Articles(int page, CancellationToken ct)
    {
        if (page < 1 || page > 100_000)
        {
            return NotFound();
        }

        var articles = await syndication.GetSitemapPageAsync(page - 1, PageSize, ct);
        if (articles.Count == 0)
        {
            return NotFound();
        }

        return Xml(w => WriteUrlSet(w, null, articles, null));
    }

    [HttpGet("robots.txt")]
    public ContentResult Robots()
    {
        var text = new StringBuilder()
            .Append("User-agent: *\n")
            .Append("Disallow: /admin\n")
            .Append("Disallow: /dang-nhap\n")
            .Append("Disallow: /tim-kiem\n")
            // The print view of an article is "/tin-tuc/{slug}?in=1".
            .Append("Disallow: /*?in=\n")
            .Append("Disallow: /*&in=\n")
            .Append("Disallow: /altcha/\n")
            .Append("Disallow: /health/\n")
            .Append("Allow: /\n")
            .Append('\n')
            .Append("Sitemap: ").Append(urls.Absolute(Request, "/sitemap.xml")).Append('\n')
            .Append("Sitemap: ").Append(urls.Absolute(Request, "/sitemap-van-ban.xml")).Append('\n')
            .ToString();
        Response.Headers.CacheControl = "public, max-age=3600";
        return Content(text, "text/plain; charset=utf-8");
    }

    private void WriteUrlSet(XmlWriter w, IReadOnlyList<SitemapCategory>? categories, IReadOnlyList<SitemapEntry> articles, DateTime? homeLastChange)
    {
        w.WriteStartElement("urlset", Namespace);
        if (categories is not null)
        {
            WriteUrl(w, "/", homeLastChange, "hourly", "1.0");
            foreach (var category in categories)
            {
                WriteUrl(w, "/chuyen-muc/" + Uri.EscapeDataString(category.Slug), category.LastModifiedUtc, "daily", "0.7");
            }
        }

        foreach (var article in articles)
        {
            WriteUrl(w, "/tin-tuc/" + Uri.EscapeDataString(article.Slug), article.LastModifiedUtc, null, null);
        }

        w.WriteEndElement();
    }

    private void WriteUrl(XmlWriter w, string path, DateTime? lastModifiedUtc, string? changeFrequency, string? priority)
    {
        w.WriteStartElement("url", Namespace);
        w.WriteElementString("loc", Namespace, urls.Absolute(Request, path));
        if (lastModifiedUtc is { } lastmod)
        {
            w.WriteElementString("lastmod", Namespace, VietnamTime.Iso(lastmod));
        }

        if (changeFrequency is not null)
        {
            w.WriteElementString("changefreq", Namespace, changeFrequency);
        }

        if (priority is not null)
        {
            w.WriteElementString("priority", Namespace, priority);
        }

        w.WriteEndElement();
    }

    private void WriteIndexEntry(XmlWriter w, string path, DateTime? lastModifiedUtc)
    {
        w.WriteStartElement("sitemap", Namespace);
        w.WriteElementString("loc", Namespace, urls.Absolute(Request, path));
        if (lastModifiedUtc is { } lastmod)
        {
            w.WriteElementString("lastmod", Namespace, VietnamTime.Iso(lastmod));
        }

        w.WriteEndElement();
    }

    private FileContentResult Xml(Action<XmlWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }

        Response.Headers.CacheControl = "public, max-age=900";
        return File(buffer.ToArray(), XmlContentType);
    }
}
