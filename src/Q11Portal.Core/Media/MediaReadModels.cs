namespace Q11Portal.Core.Media;

/// <summary>An image of the media library as lists and pickers show it.</summary>
public sealed record MediaSummary(
    int Id,
    string StoredName,
    string OriginalFileName,
    int Width,
    int Height,
    long SizeBytes,
    string Widths,
    string AltText,
    string? Caption,
    DateTime UploadedAtUtc,
    string? UploadedBy)
{
    public string Url(int maxWidth = 800) => MediaPaths.RenditionUrl(StoredName, MediaPaths.PickWidth(Widths, maxWidth));

    public string SrcSet => MediaPaths.SrcSet(StoredName, Widths);
}

/// <summary>One page of the media library.</summary>
public sealed record MediaPage(IReadOnlyList<MediaSummary> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>A document attached to an article, as the list under the article shows it.</summary>
public sealed record AttachmentSummary(int Id, int ArticleId, string Title, string FileName, string ContentType, long SizeBytes, DateTime UploadedAtUtc)
{
    public string Extension => Path.GetExtension(FileName).TrimStart('.').ToUpperInvariant();

    public string DownloadUrl => MediaPaths.AttachmentUrl(Id);

    public string SizeText => MediaOptions.SizeText(SizeBytes);
}

/// <summary>What the download endpoint needs to stream a document.</summary>
public sealed record AttachmentDownload(string FileName, string ContentType, string PhysicalPath, long SizeBytes);
