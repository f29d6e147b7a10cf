using System.Text.RegularExpressions;

namespace Q11Portal.Core.Sidebar;

public enum VideoHost
{
    YouTube,
    Vimeo,
    File,
}

/// <summary>A video an editor may put in the sidebar: a YouTube or Vimeo page (any of the address forms people paste)
/// or a video file (.mp4, .webm, .ogv) on http(s) or this site.</summary>
public sealed record VideoLink(VideoHost Host, string Url, string? EmbedUrl, string? ThumbnailUrl);

public static partial class VideoLinks
{
    /// <summary>The video behind <paramref name="url"/>, with the canonical page address; null when it is not one.</summary>
    public static VideoLink? Parse(string? url)
    {
        url = url?.Trim();
        if (string.IsNullOrEmpty(url) || url.Length > 1000)
        {
            return null;
        }

        if (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\') && VideoFile().IsMatch(url))
        {
            return new VideoLink(VideoHost.File, url, null, null);
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return null;
        }

        var host = uri.Host.ToLowerInvariant();
        host = host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host.StartsWith("m.", StringComparison.Ordinal) ? host[2..] : host;
        var path = uri.AbsolutePath;
        string? youTubeId = host switch
        {
            "youtu.be" => path.Trim('/'),
            "youtube.com" or "youtube-nocookie.com" when path == "/watch" => QueryValue(uri.Query, "v"),
            "youtube.com" or "youtube-nocookie.com" when YouTubePath().Match(path) is { Success: true } m => m.Groups[1].Value,
            _ => null,
        };
        if (youTubeId is not null)
        {
            return YouTubeId().IsMatch(youTubeId)
                ? new VideoLink(VideoHost.YouTube, $"https://www.youtube.com/watch?v={youTubeId}",
                    $"https://www.youtube-nocookie.com/embed/{youTubeId}", $"https://i.ytimg.com/vi/{youTubeId}/hqdefault.jpg")
                : null;
        }

        if (host is "vimeo.com" or "player.vimeo.com" && VimeoPath().Match(path) is { Success: true } vimeo)
        {
            var id = vimeo.Groups[1].Value;
            return new VideoLink(VideoHost.Vimeo, $"https://vimeo.com/{id}", $"https://player.vimeo.com/video/{id}", null);
        }

        return VideoFile().IsMatch(path) ? new VideoLink(VideoHost.File, uri.AbsoluteUri, null, null) : null;
    }

    private static string? QueryValue(string query, string name)
    {
        foreach (var pair in query.TrimStart('?').Split('&'))
        {
            var parts = pair.Split('=', 2);
            if (parts.Length == 2 && parts[0] == name)
            {
                return Uri.UnescapeDataString(parts[1]);
            }
        }

        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{11}$")]
    private static partial Regex YouTubeId();

    [GeneratedRegex("^/(?:embed|shorts|live|v)/([^/?#]+)/?$")]
    private static partial Regex YouTubePath();

    [GeneratedRegex("^/(?:video/)?([0-9]{1,12})/?$")]
    private static partial Regex VimeoPath();

    [GeneratedRegex(@"\.(mp4|webm|ogv|ogg)$", RegexOptions.IgnoreCase)]
    private static partial Regex VideoFile();
}
