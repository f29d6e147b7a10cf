using SkiaSharp;

namespace Q11Portal.Demo;

/// <summary>The part of a demo illustration that does not depend on its text: a gradient with soft light, a skyline
/// with a flag for scenes, a play button for video stills. Seeded by variant, so the same call gives the same picture.</summary>
internal static class DemoBackdrops
{
    private const int SourceWidth = DemoImages.SourceWidth;
    private const int SourceHeight = DemoImages.SourceHeight;

    /// <summary>Background palettes (top colour, bottom colour, accent) per theme.</summary>
    public static readonly (SKColor Top, SKColor Bottom, SKColor Accent)[] Palettes =
    [
        (new SKColor(0xC8, 0x10, 0x2E), new SKColor(0x6E, 0x07, 0x0A), new SKColor(0xFF, 0xD5, 0x4A)), // party red / gold
        (new SKColor(0x1E, 0x5A, 0x9C), new SKColor(0x0B, 0x2A, 0x4F), new SKColor(0xFF, 0xD5, 0x4A)), // government blue
        (new SKColor(0x1B, 0x8A, 0x6B), new SKColor(0x0A, 0x3F, 0x33), new SKColor(0xFF, 0xFF, 0xFF)), // health green
        (new SKColor(0xE0, 0x7A, 0x1F), new SKColor(0x8A, 0x2F, 0x0B), new SKColor(0xFF, 0xF1, 0xC1)), // culture orange
        (new SKColor(0x4B, 0x5D, 0x23), new SKColor(0x22, 0x2B, 0x0E), new SKColor(0xFF, 0xD5, 0x4A)), // defence olive
        (new SKColor(0x2C, 0x7C, 0xB0), new SKColor(0x5B, 0x3A, 0x8C), new SKColor(0xFF, 0xE0, 0x8A)), // city dusk
    ];

    public static SKImage Draw((SKColor Top, SKColor Bottom, SKColor Accent) palette, int variant, DemoPicture picture)
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

    public static SKPath StarPath(float cx, float cy, float radius)
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
}
