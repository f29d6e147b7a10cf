namespace Q11Portal.Core.Media;

/// <summary>Where an image's renditions live on disk (under <c>PortalPaths.UploadsDirectory</c>) and on the web
/// (<c>/media/…</c>). Every rendition is a JPEG of one of the widths listed in <see cref="MediaFile.Widths"/>.</summary>
public static class MediaPaths
{
    public const string UrlPrefix = "/media/";
    public static readonly int[] StandardWidths = [480, 800, 1200];

    /// <summary>"2024/06/3f2a…" + 800 → "2024/06/3f2a…-800.jpg" (relative to the uploads directory).</summary>
    public static string RenditionFile(string storedName, int width) => $"{storedName}-{width}.jpg";

    public static string RenditionUrl(string storedName, int width) => UrlPrefix + RenditionFile(storedName, width);

    public static IReadOnlyList<int> ParseWidths(string widths) =>
        widths.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => int.TryParse(w, out var n) ? n : 0)
            .Where(n => n > 0)
            .Order()
            .ToList();

    /// <summary>The largest rendition not wider than <paramref name="maxWidth"/>, or the smallest one.</summary>
    public static int PickWidth(string widths, int maxWidth)
    {
        var all = ParseWidths(widths);
        return all.Count == 0 ? 0 : all.LastOrDefault(w => w <= maxWidth, all[0]);
    }

    /// <summary>A srcset value listing every rendition: "/media/x-480.jpg 480w, /media/x-800.jpg 800w".</summary>
    public static string SrcSet(string storedName, string widths) =>
        string.Join(", ", ParseWidths(widths).Select(w => $"{RenditionUrl(storedName, w)} {w}w"));

    /// <summary>An attachment's download URL: documents are never static files, they go out through
    /// <c>AttachmentsController</c> with Content-Disposition: attachment and nosniff. (Until the documents library took
    /// <c>/van-ban</c> they lived at <c>/van-ban/{id}</c>, which now redirects here for good.)</summary>
    public static string AttachmentUrl(int attachmentId) => "/tep-dinh-kem/" + attachmentId;
}
