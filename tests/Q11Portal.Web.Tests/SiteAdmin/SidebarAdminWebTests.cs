using System.Net;
using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Common;
using Q11Portal.Core.Sidebar;
using Q11Portal.Core.Users;
using Q11Portal.Web.Tests.Infrastructure;
using static Q11Portal.Web.Tests.SiteAdmin.SiteAdminTestSupport;

namespace Q11Portal.Web.Tests.SiteAdmin;

public sealed class SidebarAdminWebTests
{
    private static string Local(DateTime utc) => LocalTime.ToLocal(utc).ToString("yyyy-MM-ddTHH:mm");

    private static async Task<int> CreateBlockAsync(HttpClient editor, SidebarBlockKind kind, string title, DateTime? fromUtc = null, DateTime? untilUtc = null)
    {
        var response = await PostAsync(editor, "/admin/sidebar", "/admin/sidebar/create",
            ("Kind", kind.ToString()), ("Title", title), ("IsActive", "true"),
            ("ActiveFrom", fromUtc is { } f ? Local(f) : ""), ("ActiveUntil", untilUtc is { } u ? Local(u) : ""));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[3]);
    }

    [Fact]
    public async Task Banners_ShowOnThePublicSidebarOnlyInsideTheirDates_LinksAndVideoAreOrderedAndSwitchable()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var editor = await Staff.SignedInAsync(app, Roles.Editor);
        var now = DateTime.UtcNow;

        var current = await CreateBlockAsync(editor, SidebarBlockKind.Banner, "Banner đang chạy", now.AddDays(-1), now.AddDays(1));
        var future = await CreateBlockAsync(editor, SidebarBlockKind.Banner, "Banner sắp tới", now.AddDays(2), now.AddDays(5));
        var expired = await CreateBlockAsync(editor, SidebarBlockKind.Banner, "Banner đã hết", now.AddDays(-5), now.AddMinutes(-5));
        foreach (var id in new[] { current, future, expired })
        {
            var added = await PostAsync(editor, $"/admin/sidebar/{id}/edit", $"/admin/sidebar/{id}/items",
                ("Title", "Ảnh banner " + id), ("Url", "/chuyen-de"), ("ImageUrl", $"https://q11.example/banner-{id}.jpg"));
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        var links = await CreateBlockAsync(editor, SidebarBlockKind.LinkList, "Liên kết hữu ích");
        await PostAsync(editor, $"/admin/sidebar/{links}/edit", $"/admin/sidebar/{links}/items", ("Title", "Thành ủy TP.HCM"), ("Url", "https://www.hcmcpv.org.vn"));
        await PostAsync(editor, $"/admin/sidebar/{links}/edit", $"/admin/sidebar/{links}/items", ("Title", "Cổng Chính phủ"), ("Url", "https://chinhphu.vn"));
        var video = await CreateBlockAsync(editor, SidebarBlockKind.VideoClip, "Video Quận 11");
        await PostAsync(editor, $"/admin/sidebar/{video}/edit", $"/admin/sidebar/{video}/items", ("Title", "Lễ hội"), ("VideoUrl", "https://youtu.be/dQw4w9WgXcQ"));

        var secondLink = await WithDbAsync(app, db => db.SidebarItems.Where(i => i.SidebarBlockId == links && i.Title == "Cổng Chính phủ").Select(i => i.Id).SingleAsync(Ct));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(editor, "/admin/sidebar", $"/admin/sidebar/items/{secondLink}/move", ("direction", "up"))).StatusCode);

        var home = Parse(await Staff.Client(app).GetStringAsync("/", Ct));
        var titles = home.QuerySelectorAll(".side-box__title").Select(h => h.TextContent.Trim()).ToList();
        Assert.Contains("Banner đang chạy", titles);
        Assert.DoesNotContain("Banner sắp tới", titles);
        Assert.DoesNotContain("Banner đã hết", titles);
        Assert.NotNull(home.QuerySelector($"img[src='https://q11.example/banner-{current}.jpg']"));
        Assert.Null(home.QuerySelector($"img[src='https://q11.example/banner-{future}.jpg']"));
        Assert.Equal(["Cổng Chính phủ", "Thành ủy TP.HCM"], home.QuerySelector($"#side-block-{links}")!.ParentElement!
            .QuerySelectorAll("li a").Select(a => a.FirstChild!.TextContent.Trim()));
        var clip = home.QuerySelector($"#side-block-{video}")!.ParentElement!;
        Assert.Equal("https://www.youtube.com/watch?v=dQw4w9WgXcQ", clip.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg", clip.QuerySelector("img")!.GetAttribute("src"));

        // Switched off: gone from the public page, and the admin list says so.
        var off = await PostAsync(editor, $"/admin/sidebar/{current}/edit", $"/admin/sidebar/{current}/edit",
            ("Title", "Banner đang chạy"), ("ActiveFrom", Local(now.AddDays(-1))), ("ActiveUntil", Local(now.AddDays(1))));
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.DoesNotContain("Banner đang chạy", await Staff.Client(app).GetStringAsync("/", Ct));
        var list = await PageAsync(editor, "/admin/sidebar");
        Assert.Contains("Đang tắt", list.QuerySelector($"#block-{current}")!.TextContent);
        Assert.Contains("Chưa đến ngày hiện", list.QuerySelector($"#block-{future}")!.TextContent);
        Assert.Contains("Đã hết hạn", list.QuerySelector($"#block-{expired}")!.TextContent);

        var audit = await AuditAsync(app, "sidebar.");
        Assert.Contains(audit, e => e.Action == AuditActions.SidebarItemReordered);
        Assert.Contains(audit, e => e.Action == AuditActions.SidebarBlockUpdated && e.Details!.Contains("(ẩn)"));
        Assert.All(audit, e => Assert.StartsWith("editor-", e.UserName));
    }

    [Fact]
    public async Task DeletingABlock_AsksFirst_AndDeletesNothingUntilConfirmed()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var editor = await Staff.SignedInAsync(app, Roles.Editor);
        var links = await CreateBlockAsync(editor, SidebarBlockKind.LinkList, "Liên kết website");

        Assert.Contains($"href=\"/admin/sidebar/{links}/delete\"", await editor.GetStringAsync("/admin/sidebar", Ct));
        var confirmPage = await editor.GetStringAsync($"/admin/sidebar/{links}/delete", Ct);
        Assert.Contains("Xóa khối “Liên kết website”", confirmPage);
        Assert.Contains("name=\"confirm\"", confirmPage);

        var unconfirmed = await PostAsync(editor, $"/admin/sidebar/{links}/delete", $"/admin/sidebar/{links}/delete");
        Assert.Equal(HttpStatusCode.Redirect, unconfirmed.StatusCode);
        Assert.Equal($"/admin/sidebar/{links}/delete", unconfirmed.Headers.Location!.ToString());
        Assert.True(await WithDbAsync(app, db => db.SidebarBlocks.AnyAsync(b => b.Id == links, Ct)));

        var confirmed = await PostAsync(editor, $"/admin/sidebar/{links}/delete", $"/admin/sidebar/{links}/delete", ("confirm", "true"));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.False(await WithDbAsync(app, db => db.SidebarBlocks.AnyAsync(b => b.Id == links, Ct)));
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/admin/sidebar/{links}/delete", Ct)).StatusCode);
    }

    [Fact]
    public async Task BadInput_IsExplainedInVietnamese_WithTheTypedTextKept_UnknownIdsAre404()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var editor = await Staff.SignedInAsync(app, Roles.Editor);
        var links = await CreateBlockAsync(editor, SidebarBlockKind.LinkList, "Liên kết website");
        var video = await CreateBlockAsync(editor, SidebarBlockKind.VideoClip, "Video");

        var script = await PostAsync(editor, $"/admin/sidebar/{links}/edit", $"/admin/sidebar/{links}/items", ("Title", "Trang lạ"), ("Url", "javascript:alert(1)"));
        Assert.Contains("chỉ nhận địa chỉ bắt đầu bằng https://", await ErrorsAsync(script));
        var html = Parse(await script.Content.ReadAsStringAsync(Ct));
        Assert.Equal("Trang lạ", html.QuerySelector("#item-Title")!.GetAttribute("value"));
        Assert.Equal("javascript:alert(1)", html.QuerySelector("#item-Url")!.GetAttribute("value"));

        Assert.Contains("YouTube", await ErrorsAsync(await PostAsync(editor, $"/admin/sidebar/{video}/edit", $"/admin/sidebar/{video}/items", ("Title", "Clip"), ("VideoUrl", "https://evil.example/x.html"))));
        Assert.Contains("phải sau ngày bắt đầu", await ErrorsAsync(await PostAsync(editor, "/admin/sidebar", "/admin/sidebar/create",
            ("Kind", "Banner"), ("Title", "Sai ngày"), ("ActiveFrom", "2026-12-10T00:00"), ("ActiveUntil", "2026-12-01T00:00"))));
        var badDate = await PostAsync(editor, "/admin/sidebar", "/admin/sidebar/create", ("Kind", "Banner"), ("Title", "Ngày lạ"), ("ActiveFrom", "hôm qua"));
        Assert.Contains("“hôm qua” không hợp lệ", await ErrorsAsync(badDate));
        Assert.Contains("value=\"Ngày lạ\"", await badDate.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(editor, "/admin/sidebar", "/admin/sidebar/create", ("Kind", "Popup"), ("Title", "X"))).StatusCode);
        Assert.Contains("không còn trong thư viện", await ErrorsAsync(await PostAsync(editor, $"/admin/sidebar/{video}/edit", $"/admin/sidebar/{video}/items",
            ("Title", "Clip"), ("VideoUrl", "https://youtu.be/dQw4w9WgXcQ"), ("MediaId", "424242"))));

        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/admin/sidebar/424242/edit", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/admin/sidebar/{links}/edit?item=424242", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(editor, "/admin/sidebar", "/admin/sidebar/424242/edit", ("Title", "X"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(editor, "/admin/sidebar", "/admin/sidebar/424242/move", ("direction", "up"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(editor, "/admin/sidebar", "/admin/sidebar/424242/delete")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(editor, "/admin/sidebar", "/admin/sidebar/424242/items", ("Title", "X"), ("Url", "https://a.vn"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(editor, "/admin/sidebar", "/admin/sidebar/items/424242/edit", ("Title", "X"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(editor, "/admin/sidebar", "/admin/sidebar/items/424242/move", ("direction", "up"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(editor, "/admin/sidebar", "/admin/sidebar/items/424242/delete")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(editor, "/admin/sidebar", $"/admin/sidebar/{links}/move", ("direction", "left"))).StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostAsync($"/admin/sidebar/{links}/delete", new FormUrlEncodedContent([]), Ct)).StatusCode);
        Assert.True(await WithDbAsync(app, db => db.SidebarBlocks.AnyAsync(b => b.Id == links, Ct)));
    }
}
