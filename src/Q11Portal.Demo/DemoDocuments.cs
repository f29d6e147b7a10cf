using SkiaSharp;

namespace Q11Portal.Demo;

/// <summary>Small PDF documents for the demo's "Văn bản đính kèm", drawn with SkiaSharp's PDF backend.</summary>
internal static class DemoDocuments
{
    public static void WriteReportPdf(string path, DemoArticleText text)
    {
        using var stream = new SKFileWStream(path);
        using var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata
        {
            Title = text.Title,
            Author = text.Report?.Unit ?? "Quận ủy Quận 11",
            Creator = "Q11Portal",
        });
        const float width = 595, height = 842, margin = 56;
        using var typeface = File.Exists("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf")
            ? SKTypeface.FromFile("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf")
            : null;
        using var titleFont = new SKFont(typeface ?? SKTypeface.Default, 15) { Embolden = true };
        using var bodyFont = new SKFont(typeface ?? SKTypeface.Default, 11);
        using var paint = new SKPaint { IsAntialias = true, Color = SKColors.Black };

        var canvas = document.BeginPage(width, height);
        var y = margin;
        void Line(string line, SKFont font, float gap)
        {
            if (y > height - margin)
            {
                document.EndPage();
                canvas = document.BeginPage(width, height);
                y = margin;
            }

            canvas.DrawText(line, margin, y, SKTextAlign.Left, font, paint);
            y += gap;
        }

        void Paragraph(string paragraph, SKFont font, float gap)
        {
            var current = string.Empty;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (font.MeasureText(candidate) > width - (2 * margin) && current.Length > 0)
                {
                    Line(current, font, gap);
                    current = word;
                }
                else
                {
                    current = candidate;
                }
            }

            if (current.Length > 0)
            {
                Line(current, font, gap);
            }

            y += gap / 2;
        }

        Paragraph(text.Report?.Unit.ToUpperInvariant() ?? "QUẬN ỦY QUẬN 11", bodyFont, 16);
        Paragraph("BÁO CÁO", titleFont, 22);
        Paragraph(text.Title, titleFont, 20);
        if (text.Report is { } report)
        {
            Paragraph($"Văn bản được đánh giá: {report.Document}. Kỳ báo cáo: {report.Period}.", bodyFont, 16);
            foreach (var (label, value, unit) in report.Figures)
            {
                Paragraph($"- {label}: {value:0.##}{(unit is null ? "" : " " + unit)}", bodyFont, 16);
            }
        }

        foreach (var paragraph in text.Paragraphs)
        {
            Paragraph(paragraph.TrimStart('#', '>', ' '), bodyFont, 16);
        }

        document.EndPage();
        document.Close();
    }
}
