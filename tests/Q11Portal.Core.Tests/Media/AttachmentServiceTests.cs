using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Categories;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;
using Q11Portal.Core.Media;
using Q11Portal.Testing;

namespace Q11Portal.Core.Tests.Media;

public sealed class AttachmentServiceTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static readonly StaffActor Editor = new("editor-id", "editor", Q11Portal.Core.Users.Roles.Editor);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static AttachmentService Service(TestDatabase database, PortalDbContext db, MediaOptions? options = null) =>
        new(db, new PortalPaths(database.DataDirectory), Options.Create(options ?? new MediaOptions()),
            new ClamAvScanner(Options.Create(options ?? new MediaOptions()), NullLogger<ClamAvScanner>.Instance),
            new AuditLog(db, TimeProvider.System, NullLogger<AuditLog>.Instance), TimeProvider.System, NullLogger<AttachmentService>.Instance);

    private static async Task<Article> ArticleAsync(PortalDbContext db, ArticleStatus status = ArticleStatus.Published)
    {
        var article = new Article
        {
            Title = "Báo cáo sơ kết",
            Slug = "bao-cao-so-ket-" + Guid.NewGuid().ToString("N")[..6],
            Category = new Category { Name = "Tin", Slug = "tin-" + Guid.NewGuid().ToString("N")[..6] },
            Status = status,
            PublishedAtUtc = status == ArticleStatus.Published ? DateTime.UtcNow.AddHours(-1) : null,
        };
        db.Articles.Add(article);
        await db.SaveChangesAsync(Ct);
        return article;
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Add_RealPdf_IsStoredOutsideUploadsAndListed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var service = Service(database, db);
        var article = await ArticleAsync(db);

        var result = await service.AddAsync(article.Id, new MemoryStream(TestFiles.Pdf()), null, "Báo cáo số 12-BC-QU.pdf", "", "editor", Ct);

        Assert.True(result.Succeeded, result.Message);
        var list = await service.ListAsync(article.Id, Ct);
        var item = Assert.Single(list);
        Assert.Equal("Báo cáo số 12-BC-QU", item.Title);
        Assert.Equal("application/pdf", item.ContentType);
        Assert.Equal("PDF", item.Extension);
        var download = await service.OpenAsync(item.Id, null, Ct);
        Assert.NotNull(download);
        Assert.StartsWith(service.DocumentsDirectory, download.PhysicalPath);
        Assert.False(download.PhysicalPath.StartsWith(new PortalPaths(database.DataDirectory).UploadsDirectory, StringComparison.Ordinal));
        Assert.Equal(TestFiles.Pdf(), await File.ReadAllBytesAsync(download.PhysicalPath, Ct));
        Assert.DoesNotContain("Báo", download.PhysicalPath);
    }

    [Theory]
    [InlineData("word", "ke-hoach.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("xl", "so-lieu.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("ppt", "trinh-chieu.pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation")]
    public async Task Add_OfficePackage_IsRecognisedByItsParts(string app, string name, string contentType)
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        var service = Service(database, db);
        var article = await ArticleAsync(db);

        var result = await service.AddAsync(article.Id, new MemoryStream(TestFiles.OfficePackage(app)), null, name, "Kế hoạch", "editor", Ct);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(contentType, result.Value!.ContentType);
    }

    [Theory]
    [InlineData("fake-pdf", "bao-cao.pdf", "không phải là tệp PDF")]
    [InlineData("exe", "van-ban.docx", "không phải là tệp Word")]
    [InlineData("html", "trang.html", "Chỉ nhận văn bản PDF")]
    [InlineData("exe", "setup.exe", "Chỉ nhận văn bản PDF")]
    [InlineData("docx-as-pdf", "bao-cao.pdf", "thực chất là tệp Word (.docx)")]
    [InlineData("macro", "bao-cao.docx", "có macro")]
    [InlineData("zip", "bao-cao.docx", "không phải là tệp Word")]
    public async Task Add_FileLyingAboutItsType_IsRefusedWithAVietnameseReason(string kind, string name, string expected)
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        var service = Service(database, db);
        var article = await ArticleAsync(db);
        var bytes = kind switch
        {
            "fake-pdf" => "Đây là văn bản thường, không phải PDF"u8.ToArray(),
            "exe" => TestFiles.Executable(),
            "html" => TestFiles.Html(),
            "docx-as-pdf" => TestFiles.OfficePackage("word"),
            "macro" => TestFiles.OfficePackage("word", withMacros: true),
            _ => ZipWith("readme.txt"),
        };

        var result = await service.AddAsync(article.Id, new MemoryStream(bytes), null, name, null, "editor", Ct);

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Message);
        Assert.Empty(await db.Attachments.ToListAsync(Ct));
        Assert.False(Directory.Exists(service.DocumentsDirectory) && Directory.EnumerateFiles(service.DocumentsDirectory, "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task Add_OverSizeLimit_IsRefused()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        var service = Service(database, db, new MediaOptions { MaxDocumentBytes = 2048 });
        var article = await ArticleAsync(db);
        var big = TestFiles.Pdf().Concat(new byte[4096]).ToArray();

        var result = await service.AddAsync(article.Id, new MemoryStream(big), big.Length, "lon.pdf", null, "editor", Ct);

        Assert.False(result.Succeeded);
        Assert.Contains("quá lớn; dung lượng tối đa là 2 KB", result.Message);
    }

    [Fact]
    public async Task Open_DocumentOfUnpublishedArticle_IsHiddenFromThePublicButNotFromStaff()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        var service = Service(database, db);
        var draft = await ArticleAsync(db, ArticleStatus.Draft);
        var added = await service.AddAsync(draft.Id, new MemoryStream(TestFiles.Pdf()), null, "nhap.pdf", null, "reporter", Ct);

        Assert.Null(await service.OpenAsync(added.Value!.Id, null, Ct));
        Assert.NotNull(await service.OpenAsync(added.Value.Id, Editor, Ct));
    }

    [Fact]
    public async Task MoveAndDelete_ReorderAndRemoveTheFile()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        var service = Service(database, db);
        var article = await ArticleAsync(db);
        var first = (await service.AddAsync(article.Id, new MemoryStream(TestFiles.Pdf()), null, "a.pdf", "Một", null, Ct)).Value!;
        var second = (await service.AddAsync(article.Id, new MemoryStream(TestFiles.Pdf()), null, "b.pdf", "Hai", null, Ct)).Value!;
        var path = (await service.OpenAsync(first.Id, Editor, Ct))!.PhysicalPath;

        Assert.True((await service.MoveAsync(second.Id, -1, Ct)).Succeeded);
        Assert.Equal(["Hai", "Một"], (await service.ListAsync(article.Id, Ct)).Select(a => a.Title));

        Assert.True((await service.DeleteAsync(first.Id, "editor", Ct)).Succeeded);
        Assert.Equal(["Hai"], (await service.ListAsync(article.Id, Ct)).Select(a => a.Title));
        Assert.False(File.Exists(path));
        Assert.Contains(await db.AuditEntries.ToListAsync(Ct), e => e.Action == "attachment.delete");
        Assert.Equal(Outcome.NotFound, (await service.DeleteAsync(first.Id, "editor", Ct)).Outcome);
        Assert.Equal(Outcome.NotFound, (await service.MoveAsync(first.Id, 1, Ct)).Outcome);
    }

    private static byte[] ZipWith(string entry)
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
            writer.Write("hello");
        }

        return buffer.ToArray();
    }
}
