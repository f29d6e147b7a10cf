namespace Q11Portal.Core.Media;

/// <summary>Where an image's renditions live on disk (under <c>PortalPaths.UploadsDirectory</c>) and on the web
/// (<c>/media/…</c>). Every rendition is a JPEG of one of the widths listed in <see cref="MediaFile.Widths"/>, with a
/// WebP beside it; pages also offer a small WebP (<see cref="ThumbnailWidth"/>) for thumbnails. A WebP that is not on
/// disk yet (media from before WebP, the thumbnail) is made from the JPEG on its first request
/// (<see cref="WebpRenditions"/>).</summary>
public static partial class MediaPaths
{
    public const string UrlPrefix = "/media/";
    public static readonly int[] StandardWidths = [480, 800, 1200];

    /// <summary>The WebP-only width for list and sidebar thumbnails (120–240 px slots on phones and desktops).</summary>
    public const int ThumbnailWidth = 240;

    /// <summary>"2024/06/3f2a…" + 800 → "2024/06/3f2a…-800.jpg" (relative to the uploads directory).</summary>
    public static string RenditionFile(string storedName, int width) => $"{storedName}-{width}.jpg";

    public static string RenditionUrl(string storedName, int width) => UrlPrefix + RenditionFile(storedName, width);

    /// <summary>"2024/06/3f2a…" + 800 → "2024/06/3f2a…-800.webp".</summary>
    public static string WebpFile(string storedName, int width) => $"{storedName}-{width}.webp";

    public static string WebpUrl(string storedName, int width) => UrlPrefix + WebpFile(storedName, width);

    /// <summary>The WebP widths pages may ask for: the JPEG widths, and the thumbnail width when the photo is wider.</summary>
    public static IReadOnlyList<int> WebpWidths(string widths)
    {
        var all = ParseWidths(widths);
        return all.Count > 0 && all[0] > ThumbnailWidth ? [ThumbnailWidth, .. all] : all;
    }

    /// <summary>A srcset of every WebP rendition: "/media/x-240.webp 240w, /media/x-480.webp 480w, …".</summary>
    public static string WebpSrcSet(string storedName, string widths) =>
        string.Join(", ", WebpWidths(widths).Select(w => $"{WebpUrl(storedName, w)} {w}w"));

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

    /// <summary>Reads a JPEG rendition's address ("/media/2024/06/3f2a…-800.jpg") back into its stored name and width;
    /// false for any other address (another host, another file).</summary>
    public static bool TryParseRenditionUrl(string? url, out string storedName, out int width)
    {
        var match = url is null ? null : RenditionUrlPattern().Match(url);
        storedName = match is { Success: true } ? match.Groups["stem"].Value : string.Empty;
        width = match is { Success: true } ? int.Parse(match.Groups["width"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        return match is { Success: true };
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^/media/(?<stem>[A-Za-z0-9_\-/]+)-(?<width>[1-9][0-9]{1,4})\.jpg$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex RenditionUrlPattern();
}
