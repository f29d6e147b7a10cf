using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Categories;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;
using Q11Portal.Core.Media;
using Q11Portal.Testing;
using SkiaSharp;

namespace Q11Portal.Core.Tests.Media;

/// <summary>Both upload routes keep only a safe display name, with the extension of the detected type.</summary>
public sealed class UploadDisplayNameTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static MediaService Images(TestDatabase database, PortalDbContext db) => MediaServiceTests.Service(database, db);

    private static AttachmentService Documents(TestDatabase database, PortalDbContext db) => AttachmentServiceTests.Service(database, db);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task UploadImage_HostileName_IsStoredAsASafeNameWithTheDetectedExtension(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var service = Images(database, db);
        var png = TestFiles.Image(600, 400, SKEncodedImageFormat.Png);

        var aspx = await service.UploadImageAsync(new MemoryStream(png), png.Length, "x.aspx", "Ảnh", null, null, Ct);
        var disguised = await service.UploadImageAsync(new MemoryStream(png), png.Length, "C:\\tmp\\anh\u202Egnp.php\0.jpg", "Ảnh", null, null, Ct);
        var device = await service.UploadImageAsync(new MemoryStream(png), png.Length, "CON", "Ảnh\u202E", null, null, Ct);

        Assert.Equal("x.png", aspx.Value!.OriginalFileName);
        Assert.Equal("anhgnp-php.png", disguised.Value!.OriginalFileName);
        Assert.Equal("tep-CON.png", device.Value!.OriginalFileName);
        Assert.Equal(["anhgnp-php.png", "tep-CON.png", "x.png"], (await db.MediaFiles.AsNoTracking().Select(m => m.OriginalFileName).ToListAsync(Ct)).Order());
        Assert.Equal("Ảnh", device.Value.AltText);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task UploadImage_InvisibleAltText_IsRefusedNamingTheField(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var png = TestFiles.Image(600, 400, SKEncodedImageFormat.Png);

        var result = await Images(database, db).UploadImageAsync(new MemoryStream(png), png.Length, "a.png", "\u200B\u0301\u202E", null, null, Ct);

        Assert.Equal(Outcome.Invalid, result.Outcome);
        Assert.StartsWith("Mô tả ảnh phải có chữ hoặc số", result.Message);
        Assert.False(await db.MediaFiles.AnyAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AddAttachment_HostileName_IsStoredAsASafeNameWithTheDetectedExtension(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var service = Documents(database, db);
        var article = new Article { Title = "Văn bản", Slug = "van-ban", Category = new Category { Name = "Tin", Slug = "tin" }, Status = ArticleStatus.Published, PublishedAtUtc = DateTime.UtcNow.AddHours(-1) };
        db.Articles.Add(article);
        await db.SaveChangesAsync(Ct);

        var php = await service.AddAsync(article.Id, new MemoryStream(TestFiles.Pdf()), null, "bao-cao.php.pdf", null, null, Ct);
        var device = await service.AddAsync(article.Id, new MemoryStream(TestFiles.Pdf()), null, "LPT1", null, null, Ct);
        var bidi = await service.AddAsync(article.Id, new MemoryStream(TestFiles.Pdf()), null, "../to-trinh\u202Efdp.exe\u202C.pdf", null, null, Ct);
        var foreign = await service.AddAsync(article.Id, new MemoryStream(TestFiles.Pdf()), null, "x.aspx", null, null, Ct);

        Assert.Equal("bao-cao-php.pdf", php.Value!.FileName);
        Assert.Equal("tep-LPT1.pdf", device.Value!.FileName);
        Assert.Equal("to-trinhfdp-exe.pdf", bidi.Value!.FileName);
        Assert.Equal(Outcome.Invalid, foreign.Outcome);
        Assert.Equal(3, await db.Attachments.CountAsync(Ct));
        Assert.DoesNotContain(await db.Attachments.Select(a => a.FileName).ToListAsync(Ct), n => n.Contains(".php") || n.Contains('\u202E') || n == "LPT1.pdf");
    }
}
