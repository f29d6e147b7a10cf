using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Media;

namespace Q11Portal.Web.Infrastructure;

/// <summary>The <c>sizes</c> of each image slot, from site.css: the page is at most 1200 px with 1 rem padding; from
/// 1024 px the main column is what a 320 px sidebar and the gaps leave (778 px at full width), below it the whole width
/// less 66 px of padding and border. A browser picks the rendition from these, so they must follow the CSS.</summary>
public static class ImageSlots
{
    /// <summary>Article lead picture and pictures in the article body: the main column.</summary>
    public const string MainColumn = Core.Articles.Rendering.ArticleBodyImages.Sizes;

    /// <summary>Home page's featured article: three fifths of the main column from 768 px.</summary>
    public const string Featured = "(min-width: 1200px) 455px, (min-width: 1024px) calc((100vw - 442px) * 0.6), (min-width: 768px) calc((100vw - 86px) * 0.6), calc(100vw - 66px)";

    /// <summary>Home page's category blocks: half the main column from 768 px.</summary>
    public const string HomeBlock = "(min-width: 1200px) 377px, (min-width: 1024px) calc((100vw - 446px) / 2), (min-width: 768px) calc((100vw - 90px) / 2), calc(100vw - 66px)";

    /// <summary>Thumbnails in article lists (.item__thumb).</summary>
    public const string ListThumbnail = "(min-width: 768px) 240px, 120px";

    /// <summary>Thumbnails of the "Tin liên quan" sidebar list (.related__thumb).</summary>
    public const string RelatedThumbnail = "88px";

    /// <summary>A picture across a sidebar box (banner, video poster).</summary>
    public const string Sidebar = "(min-width: 1024px) 294px, calc(100vw - 58px)";

    /// <summary>One of two pictures side by side in a sidebar box (photo reportage).</summary>
    public const string SidebarHalf = "(min-width: 1024px) 143px, calc(50vw - 33px)";
}

public static class ImageHtml
{
    /// <summary>A &lt;picture&gt;: every WebP rendition first, then the JPEG &lt;img&gt; with every rendition in srcset, its
    /// intrinsic size (no layout shift) and lazy loading unless it is the page's main picture (which is fetched first).</summary>
    public static IHtmlContent ResponsiveImage(this IHtmlHelper html, ImageRef image, string sizes, string? alt = null, bool eager = false, string? cssClass = null, int fallbackWidth = 800)
    {
        var encoder = HtmlEncoder.Default;
        var height = image.Width > 0 ? (int)Math.Round(image.Height * (fallbackWidth / (double)image.Width)) : 0;
        var img = $"<img src=\"{encoder.Encode(image.Src(fallbackWidth))}\" srcset=\"{encoder.Encode(image.SrcSet)}\" sizes=\"{encoder.Encode(sizes)}\"" +
            $" alt=\"{encoder.Encode(alt ?? image.AltText)}\"" +
            (height > 0 ? $" width=\"{fallbackWidth}\" height=\"{height}\"" : string.Empty) +
            (eager ? " fetchpriority=\"high\"" : " loading=\"lazy\" decoding=\"async\"") +
            (cssClass is null ? string.Empty : $" class=\"{encoder.Encode(cssClass)}\"") + ">";
        return new HtmlString($"<picture><source type=\"image/webp\" srcset=\"{encoder.Encode(image.WebpSrcSet)}\" sizes=\"{encoder.Encode(sizes)}\">{img}</picture>");
    }

    /// <summary>A sidebar picture given by address (banners, video posters, photo reportage): a portal rendition
    /// ("/media/…-480.jpg") gets its WebP and the thumbnail WebP as a &lt;picture&gt;; any other address a plain img.
    /// Always lazy, with the box's width and height.</summary>
    public static IHtmlContent SidebarImage(this IHtmlHelper html, string url, string alt, int width, int height, string sizes)
    {
        var encoder = HtmlEncoder.Default;
        var img = $"<img src=\"{encoder.Encode(url)}\" alt=\"{encoder.Encode(alt)}\" loading=\"lazy\" decoding=\"async\" width=\"{width}\" height=\"{height}\">";
        if (!MediaPaths.TryParseRenditionUrl(url, out var stem, out var jpegWidth))
        {
            return new HtmlString(img);
        }

        var widths = MediaPaths.WebpWidths(jpegWidth.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var srcset = string.Join(", ", widths.Select(w => $"{MediaPaths.UrlPrefix}{stem}-{w}.webp {w}w"));
        return new HtmlString($"<picture><source type=\"image/webp\" srcset=\"{encoder.Encode(srcset)}\" sizes=\"{encoder.Encode(sizes)}\">{img}</picture>");
    }
}
