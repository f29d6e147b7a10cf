using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Media;

/// <summary>The image library: checks uploads by content and limits, re-encodes them to JPEG renditions under the
/// uploads directory and keeps a <see cref="MediaFile"/> row with alt text and caption.</summary>
public sealed class MediaService(
    PortalDbContext db,
    ImageProcessor processor,
    PortalPaths paths,
    IOptions<MediaOptions> options,
    AuditLog audit,
    TimeProvider clock,
    ILogger<MediaService> logger)
{
    public const int AltTextMaxLength = 500;
    public const int CaptionMaxLength = 500;
    private static readonly System.Globalization.CultureInfo Vietnamese = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");
    private static readonly Result Missing = Result.NotFound("Không tìm thấy ảnh này; có thể ảnh đã bị xóa.");

    /// <summary>Checks, re-encodes and stores an image. <paramref name="declaredLength"/> (e.g. the multipart part's
    /// length) lets an oversized file be refused before it is read.</summary>
    public async Task<Result<MediaSummary>> UploadImageAsync(
        Stream content, long? declaredLength, string? fileName, string? altText, string? caption, string? userName, CancellationToken ct)
    {
        var limits = options.Value;
        // Until the content is read, messages show the sent name made safe; afterwards the detected type names it.
        var name = UploadName.For(fileName, UploadName.SentExtension(fileName));
        var alt = TextRules.Line(altText);
        var cleanCaption = TextRules.Line(caption) is { Length: > 0 } c ? c : null;
        if (!TextRules.HasVisible(alt))
        {
            return Refused<MediaSummary>(alt.Length == 0
                ? "Vui lòng nhập mô tả ảnh (văn bản thay thế) để người dùng trình đọc màn hình biết ảnh nói gì."
                : TextRules.Required("Mô tả ảnh", alt)!);
        }

        if (alt.Length > AltTextMaxLength || cleanCaption?.Length > CaptionMaxLength)
        {
            return Refused<MediaSummary>($"Mô tả ảnh và chú thích dài tối đa {AltTextMaxLength} ký tự.");
        }

        var tooLarge = $"Ảnh “{name}” quá lớn; dung lượng tối đa là {MediaOptions.SizeText(limits.MaxImageBytes)}.";
        if (declaredLength > limits.MaxImageBytes)
        {
            return Refused<MediaSummary>(tooLarge);
        }

        var bytes = await ReadLimitedAsync(content, limits.MaxImageBytes, ct);
        if (bytes is null)
        {
            return Refused<MediaSummary>(tooLarge);
        }

        if (bytes.Length == 0)
        {
            return Refused<MediaSummary>("Chưa chọn tệp ảnh, hoặc tệp rỗng.");
        }

        var header = processor.ReadHeader(bytes);
        if (header is null)
        {
            logger.LogWarning("Image upload {FileName} by {UserName} refused: content is not a JPEG, PNG, GIF or WebP image", name, userName);
            return Refused<MediaSummary>($"Tệp “{name}” không phải là ảnh JPEG, PNG, WebP hoặc GIF (nội dung tệp không khớp).");
        }

        name = UploadName.For(fileName, FileSignatures.ExtensionOf(header.Format));

        if (header.Pixels > limits.MaxImagePixels || header.Width > limits.MaxImageSide || header.Height > limits.MaxImageSide)
        {
            logger.LogWarning("Image upload {FileName} by {UserName} refused: {Width}x{Height} pixels exceeds the limit", name, userName, header.Width, header.Height);
            return Refused<MediaSummary>(string.Create(Vietnamese,
                $"Ảnh “{name}” có kích thước {header.Width:N0}×{header.Height:N0} điểm ảnh, vượt giới hạn " +
                $"{limits.MaxImagePixels / 1_000_000.0:0.#} triệu điểm ảnh (cạnh dài nhất {limits.MaxImageSide:N0}). Hãy thu nhỏ ảnh rồi tải lại."));
        }

        var (displayedWidth, _) = header.Displayed;
        var widths = ImageProcessor.RenditionWidths(displayedWidth, MediaPaths.StandardWidths);
        var renditions = processor.Render(bytes, widths, limits.JpegQuality);
        if (renditions is null)
        {
            return Refused<MediaSummary>($"Ảnh “{name}” bị hỏng hoặc không đầy đủ nên không đọc được. Hãy mở ảnh trên máy, lưu lại rồi tải lên.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var storedName = $"{now:yyyy}/{now:MM}/{Guid.NewGuid():N}";
        var written = new List<string>();
        try
        {
            foreach (var rendition in renditions)
            {
                var path = RenditionPath(storedName, rendition.Width);
                await WriteAtomicallyAsync(path, rendition.Jpeg, ct);
                written.Add(path);
                var webp = WebpPath(storedName, rendition.Width);
                await WriteAtomicallyAsync(webp, rendition.Webp, ct);
                written.Add(webp);
            }

            var largest = renditions[^1];
            var media = new MediaFile
            {
                StoredName = storedName,
                OriginalFileName = name,
                ContentType = "image/jpeg",
                Width = largest.Width,
                Height = largest.Height,
                SizeBytes = renditions.Sum(r => (long)r.Jpeg.Length),
                Widths = string.Join(',', renditions.Select(r => r.Width)),
                AltText = alt,
                Caption = cleanCaption,
                UploadedAtUtc = now,
                UploadedBy = userName,
                SearchText = SearchTextOf(name, alt, cleanCaption),
            };
            db.MediaFiles.Add(media);
            await db.SaveChangesAsync(ct);
            audit.Add(userName, "media.upload", nameof(MediaFile), media.Id.ToString(), $"{name} ({header.Format}, {header.Width}×{header.Height})");
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Image {MediaId} ({FileName}, {Width}x{Height}) uploaded by {UserName}", media.Id, name, header.Width, header.Height, userName);
            return ToSummary(media);
        }
        catch
        {
            foreach (var path in written)
            {
                TryDelete(path);
            }

            throw;
        }
    }

    /// <summary>A page of the library, newest first, optionally filtered by words of the file name, alt text or caption
    /// (matched without diacritics, so "le ky niem" finds "Lễ kỷ niệm").</summary>
    public async Task<MediaPage> SearchAsync(string? query, int page, int pageSize, CancellationToken ct)
    {
        pageSize = Math.Clamp(pageSize, 1, 200);
        page = Math.Max(1, page);
        var items = db.MediaFiles.AsNoTracking();
        foreach (var word in VietnameseText.Fold(VietnameseText.Nfc(query)).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(8))
        {
            items = items.Where(m => m.SearchText.Contains(word));
        }

        var total = await items.CountAsync(ct);
        page = Paging.Clamp(page, total, pageSize);
        var rows = await items.OrderByDescending(m => m.UploadedAtUtc).ThenByDescending(m => m.Id)
            .Skip(Paging.Skip(page, pageSize)).Take(pageSize)
            .Select(Projection)
            .ToListAsync(ct);
        return new MediaPage(rows, total, page, pageSize);
    }

    public Task<MediaSummary?> FindAsync(int id, CancellationToken ct) =>
        db.MediaFiles.AsNoTracking().Where(m => m.Id == id).Select(Projection).SingleOrDefaultAsync(ct);

    /// <summary>Changes alt text and caption.</summary>
    public async Task<Result> UpdateTextAsync(int id, string? altText, string? caption, string? userName, CancellationToken ct)
    {
        var media = await db.MediaFiles.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (media is null)
        {
            return Missing;
        }

        var alt = TextRules.Line(altText);
        var cleanCaption = TextRules.Line(caption) is { Length: > 0 } c ? c : null;
        if (!TextRules.HasVisible(alt))
        {
            return Result.Invalid(alt.Length == 0 ? "Vui lòng nhập mô tả ảnh (văn bản thay thế)." : TextRules.Required("Mô tả ảnh", alt)!);
        }

        if (alt.Length > AltTextMaxLength || cleanCaption?.Length > CaptionMaxLength)
        {
            return Result.Invalid($"Mô tả ảnh và chú thích dài tối đa {AltTextMaxLength} ký tự.");
        }

        media.AltText = alt;
        media.Caption = cleanCaption;
        media.SearchText = SearchTextOf(media.OriginalFileName, alt, cleanCaption);
        audit.Add(userName, "media.update", nameof(MediaFile), id.ToString(), media.OriginalFileName);
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }

    /// <summary>Deletes an image that no article uses (as lead image or in its body); one still in use is a
    /// <see cref="Outcome.Conflict"/>.</summary>
    public async Task<Result> DeleteAsync(int id, string? userName, CancellationToken ct)
    {
        var media = await db.MediaFiles.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (media is null)
        {
            return Missing;
        }

        var usedBy = await db.Articles.Where(a => a.LeadImageId == id || a.BodyHtml.Contains(media.StoredName))
            .Select(a => a.Title).Take(3).ToListAsync(ct);
        if (usedBy.Count > 0)
        {
            return Result.Conflict($"Ảnh đang được dùng trong bài “{usedBy[0]}”{(usedBy.Count > 1 ? " và bài khác" : "")}; hãy gỡ ảnh khỏi bài trước khi xóa.");
        }

        db.MediaFiles.Remove(media);
        audit.Add(userName, "media.delete", nameof(MediaFile), id.ToString(), media.OriginalFileName);
        await db.SaveChangesAsync(ct);
        foreach (var width in MediaPaths.ParseWidths(media.Widths))
        {
            TryDelete(RenditionPath(media.StoredName, width));
        }

        foreach (var width in MediaPaths.WebpWidths(media.Widths))
        {
            TryDelete(WebpPath(media.StoredName, width));
        }

        return Result.Ok;
    }

    /// <summary>An upload refused for what was sent (size, type, texts), with the message for the person uploading.</summary>
    internal static Result<T> Refused<T>(string message) => Result<T>.From(Result.Invalid(message));

    public string RenditionPath(string storedName, int width) =>
        Path.Combine(paths.UploadsDirectory, MediaPaths.RenditionFile(storedName, width).Replace('/', Path.DirectorySeparatorChar));

    public string WebpPath(string storedName, int width) =>
        Path.Combine(paths.UploadsDirectory, MediaPaths.WebpFile(storedName, width).Replace('/', Path.DirectorySeparatorChar));

    /// <summary>What the library search matches: file name, alt text and caption, folded.</summary>
    public static string SearchTextOf(string fileName, string alt, string? caption)
    {
        var text = VietnameseText.Fold($"{Path.GetFileNameWithoutExtension(fileName)} {alt} {caption}");
        return text.Length > 1300 ? text[..1300] : text;
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes; null when the stream holds more.</summary>
    internal static async Task<byte[]?> ReadLimitedAsync(Stream content, long limit, CancellationToken ct)
    {
        if (content.CanSeek && content.Length - content.Position > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        long total = 0;
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            total += read;
            if (total > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    internal static async Task WriteAtomicallyAsync(string path, byte[] bytes, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        await File.WriteAllBytesAsync(temp, bytes, ct);
        File.Move(temp, path, overwrite: false);
    }

    internal static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A file still open elsewhere; it is an orphan that costs only disk space.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static MediaSummary ToSummary(MediaFile m) =>
        new(m.Id, m.StoredName, m.OriginalFileName, m.Width, m.Height, m.SizeBytes, m.Widths, m.AltText, m.Caption, m.UploadedAtUtc, m.UploadedBy);

    private static readonly System.Linq.Expressions.Expression<Func<MediaFile, MediaSummary>> Projection = m =>
        new MediaSummary(m.Id, m.StoredName, m.OriginalFileName, m.Width, m.Height, m.SizeBytes, m.Widths, m.AltText, m.Caption, m.UploadedAtUtc, m.UploadedBy);
}
