using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Q11Portal.Core.Data;
using Q11Portal.Core.Media;
using Q11Portal.Testing;
using SkiaSharp;

namespace Q11Portal.Core.Tests.Media;

public sealed class WebpRenditionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UploadImage_Photo_WritesAWebpBesideEveryJpegAndDeleteRemovesThem()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        var service = MediaServiceTests.Service(database, db);
        var bytes = TestFiles.Image(1000, 500);

        var media = (await service.UploadImageAsync(new MemoryStream(bytes), bytes.Length, "anh.jpg", "Ảnh", null, "editor", Ct)).Value!;

        foreach (var width in new[] { 480, 800, 1000 })
        {
            using var codec = SKCodec.Create(service.WebpPath(media.StoredName, width));
            Assert.Equal(SKEncodedImageFormat.Webp, codec.EncodedFormat);
            Assert.Equal((width, width / 2), (codec.Info.Width, codec.Info.Height));
        }

        Assert.True((await service.DeleteAsync(media.Id, "editor", Ct)).Succeeded);
        Assert.False(File.Exists(service.WebpPath(media.StoredName, 480)));
    }

    [Fact]
    public async Task EnsureAsync_MissingWebpOfAJpegOnDisk_IsMadeOnceFromTheNearestWiderJpeg()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        var paths = new PortalPaths(database.DataDirectory);
        var jpeg = Path.Combine(paths.UploadsDirectory, "demo", "anh-480.jpg");
        Directory.CreateDirectory(Path.GetDirectoryName(jpeg)!);
        await File.WriteAllBytesAsync(jpeg, TestFiles.Image(480, 270), Ct);
        var renditions = Renditions(paths);

        var made = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => renditions.EnsureAsync("demo/anh-240.webp", Ct)));
        var same = await renditions.EnsureAsync("demo/anh-480.webp", Ct);

        Assert.All(made, Assert.True);
        Assert.True(same);
        using var codec = SKCodec.Create(Path.Combine(paths.UploadsDirectory, "demo", "anh-240.webp"));
        Assert.Equal(SKEncodedImageFormat.Webp, codec.EncodedFormat);
        Assert.Equal(240, codec.Info.Width);
        Assert.Empty(Directory.EnumerateFiles(Path.GetDirectoryName(jpeg)!, "*.tmp-*"));
    }

    [Theory]
    [InlineData("demo/anh-333.webp")]          // a width no page asks for
    [InlineData("demo/anh-800.webp")]          // wider than any JPEG of the picture
    [InlineData("demo/khac-240.webp")]         // no JPEG at all
    [InlineData("../demo/anh-240.webp")]       // outside the uploads directory
    [InlineData("demo/anh-240.webp.jpg")]
    public async Task EnsureAsync_NotARenditionThePortalMakes_WritesNothing(string relativePath)
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        var paths = new PortalPaths(database.DataDirectory);
        var directory = Path.Combine(paths.UploadsDirectory, "demo");
        Directory.CreateDirectory(directory);
        await File.WriteAllBytesAsync(Path.Combine(directory, "anh-480.jpg"), TestFiles.Image(480, 270), Ct);

        var made = await Renditions(paths).EnsureAsync(relativePath, Ct);

        Assert.False(made);
        Assert.Single(Directory.EnumerateFiles(paths.UploadsDirectory, "*", SearchOption.AllDirectories));
    }

    private static WebpRenditions Renditions(PortalPaths paths) =>
        new(paths, new ImageProcessor(), Options.Create(new MediaOptions()), NullLogger<WebpRenditions>.Instance);
}
