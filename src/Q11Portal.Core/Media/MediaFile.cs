namespace Q11Portal.Core.Media;

/// <summary>An uploaded (re-encoded) image in the media library.</summary>
public class MediaFile
{
    public int Id { get; set; }
    /// <summary>Generated storage name without extension; renditions are "{StoredName}-{width}.{ext}".</summary>
    public string StoredName { get; set; } = string.Empty;
    public string OriginalFileName { get; set; } = string.Empty;
    public string ContentType { get; set; } = string.Empty;
    public int Width { get; set; }
    public int Height { get; set; }
    public long SizeBytes { get; set; }
    /// <summary>Comma-separated widths available, e.g. "480,800,1200".</summary>
    public string Widths { get; set; } = string.Empty;
    public string AltText { get; set; } = string.Empty;
    public string? Caption { get; set; }
    public DateTime UploadedAtUtc { get; set; }
    public string? UploadedBy { get; set; }
    /// <summary>File name, alt text and caption folded (<c>VietnameseText.Fold</c>) for the library search.</summary>
    public string SearchText { get; set; } = string.Empty;
}
