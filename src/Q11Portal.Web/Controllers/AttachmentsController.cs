using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Q11Portal.Core.Common;
using Q11Portal.Core.Media;
using Q11Portal.Core.Users;

namespace Q11Portal.Web.Controllers;

/// <summary>Downloads of documents attached to articles. Files live outside every static folder, so this is the only way
/// out: always as an attachment, never sniffed or rendered inline by the browser.</summary>
public sealed class AttachmentsController(AttachmentService attachments) : Controller
{
    [HttpGet("van-ban/{id:int}")]
    public async Task<IActionResult> Download(int id, CancellationToken ct)
    {
        var isStaff = Roles.All.Any(User.IsInRole);
        var file = await attachments.OpenAsync(id, isStaff, ct);
        if (file is null)
        {
            return NotFound();
        }

        var headers = Response.Headers;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers[HeaderNames.ContentSecurityPolicy] = "default-src 'none'; sandbox";
        headers[HeaderNames.CacheControl] = isStaff ? "private, no-store" : "public, max-age=3600";
        headers[HeaderNames.ContentDisposition] = ContentDisposition(file.FileName);
        return PhysicalFile(file.PhysicalPath, file.ContentType, enableRangeProcessing: true);
    }

    /// <summary><c>attachment; filename="bao-cao-so-ket.pdf"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o…</c>: an ASCII
    /// fallback for old clients and the exact Vietnamese name (RFC 6266 / RFC 5987) for the rest.</summary>
    public static string ContentDisposition(string fileName)
    {
        var extension = Path.GetExtension(fileName);
        var ascii = Slug.From(Path.GetFileNameWithoutExtension(fileName));
        var header = new ContentDispositionHeaderValue("attachment")
        {
            FileName = (ascii.Length == 0 ? "van-ban" : ascii) + extension.ToLowerInvariant(),
            FileNameStar = fileName,
        };
        return header.ToString();
    }
}
