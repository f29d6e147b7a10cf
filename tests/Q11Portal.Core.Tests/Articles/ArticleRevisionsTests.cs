using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Data;
using Q11Portal.Core.Import;
using Q11Portal.Core.Media;
using Q11Portal.Core.Tests.Search;
using Q11Portal.Core.Users;
using Q11Portal.Testing;

namespace Q11Portal.Core.Tests.Articles;

/// <summary>Revisions are written by the editor and by the importer in one shape, so any of them restores whole.</summary>
public sealed class ArticleRevisionsTests
{
    private static readonly StaffActor Editor = new("editor-id", "bien-tap@q11.test", Roles.Editor);

    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<ArticleImportResult> ImportAsync(IServiceProvider services, string body) =>
        services.GetRequiredService<ArticleImporter>().ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new[]
        {
            new
            {
                id = "bai-nhap-1", title = "Hội nghị sơ kết công tác dân vận", category = "Tin hoạt động", author = "Minh Anh",
                publishedAt = "2026-11-01T08:00:00+07:00", contentHtml = body, tags = new[] { "Dân vận" },
            },
        }))), null, Ct, "revisions-test.json");

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task RestoreAsync_RevisionWrittenByAnImport_BringsBackTheLeadImageAndTheSource(DatabaseProvider provider)
    {
        await using var host = await SearchTestHost.CreateAsync(provider);
        await using var scope = host.Scope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<PortalDbContext>();
        var writer = services.GetRequiredService<ArticleWriter>();
        var articles = services.GetRequiredService<ArticleEditQuery>();
        var image = new MediaFile { StoredName = "hoi-nghi.jpg", OriginalFileName = "hoi-nghi.jpg", ContentType = "image/jpeg", AltText = "Quang cảnh hội nghị" };
        db.MediaFiles.Add(image);
        await db.SaveChangesAsync(Ct);

        // Imported, then given a lead image and a source in the editor, then imported again with a new body: the
        // import's revision is of an article that has both.
        await ImportAsync(services, "<p>Quận 11 tổ chức hội nghị sơ kết.</p>");
        var id = await db.Articles.Where(a => a.SourceId == "bai-nhap-1").Select(a => a.Id).SingleAsync(Ct);
        var imported = (await articles.GetAsync(id, Ct))!;
        var illustrated = await writer.SaveAsync(id, imported.Draft with { LeadImageId = image.Id, LeadImageCaption = "Quang cảnh", Source = "Ban Dân vận Quận ủy" },
            imported.Version, Editor, Ct);
        Assert.True(illustrated.Succeeded, illustrated.Message);
        Assert.Equal(1, (await ImportAsync(services, "<p>Quận 11 tổ chức hội nghị sơ kết 6 tháng.</p>")).Updated);
        var importRevision = await db.ArticleRevisions.Where(r => r.ArticleId == id && r.UserName == ArticleImporter.ImportUserName)
            .OrderByDescending(r => r.Id).Select(r => r.Id).FirstAsync(Ct);

        // An editor drops both and rewrites the body; then the imported revision is restored.
        var before = (await articles.GetAsync(id, Ct))!;
        var stripped = await writer.SaveAsync(id, before.Draft with { BodyHtml = "<p>Bản sửa.</p>", LeadImageId = null, LeadImageCaption = null, Source = null },
            before.Version, Editor, Ct);
        Assert.True(stripped.Succeeded, stripped.Message);
        var restored = await services.GetRequiredService<ArticleRevisions>().RestoreAsync(id, importRevision, stripped.Value!.Version, Editor, Ct);

        Assert.True(restored.Succeeded, restored.Message);
        var article = await db.Articles.AsNoTracking().SingleAsync(a => a.Id == id, Ct);
        Assert.Equal(image.Id, article.LeadImageId);
        Assert.Equal("Quang cảnh", article.LeadImageCaption);
        Assert.Equal("Ban Dân vận Quận ủy", article.Source);
        Assert.Contains("sơ kết 6 tháng", article.BodyHtml);
        Assert.Equal("Minh Anh", article.Byline);
    }

    [Fact]
    public async Task GetAsync_RevisionsOfTheEditorAndTheImporter_HaveTheSameSnapshot()
    {
        await using var host = await SearchTestHost.CreateAsync();
        await using var scope = host.Scope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<PortalDbContext>();
        await ImportAsync(services, "<p>Nội dung nhập.</p>");
        var id = await db.Articles.Where(a => a.SourceId == "bai-nhap-1").Select(a => a.Id).SingleAsync(Ct);
        var imported = (await services.GetRequiredService<ArticleEditQuery>().GetAsync(id, Ct))!;
        Assert.True((await services.GetRequiredService<ArticleWriter>().SaveAsync(id, imported.Draft with { Source = "Nguồn" }, imported.Version, Editor, Ct)).Succeeded);

        var revisions = services.GetRequiredService<ArticleRevisions>();
        var list = await revisions.ListAsync(id, Ct);
        var byEditor = (await revisions.GetAsync(id, list[0].Id, Ct))!.Metadata!;
        var byImport = (await revisions.GetAsync(id, list[1].Id, Ct))!.Metadata!;

        Assert.Equal(byImport with { Source = "Nguồn" }, byEditor with { Tags = byImport.Tags });
        Assert.Equal(["Dân vận"], byEditor.Tags);
        Assert.Equal(["Dân vận"], byImport.Tags);
        Assert.Equal("bai-nhap-1", byImport.SourceId);
        Assert.Equal(new DateTime(2026, 11, 1, 1, 0, 0, DateTimeKind.Utc), byImport.PublishAtUtc);
    }
}
