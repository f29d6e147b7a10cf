using SkiaSharp;
using Q11Portal.Core.Media;

namespace Q11Portal.Demo;

/// <summary>Draws the demo content's illustrations (gradients, shapes and a title band with Vietnamese text) and
/// writes them as JPEG renditions under the uploads directory, the same layout real uploads use (<see cref="MediaPaths"/>).
/// Drawing is seeded, so the same call always gives the same picture.</summary>
public sealed class DemoImages : IDisposable
{
    public const int SourceWidth = 1200;
    public const int SourceHeight = 675;

    private static readonly string[] FontFiles =
    [
        "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
        "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    ];

    private static readonly string[] RegularFontFiles =
    [
        "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    ];

    private const int BackdropVariants = 3;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(int Theme, int Variant, DemoPicture Picture), Lazy<SKImage>> backdrops = new();
    private readonly string uploadsDirectory;
    private readonly SKTypeface bold;
    private readonly SKTypeface regular;

    public DemoImages(string uploadsDirectory)
    {
        this.uploadsDirectory = uploadsDirectory;
        bold = LoadTypeface(FontFiles);
        regular = LoadTypeface(RegularFontFiles);
    }

    /// <summary>Draws one illustration and writes its renditions. Returns an unsaved <see cref="MediaFile"/>.</summary>
    /// <param name="storedName">Relative storage name without extension, e.g. "demo/01-hoi-nghi".</param>
    /// <param name="theme">Index into the palettes (a category's colour).</param>
    public MediaFile Create(string storedName, string title, string label, int theme, int seed, DateTime nowUtc, DemoPicture picture = DemoPicture.Scene)
    {
        using var surface = SKSurface.Create(new SKImageInfo(SourceWidth, SourceHeight, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        var palette = DemoBackdrops.Palettes[Math.Abs(theme) % DemoBackdrops.Palettes.Length];
        // The backdrop (gradient, skyline, flag) is drawn once per theme and variant; each picture adds its own text.
        var backdrop = backdrops.GetOrAdd((Math.Abs(theme) % DemoBackdrops.Palettes.Length, seed % BackdropVariants, picture), key => new Lazy<SKImage>(() => DemoBackdrops.Draw(palette, key.Variant, key.Picture))).Value;
        canvas.DrawImage(backdrop, 0, 0);
        if (picture == DemoPicture.Banner)
        {
            DrawBannerText(canvas, title, label, palette);
        }
        else
        {
            DrawTitleBand(canvas, title, label, palette);
        }

        using var image = surface.Snapshot();
        using var full = SKBitmap.FromImage(image);
        var renditions = new Dictionary<int, SKBitmap> { [SourceWidth] = full };
        long size = 0;
        try
        {
            // Largest first: each smaller rendition is scaled from the previous one, which keeps linear filtering sharp and cheap.
            var previous = full;
            foreach (var width in MediaPaths.StandardWidths.OrderDescending())
            {
                var height = (int)Math.Round(SourceHeight * (width / (double)SourceWidth));
                var bitmap = width == SourceWidth ? full : Resize(previous, width, height);
                renditions[width] = bitmap;
                previous = bitmap;
                var path = Path.Combine(uploadsDirectory, MediaPaths.RenditionFile(storedName, width));
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 82);
                using (var file = File.Create(path))
                {
                    data.SaveTo(file);
                }

                size += data.Size;
            }
        }
        finally
        {
            foreach (var bitmap in renditions.Values.Where(b => !ReferenceEquals(b, full)))
            {
                bitmap.Dispose();
            }
        }

        return new MediaFile
        {
            StoredName = storedName,
            OriginalFileName = Path.GetFileName(storedName) + ".jpg",
            ContentType = "image/jpeg",
            Width = SourceWidth,
            Height = SourceHeight,
            SizeBytes = size,
            Widths = string.Join(',', MediaPaths.StandardWidths),
            AltText = title,
            UploadedAtUtc = nowUtc,
            UploadedBy = "demo",
            SearchText = MediaService.SearchTextOf(storedName, title, null),
        };
    }

    public void Dispose()
    {
        foreach (var backdrop in backdrops.Values.Where(b => b.IsValueCreated))
        {
            backdrop.Value.Dispose();
        }

        // The default typeface is shared by the whole process; only fonts loaded from files are ours to dispose.
        if (!ReferenceEquals(bold, SKTypeface.Default))
        {
            bold.Dispose();
        }

        if (!ReferenceEquals(regular, SKTypeface.Default))
        {
            regular.Dispose();
        }
    }

    private static SKBitmap Resize(SKBitmap source, int width, int height)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        source.ScalePixels(bitmap, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None));
        return bitmap;
    }

    private void DrawTitleBand(SKCanvas canvas, string title, string label, (SKColor Top, SKColor Bottom, SKColor Accent) palette)
    {
        using var titleFont = new SKFont(bold, 46);
        var lines = Wrap(title, titleFont, SourceWidth - 120, maxLines: 2);
        var bandHeight = 70 + (lines.Count * 58);
        var top = SourceHeight - bandHeight;
        using var band = new SKPaint { IsAntialias = true, Color = new SKColor(0, 0, 0, 165) };
        canvas.DrawRect(0, top, SourceWidth, bandHeight, band);
        using var stripe = new SKPaint { IsAntialias = true, Color = palette.Accent };
        canvas.DrawRect(0, top, SourceWidth, 6, stripe);

        using var labelFont = new SKFont(regular, 26);
        using var labelPaint = new SKPaint { IsAntialias = true, Color = palette.Accent };
        canvas.DrawText(label.ToUpperInvariant(), 60, top + 42, SKTextAlign.Left, labelFont, labelPaint);

        using var textPaint = new SKPaint { IsAntialias = true, Color = SKColors.White };
        var y = top + 98f;
        foreach (var line in lines)
        {
            canvas.DrawText(line, 60, y, SKTextAlign.Left, titleFont, textPaint);
            y += 58;
        }
    }

    private void DrawBannerText(SKCanvas canvas, string title, string label, (SKColor Top, SKColor Bottom, SKColor Accent) palette)
    {
        using var star = new SKPaint { IsAntialias = true, Color = palette.Accent };
        canvas.DrawPath(DemoBackdrops.StarPath(170, SourceHeight / 2f, 110), star);
        using var titleFont = new SKFont(bold, 78);
        var lines = Wrap(title, titleFont, SourceWidth - 400, maxLines: 3);
        using var textPaint = new SKPaint { IsAntialias = true, Color = palette.Accent };
        var y = (SourceHeight / 2f) - ((lines.Count - 1) * 46) + 10;
        foreach (var line in lines)
        {
            canvas.DrawText(line, 330, y, SKTextAlign.Left, titleFont, textPaint);
            y += 92;
        }

        using var labelFont = new SKFont(regular, 40);
        using var labelPaint = new SKPaint { IsAntialias = true, Color = SKColors.White };
        canvas.DrawText(label, 330, y + 10, SKTextAlign.Left, labelFont, labelPaint);
    }

    /// <summary>Greedy word wrap; the last line ends with "…" when the text does not fit.</summary>
    private static List<string> Wrap(string text, SKFont font, float maxWidth, int maxLines)
    {
        var lines = new List<string>();
        var current = string.Empty;
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var candidate = current.Length == 0 ? words[i] : current + " " + words[i];
            if (font.MeasureText(candidate) <= maxWidth || current.Length == 0)
            {
                current = candidate;
                continue;
            }

            lines.Add(current);
            current = words[i];
            if (lines.Count == maxLines)
            {
                var last = lines[^1];
                while (last.Contains(' ') && font.MeasureText(last + " …") > maxWidth)
                {
                    last = last[..last.LastIndexOf(' ')];
                }

                lines[^1] = last + " …";
                return lines;
            }
        }

        if (current.Length > 0)
        {
            lines.Add(current);
        }

        return lines;
    }

    private static SKTypeface LoadTypeface(string[] files)
    {
        foreach (var file in files)
        {
            if (File.Exists(file) && SKTypeface.FromFile(file) is { } typeface)
            {
                return typeface;
            }
        }

        return SKTypeface.Default;
    }
}

public enum DemoPicture
{
    Scene,
    Video,
    Banner,
}
