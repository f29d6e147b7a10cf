using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;
using Q11Portal.Core.Import;
using Q11Portal.Core.Tests.Search;
using Q11Portal.Core.Users;

namespace Q11Portal.Core.Tests.Articles;

/// <summary>Issue #15 kind 3: a body nested too deep or with too many elements is refused by a cheap scan before the
/// sanitizer parses it, on the editor's and the importer's path alike.</summary>
public sealed class ArticleBodyLimitsTests
{
    private static readonly StaffActor Editor = new("editor-id", "bien-tap@q11.test", Roles.Editor);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Nested(int depth) =>
        new StringBuilder().Insert(0, "<div>", depth).Append("chữ").Insert(5 * depth + 3, "</div>", depth).ToString();

    [Theory]
    [InlineData("<p>Một</p><p>Hai<br>ba</p>", 0, 3)]
    [InlineData("<div><div><span>a</span></div></div>", 3, 3)]
    [InlineData("<p>a<p>b<p>c<ul><li>x<li>y</ul>", 1, 6)]
    [InlineData("<div/><div/><div/>", 3, 3)]
    [InlineData("<!-- <div><div> --><script>if (a<b) {}</script><div>1 < 2</div>", 1, 2)]
    public void Measure_Markup_CountsDepthAndElements(string html, int depth, int elements) =>
        Assert.Equal((depth, elements), ArticleBodyShape.Measure(html, 100, 100));

    [Fact]
    public void TryClean_BodyOverTheTimeBudget_IsInvalidNamingIt_AndAnOrdinaryBodyCleansWithinTheDefaultBudget()
    {
        // 16,000 elements: under the shape limits, but far more than one millisecond of sanitizing.
        var body = string.Concat(Enumerable.Repeat("<div><p>Đoạn <b>văn</b> <i>bản</i></p></div>", 4_000));
        var tight = new ArticleHtmlSanitizer(Microsoft.Extensions.Options.Options.Create(new ArticleBodyOptions { SanitizeBudget = TimeSpan.FromMilliseconds(1) }));

        var refused = tight.TryClean(body, Ct);

        Assert.Equal(Outcome.Invalid, refused.Outcome);
        Assert.Contains("quá phức tạp để xử lý trong", refused.Message);
        Assert.Throws<ArticleBodyBudgetExceededException>(() => tight.Clean(body, Ct));
        var cleaned = new ArticleHtmlSanitizer().TryClean(string.Concat(Enumerable.Repeat("<div><p>Đoạn <b>văn</b> <i>bản</i></p></div>", 50)), Ct);
        Assert.True(cleaned.Succeeded);
        Assert.Contains("<b>văn</b>", cleaned.Value!.Html);
    }

    [Fact]
    public void CheckShape_TooManyFlatElements_NamesTheElementLimit()
    {
        var sanitizer = new ArticleHtmlSanitizer();
        var body = string.Concat(Enumerable.Repeat("<p>a</p>", 20_001));

        var result = sanitizer.CheckShape(body);

        Assert.Equal(Outcome.Invalid, result.Outcome);
        Assert.Contains("quá nhiều thẻ HTML", result.Message);
        Assert.True(sanitizer.CheckShape(string.Concat(Enumerable.Repeat("<p>a</p>", 2_000))).Succeeded);
    }

    [Fact]
    public async Task Create_BodyWith50000NestedDivs_IsRefusedNamingTheDepthLimit_AndNothingIsSaved()
    {
        await using var host = await SearchTestHost.CreateAsync();
        await using var scope = host.Scope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<PortalDbContext>();
        var categoryId = await ContentRulesTests.CategoryAsync(services);
        var writer = services.GetRequiredService<ArticleWriter>();

        var refused = await writer.CreateAsync(new ArticleDraft("Bài lồng sâu", "Sapo", Nested(50_000), categoryId, null, null, [], null, null, null), Editor, Ct);
        var accepted = await writer.CreateAsync(new ArticleDraft("Bài bình thường", "Sapo", Nested(10), categoryId, null, null, [], null, null, null), Editor, Ct);

        Assert.Equal(Outcome.Invalid, refused.Outcome);
        Assert.Equal("Nội dung bài có các thẻ HTML lồng nhau quá sâu (quá 64 tầng). Hãy dán lại nội dung dưới dạng văn bản thường hoặc bỏ bớt khung lồng nhau.", refused.Message);
        Assert.True(accepted.Succeeded, accepted.Message);
        Assert.Equal("Bài bình thường", (await db.Articles.AsNoTracking().SingleAsync(Ct)).Title);
    }

    [Fact]
    public async Task Import_BodyNestedTooDeep_NamesTheRecordAndField()
    {
        await using var host = await SearchTestHost.CreateAsync();
        await using var scope = host.Scope();
        var importer = scope.ServiceProvider.GetRequiredService<ArticleImporter>();
        var json = JsonSerializer.Serialize(new[]
        {
            new { id = "sau-1", title = "Bài lồng sâu", category = "Tin hoạt động", publishedAt = "2026-11-01T08:00:00+07:00", contentHtml = Nested(50_000) },
        });

        var bad = await Assert.ThrowsAsync<ArticleImportException>(() => importer.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), null, Ct));

        var error = Assert.Single(bad.Errors);
        Assert.Equal(("sau-1", "contentHtml"), (error.SourceId, error.Field));
        Assert.Contains("lồng nhau quá sâu (quá 64 tầng)", error.Message);
    }
}
