using SkiaSharp;
using Q11Portal.Core.Media;

namespace Q11Portal.Core.Demo;

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

    /// <summary>Background palettes (top colour, bottom colour, accent) per theme.</summary>
    private static readonly (SKColor Top, SKColor Bottom, SKColor Accent)[] Palettes =
    [
        (new SKColor(0xC8, 0x10, 0x2E), new SKColor(0x6E, 0x07, 0x0A), new SKColor(0xFF, 0xD5, 0x4A)), // party red / gold
        (new SKColor(0x1E, 0x5A, 0x9C), new SKColor(0x0B, 0x2A, 0x4F), new SKColor(0xFF, 0xD5, 0x4A)), // government blue
        (new SKColor(0x1B, 0x8A, 0x6B), new SKColor(0x0A, 0x3F, 0x33), new SKColor(0xFF, 0xFF, 0xFF)), // health green
        (new SKColor(0xE0, 0x7A, 0x1F), new SKColor(0x8A, 0x2F, 0x0B), new SKColor(0xFF, 0xF1, 0xC1)), // culture orange
        (new SKColor(0x4B, 0x5D, 0x23), new SKColor(0x22, 0x2B, 0x0E), new SKColor(0xFF, 0xD5, 0x4A)), // defence olive
        (new SKColor(0x2C, 0x7C, 0xB0), new SKColor(0x5B, 0x3A, 0x8C), new SKColor(0xFF, 0xE0, 0x8A)), // city dusk
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
        var palette = Palettes[Math.Abs(theme) % Palettes.Length];
        // The backdrop (gradient, skyline, flag) is drawn once per theme and variant; each picture adds its own text.
        var backdrop = backdrops.GetOrAdd((Math.Abs(theme) % Palettes.Length, seed % BackdropVariants, picture), key => new Lazy<SKImage>(() => DrawBackdrop(palette, key.Variant, key.Picture))).Value;
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

    private static SKImage DrawBackdrop((SKColor Top, SKColor Bottom, SKColor Accent) palette, int variant, DemoPicture picture)
    {
        using var surface = SKSurface.Create(new SKImageInfo(SourceWidth, SourceHeight, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        var random = new Random(7919 * (variant + 1));
        DrawBackground(canvas, palette, random);
        if (picture != DemoPicture.Banner)
        {
            DrawScene(canvas, palette, random);
        }

        if (picture == DemoPicture.Video)
        {
            DrawPlayButton(canvas);
        }

        return surface.Snapshot();
    }

    private static void DrawBackground(SKCanvas canvas, (SKColor Top, SKColor Bottom, SKColor Accent) palette, Random random)
    {
        using var shader = SKShader.CreateLinearGradient(
            new SKPoint(0, 0), new SKPoint(SourceWidth * (float)random.NextDouble(), SourceHeight),
            [palette.Top, palette.Bottom], SKShaderTileMode.Clamp);
        using var paint = new SKPaint { Shader = shader, IsAntialias = true };
        canvas.DrawRect(0, 0, SourceWidth, SourceHeight, paint);

        // Soft light discs.
        using var glow = new SKPaint { IsAntialias = true, Color = palette.Accent.WithAlpha(28) };
        for (var i = 0; i < 6; i++)
        {
            canvas.DrawCircle(random.Next(SourceWidth), random.Next(SourceHeight / 2), 60 + random.Next(160), glow);
        }
    }

    private static void DrawScene(SKCanvas canvas, (SKColor Top, SKColor Bottom, SKColor Accent) palette, Random random)
    {
        // A skyline of district buildings.
        var baseline = SourceHeight - 170f;
        using var building = new SKPaint { IsAntialias = true, Color = new SKColor(0, 0, 0, 70) };
        using var window = new SKPaint { IsAntialias = true, Color = palette.Accent.WithAlpha(120) };
        var x = -20f;
        while (x < SourceWidth)
        {
            var w = 60 + random.Next(90);
            var h = 80 + random.Next(260);
            canvas.DrawRect(x, baseline - h, w, h, building);
            for (var wy = baseline - h + 14; wy < baseline - 20; wy += 28)
            {
                for (var wx = x + 10; wx < x + w - 14; wx += 22)
                {
                    if (random.Next(3) > 0)
                    {
                        canvas.DrawRect(wx, wy, 9, 13, window);
                    }
                }
            }

            x += w + 6;
        }

        // A flag on a pole: the portal's red and gold.
        var poleX = 140f + random.Next(SourceWidth - 280);
        using var pole = new SKPaint { IsAntialias = true, Color = new SKColor(240, 240, 240, 230), StrokeWidth = 6, Style = SKPaintStyle.Stroke };
        canvas.DrawLine(poleX, baseline, poleX, 90, pole);
        using var flag = new SKPaint { IsAntialias = true, Color = new SKColor(0xDA, 0x25, 0x1D) };
        canvas.DrawRect(poleX, 92, 150, 100, flag);
        using var star = new SKPaint { IsAntialias = true, Color = new SKColor(0xFF, 0xDE, 0x00) };
        canvas.DrawPath(StarPath(poleX + 75, 142, 34), star);

        // The ground.
        using var ground = new SKPaint { IsAntialias = true, Color = new SKColor(0, 0, 0, 60) };
        canvas.DrawRect(0, baseline, SourceWidth, SourceHeight - baseline, ground);
    }

    private static void DrawPlayButton(SKCanvas canvas)
    {
        using var circle = new SKPaint { IsAntialias = true, Color = new SKColor(0, 0, 0, 140) };
        canvas.DrawCircle(SourceWidth / 2f, SourceHeight / 2f - 60, 90, circle);
        using var triangle = new SKPaint { IsAntialias = true, Color = SKColors.White };
        using var path = new SKPath();
        path.MoveTo(SourceWidth / 2f - 30, SourceHeight / 2f - 110);
        path.LineTo(SourceWidth / 2f + 50, SourceHeight / 2f - 60);
        path.LineTo(SourceWidth / 2f - 30, SourceHeight / 2f - 10);
        path.Close();
        canvas.DrawPath(path, triangle);
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
        canvas.DrawPath(StarPath(170, SourceHeight / 2f, 110), star);
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

    private static SKPath StarPath(float cx, float cy, float radius)
    {
        var path = new SKPath();
        for (var i = 0; i < 10; i++)
        {
            var r = i % 2 == 0 ? radius : radius * 0.4f;
            var angle = (Math.PI / 5 * i) - (Math.PI / 2);
            var point = new SKPoint(cx + (float)(r * Math.Cos(angle)), cy + (float)(r * Math.Sin(angle)));
            if (i == 0)
            {
                path.MoveTo(point);
            }
            else
            {
                path.LineTo(point);
            }
        }

        path.Close();
        return path;
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
