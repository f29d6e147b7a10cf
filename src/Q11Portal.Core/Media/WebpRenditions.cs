using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Media;

/// <summary>Makes a missing WebP rendition from the JPEG beside it, once, on its first request: media uploaded before
/// WebP (and the demo pictures) get theirs without a back-fill run, and the small thumbnail width is made only for
/// pictures someone shows as a thumbnail. Only the widths pages ask for are made (<see cref="MediaPaths.WebpWidths"/>
/// of the JPEGs on disk), so a made-up URL cannot fill the disk. Thread-safe; one encoding per file at a time.</summary>
public sealed partial class WebpRenditions(PortalPaths paths, ImageProcessor processor, IOptions<MediaOptions> options, ILogger<WebpRenditions> logger)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<bool>>> running = new(StringComparer.Ordinal);

    /// <summary>Ensures the WebP at <paramref name="relativePath"/> ("2024/06/3f2a…-480.webp", relative to the uploads
    /// directory) exists. False when the name is not a rendition the portal makes or its JPEG is missing.</summary>
    public async Task<bool> EnsureAsync(string relativePath, CancellationToken ct)
    {
        if (Target(relativePath) is not { } target)
        {
            return false;
        }

        if (File.Exists(target.Path))
        {
            return true;
        }

        var job = running.GetOrAdd(target.Path, _ => new Lazy<Task<bool>>(() => Task.Run(() => CreateAsync(target), CancellationToken.None)));
        try
        {
            return await job.Value.WaitAsync(ct);
        }
        finally
        {
            if (job.Value.IsCompleted)
            {
                running.TryRemove(new KeyValuePair<string, Lazy<Task<bool>>>(target.Path, job));
            }
        }
    }

    private async Task<bool> CreateAsync(WebpTarget target)
    {
        if (File.Exists(target.Path))
        {
            return true;
        }

        var source = SourceFor(target);
        if (source is null)
        {
            return false;
        }

        var webp = processor.EncodeWebp(await File.ReadAllBytesAsync(source), target.Width, options.Value.JpegQuality);
        if (webp is null)
        {
            logger.LogWarning("WebP rendition {Path} could not be made from {Source}", target.Path, source);
            return false;
        }

        try
        {
            await MediaService.WriteAtomicallyAsync(target.Path, webp, CancellationToken.None);
        }
        catch (IOException) when (File.Exists(target.Path))
        {
            // Another node made it first (shared media directory).
        }

        return true;
    }

    /// <summary>The JPEG to make the WebP from: the same width, else the smallest wider one. Null when the width is
    /// not one pages ask for.</summary>
    private static string? SourceFor(WebpTarget target)
    {
        var directory = Path.GetDirectoryName(target.Path)!;
        if (!Directory.Exists(directory))
        {
            return null;
        }

        var prefix = target.Stem + "-";
        var jpegs = Directory.EnumerateFiles(directory, prefix + "*.jpg")
            .Select(f => (File: f, Width: int.TryParse(Path.GetFileNameWithoutExtension(f)[prefix.Length..], out var w) ? w : 0))
            .Where(j => j.Width > 0)
            .OrderBy(j => j.Width)
            .ToList();
        var widths = MediaPaths.WebpWidths(string.Join(',', jpegs.Select(j => j.Width)));
        if (!widths.Contains(target.Width))
        {
            return null;
        }

        return jpegs.FirstOrDefault(j => j.Width >= target.Width).File;
    }

    private WebpTarget? Target(string relativePath)
    {
        var match = RenditionName().Match(relativePath);
        if (!match.Success || relativePath.Contains("..", StringComparison.Ordinal))
        {
            return null;
        }

        var root = Path.GetFullPath(paths.UploadsDirectory);
        var full = Path.GetFullPath(Path.Combine(root, relativePath.Replace('/', Path.DirectorySeparatorChar)));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return null;
        }

        return new WebpTarget(full, Path.GetFileName(match.Groups["stem"].Value), int.Parse(match.Groups["width"].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    private sealed record WebpTarget(string Path, string Stem, int Width);

    [GeneratedRegex(@"^(?<stem>[A-Za-z0-9_\-/]+)-(?<width>[1-9][0-9]{1,4})\.webp$", RegexOptions.CultureInvariant)]
    private static partial Regex RenditionName();
}
