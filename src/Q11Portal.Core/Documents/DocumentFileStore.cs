using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;
using Q11Portal.Core.Media;

namespace Q11Portal.Core.Documents;

/// <summary>The files of library documents, checked and stored by the rules of article attachments: content signature
/// (PDF, Word, Excel… without macros), size limit, a generated name in the documents directory no static handler serves.</summary>
public sealed class DocumentFileStore(PortalPaths paths, IOptions<MediaOptions> options, TimeProvider clock, ILogger<DocumentFileStore> logger)
{
    /// <summary>The checked file, not yet added to a document; the bytes are on disk.</summary>
    public async Task<Result<LibraryDocumentFile>> SaveAsync(Stream content, long? declaredLength, string? fileName, string? userName, CancellationToken ct)
    {
        var limit = options.Value.MaxDocumentBytes;
        var name = UploadName.For(fileName, UploadName.SentExtension(fileName));
        var tooLarge = $"Tệp “{name}” quá lớn; dung lượng tối đa là {MediaOptions.SizeText(limit)}.";
        if (declaredLength > limit)
        {
            return MediaService.Refused<LibraryDocumentFile>(tooLarge);
        }

        var bytes = await MediaService.ReadLimitedAsync(content, limit, ct);
        if (bytes is null)
        {
            return MediaService.Refused<LibraryDocumentFile>(tooLarge);
        }

        if (bytes.Length == 0)
        {
            return MediaService.Refused<LibraryDocumentFile>("Chưa chọn tệp, hoặc tệp rỗng.");
        }

        var extension = UploadName.SentExtension(fileName);
        var kind = FileSignatures.SniffDocument(bytes);
        if (kind is null)
        {
            logger.LogWarning("Document file {FileName} by {UserName} refused: content matches no accepted document type", name, userName);
            return MediaService.Refused<LibraryDocumentFile>($"Tệp “{name}” không được nhận. Chỉ nhận văn bản {AttachmentService.AcceptedTypesText}.");
        }

        var type = FileSignatures.TypeOf(kind.Value);
        if (extension.Length > 0 && FileSignatures.TypeOfExtension(extension)?.Kind != kind)
        {
            return MediaService.Refused<LibraryDocumentFile>($"Tệp “{name}” thực chất là tệp {type.DisplayName} ({type.Extension}) chứ không phải {extension}. Hãy đổi đúng phần mở rộng rồi tải lại.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var storedName = $"library/{now:yyyy}/{Guid.NewGuid():N}";
        await MediaService.WriteAtomicallyAsync(PhysicalPath(storedName), bytes, ct);
        return new LibraryDocumentFile
        {
            StoredName = storedName,
            FileName = UploadName.For(fileName, type.Extension),
            ContentType = type.ContentType,
            SizeBytes = bytes.Length,
            UploadedAtUtc = now,
            UploadedBy = userName,
        };
    }

    public void Delete(string storedName) => MediaService.TryDelete(PhysicalPath(storedName));

    public string PhysicalPath(string storedName) =>
        Path.Combine(paths.DocumentsDirectory, storedName.Replace('/', Path.DirectorySeparatorChar));
}
