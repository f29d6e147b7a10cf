using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;
using Q11Portal.Core.Media;
using Q11Portal.Testing;
using SkiaSharp;

namespace Q11Portal.Core.Tests.Media;

public sealed class MediaServiceTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static MediaService Service(TestDatabase database, PortalDbContext db, MediaOptions? options = null) =>
        new(db, new ImageProcessor(), new PortalPaths(database.DataDirectory), Options.Create(options ?? new MediaOptions()),
            new AuditLog(db, TimeProvider.System, NullLogger<AuditLog>.Instance), TimeProvider.System, NullLogger<MediaService>.Instance);

    private static Task<Result<MediaSummary>> Upload(MediaService service, byte[] bytes, string name, string alt = "Ảnh minh họa") =>
        service.UploadImageAsync(new MemoryStream(bytes), bytes.Length, name, alt, "Chú thích", "editor@q11.test", Ct);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task UploadImage_LargeJpeg_StoresThreeJpegRenditionsAndARow(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var service = Service(database, db);

        var result = await Upload(service, TestFiles.Image(3000, 1500), "Lễ kỷ niệm.jpg");

        Assert.True(result.Succeeded, result.Message);
        var media = result.Value!;
        Assert.Equal("480,800,1200", media.Widths);
        Assert.Equal((1200, 600), (media.Width, media.Height));
        foreach (var width in new[] { 480, 800, 1200 })
        {
            var path = service.RenditionPath(media.StoredName, width);
            using var codec = SKCodec.Create(path);
            Assert.Equal(SKEncodedImageFormat.Jpeg, codec.EncodedFormat);
            Assert.Equal(width, codec.Info.Width);
            Assert.Equal(width / 2, codec.Info.Height);
        }

        Assert.Contains("/media/" + media.StoredName + "-800.jpg 800w", media.SrcSet);
        Assert.DoesNotContain("Lễ", media.StoredName);
        var row = await db.MediaFiles.AsNoTracking().SingleAsync(Ct);
        Assert.Equal("Ảnh minh họa", row.AltText);
        Assert.Equal("Chú thích", row.Caption);
        Assert.Equal("Lễ kỷ niệm.jpg", row.OriginalFileName);
        Assert.Contains(await db.AuditEntries.ToListAsync(Ct), e => e.Action == "media.upload" && e.EntityId == row.Id.ToString());
    }

    [Theory]
    [InlineData("png")]
    [InlineData("webp")]
    [InlineData("gif")]
    [InlineData("png-transparent")]
    public async Task UploadImage_EachAcceptedFormat_BecomesJpeg(string kind)
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        var service = Service(database, db);
        var bytes = kind switch
        {
            "png" => TestFiles.Image(640, 480, SKEncodedImageFormat.Png),
            "png-transparent" => TestFiles.Image(300, 200, SKEncodedImageFormat.Png, transparent: true),
            "webp" => TestFiles.Image(900, 600, SKEncodedImageFormat.Webp),
            _ => TestFiles.Gif(),
        };

        // The name says nothing true: the content decides.
        var result = await Upload(service, bytes, "anh-khong-duoi");

        Assert.True(result.Succeeded, result.Message);
        var widest = MediaPaths.ParseWidths(result.Value!.Widths).Max();
        using var codec = SKCodec.Create(service.RenditionPath(result.Value.StoredName, widest));
        Assert.Equal(SKEncodedImageFormat.Jpeg, codec.EncodedFormat);
        if (kind == "png-transparent")
        {
            // Transparency is flattened on white, not black.
            using var bitmap = SKBitmap.Decode(service.RenditionPath(result.Value.StoredName, widest));
            var corner = bitmap.GetPixel(bitmap.Width - 1, 0);
            Assert.True(corner.Red > 200 || corner.Green > 150, $"expected a light pixel, got {corner}");
        }
    }

    [Fact]
    public async Task UploadImage_JpegWithExifGps_ComesOutWithoutExifAndUpright()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        var service = Service(database, db);
        // Stored landscape 600×300 with orientation 6: the camera was held upright, so readers must see 300×600.
        var original = TestFiles.JpegWithExif(600, 300, orientation: 6);
        Assert.Contains(TestFiles.GpsMarker, Encoding.ASCII.GetString(original));
        using (var check = SKCodec.Create(new MemoryStream(original)))
        {
            Assert.Equal(SKEncodedOrigin.RightTop, check.EncodedOrigin);
        }

        var result = await Upload(service, original, "IMG_0001.JPG");

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal((300, 600), (result.Value!.Width, result.Value.Height));
        foreach (var width in MediaPaths.ParseWidths(result.Value.Widths))
        {
            var bytes = await File.ReadAllBytesAsync(service.RenditionPath(result.Value.StoredName, width), Ct);
            var text = Encoding.ASCII.GetString(bytes);
            Assert.DoesNotContain("Exif", text);
            Assert.DoesNotContain(TestFiles.GpsMarker, text);
            Assert.DoesNotContain("Q11TestCam", text);
            using var codec = SKCodec.Create(new MemoryStream(bytes));
            Assert.Equal(SKEncodedOrigin.TopLeft, codec.EncodedOrigin);
        }

        // The red square drawn in the stored top-left corner is, once rotated 90° clockwise, at the top right.
        using var upright = SKBitmap.Decode(service.RenditionPath(result.Value.StoredName, 300));
        var topRight = upright.GetPixel(upright.Width - 10, 10);
        var topLeft = upright.GetPixel(10, 10);
        Assert.True(topRight.Red > 200 && topRight.Green < 80, $"top-right should be red, was {topRight}");
        Assert.False(topLeft.Red > 200 && topLeft.Green < 80, $"top-left should not be red, was {topLeft}");
    }

    [Fact]
    public async Task UploadImage_DecompressionBombHeader_IsRefusedWithoutDecoding()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        var service = Service(database, db);
        var bomb = TestFiles.PngBomb(50_000, 50_000);
        Assert.True(bomb.Length < 2000);

        var result = await Upload(service, bomb, "anh.png");

        Assert.False(result.Succeeded);
        Assert.Contains("50.000×50.000", result.Message);
        Assert.Contains("vượt giới hạn", result.Message);
        Assert.Empty(await db.MediaFiles.ToListAsync(Ct));
        Assert.False(Directory.Exists(new PortalPaths(database.DataDirectory).UploadsDirectory)
            && Directory.EnumerateFiles(new PortalPaths(database.DataDirectory).UploadsDirectory, "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task UploadImage_LongThinStrip_IsRefusedBySideLimit()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        var service = Service(database, db);

        var result = await Upload(service, TestFiles.PngBomb(60_000, 10), "dai.png");

        Assert.False(result.Succeeded);
        Assert.Contains("cạnh dài nhất", result.Message);
    }

    [Theory]
    [InlineData("exe", "anh-dep.jpg")]
    [InlineData("html", "bai-viet.png")]
    [InlineData("pdf", "scan.gif")]
    [InlineData("text", "photo.webp")]
    public async Task UploadImage_FileLyingAboutItsType_IsRefused(string kind, string name)
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        var service = Service(database, db);
        var bytes = kind switch
        {
            "exe" => TestFiles.Executable(),
            "html" => TestFiles.Html(),
            "pdf" => TestFiles.Pdf(),
            _ => "Xin chào, đây không phải là ảnh"u8.ToArray(),
        };

        var result = await Upload(service, bytes, name);

        Assert.False(result.Succeeded);
        Assert.Contains($"“{name}”", result.Message);
        Assert.Contains("không phải là ảnh JPEG, PNG, WebP hoặc GIF", result.Message);
        Assert.Empty(await db.MediaFiles.ToListAsync(Ct));
    }

    [Fact]
    public async Task UploadImage_GifSignatureFollowedByText_IsRefused()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        var service = Service(database, db);

        var result = await Upload(service, "GIF89a<script>alert(1)</script> and more text"u8.ToArray(), "x.gif");

        Assert.False(result.Succeeded);
        Assert.Empty(await db.MediaFiles.ToListAsync(Ct));
    }

    [Fact]
    public async Task UploadImage_TruncatedJpeg_IsRefusedAsDamaged()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        var service = Service(database, db);
        var whole = TestFiles.Image(800, 600);

        var result = await Upload(service, whole[..(whole.Length / 3)], "hong.jpg");

        Assert.False(result.Succeeded);
        Assert.Contains("bị hỏng", result.Message);
    }

    [Fact]
    public async Task UploadImage_OverSizeLimit_IsRefusedBeforeReading()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        var service = Service(database, db, new MediaOptions { MaxImageBytes = 10 * 1024 });
        var bytes = TestFiles.Image(1200, 900);
        Assert.True(bytes.Length > 10 * 1024);

        var declared = await service.UploadImageAsync(new MemoryStream(bytes), bytes.Length, "to.jpg", "Ảnh", null, null, Ct);
        var streamed = await service.UploadImageAsync(new NonSeekableStream(bytes), null, "to.jpg", "Ảnh", null, null, Ct);

        Assert.Contains("quá lớn", declared.Message);
        Assert.Contains("tối đa là 10 KB", declared.Message);
        Assert.Contains("quá lớn", streamed.Message);
    }

    [Fact]
    public async Task UploadImage_WithoutAltText_IsRefused()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        var service = Service(database, db);

        var result = await Upload(service, TestFiles.Image(100, 100), "a.jpg", alt: "   ");

        Assert.False(result.Succeeded);
        Assert.Contains("mô tả ảnh", result.Message);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Search_ByWordsWithoutDiacritics_FindsNameAltAndCaption(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var service = Service(database, db);
        var small = TestFiles.Image(200, 100);
        await service.UploadImageAsync(new MemoryStream(small), null, "dai-hoi-dang-bo.jpg", "Đại hội Đảng bộ Quận 11", null, null, Ct);
        await service.UploadImageAsync(new MemoryStream(small), null, "IMG_2.jpg", "Hội thao", "Lễ khai mạc hội thao phường 5", null, Ct);
        await service.UploadImageAsync(new MemoryStream(small), null, "IMG_3.jpg", "Tiêm chủng", "Trạm y tế", null, Ct);

        var byAlt = await service.SearchAsync("dai hoi", 1, 10, Ct);
        var byCaption = await service.SearchAsync("Khai Mạc", 1, 10, Ct);
        var all = await service.SearchAsync(null, 1, 2, Ct);
        var second = await service.SearchAsync("", 2, 2, Ct);

        Assert.Equal(["Đại hội Đảng bộ Quận 11"], byAlt.Items.Select(i => i.AltText));
        Assert.Equal(["Hội thao"], byCaption.Items.Select(i => i.AltText));
        Assert.Equal(3, all.Total);
        Assert.Equal(2, all.PageCount);
        Assert.Equal(["Tiêm chủng", "Hội thao"], all.Items.Select(i => i.AltText));
        Assert.Equal(["Đại hội Đảng bộ Quận 11"], second.Items.Select(i => i.AltText));
    }

    [Fact]
    public async Task Delete_ImageUsedAsLeadImage_IsRefused_UnusedImageIsRemovedWithFiles()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        var service = Service(database, db);
        var used = (await Upload(service, TestFiles.Image(500, 300), "a.jpg")).Value!;
        var unused = (await Upload(service, TestFiles.Image(500, 300), "b.jpg")).Value!;
        var category = new Q11Portal.Core.Categories.Category { Name = "Tin", Slug = "tin" };
        db.Articles.Add(new Q11Portal.Core.Articles.Article { Title = "Bài có ảnh", Slug = "bai-co-anh", Category = category, LeadImageId = used.Id });
        await db.SaveChangesAsync(Ct);

        var refused = await service.DeleteAsync(used.Id, "editor", Ct);
        var deleted = await service.DeleteAsync(unused.Id, "editor", Ct);

        Assert.Equal(Outcome.Conflict, refused.Outcome);
        Assert.Contains("Bài có ảnh", refused.Message);
        Assert.True(deleted.Succeeded);
        Assert.True(File.Exists(service.RenditionPath(used.StoredName, 480)));
        Assert.False(File.Exists(service.RenditionPath(unused.StoredName, 480)));
    }

    [Theory]
    [InlineData(3000, new[] { 480, 800, 1200 })]
    [InlineData(1000, new[] { 480, 800, 1000 })]
    [InlineData(480, new[] { 480 })]
    [InlineData(300, new[] { 300 })]
    public void RenditionWidths_NeverWiderThanThePhoto(int width, int[] expected) =>
        Assert.Equal(expected, ImageProcessor.RenditionWidths(width, MediaPaths.StandardWidths));

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
    }
}
