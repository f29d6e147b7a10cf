using Microsoft.Extensions.Logging;
using Q11Portal.Core.Common;

namespace Q11Portal.Core.Media;

/// <summary>The one check of an uploaded document (an article's attachment, a library document's file): size limit,
/// not empty, content signature of an accepted type without macros, and an extension that tells the truth.</summary>
internal static class DocumentUpload
{
    public static async Task<Result<(byte[] Bytes, DocumentType Type)>> ReadAsync(
        Stream content, long? declaredLength, string? fileName, long limit, ILogger logger, string? userName, CancellationToken ct)
    {
        // Until the content is read, messages show the sent name made safe.
        var name = UploadName.For(fileName, UploadName.SentExtension(fileName));
        var tooLarge = $"Văn bản “{name}” quá lớn; dung lượng tối đa là {MediaOptions.SizeText(limit)}.";
        if (declaredLength > limit)
        {
            return Refused(tooLarge);
        }

        var bytes = await MediaService.ReadLimitedAsync(content, limit, ct);
        if (bytes is null)
        {
            return Refused(tooLarge);
        }

        if (bytes.Length == 0)
        {
            return Refused("Chưa chọn tệp văn bản, hoặc tệp rỗng.");
        }

        var extension = UploadName.SentExtension(fileName);
        var claimed = FileSignatures.TypeOfExtension(extension);
        var kind = FileSignatures.SniffDocument(bytes);
        if (kind is null)
        {
            logger.LogWarning("Document upload {FileName} by {UserName} refused: content matches no accepted document type", name, userName);
            return Refused(claimed is null
                ? $"Tệp “{name}” không được nhận. Chỉ nhận văn bản {AttachmentService.AcceptedTypesText}."
                : $"Nội dung tệp “{name}” không phải là tệp {claimed.DisplayName} như phần mở rộng {extension} cho biết (hoặc tệp có macro). Hãy mở và lưu lại tệp rồi tải lên.");
        }

        var type = FileSignatures.TypeOf(kind.Value);
        if (extension.Length > 0 && claimed?.Kind != kind)
        {
            logger.LogWarning("Document upload {FileName} by {UserName} refused: content is {Kind}, name says {Extension}", name, userName, kind, extension);
            return Refused($"Tệp “{name}” thực chất là tệp {type.DisplayName} ({type.Extension}) chứ không phải {extension}. Hãy đổi đúng phần mở rộng rồi tải lại.");
        }

        return (bytes, type);
    }

    private static Result<(byte[] Bytes, DocumentType Type)> Refused(string message) => Result<(byte[], DocumentType)>.From(Result.Invalid(message));
}
