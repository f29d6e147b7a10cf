using System.IO.Compression;
using System.Text;

namespace Q11Portal.Core.Media;

public enum ImageFormat
{
    Jpeg,
    Png,
    Gif,
    Webp,
}

public enum DocumentKind
{
    Pdf,
    Doc,
    Docx,
    Xls,
    Xlsx,
    Ppt,
    Pptx,
    Odt,
    Ods,
    Odp,
}

/// <summary>What a document kind is called, its file extension and the content type it is served with.</summary>
public sealed record DocumentType(DocumentKind Kind, string Extension, string ContentType, string DisplayName);

/// <summary>Recognises files by their content (magic bytes and container structure), never by their name.</summary>
public static class FileSignatures
{
    public static readonly IReadOnlyList<DocumentType> DocumentTypes =
    [
        new(DocumentKind.Pdf, ".pdf", "application/pdf", "PDF"),
        new(DocumentKind.Doc, ".doc", "application/msword", "Word"),
        new(DocumentKind.Docx, ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word"),
        new(DocumentKind.Xls, ".xls", "application/vnd.ms-excel", "Excel"),
        new(DocumentKind.Xlsx, ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel"),
        new(DocumentKind.Ppt, ".ppt", "application/vnd.ms-powerpoint", "PowerPoint"),
        new(DocumentKind.Pptx, ".pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint"),
        new(DocumentKind.Odt, ".odt", "application/vnd.oasis.opendocument.text", "OpenDocument văn bản"),
        new(DocumentKind.Ods, ".ods", "application/vnd.oasis.opendocument.spreadsheet", "OpenDocument bảng tính"),
        new(DocumentKind.Odp, ".odp", "application/vnd.oasis.opendocument.presentation", "OpenDocument trình chiếu"),
    ];

    /// <summary>The extensions offered in an upload form's <c>accept</c> attribute.</summary>
    public static string DocumentAccept => string.Join(',', DocumentTypes.Select(t => t.Extension));

    public static DocumentType TypeOf(DocumentKind kind) => DocumentTypes.First(t => t.Kind == kind);

    /// <summary>The extension an upload detected as <paramref name="format"/> is shown with.</summary>
    public static string ExtensionOf(ImageFormat format) => format switch
    {
        ImageFormat.Png => ".png",
        ImageFormat.Gif => ".gif",
        ImageFormat.Webp => ".webp",
        _ => ".jpg",
    };

    /// <summary>The extension of a stored document's content type (".pdf"), or "" when it is none of ours.</summary>
    public static string ExtensionOfContentType(string? contentType) =>
        DocumentTypes.FirstOrDefault(t => string.Equals(t.ContentType, contentType, StringComparison.OrdinalIgnoreCase))?.Extension ?? string.Empty;

    public static DocumentType? TypeOfExtension(string? extension) =>
        DocumentTypes.FirstOrDefault(t => string.Equals(t.Extension, extension, StringComparison.OrdinalIgnoreCase));

    private static ReadOnlySpan<byte> Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> Ole2 => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static ReadOnlySpan<byte> Zip => [0x50, 0x4B, 0x03, 0x04];

    /// <summary>The image format the bytes start with, or null when they are no JPEG, PNG, GIF or WebP.</summary>
    public static ImageFormat? SniffImage(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            return ImageFormat.Jpeg;
        }

        if (head.StartsWith(Png))
        {
            return ImageFormat.Png;
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return ImageFormat.Gif;
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head.Slice(8, 4).SequenceEqual("WEBP"u8))
        {
            return ImageFormat.Webp;
        }

        return null;
    }

    /// <summary>The document kind the whole content is, or null when it is none of them (or an Office file with macros).</summary>
    public static DocumentKind? SniffDocument(ReadOnlyMemory<byte> content)
    {
        var span = content.Span;
        // Some PDF writers put a few bytes before the header; readers accept it within the first kilobyte.
        if (span[..Math.Min(span.Length, 1024)].IndexOf("%PDF-"u8) >= 0)
        {
            return DocumentKind.Pdf;
        }

        if (span.StartsWith(Ole2))
        {
            return SniffCompoundFile(span);
        }

        if (span.StartsWith(Zip))
        {
            return SniffZipPackage(content);
        }

        return null;
    }

    private static DocumentKind? SniffCompoundFile(ReadOnlySpan<byte> span)
    {
        // The stream names live in the compound file's directory as UTF-16LE strings.
        if (span.IndexOf(Encoding.Unicode.GetBytes("WordDocument")) >= 0)
        {
            return DocumentKind.Doc;
        }

        if (span.IndexOf(Encoding.Unicode.GetBytes("Workbook")) >= 0 || span.IndexOf(Encoding.Unicode.GetBytes("Book\0")) >= 0)
        {
            return DocumentKind.Xls;
        }

        if (span.IndexOf(Encoding.Unicode.GetBytes("PowerPoint Document")) >= 0)
        {
            return DocumentKind.Ppt;
        }

        return null;
    }

    private static DocumentKind? SniffZipPackage(ReadOnlyMemory<byte> content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content.ToArray(), writable: false), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }

            if (zip.GetEntry("mimetype") is { Length: < 200 } mimetype)
            {
                using var reader = new StreamReader(mimetype.Open(), Encoding.ASCII);
                return reader.ReadToEnd().Trim() switch
                {
                    "application/vnd.oasis.opendocument.text" => DocumentKind.Odt,
                    "application/vnd.oasis.opendocument.spreadsheet" => DocumentKind.Ods,
                    "application/vnd.oasis.opendocument.presentation" => DocumentKind.Odp,
                    _ => null,
                };
            }

            if (!names.Contains("[Content_Types].xml"))
            {
                return null;
            }

            return names.Contains("word/document.xml") ? DocumentKind.Docx
                : names.Contains("xl/workbook.xml") ? DocumentKind.Xlsx
                : names.Contains("ppt/presentation.xml") ? DocumentKind.Pptx
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
