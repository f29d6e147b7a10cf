using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Common;
using Q11Portal.Core.Media;
using Q11Portal.Core.Users;

namespace Q11Portal.Web.Controllers;

/// <summary>Downloads of documents attached to articles. Files live outside every static folder, so this is the only way
/// out: always as an attachment, never sniffed or rendered inline by the browser.</summary>
public sealed class AttachmentsController(AttachmentService attachments) : Controller
{
    [HttpGet("tep-dinh-kem/{id:int}")]
    public async Task<IActionResult> Download(int id, CancellationToken ct)
    {
        var role = Roles.All.Reverse().FirstOrDefault(User.IsInRole);
        var isStaff = role is not null;
        var reader = isStaff ? new StaffActor(User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty, User.Identity?.Name ?? string.Empty, role) : null;
        var file = await attachments.OpenAsync(id, reader, ct);
        if (file is null)
        {
            return NotFound();
        }

        var headers = Response.Headers;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers[HeaderNames.ContentSecurityPolicy] = "default-src 'none'; sandbox";
        // A public document may be stored by proxies, but "no-cache" makes them ask again on every download: the
        // answer is a cheap 304 (Last-Modified) while the article is public and a 404 the moment it is unpublished.
        // A max-age would keep serving an unpublished document for that long, out of our reach.
        headers[HeaderNames.CacheControl] = isStaff ? "private, no-store" : "public, no-cache";
        headers[HeaderNames.ContentDisposition] = ContentDisposition(file.FileName, file.ContentType);
        return PhysicalFile(file.PhysicalPath, file.ContentType, enableRangeProcessing: true);
    }

    /// <summary><c>attachment; filename="bao-cao-so-ket.pdf"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o…</c>: an ASCII
    /// fallback for old clients and the exact Vietnamese name (RFC 6266 / RFC 5987) for the rest. The stored name goes
    /// through <see cref="UploadName"/> again with the extension of the stored content type, so a name kept from before
    /// that rule (a reserved device name, a foreign extension) is sent safe too.</summary>
    public static string ContentDisposition(string fileName, string contentType)
    {
        var safe = UploadName.For(fileName, FileSignatures.ExtensionOfContentType(contentType), "van-ban");
        var ascii = Slug.From(Path.GetFileNameWithoutExtension(safe));
        var header = new ContentDispositionHeaderValue("attachment")
        {
            FileName = (ascii.Length == 0 ? "van-ban" : ascii) + Path.GetExtension(safe),
            FileNameStar = safe,
        };
        return header.ToString();
    }
}
