using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;
using Q11Portal.Core.Media;

namespace Q11Portal.Core.Documents;

/// <summary>The files of library documents, checked by the same rules as article attachments (<see cref="DocumentUpload"/>)
/// and stored under a generated name in the documents directory no static handler serves.</summary>
public sealed class DocumentFileStore(PortalPaths paths, IOptions<MediaOptions> options, TimeProvider clock, ILogger<DocumentFileStore> logger)
{
    /// <summary>The checked file, not yet added to a document; the bytes are on disk.</summary>
    public async Task<Result<LibraryDocumentFile>> SaveAsync(Stream content, long? declaredLength, string? fileName, string? userName, CancellationToken ct)
    {
        var upload = await DocumentUpload.ReadAsync(content, declaredLength, fileName, options.Value.MaxDocumentBytes, logger, userName, ct);
        if (!upload.Succeeded)
        {
            return Result<LibraryDocumentFile>.From(upload);
        }

        var (bytes, type) = upload.Value;
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
