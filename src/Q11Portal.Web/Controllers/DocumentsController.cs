using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;
using Q11Portal.Core.Documents;
using Q11Portal.Core.Media;
using Q11Portal.Web.Infrastructure;
using Q11Portal.Web.Infrastructure.Reach;
using Q11Portal.Web.Models;

namespace Q11Portal.Web.Controllers;

/// <summary>Văn bản: the public documents library (list with filters and look-up, a page per document, its files), its
/// sitemap, and the permanent redirect of the attachment links that used to live at <c>/van-ban/{id}</c>.</summary>
public sealed class DocumentsController(DocumentLibrary library) : Controller
{
    public const int MentionCount = 10;

    [OutputCache(PolicyName = PublicPageCache.Policy)]
    [HttpGet("van-ban")]
    public async Task<IActionResult> Index(
        [FromQuery(Name = "loai")] string? kind, [FromQuery(Name = "co-quan")] string? issuer, [FromQuery(Name = "nam")] string? year,
        [FromQuery(Name = "so")] string? lookup, [FromQuery(Name = "page")] string? page, CancellationToken ct)
    {
        var filters = new DocumentFilters(kind, issuer, year, lookup);
        if (filters.Error is not null || (page is not null && (!int.TryParse(page, out var p) || p < 1)))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(new DocumentListViewModel(filters, null, filters.Error ?? "Số trang không hợp lệ."));
        }

        var list = await library.ListAsync(filters.ToQuery(page is null ? 1 : int.Parse(page)), ct);
        return View(new DocumentListViewModel(filters, list, null));
    }

    [OutputCache(PolicyName = PublicPageCache.Policy)]
    [HttpGet("van-ban/{slug}")]
    public async Task<IActionResult> Details(string slug, [FromServices] DocumentMentions mentions, CancellationToken ct)
    {
        var document = await library.FindAsync(slug, ct);
        if (document is null)
        {
            return this.NotFoundPage("Văn bản không có trong thư viện hoặc đã được gỡ bỏ.");
        }

        return View(new DocumentPageViewModel(document, await mentions.FindAsync(slug, MentionCount, ct)));
    }

    /// <summary>A document's file: a PDF opens in the browser's viewer, other types download. Never sniffed.</summary>
    [HttpGet("van-ban/tep/{id:int}")]
    public async Task<IActionResult> OpenFile(int id, CancellationToken ct)
    {
        var file = await library.OpenFileAsync(id, ct);
        if (file is null)
        {
            return this.NotFoundPage("Không tìm thấy tệp văn bản này; có thể đã được gỡ.");
        }

        var pdf = file.ContentType == "application/pdf";
        var headers = Response.Headers;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        // A sandboxed response cannot show the browser's PDF viewer; a PDF gets no scripts of ours either way.
        headers[HeaderNames.ContentSecurityPolicy] = pdf ? "default-src 'none'; object-src 'self'" : "default-src 'none'; sandbox";
        headers[HeaderNames.CacheControl] = "public, no-cache";
        var disposition = AttachmentsController.ContentDisposition(file.FileName, file.ContentType);
        headers[HeaderNames.ContentDisposition] = pdf ? "inline" + disposition["attachment".Length..] : disposition;
        return PhysicalFile(file.PhysicalPath, file.ContentType, enableRangeProcessing: true);
    }

    /// <summary>Attachment links published before the library took <c>/van-ban</c> (in articles, feeds, shares) keep
    /// working: they move for good to the attachment's own address.</summary>
    [HttpGet("van-ban/{id:int}")]
    public IActionResult LegacyAttachment(int id) => RedirectPermanent(MediaPaths.AttachmentUrl(id));

    [OutputCache(PolicyName = PublicPageCache.Policy)]
    [HttpGet("sitemap-van-ban.xml")]
    public async Task<IActionResult> Sitemap([FromServices] PublicUrls urls, CancellationToken ct)
    {
        var documents = await library.SitemapAsync(ct);
        using var buffer = new MemoryStream();
        using (var w = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            w.WriteStartDocument();
            w.WriteStartElement("urlset", SitemapController.Namespace);
            WriteUrl(w, urls.Absolute(Request, "/van-ban"), null);
            foreach (var (slug, updated) in documents)
            {
                WriteUrl(w, urls.Absolute(Request, "/van-ban/" + Uri.EscapeDataString(slug)), updated);
            }

            w.WriteEndElement();
            w.WriteEndDocument();
        }

        Response.Headers.CacheControl = "public, max-age=900";
        return File(buffer.ToArray(), "application/xml; charset=utf-8");
    }

    private static void WriteUrl(XmlWriter w, string location, DateTime? updatedUtc)
    {
        w.WriteStartElement("url", SitemapController.Namespace);
        w.WriteElementString("loc", SitemapController.Namespace, location);
        if (updatedUtc is { } lastmod)
        {
            w.WriteElementString("lastmod", SitemapController.Namespace, VietnamTime.Iso(lastmod));
        }

        w.WriteEndElement();
    }
}
