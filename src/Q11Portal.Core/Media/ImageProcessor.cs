using SkiaSharp;

namespace Q11Portal.Core.Media;

/// <summary>An image read and checked from its header; <c>Decode</c> is only called once the limits passed.</summary>
public sealed record ImageHeader(ImageFormat Format, int Width, int Height, SKEncodedOrigin Origin)
{
    public long Pixels => (long)Width * Height;

    /// <summary>Width and height as a reader sees the photo, after the EXIF orientation is applied.</summary>
    public (int Width, int Height) Displayed =>
        Origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom
            ? (Height, Width)
            : (Width, Height);
}

/// <summary>One re-encoded rendition of an upload, as JPEG (every browser) and WebP (smaller, what pages offer first).</summary>
public sealed record ImageRendition(int Width, int Height, byte[] Jpeg, byte[] Webp);

/// <summary>Reads image headers and makes JPEG and WebP renditions with SkiaSharp. Re-encoding keeps pixels only: EXIF, GPS,
/// comments and anything appended to the file are gone. Stateless and thread-safe.</summary>
public sealed class ImageProcessor
{
    /// <summary>Reads only the header: format and size, no pixel is decoded. Null when the content is not a readable
    /// image of the format its magic bytes announce.</summary>
    public ImageHeader? ReadHeader(byte[] content)
    {
        var sniffed = FileSignatures.SniffImage(content);
        if (sniffed is null)
        {
            return null;
        }

        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data);
        if (codec is null || Map(codec.EncodedFormat) != sniffed || codec.Info.Width <= 0 || codec.Info.Height <= 0)
        {
            return null;
        }

        return new ImageHeader(sniffed.Value, codec.Info.Width, codec.Info.Height, codec.EncodedOrigin);
    }

    /// <summary>Decodes the first frame, applies the EXIF orientation, flattens transparency on white and encodes one
    /// JPEG and one WebP per width (never wider than the photo). Null when the pixel data is damaged or incomplete.</summary>
    public IReadOnlyList<ImageRendition>? Render(byte[] content, IReadOnlyList<int> widths, int quality)
    {
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return null;
        }

        using var decoded = Decode(codec, widths.Count == 0 ? codec.Info.Width : widths.Max());
        if (decoded is null)
        {
            return null;
        }

        using var upright = Orient(decoded, codec.EncodedOrigin);
        var renditions = new List<ImageRendition>(widths.Count);
        foreach (var width in widths)
        {
            var w = Math.Min(width, upright.Width);
            var h = Math.Max(1, (int)Math.Round(upright.Height * (w / (double)upright.Width)));
            using var resized = w == upright.Width ? upright.Copy() : upright.Resize(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul), new SKSamplingOptions(SKCubicResampler.Mitchell));
            if (resized is null)
            {
                return null;
            }

            using var image = SKImage.FromBitmap(resized);
            using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, quality);
            using var webp = image.Encode(SKEncodedImageFormat.Webp, quality);
            renditions.Add(new ImageRendition(w, h, jpeg.ToArray(), webp.ToArray()));
        }

        return renditions;
    }

    /// <summary>A WebP of at most <paramref name="width"/> pixels across made from a stored rendition (a JPEG of the
    /// portal's own making). Null when the file cannot be decoded.</summary>
    public byte[]? EncodeWebp(byte[] rendition, int width, int quality)
    {
        using var data = SKData.CreateCopy(rendition);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return null;
        }

        using var decoded = Decode(codec, width);
        if (decoded is null)
        {
            return null;
        }

        var w = Math.Min(width, decoded.Width);
        var h = Math.Max(1, (int)Math.Round(decoded.Height * (w / (double)decoded.Width)));
        using var resized = w == decoded.Width ? decoded.Copy() : decoded.Resize(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul), new SKSamplingOptions(SKCubicResampler.Mitchell));
        if (resized is null)
        {
            return null;
        }

        using var image = SKImage.FromBitmap(resized);
        using var webp = image.Encode(SKEncodedImageFormat.Webp, quality);
        return webp?.ToArray();
    }

    /// <summary>Widths to render for a photo of the given displayed width: the standard widths below it, and the photo's own
    /// width when it is narrower than the largest standard one (a 1000 px photo gives 480, 800 and 1000).</summary>
    public static IReadOnlyList<int> RenditionWidths(int displayedWidth, IReadOnlyList<int> standard)
    {
        var widths = standard.Where(w => w < displayedWidth).ToList();
        var largest = standard.Max();
        widths.Add(Math.Min(displayedWidth, largest));
        return widths.Distinct().Order().ToList();
    }

    private static SKBitmap? Decode(SKCodec codec, int largestWidth)
    {
        // JPEG and WebP decode straight to a smaller size, so a 48 MP phone photo never needs 190 MB of pixels.
        var origin = codec.EncodedOrigin;
        var sideAcross = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom
            ? codec.Info.Height
            : codec.Info.Width;
        var size = codec.Info.Size;
        if (largestWidth < sideAcross)
        {
            var scaled = codec.GetScaledDimensions(largestWidth / (float)sideAcross);
            var scaledAcross = sideAcross == codec.Info.Width ? scaled.Width : scaled.Height;
            if (scaledAcross >= largestWidth)
            {
                size = scaled;
            }
        }

        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            bitmap.Dispose();
            return null;
        }

        return bitmap;
    }

    /// <summary>Draws the decoded pixels upright (per the EXIF orientation) on an opaque white canvas.</summary>
    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        float w = source.Width, h = source.Height;
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        // x' = ScaleX·x + SkewX·y + TransX, y' = SkewY·x + ScaleY·y + TransY
        var matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
            _ => SKMatrix.Identity,
        };

        var target = new SKBitmap(new SKImageInfo(swap ? source.Height : source.Width, swap ? source.Width : source.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(target);
        canvas.Clear(SKColors.White);
        canvas.SetMatrix(matrix);
        canvas.DrawBitmap(source, 0, 0);
        canvas.Flush();
        return target;
    }

    private static ImageFormat? Map(SKEncodedImageFormat format) => format switch
    {
        SKEncodedImageFormat.Jpeg => ImageFormat.Jpeg,
        SKEncodedImageFormat.Png => ImageFormat.Png,
        SKEncodedImageFormat.Gif => ImageFormat.Gif,
        SKEncodedImageFormat.Webp => ImageFormat.Webp,
        _ => null,
    };
}
