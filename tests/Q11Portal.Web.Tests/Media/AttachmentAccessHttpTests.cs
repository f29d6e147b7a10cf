using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Categories;
using Q11Portal.Core.Data;
using Q11Portal.Core.Media;
using Q11Portal.Core.Users;
using Q11Portal.Testing;
using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests.Media;

/// <summary>The document download route: who may fetch an unpublished article's document, how long proxies may keep a
/// public one, and the file name it is sent under.</summary>
public sealed class AttachmentAccessHttpTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(int ArticleId, int AttachmentId)> AddAsync(PortalAppFactory app, string? authorEmail, ArticleStatus status, string fileName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var authorId = authorEmail is null ? null : await db.Users.Where(u => u.Email == authorEmail).Select(u => u.Id).SingleAsync(Ct);
        var category = await db.Categories.FirstOrDefaultAsync(Ct) ?? new Category { Name = "Tin", Slug = "tin" };
        var article = new Article
        {
            Title = "Bài " + Guid.NewGuid().ToString("N")[..6], Slug = "bai-" + Guid.NewGuid().ToString("N")[..8], Category = category, CreatedById = authorId,
            Status = status, PublishedAtUtc = status == ArticleStatus.Published ? DateTime.UtcNow.AddHours(-1) : null,
        };
        db.Articles.Add(article);
        await db.SaveChangesAsync(Ct);
        var added = await scope.ServiceProvider.GetRequiredService<AttachmentService>()
            .AddAsync(article.Id, new MemoryStream(TestFiles.Pdf()), null, fileName, null, "test", Ct);
        Assert.True(added.Succeeded, added.Message);
        return (article.Id, added.Value!.Id);
    }

    [Fact]
    public async Task Download_DraftDocument_OnlyForItsReporterAndEditors()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var authorEmail = await Staff.CreateAsync(app, Roles.Reporter);
        var author = Staff.Client(app);
        Assert.Equal(HttpStatusCode.Redirect, (await Staff.LoginAsync(author, authorEmail, Staff.Password)).StatusCode);
        var otherReporter = await Staff.SignedInAsync(app, Roles.Reporter);
        var editor = await Staff.SignedInAsync(app, Roles.Editor);
        var (_, draft) = await AddAsync(app, authorEmail, ArticleStatus.Draft, "nhap.pdf");

        Assert.Equal(HttpStatusCode.OK, (await author.GetAsync($"/tep-dinh-kem/{draft}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync($"/tep-dinh-kem/{draft}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherReporter.GetAsync($"/tep-dinh-kem/{draft}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/tep-dinh-kem/{draft}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Download_PublicDocument_IsRevalidatedByProxies_SoAnUnpublishTakesEffect()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var (articleId, id) = await AddAsync(app, null, ArticleStatus.Published, "cong-khai.pdf");
        var client = app.CreateClient();
        var editor = await Staff.SignedInAsync(app, Roles.Editor);

        var response = await client.GetAsync($"/tep-dinh-kem/{id}", Ct);
        var staff = await editor.GetAsync($"/tep-dinh-kem/{id}", Ct);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            await db.Articles.Where(a => a.Id == articleId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ArticleStatus.Unpublished), Ct);
        }

        var afterUnpublish = await client.GetAsync($"/tep-dinh-kem/{id}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cache = response.Headers.CacheControl!;
        Assert.True(cache.NoCache);
        Assert.Null(cache.MaxAge);
        Assert.NotNull(response.Content.Headers.LastModified);
        Assert.True(staff.Headers.CacheControl!.NoStore);
        Assert.True(staff.Headers.CacheControl.Private);
        Assert.Equal(HttpStatusCode.NotFound, afterUnpublish.StatusCode);
    }

    [Fact]
    public async Task Download_StoredReservedName_IsSentAsASafeNameWithTheStoredTypesExtension()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var (_, id) = await AddAsync(app, null, ArticleStatus.Published, "tam.pdf");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // A name kept from before the upload rule: a device name without extension.
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            await db.Attachments.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.FileName, "CON"), Ct);
        }

        var response = await app.CreateClient().GetAsync($"/tep-dinh-kem/{id}", Ct);

        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("tep-con.pdf", disposition.FileName!.Trim('"'));
        Assert.Equal("tep-CON.pdf", disposition.FileNameStar);
    }
}
