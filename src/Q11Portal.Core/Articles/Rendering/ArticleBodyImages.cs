using System.Globalization;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Data;
using Q11Portal.Core.Media;

namespace Q11Portal.Core.Articles.Rendering;

/// <summary>Pictures in an article body as readers get them: each image of the portal's media library
/// ("/media/…-800.jpg") gets its intrinsic width and height (the page does not move while it loads), every JPEG
/// rendition in srcset with the body column's sizes, lazy loading, and a WebP &lt;source&gt; in a &lt;picture&gt;. An
/// image the library does not know keeps its address and only loads lazily. One query per body, by stored name.</summary>
public sealed class ArticleBodyImages(PortalDbContext db) : IArticleBodyTransform
{
    /// <summary>The body column's width (site.css): 778 px on a wide screen, the window less sidebar and padding from
    /// 1024 px, the window less 66 px of padding below.</summary>
    public const string Sizes = "(min-width: 1200px) 778px, (min-width: 1024px) calc(100vw - 422px), calc(100vw - 66px)";

    public int Order => 100;

    public ValueTask<bool> AppliesToAsync(string storedHtml, CancellationToken ct) =>
        ValueTask.FromResult(storedHtml.Contains("<img", StringComparison.OrdinalIgnoreCase));

    public async Task ApplyAsync(IElement body, ArticleBodyRenderContext context, CancellationToken ct)
    {
        var images = body.QuerySelectorAll("img").ToList();
        if (images.Count == 0)
        {
            return;
        }

        var renditions = images
            .Select(img => (Element: img, Known: MediaPaths.TryParseRenditionUrl(img.GetAttribute("src"), out var name, out var width), Name: name, Width: width))
            .ToList();
        var storedNames = renditions.Where(r => r.Known).Select(r => r.Name).Distinct().ToList();
        var media = storedNames.Count == 0
            ? []
            : await db.MediaFiles.AsNoTracking()
                .Where(m => storedNames.Contains(m.StoredName))
                .Select(m => new { m.StoredName, m.Widths, m.Width, m.Height })
                .ToDictionaryAsync(m => m.StoredName, StringComparer.Ordinal, ct);

        foreach (var (img, known, name, shownWidth) in renditions)
        {
            img.SetAttribute("loading", "lazy");
            img.SetAttribute("decoding", "async");
            if (!known || !media.TryGetValue(name, out var file) || file.Width <= 0)
            {
                continue;
            }

            img.SetAttribute("width", shownWidth.ToString(CultureInfo.InvariantCulture));
            img.SetAttribute("height", ((int)Math.Round(file.Height * (shownWidth / (double)file.Width))).ToString(CultureInfo.InvariantCulture));
            img.SetAttribute("srcset", MediaPaths.SrcSet(file.StoredName, file.Widths));
            img.SetAttribute("sizes", Sizes);
            if (img.ParentElement?.LocalName != "picture")
            {
                WrapInPicture(img, MediaPaths.WebpSrcSet(file.StoredName, file.Widths));
            }
        }
    }

    private static void WrapInPicture(IElement img, string webpSrcSet)
    {
        var document = img.Owner!;
        var picture = document.CreateElement("picture");
        var source = document.CreateElement("source");
        source.SetAttribute("type", "image/webp");
        source.SetAttribute("srcset", webpSrcSet);
        source.SetAttribute("sizes", Sizes);
        img.Parent!.ReplaceChild(picture, img);
        picture.AppendChild(source);
        picture.AppendChild(img);
    }
}
