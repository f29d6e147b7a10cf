using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Q11Portal.Core.Articles;

namespace Q11Portal.Web.Infrastructure;

public static class ImageHtml
{
    /// <summary>An &lt;img&gt; with every rendition in srcset, its intrinsic size (no layout shift) and lazy loading
    /// unless it is the page's main picture.</summary>
    public static IHtmlContent ResponsiveImage(this IHtmlHelper html, ImageRef image, string sizes, string? alt = null, bool eager = false, string? cssClass = null, int fallbackWidth = 800)
    {
        var encoder = HtmlEncoder.Default;
        var height = image.Width > 0 ? (int)Math.Round(image.Height * (fallbackWidth / (double)image.Width)) : 0;
        var tag = $"<img src=\"{encoder.Encode(image.Src(fallbackWidth))}\" srcset=\"{encoder.Encode(image.SrcSet)}\" sizes=\"{encoder.Encode(sizes)}\"" +
            $" alt=\"{encoder.Encode(alt ?? image.AltText)}\"" +
            (height > 0 ? $" width=\"{fallbackWidth}\" height=\"{height}\"" : string.Empty) +
            (eager ? " fetchpriority=\"high\"" : " loading=\"lazy\" decoding=\"async\"") +
            (cssClass is null ? string.Empty : $" class=\"{encoder.Encode(cssClass)}\"") + ">";
        return new HtmlString(tag);
    }
}
