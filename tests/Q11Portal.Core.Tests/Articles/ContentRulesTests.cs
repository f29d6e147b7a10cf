using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Categories;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;
using Q11Portal.Core.Import;
using Q11Portal.Core.Tests.Search;
using Q11Portal.Core.Users;
using Q11Portal.Testing;

namespace Q11Portal.Core.Tests.Articles;

/// <summary>The content rules (<see cref="TextRules"/>) on the editor's save, the newsroom's steps and the importer.</summary>
public sealed class ContentRulesTests
{
    private static readonly StaffActor Editor = new("editor-id", "bien-tap@q11.test", Roles.Editor);

    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ArticleDraft Draft(int categoryId, string title, string body, params string[] tags) =>
        new(title, "Sapo", body, categoryId, null, null, tags, null, null, null);

    internal static async Task<int> CategoryAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var category = new Category { Name = "Tin hoạt động", Slug = "tin-hoat-dong" };
        db.Categories.Add(category);
        await db.SaveChangesAsync(Ct);
        return category.Id;
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Create_TitleWithoutVisibleText_IsRefused_AndBidiControlsAreRemoved(DatabaseProvider provider)
    {
        await using var host = await SearchTestHost.CreateAsync(provider);
        await using var scope = host.Scope();
        var services = scope.ServiceProvider;
        var writer = services.GetRequiredService<ArticleWriter>();
        var categoryId = await CategoryAsync(services);

        var invisible = await writer.CreateAsync(Draft(categoryId, "\u200B\u0301\u202E \u2060", "<p>Nội dung</p>"), Editor, Ct);
        var badTag = await writer.CreateAsync(Draft(categoryId, "Hội nghị", "<p>Nội dung</p>", "\u200D\u0300"), Editor, Ct);
        var created = await writer.CreateAsync(Draft(categoryId, "Hội nghị \u202Egnp.exe\u202C  sơ kết", "<p>Nội dung</p>", "Dân\u2066 vận"), Editor, Ct);

        Assert.Equal(Outcome.Invalid, invisible.Outcome);
        Assert.Equal("Tiêu đề phải có chữ hoặc số nhìn thấy được (không chỉ gồm khoảng trắng, ký tự ẩn hay dấu).", invisible.Message);
        Assert.Equal(Outcome.Invalid, badTag.Outcome);
        Assert.True(created.Succeeded, created.Message);
        var db = services.GetRequiredService<PortalDbContext>();
        var article = await db.Articles.AsNoTracking().Include(a => a.ArticleTags).ThenInclude(t => t.Tag).SingleAsync(Ct);
        Assert.Equal("Hội nghị gnp.exe sơ kết", article.Title);
        Assert.Equal("Dân vận", Assert.Single(article.ArticleTags).Tag.Name);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task PublishAndSubmit_BodyWithNothingVisible_AreRefused_ButADraftMaySaveIt(DatabaseProvider provider)
    {
        await using var host = await SearchTestHost.CreateAsync(provider);
        await using var scope = host.Scope();
        var services = scope.ServiceProvider;
        var writer = services.GetRequiredService<ArticleWriter>();
        var workflow = services.GetRequiredService<NewsroomWorkflow>();
        var categoryId = await CategoryAsync(services);

        var empty = (await writer.CreateAsync(Draft(categoryId, "Bài chưa viết", "<p>\u200B</p><p>&nbsp;</p>"), Editor, Ct)).Value!;
        var publish = await workflow.PublishAsync(empty.ArticleId, empty.Version, Editor, null, Ct);
        var submit = await workflow.SubmitAsync(empty.ArticleId, empty.Version, Editor, Ct);
        var image = (await writer.CreateAsync(Draft(categoryId, "Chỉ có ảnh", "<p><img src=\"/media/2026/06/a-800.jpg\" alt=\"Quang cảnh\"></p>"), Editor, Ct)).Value!;
        var published = await workflow.PublishAsync(image.ArticleId, image.Version, Editor, null, Ct);

        Assert.Equal(Outcome.Invalid, publish.Outcome);
        Assert.Contains("Nội dung bài viết đang trống", publish.Message);
        Assert.Equal(Outcome.Invalid, submit.Outcome);
        Assert.True(published.Succeeded, published.Message);
        var db = services.GetRequiredService<PortalDbContext>();
        Assert.Equal(ArticleStatus.Draft, (await db.Articles.AsNoTracking().SingleAsync(a => a.Id == empty.ArticleId, Ct)).Status);

        // A published article cannot be saved empty either: that would publish nothing.
        var emptied = await writer.SaveAsync(image.ArticleId, Draft(categoryId, "Chỉ có ảnh", "<p> </p>"), published.Value!.Version, Editor, Ct);
        Assert.Equal(Outcome.Invalid, emptied.Outcome);
        Assert.Contains("<img", (await db.Articles.AsNoTracking().SingleAsync(a => a.Id == image.ArticleId, Ct)).BodyHtml);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Import_InvisibleTitleOrEmptyBody_IsRefused_AndBidiIsRemovedFromTitles(DatabaseProvider provider)
    {
        await using var host = await SearchTestHost.CreateAsync(provider);
        await using var scope = host.Scope();
        var importer = scope.ServiceProvider.GetRequiredService<ArticleImporter>();

        var bad = await Assert.ThrowsAsync<ArticleImportException>(() => importer.ImportAsync(Json(
            Record("a1", "\u200B\u0301", "<p>Có nội dung</p>"),
            Record("a2", "Bài trống", "<p>\u200B</p><p> </p>")), null, Ct));
        var good = await importer.ImportAsync(Json(Record("a3", "\u202EHội nghị\u202C", "<p>Nội dung</p>")), null, Ct);

        Assert.Contains(bad.Errors, e => e.SourceId == "a1" && e.Field == "title" && e.Message.StartsWith("Tiêu đề phải có chữ hoặc số", StringComparison.Ordinal));
        Assert.Contains(bad.Errors, e => e.SourceId == "a2" && e.Field == "contentHtml");
        Assert.Equal(1, good.Added);
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Equal("Hội nghị", (await db.Articles.AsNoTracking().SingleAsync(Ct)).Title);
    }

    private static object Record(string id, string title, string html) =>
        new { id, title, category = "Tin hoạt động", publishedAt = "2026-11-01T08:00:00+07:00", contentHtml = html };

    private static MemoryStream Json(params object[] records) => new(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(records)));
}
