using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Articles.Rendering;
using Q11Portal.Core.Categories;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;
using Q11Portal.Core.Documents;
using Q11Portal.Core.Search;
using Q11Portal.Core.Tests.Search;

namespace Q11Portal.Core.Tests.Documents;

/// <summary>The documents library on a real database: editing with its audit, look-up in any written form, the
/// replacement link, automatic links in rendered bodies and the articles that name a document.</summary>
public sealed class DocumentLibraryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DocumentDraft Directive05 => new("ct", "05-CT/TW", "Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        "Bộ Chính trị", new DateOnly(2016, 5, 15), "Tổng Bí thư", DocumentValidity.InForce, null);

    [Fact]
    public async Task CreateAsync_ValidDraft_IsAuditedAndFoundByEveryWrittenForm()
    {
        await using var host = await SearchTestHost.CreateAsync();
        await using var scope = host.Scope();
        var editor = scope.ServiceProvider.GetRequiredService<DocumentEditor>();
        var library = scope.ServiceProvider.GetRequiredService<DocumentLibrary>();

        var created = await editor.CreateAsync(Directive05, "editor", Ct);

        Assert.True(created.Succeeded, created.Message);
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "document.create" && a.EntityId == created.Value.ToString() && a.UserName == "editor", Ct));
        foreach (var lookup in new[] { "chi thi 05", "Chỉ thị số 05-CT/TW", "CT 05", "05/CT-TW", "đẩy mạnh học tập" })
        {
            var page = await library.ListAsync(new DocumentListQuery(Lookup: lookup), Ct);
            Assert.Equal("chi-thi-05-ct-tw", Assert.Single(page.Items).Slug);
        }

        Assert.Empty((await library.ListAsync(new DocumentListQuery(Lookup: "nghị quyết 05"), Ct)).Items);
        Assert.Empty((await library.ListAsync(new DocumentListQuery(Year: 2017), Ct)).Items);
        Assert.Single((await library.ListAsync(new DocumentListQuery(Kind: "ct", Issuer: "Bộ Chính trị", Year: 2016), Ct)).Items);
    }

    [Fact]
    public async Task CreateAsync_SameDocumentInAnotherForm_IsAConflict_AndBadInputIsRefusedInVietnamese()
    {
        await using var host = await SearchTestHost.CreateAsync();
        await using var scope = host.Scope();
        var editor = scope.ServiceProvider.GetRequiredService<DocumentEditor>();
        await editor.CreateAsync(Directive05, "editor", Ct);

        var again = await editor.CreateAsync(Directive05 with { Symbol = "05/CT-TW" }, "editor", Ct);
        var noExcerpt = await editor.CreateAsync(Directive05 with { Symbol = "06-CT/TW", Excerpt = " \u200B " }, "editor", Ct);
        var badSymbol = await editor.CreateAsync(Directive05 with { Symbol = "CT/TW" }, "editor", Ct);
        var noDate = await editor.CreateAsync(Directive05 with { Symbol = "07-CT/TW", IssuedOn = null }, "editor", Ct);

        Assert.Equal(Outcome.Conflict, again.Outcome);
        Assert.Equal(Outcome.Invalid, noExcerpt.Outcome);
        Assert.Contains("Trích yếu", noExcerpt.Message, StringComparison.Ordinal);
        Assert.Equal(Outcome.Invalid, badSymbol.Outcome);
        Assert.Equal(Outcome.Invalid, noDate.Outcome);
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<LibraryDocument>().CountAsync(Ct));
    }

    [Fact]
    public async Task UpdateAsync_ReplacedByAnotherDocument_LinksBothWays_AndTheReplacementCannotBeDeleted()
    {
        await using var host = await SearchTestHost.CreateAsync();
        await using var scope = host.Scope();
        var editor = scope.ServiceProvider.GetRequiredService<DocumentEditor>();
        var library = scope.ServiceProvider.GetRequiredService<DocumentLibrary>();
        var newer = (await editor.CreateAsync(Directive05, "editor", Ct)).Value;
        var older = (await editor.CreateAsync(Directive05 with { Symbol = "03-CT/TW", IssuedOn = new DateOnly(2011, 5, 14) }, "editor", Ct)).Value;

        var saved = await editor.UpdateAsync(older, Directive05 with { Symbol = "03-CT/TW", IssuedOn = new DateOnly(2011, 5, 14), Validity = DocumentValidity.Replaced, ReplacedBySymbol = "chỉ thị 05" }, "editor", Ct);

        Assert.True(saved.Succeeded, saved.Message);
        Assert.Equal("chi-thi-05-ct-tw", (await library.FindAsync(older, Ct))!.ReplacedBy!.Slug);
        Assert.Equal("chi-thi-03-ct-tw", Assert.Single((await library.FindAsync(newer, Ct))!.Replaces).Slug);
        Assert.Equal(Outcome.Conflict, (await editor.DeleteAsync(newer, "editor", Ct)).Outcome);
        Assert.True((await editor.DeleteAsync(older, "editor", Ct)).Succeeded);
    }

    [Fact]
    public async Task Render_BodyNamingALibraryDocument_LinksTheFirstMentionOutsideLinksAndHeadings()
    {
        await using var host = await SearchTestHost.CreateAsync();
        await using var scope = host.Scope();
        await scope.ServiceProvider.GetRequiredService<DocumentEditor>().CreateAsync(Directive05, "editor", Ct);
        var renderer = scope.ServiceProvider.GetRequiredService<ArticleBodyRenderer>();
        const string stored = "<h2>Chỉ thị 05-CT/TW</h2><p>Theo <a href=\"/x\">Chỉ thị 05</a>, các chi bộ học Chỉ thị số 05-CT/TW; sau đó chỉ thị 05 lại được nhắc.</p>"
            + "<p>Nghị quyết 57-NQ/TW chưa có trong thư viện.</p>";
        const string ward = "<p>Phường triển khai Chỉ thị 05 về lòng đường, tức Chỉ thị số 05/CT-UBND của phường.</p>";

        Assert.Equal(ward, await renderer.RenderAsync(ward, new ArticleBodyRenderContext(2), Ct));
        var html = await renderer.RenderAsync(stored, new ArticleBodyRenderContext(1), Ct);

        Assert.Equal("<h2>Chỉ thị 05-CT/TW</h2><p>Theo <a href=\"/x\">Chỉ thị 05</a>, các chi bộ học "
            + "<a href=\"/van-ban/chi-thi-05-ct-tw\" class=\"doc-link\" title=\"Xem văn bản Chỉ thị số 05-CT/TW\">Chỉ thị số 05-CT/TW</a>; sau đó chỉ thị 05 lại được nhắc.</p>"
            + "<p>Nghị quyết 57-NQ/TW chưa có trong thư viện.</p>", html);
    }

    [Fact]
    public async Task AppliesTo_OnlyABodyNamingADocumentItWouldLink_IsParsed()
    {
        await using var host = await SearchTestHost.CreateAsync();
        await using var scope = host.Scope();
        var step = scope.ServiceProvider.GetServices<IArticleBodyTransform>().OfType<DocumentLinkTransform>().Single();
        const string named = "<p>Theo Ch&#7881; th&#7883; s&#7889; 05-CT/TW, các chi bộ học tập.</p>";

        Assert.False(await step.AppliesToAsync(named, Ct));

        await scope.ServiceProvider.GetRequiredService<DocumentEditor>().CreateAsync(Directive05, "editor", Ct);
        scope.ServiceProvider.GetRequiredService<DocumentLinkTargetsCache>().Evict();

        Assert.True(await step.AppliesToAsync(named, Ct));
        Assert.False(await step.AppliesToAsync("<p>Nghị quyết 57-NQ/TW chưa có trong thư viện.</p>", Ct));
        Assert.False(await step.AppliesToAsync("<p>Phường triển khai Chỉ thị 05, tức Chỉ thị số 05/CT-UBND của phường.</p>", Ct));
    }

    [Fact]
    public async Task Mentions_ArticlesNamingTheDocumentInAnyForm_AreListedNewestFirst()
    {
        await using var host = await SearchTestHost.CreateAsync();
        await using var scope = host.Scope();
        await scope.ServiceProvider.GetRequiredService<DocumentEditor>().CreateAsync(Directive05, "editor", Ct);
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var category = new Category { Name = "Tin", Slug = "tin" };
        var now = DateTime.UtcNow;
        Article Story(string title, string text, int daysAgo) => new()
        {
            Title = title, Slug = Slug.From(title), Summary = text, BodyHtml = $"<p>{text}</p>", Category = category,
            Status = ArticleStatus.Published, PublishedAtUtc = now.AddDays(-daysAgo), CreatedAtUtc = now.AddDays(-9), UpdatedAtUtc = now.AddDays(-9),
        };
        var older = Story("Sơ kết học tập và làm theo Bác", "Đảng bộ sơ kết Chỉ thị số 05-CT/TW.", 3);
        var newer = Story("Chi bộ khu phố 2 sinh hoạt chuyên đề", "Chi bộ học chi thi 05 của Bộ Chính trị.", 1);
        var other = Story("Phường triển khai chỉ thị của phường", "Phường triển khai Chỉ thị 05/CT-UBND về lòng đường.", 2);
        db.Articles.AddRange(older, newer, other);
        await db.SaveChangesAsync(Ct);
        var indexing = scope.ServiceProvider.GetRequiredService<ArticleIndexingService>();
        foreach (var article in new[] { older, newer, other })
        {
            await indexing.ArticleChangedAsync(article.Id, Ct);
        }

        var mentions = await scope.ServiceProvider.GetRequiredService<DocumentMentions>().FindAsync("chi-thi-05-ct-tw", 10, Ct);

        Assert.Equal([newer.Id, older.Id], mentions.Select(m => m.ArticleId));
    }
}
