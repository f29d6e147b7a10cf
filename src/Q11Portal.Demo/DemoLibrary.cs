using Q11Portal.Core.Data;
using Q11Portal.Core.Documents;
using SkiaSharp;

namespace Q11Portal.Demo;

/// <summary>The demo's documents library: the documents the demo articles and the Directive 05 reviews cite, each with
/// a one-page PDF of our own (title, symbol, issuer and date; no text of the real document).</summary>
internal static class DemoLibrary
{
    private static readonly (string Kind, string Symbol, string Excerpt, string Issuer, DateOnly IssuedOn, string? Signer, string? ReplacedBy)[] Documents =
    [
        ("ct", "03-CT/TW", "Về tiếp tục đẩy mạnh việc học tập và làm theo tấm gương đạo đức Hồ Chí Minh", "Bộ Chính trị",
            new DateOnly(2011, 5, 14), "T/M Bộ Chính trị", "05-CT/TW"),
        ("ct", "05-CT/TW", "Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "Bộ Chính trị",
            new DateOnly(2016, 5, 15), "T/M Bộ Chính trị, Tổng Bí thư", null),
        ("kl", "01-KL/TW", "Về tiếp tục thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
            "Bộ Chính trị", new DateOnly(2021, 5, 18), "T/M Bộ Chính trị, Tổng Bí thư", null),
        ("qd", "500-QĐ/QU", "Ban hành Tiêu chí làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về “Gương mẫu, cầu thị, trách nhiệm, nói đi đôi với làm”",
            "Ban Thường vụ Quận ủy", new DateOnly(2016, 5, 18), "T/M Ban Thường vụ, Bí thư", null),
        ("qdi", "144-QĐ/TW", "Về chuẩn mực đạo đức cách mạng của cán bộ, đảng viên trong giai đoạn mới", "Bộ Chính trị",
            new DateOnly(2024, 5, 9), "T/M Bộ Chính trị", null),
        ("nq", "57-NQ/TW", "Về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia", "Bộ Chính trị",
            new DateOnly(2024, 12, 22), "T/M Bộ Chính trị, Tổng Bí thư", null),
        ("kh", "45-KH/QU", "Thực hiện chuyên đề học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2024 trong Đảng bộ Quận 11",
            "Ban Thường vụ Quận ủy Quận 11", new DateOnly(2024, 1, 10), "T/M Ban Thường vụ, Phó Bí thư Thường trực", null),
    ];

    /// <summary>Adds the documents and writes their files; the caller saves.</summary>
    public static void Add(PortalDbContext db, PortalPaths paths, DateTime nowUtc)
    {
        var added = new Dictionary<string, LibraryDocument>(StringComparer.Ordinal);
        // Replacements are named by a later document, so the documents go in first and the links after.
        foreach (var d in Documents)
        {
            var clean = DocumentRules.Check(new DocumentDraft(d.Kind, d.Symbol, d.Excerpt, d.Issuer, d.IssuedOn, d.Signer, DocumentValidity.InForce, null)).Value
                ?? throw new InvalidOperationException("Demo document " + d.Symbol + " breaks the document rules.");
            var document = new LibraryDocument
            {
                Kind = clean.Kind.Code,
                Symbol = clean.Symbol,
                ReferenceKey = clean.Reference.Key,
                KindNumberKey = clean.Reference.KindNumberKey,
                Slug = DocumentRules.SlugOf(clean.Kind, clean.Symbol),
                Excerpt = clean.Excerpt,
                Issuer = clean.Issuer,
                IssuedOn = clean.IssuedOn,
                Signer = clean.Signer,
                Validity = DocumentValidity.InForce,
                CreatedAtUtc = nowUtc,
                UpdatedAtUtc = nowUtc,
            };
            var storedName = "library/demo/" + document.Slug;
            var path = Path.Combine(paths.DocumentsDirectory, storedName.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            WritePdf(path, DocumentRules.Title(clean.Kind.Code, clean.Symbol), clean);
            document.Files.Add(new LibraryDocumentFile
            {
                StoredName = storedName,
                FileName = document.Slug + ".pdf",
                ContentType = "application/pdf",
                SizeBytes = new FileInfo(path).Length,
                UploadedAtUtc = nowUtc,
                UploadedBy = "demo",
            });
            db.Set<LibraryDocument>().Add(document);
            added[d.Symbol] = document;
        }

        foreach (var d in Documents.Where(d => d.ReplacedBy is not null))
        {
            added[d.Symbol].Validity = DocumentValidity.Replaced;
            added[d.Symbol].ReplacedBy = added[d.ReplacedBy!];
        }
    }

    private static void WritePdf(string path, string title, CleanDocument d)
    {
        using var stream = new SKFileWStream(path);
        using var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata { Title = title, Author = d.Issuer, Creator = "Q11Portal" });
        const float width = 595, margin = 56;
        using var typeface = File.Exists("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf")
            ? SKTypeface.FromFile("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf")
            : null;
        using var titleFont = new SKFont(typeface ?? SKTypeface.Default, 16) { Embolden = true };
        using var bodyFont = new SKFont(typeface ?? SKTypeface.Default, 11);
        using var paint = new SKPaint { IsAntialias = true, Color = SKColors.Black };
        var canvas = document.BeginPage(width, 842);
        var y = margin + 10;
        void Line(string text, SKFont font, float gap)
        {
            canvas.DrawText(text, margin, y, SKTextAlign.Left, font, paint);
            y += gap;
        }

        Line(d.Issuer.ToUpperInvariant(), bodyFont, 18);
        Line("Số " + d.Symbol + " · ngày " + d.IssuedOn.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), bodyFont, 34);
        Line(title.ToUpperInvariant(), titleFont, 24);
        var current = string.Empty;
        foreach (var word in d.Excerpt.Split(' '))
        {
            if (bodyFont.MeasureText(current + " " + word) > width - (2 * margin) && current.Length > 0)
            {
                Line(current, bodyFont, 16);
                current = word;
            }
            else
            {
                current = current.Length == 0 ? word : current + " " + word;
            }
        }

        Line(current, bodyFont, 34);
        Line("Bản trình bày mẫu của cổng thông tin (dữ liệu minh họa), không phải văn bản gốc.", bodyFont, 16);
        document.EndPage();
        document.Close();
    }
}
