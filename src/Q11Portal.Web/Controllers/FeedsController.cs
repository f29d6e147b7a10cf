using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Q11Portal.Core.Data;
using Q11Portal.Core.Media;
using Q11Portal.Core.Syndication;
using Q11Portal.Web.Infrastructure;
using Q11Portal.Web.Infrastructure.Reach;

namespace Q11Portal.Web.Controllers;

/// <summary>RSS 2.0 and Atom 1.0 feeds of the whole site and of each category, written by System.ServiceModel.Syndication.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class FeedsController(SyndicationService syndication, PublicUrls urls, PortalPaths paths, TimeProvider clock) : Controller
{
    public const string RssContentType = "application/rss+xml; charset=utf-8";
    public const string AtomContentType = "application/atom+xml; charset=utf-8";

    [HttpGet("rss")]
    public Task<IActionResult> SiteRss(CancellationToken ct) => SiteFeedAsync(rss: true, ct);

    [HttpGet("atom")]
    public Task<IActionResult> SiteAtom(CancellationToken ct) => SiteFeedAsync(rss: false, ct);

    [HttpGet("chuyen-muc/{slug}/rss")]
    public Task<IActionResult> CategoryRss(string slug, CancellationToken ct) => CategoryFeedAsync(slug, rss: true, ct);

    [HttpGet("chuyen-muc/{slug}/atom")]
    public Task<IActionResult> CategoryAtom(string slug, CancellationToken ct) => CategoryFeedAsync(slug, rss: false, ct);

    private async Task<IActionResult> SiteFeedAsync(bool rss, CancellationToken ct)
    {
        var entries = await syndication.GetLatestAsync(null, SyndicationService.FeedSize, ct);
        var feed = BuildFeed(urls.Site.Name, urls.Site.Description, "/", rss ? "/rss" : "/atom", entries);
        return Write(feed, rss);
    }

    private async Task<IActionResult> CategoryFeedAsync(string slug, bool rss, CancellationToken ct)
    {
        var category = await syndication.FindCategoryAsync(slug, ct);
        if (category is null)
        {
            return this.NotFoundPage("Không có chuyên mục này.");
        }

        var entries = await syndication.GetLatestAsync(category.Id, SyndicationService.FeedSize, ct);
        var description = string.IsNullOrWhiteSpace(category.Description)
            ? $"Tin mới của chuyên mục {category.Name} — {urls.Site.Name}."
            : category.Description;
        var path = "/chuyen-muc/" + category.Slug;
        var feed = BuildFeed($"{category.Name} — {urls.Site.Name}", description, path, path + (rss ? "/rss" : "/atom"), entries);
        return Write(feed, rss);
    }

    private SyndicationFeed BuildFeed(string title, string description, string pagePath, string selfPath, IReadOnlyList<FeedEntry> entries)
    {
        var site = urls.Site;
        var pageUrl = new Uri(urls.Absolute(Request, pagePath));
        var selfUrl = new Uri(urls.Absolute(Request, selfPath));
        var updated = entries.Count == 0 ? clock.GetUtcNow().UtcDateTime : entries.Max(e => e.LastChangeUtc);
        var feed = new SyndicationFeed(title, description, pageUrl)
        {
            Id = selfUrl.AbsoluteUri,
            Language = "vi",
            LastUpdatedTime = VietnamTime.FromUtc(updated),
            Copyright = new TextSyndicationContent($"© {site.PublisherName}"),
            Generator = "Q11Portal",
            ImageUrl = new Uri(urls.Absolute(Request, site.LogoPath)),
            Items = entries.Select(BuildItem).ToList(),
        };
        feed.Authors.Add(new SyndicationPerson { Name = site.PublisherName, Uri = urls.Absolute(Request, "/") });
        feed.Links.Add(new SyndicationLink(selfUrl, "self", title, selfPath.EndsWith("/rss", StringComparison.Ordinal) ? "application/rss+xml" : "application/atom+xml", 0));
        return feed;
    }

    private SyndicationItem BuildItem(FeedEntry entry)
    {
        var url = new Uri(urls.Article(Request, entry.Slug));
        var item = new SyndicationItem
        {
            Id = url.AbsoluteUri,
            Title = new TextSyndicationContent(entry.Title),
            Summary = new TextSyndicationContent(string.IsNullOrWhiteSpace(entry.Summary) ? entry.Title : entry.Summary),
            PublishDate = VietnamTime.FromUtc(entry.PublishedAtUtc),
            LastUpdatedTime = VietnamTime.FromUtc(entry.LastChangeUtc),
        };
        item.Links.Add(SyndicationLink.CreateAlternateLink(url, "text/html"));
        item.Categories.Add(new SyndicationCategory(entry.CategoryName, null, entry.CategoryName));
        if (!string.IsNullOrWhiteSpace(entry.Byline))
        {
            item.Authors.Add(new SyndicationPerson { Name = entry.Byline });
        }

        if (entry.Image is { } image && ShareImage.FromRenditions(image.StoredName, image.Widths, image.Width, image.Height, null) is { } share)
        {
            // RSS requires the enclosure's length in bytes; a rendition missing on disk is simply not announced.
            var file = new FileInfo(Path.Combine(paths.UploadsDirectory, share.Url[MediaPaths.UrlPrefix.Length..]));
            if (file.Exists)
            {
                item.Links.Add(SyndicationLink.CreateMediaEnclosureLink(new Uri(urls.Absolute(Request, share.Url)), "image/jpeg", file.Length));
            }
        }

        return item;
    }

    private FileContentResult Write(SyndicationFeed feed, bool rss)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            if (rss)
            {
                new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: true).WriteTo(writer);
            }
            else
            {
                new Atom10FeedFormatter(feed).WriteTo(writer);
            }
        }

        Response.Headers.CacheControl = "public, max-age=300";
        return File(buffer.ToArray(), rss ? RssContentType : AtomContentType);
    }
}
