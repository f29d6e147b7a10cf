using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Data;
using Q11Portal.Core.Tests.Search;
using Q11Portal.Core.Users;

namespace Q11Portal.Core.Tests.Articles;

/// <summary>Issue #15 kind 7: an element outside the allow-list gives up its tag, not its words, and the editor is told.</summary>
public sealed class ArticleHtmlSanitizerTests
{
    private static readonly ArticleHtmlSanitizer Sanitizer = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Clean_CollapsibleList_KeepsSummaryAndContent_AndReportsTheTags()
    {
        var body = Sanitizer.Clean("<details><summary>A</summary><p>B</p></details>", Ct);

        Assert.Equal("A<p>B</p>", body.Html);
        Assert.Equal(["details", "summary"], body.Removed);
    }

    [Theory]
    [InlineData("<p>a</p><script>x</script>", "<p>a</p>", "script")]
    [InlineData("<style>p{color:red}</style><p>a</p>", "<p>a</p>", "style")]
    [InlineData("<details><script>alert(1)</script>chữ</details>", "chữ", "script")]
    [InlineData("<template><p>ẩn</p></template><p>a</p>", "<p>a</p>", "template")]
    [InlineData("<form action=\"/x\"><label>Họ tên</label><input name=\"n\"></form>", "Họ tên", "input")]
    public void Clean_CodeAndStyle_AreDroppedWithTheirContent(string html, string expected, string removed)
    {
        var body = Sanitizer.Clean(html, Ct);

        Assert.Equal(expected, body.Html);
        Assert.Contains(removed, body.Removed);
    }

    [Fact]
    public void Clean_CancelledToken_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.Throws<OperationCanceledException>(() => Sanitizer.Clean("<p>a</p>", cts.Token));
    }

    [Fact]
    public void Notice_RemovedTags_NamesThem_AndNothingRemoved_IsNull()
    {
        Assert.StartsWith("Đã loại bỏ: <details>, <script>", ArticleHtmlSanitizer.Notice(["details", "script"]));
        Assert.Null(ArticleHtmlSanitizer.Notice([]));
    }

    [Fact]
    public async Task Create_BodyWithDisallowedElements_KeepsTheText_AndReportsWhatWasRemoved()
    {
        await using var host = await SearchTestHost.CreateAsync();
        await using var scope = host.Scope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<PortalDbContext>();
        var categoryId = await ContentRulesTests.CategoryAsync(services);
        var writer = services.GetRequiredService<ArticleWriter>();
        var editor = new StaffActor("editor-id", "bien-tap@q11.test", Roles.Editor);
        var body = "<details><summary>Mục 1</summary><p>Nội dung mục 1</p></details><script>x()</script>";

        var created = await writer.CreateAsync(new ArticleDraft("Bài có mục thu gọn", "Sapo", body, categoryId, null, null, [], null, null, null), editor, Ct);

        Assert.True(created.Succeeded, created.Message);
        Assert.Equal(["details", "summary", "script"], created.Value!.Removed);
        var stored = db.Articles.Single().BodyHtml;
        Assert.Equal("Mục 1<p>Nội dung mục 1</p>", stored);
    }
}
