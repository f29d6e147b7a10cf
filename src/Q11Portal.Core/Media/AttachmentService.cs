using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;
using Q11Portal.Core.Users;

namespace Q11Portal.Core.Media;

/// <summary>Documents (Văn bản) attached to an article: checked by content signature (and by ClamAV when configured),
/// stored under generated names in a directory no static file handler serves, and handed out only through the download
/// endpoint.</summary>
public sealed class AttachmentService(
    PortalDbContext db,
    PortalPaths paths,
    IOptions<MediaOptions> options,
    ClamAvScanner scanner,
    AuditLog audit,
    TimeProvider clock,
    ILogger<AttachmentService> logger)
{
    public const int TitleMaxLength = 300;

    private static readonly Result Missing = Result.NotFound("Không tìm thấy văn bản này; có thể đã được gỡ.");

    /// <summary>Outside the uploads directory, which is published at /media.</summary>
    public string DocumentsDirectory => paths.DocumentsDirectory;

    public static string AcceptedTypesText => "PDF, Word (DOC, DOCX), Excel (XLS, XLSX), PowerPoint (PPT, PPTX) hoặc OpenDocument (ODT, ODS, ODP)";

    public async Task<Result<AttachmentSummary>> AddAsync(
        int articleId, Stream content, long? declaredLength, string? fileName, string? title, string? userName, CancellationToken ct)
    {
        var limit = options.Value.MaxDocumentBytes;
        // Until the content is read, messages show the sent name made safe; the stored name takes the detected type's
        // extension (UploadName), the same rule as the image library.
        var name = UploadName.For(fileName, UploadName.SentExtension(fileName));
        var cleanTitle = VietnameseText.Nfc(title).Trim();
        if (cleanTitle.Length > TitleMaxLength)
        {
            return MediaService.Refused<AttachmentSummary>($"Tên hiển thị của văn bản dài tối đa {TitleMaxLength} ký tự.");
        }

        var article = await db.Articles.Where(a => a.Id == articleId).Select(a => new { a.Id, a.Title }).SingleOrDefaultAsync(ct);
        if (article is null)
        {
            return Result<AttachmentSummary>.From(Result.NotFound("Không tìm thấy bài viết để đính kèm văn bản."));
        }

        var upload = await DocumentUpload.ReadAsync(content, declaredLength, fileName, limit, logger, userName, ct);
        if (!upload.Succeeded)
        {
            return Result<AttachmentSummary>.From(upload);
        }

        var (bytes, type) = upload.Value;
        name = UploadName.For(fileName, type.Extension);
        if (await scanner.CheckAsync(name, bytes, ct) is { Succeeded: false } scan)
        {
            return Result<AttachmentSummary>.From(scan);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var storedName = $"{now:yyyy}/{now:MM}/{Guid.NewGuid():N}";
        var path = PhysicalPath(storedName);
        await MediaService.WriteAtomicallyAsync(path, bytes, ct);
        try
        {
            var nextOrder = await db.Attachments.Where(a => a.ArticleId == articleId).MaxAsync(a => (int?)a.SortOrder, ct) ?? 0;
            var attachment = new Attachment
            {
                ArticleId = articleId,
                StoredName = storedName,
                FileName = name,
                ContentType = type.ContentType,
                SizeBytes = bytes.Length,
                Title = cleanTitle.Length > 0 ? cleanTitle : Path.GetFileNameWithoutExtension(name),
                UploadedAtUtc = now,
                UploadedBy = userName,
                SortOrder = nextOrder + 1,
            };
            db.Attachments.Add(attachment);
            await db.SaveChangesAsync(ct);
            audit.Add(userName, "attachment.add", nameof(Article), articleId.ToString(), $"{name} ({bytes.Length} bytes)");
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Document {AttachmentId} ({FileName}) attached to article {ArticleId} by {UserName}", attachment.Id, name, articleId, userName);
            return ToSummary(attachment);
        }
        catch
        {
            MediaService.TryDelete(path);
            throw;
        }
    }

    public Task<List<AttachmentSummary>> ListAsync(int articleId, CancellationToken ct) =>
        db.Attachments.AsNoTracking()
            .Where(a => a.ArticleId == articleId)
            .OrderBy(a => a.SortOrder).ThenBy(a => a.Id)
            .Select(a => new AttachmentSummary(a.Id, a.ArticleId, a.Title, a.FileName, a.ContentType, a.SizeBytes, a.UploadedAtUtc))
            .ToListAsync(ct);

    /// <summary>The file to stream, or null when it does not exist or the reader may not see it. A public article's
    /// documents are for everyone; an unpublished one's only for staff who may open that article: editors and admins
    /// all, a reporter his or her own (<paramref name="reader"/> null = anonymous).</summary>
    public async Task<AttachmentDownload?> OpenAsync(int id, StaffActor? reader, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rank = Roles.Rank(reader?.Role);
        var seesAll = rank >= Roles.Rank(Roles.Editor);
        var ownerId = rank > 0 && !string.IsNullOrEmpty(reader!.UserId) ? reader.UserId : null;
        var row = await db.Attachments.AsNoTracking()
            .Where(a => a.Id == id)
            .Where(a => seesAll || db.Articles.VisibleAt(now).Any(v => v.Id == a.ArticleId) || (ownerId != null && a.Article.CreatedById == ownerId))
            .Select(a => new { a.StoredName, a.FileName, a.ContentType, a.SizeBytes })
            .SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        var path = PhysicalPath(row.StoredName);
        if (!File.Exists(path))
        {
            logger.LogError("Document {AttachmentId} is in the database but its file {Path} is missing", id, path);
            return null;
        }

        return new AttachmentDownload(row.FileName, row.ContentType, path, row.SizeBytes);
    }

    /// <summary>Removes a document from its article.</summary>
    public async Task<Result> DeleteAsync(int id, string? userName, CancellationToken ct)
    {
        var attachment = await db.Attachments.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (attachment is null)
        {
            return Missing;
        }

        db.Attachments.Remove(attachment);
        audit.Add(userName, "attachment.delete", nameof(Article), attachment.ArticleId.ToString(), attachment.FileName);
        await db.SaveChangesAsync(ct);
        MediaService.TryDelete(PhysicalPath(attachment.StoredName));
        return Result.Ok;
    }

    /// <summary>Moves a document one place up (-1) or down (+1) in its article's list; the first or last stays put.</summary>
    public async Task<Result> MoveAsync(int id, int direction, CancellationToken ct)
    {
        var attachment = await db.Attachments.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (attachment is null)
        {
            return Missing;
        }

        var siblings = await db.Attachments.Where(a => a.ArticleId == attachment.ArticleId).OrderBy(a => a.SortOrder).ThenBy(a => a.Id).ToListAsync(ct);
        var index = siblings.IndexOf(attachment);
        var target = index + Math.Sign(direction);
        if (target < 0 || target >= siblings.Count)
        {
            return Result.Ok;
        }

        (siblings[index], siblings[target]) = (siblings[target], siblings[index]);
        for (var i = 0; i < siblings.Count; i++)
        {
            siblings[i].SortOrder = i + 1;
        }

        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }

    public string PhysicalPath(string storedName) =>
        Path.Combine(DocumentsDirectory, storedName.Replace('/', Path.DirectorySeparatorChar));

    private static AttachmentSummary ToSummary(Attachment a) =>
        new(a.Id, a.ArticleId, a.Title, a.FileName, a.ContentType, a.SizeBytes, a.UploadedAtUtc);
}
