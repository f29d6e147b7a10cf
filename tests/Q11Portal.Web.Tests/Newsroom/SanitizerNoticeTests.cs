using AngleSharp.Html.Parser;
using Q11Portal.Core.Users;
using Q11Portal.Core.Data;
using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests.Newsroom;

/// <summary>Issue #15 kind 7: after a save the editor is told which elements the sanitizer took out of the body.</summary>
public sealed class SanitizerNoticeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_BodyWithDisallowedElements_FlashNamesThem_AndTheTextStays()
    {
        await using var app = await PortalAppFactory.CreateAsync(DatabaseProvider.Sqlite);
        var category = await NewsroomSite.AddCategoryAsync(app, "Tin tức");
        var editor = await Staff.SignedInAsync(app, Roles.Editor);

        var id = await NewsroomSite.CreateAsync(editor, "Bài có mục thu gọn",
            "<details><summary>Mục một</summary><p>Nội dung mục một</p></details><script>x()</script>", category);
        var page = new HtmlParser().ParseDocument(await editor.GetStringAsync($"/admin/articles/{id}/edit", Ct));

        var flash = page.Body!.TextContent;
        Assert.Contains("Đã loại bỏ: <details>, <summary>, <script>", flash);
        var second = new HtmlParser().ParseDocument(await editor.GetStringAsync($"/admin/articles/{id}/edit", Ct));
        Assert.DoesNotContain("Đã loại bỏ", second.Body!.TextContent);
    }
}
