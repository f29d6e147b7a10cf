using Q11Portal.Core.Articles;
using Q11Portal.Core.Categories;
using Q11Portal.Core.Data;
using Q11Portal.Core.Users;
using Q11Portal.Testing;

namespace Q11Portal.Core.Tests.Media;

/// <summary>An unpublished article's documents are for the staff who may open that article, no one else.</summary>
public sealed class AttachmentAccessTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Open_DraftDocument_OnlyForItsReporterAndEditors(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var service = AttachmentServiceTests.Service(database, db);
        var category = new Category { Name = "Tin", Slug = "tin" };
        var draft = new Article { Title = "Nháp của An", Slug = "nhap-cua-an", Category = category, CreatedById = "an" };
        var published = new Article { Title = "Đã đăng", Slug = "da-dang", Category = category, CreatedById = "an", Status = ArticleStatus.Published, PublishedAtUtc = DateTime.UtcNow.AddHours(-1) };
        db.Articles.AddRange(draft, published);
        await db.SaveChangesAsync(Ct);
        var hidden = (await service.AddAsync(draft.Id, new MemoryStream(TestFiles.Pdf()), null, "nhap.pdf", null, "an", Ct)).Value!.Id;
        var open = (await service.AddAsync(published.Id, new MemoryStream(TestFiles.Pdf()), null, "cong-khai.pdf", null, "an", Ct)).Value!.Id;

        var author = new StaffActor("an", "an@q11.test", Roles.Reporter);
        var otherReporter = new StaffActor("binh", "binh@q11.test", Roles.Reporter);
        var editor = new StaffActor("chi", "chi@q11.test", Roles.Editor);
        var admin = new StaffActor("dung", "dung@q11.test", Roles.Admin);
        var noRole = new StaffActor("an", "an@q11.test", null);

        Assert.NotNull(await service.OpenAsync(hidden, author, Ct));
        Assert.NotNull(await service.OpenAsync(hidden, editor, Ct));
        Assert.NotNull(await service.OpenAsync(hidden, admin, Ct));
        Assert.Null(await service.OpenAsync(hidden, otherReporter, Ct));
        Assert.Null(await service.OpenAsync(hidden, noRole, Ct));
        Assert.Null(await service.OpenAsync(hidden, null, Ct));
        Assert.NotNull(await service.OpenAsync(open, null, Ct));
        Assert.NotNull(await service.OpenAsync(open, otherReporter, Ct));
    }
}
