using System.ComponentModel.DataAnnotations;

namespace Q11Portal.Core.Media;

/// <summary>Limits for uploaded images and documents (configuration section <c>Media</c>).</summary>
public sealed class MediaOptions
{
    public const string SectionName = "Media";

    /// <summary>Largest image file accepted, in bytes (15 MB by default).</summary>
    [Range(1024, 200L * 1024 * 1024)]
    public long MaxImageBytes { get; set; } = 15L * 1024 * 1024;

    /// <summary>Largest image accepted, in pixels (width × height), checked from the header before decoding.</summary>
    [Range(10_000, 200_000_000)]
    public long MaxImagePixels { get; set; } = 50_000_000;

    /// <summary>Longest side accepted, in pixels, so a 100000×10 strip cannot slip under the pixel limit.</summary>
    [Range(100, 100_000)]
    public int MaxImageSide { get; set; } = 16_000;

    /// <summary>JPEG quality of the renditions (1–100).</summary>
    [Range(1, 100)]
    public int JpegQuality { get; set; } = 82;

    /// <summary>Largest document (PDF, DOCX, …) accepted, in bytes (25 MB by default).</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxDocumentBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>The ClamAV daemon that scans uploaded documents, when one is configured.</summary>
    public ClamAvOptions ClamAv { get; set; } = new();

    /// <summary>How many images the media library shows per page.</summary>
    [Range(6, 200)]
    public int LibraryPageSize { get; set; } = 24;

    /// <summary>"15 MB", "2,5 MB" or "300 KB", as staff read sizes.</summary>
    public static string SizeText(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024.0 * 1024.0)).ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) + " MB"
        : Math.Max(1, bytes / 1024) + " KB";
}
