using System.Net;
using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Data;
using Q11Portal.Core.Users;
using Q11Portal.Testing;
using Q11Portal.Web.Tests.Infrastructure;
using static Q11Portal.Web.Tests.SiteAdmin.SiteAdminTestSupport;

namespace Q11Portal.Web.Tests.SiteAdmin;

public sealed class CategoryAdminWebTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static async Task<int> IdOfAsync(PortalAppFactory app, string slug) =>
        await WithDbAsync(app, db => db.Categories.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync(Ct));

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Editor_CreatesNestsRenamesReordersAndDeletes_OldSlugRedirects(DatabaseProvider provider)
    {
        await using var app = await PortalAppFactory.CreateAsync(provider);
        var editor = await Staff.SignedInAsync(app, Roles.Editor);

        var created = await PostAsync(editor, "/admin/categories/create", "/admin/categories/create",
            ("Name", "Hoạt động   Mặt trận"), ("Slug", ""), ("ParentId", ""), ("Description", "Tin của Mặt trận Tổ quốc"), ("ShowOnHome", "true"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var front = await IdOfAsync(app, "hoat-dong-mat-tran");
        await PostAsync(editor, "/admin/categories/create", "/admin/categories/create", ("Name", "Đoàn thanh niên"), ("ParentId", front.ToString()), ("ShowOnHome", "true"));
        await PostAsync(editor, "/admin/categories/create", "/admin/categories/create", ("Name", "Hội phụ nữ"), ("ParentId", front.ToString()));
        var youth = await IdOfAsync(app, "doan-thanh-nien");
        var women = await IdOfAsync(app, "hoi-phu-nu");

        var list = await PageAsync(editor, "/admin/categories");
        Assert.Equal(["Hoạt động Mặt trận", "Đoàn thanh niên", "Hội phụ nữ"],
            list.QuerySelectorAll("tr[id^=cat-] th a").Select(a => a.TextContent.Trim()).ToArray()[^3..]);
        Assert.Equal("depth-1", list.QuerySelector($"#cat-{women}")!.ClassName);
        Assert.Contains("Ẩn", list.QuerySelector($"#cat-{women}")!.TextContent);

        // Move "Hội phụ nữ" above "Đoàn thanh niên".
        var moved = await PostAsync(editor, "/admin/categories", $"/admin/categories/{women}/move", ("direction", "up"));
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        list = await PageAsync(editor, "/admin/categories");
        Assert.Equal(["Hội phụ nữ", "Đoàn thanh niên"], list.QuerySelectorAll("tr.depth-1 th a").Select(a => a.TextContent.Trim()));

        // A new slug: the old public address answers 301 to the new one.
        var renamed = await PostAsync(editor, $"/admin/categories/{youth}/edit", $"/admin/categories/{youth}/edit",
            ("Name", "Đoàn TNCS Hồ Chí Minh"), ("Slug", "Đoàn Thanh niên Cộng sản"), ("ParentId", front.ToString()), ("ShowOnHome", "true"));
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        var old = await Staff.Client(app).GetAsync("/chuyen-muc/doan-thanh-nien?page=2", Ct);
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/chuyen-muc/doan-thanh-nien-cong-san?page=2", old.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await Staff.Client(app).GetAsync("/chuyen-muc/doan-thanh-nien-cong-san", Ct)).StatusCode);
        Assert.Contains("/chuyen-muc/doan-thanh-nien", (await PageAsync(editor, $"/admin/categories/{youth}/edit")).QuerySelector("main form")!.TextContent);

        // Delete: refused while it has sub-categories, then done by moving them (and articles) elsewhere.
        await WithDbAsync(app, async db =>
        {
            db.Articles.Add(new Article { Title = "Ngày hội Đại đoàn kết", Slug = "ngay-hoi", CategoryId = front, Status = ArticleStatus.Published, PublishedAtUtc = DateTime.UtcNow.AddHours(-1) });
            return await db.SaveChangesAsync(Ct);
        });
        var deletePage = await PageAsync(editor, $"/admin/categories/{front}/delete");
        Assert.Contains("1 bài viết", deletePage.QuerySelector("main form")!.TextContent);
        Assert.Null(deletePage.QuerySelector($"#moveTo option[value='{youth}']"));
        var refused = await PostAsync(editor, $"/admin/categories/{front}/delete", $"/admin/categories/{front}/delete");
        Assert.Contains("còn 2 chuyên mục con", await ErrorsAsync(refused));
        await PostAsync(editor, "/admin/categories/create", "/admin/categories/create", ("Name", "Đoàn thể"), ("ShowOnHome", "true"));
        var target = await IdOfAsync(app, "doan-the");
        var deleted = await PostAsync(editor, $"/admin/categories/{front}/delete", $"/admin/categories/{front}/delete", ("moveTo", target.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(1, await WithDbAsync(app, db => db.Articles.CountAsync(a => a.Slug == "ngay-hoi" && a.CategoryId == target, Ct)));
        Assert.Equal(2, await WithDbAsync(app, db => db.Categories.CountAsync(c => c.ParentId == target && (c.Id == youth || c.Id == women), Ct)));

        var audit = await AuditAsync(app, "category.");
        Assert.Equal([AuditActions.CategoryCreated, AuditActions.CategoryCreated, AuditActions.CategoryCreated, AuditActions.CategoryReordered,
            AuditActions.CategoryUpdated, AuditActions.CategoryCreated, AuditActions.CategoryDeleted], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.StartsWith("editor-", e.UserName));
    }

    [Fact]
    public async Task BadInput_IsExplainedInVietnamese_KeepsTheTypedText_AndUnknownIdsAre404()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var editor = await Staff.SignedInAsync(app, Roles.Editor);
        await PostAsync(editor, "/admin/categories/create", "/admin/categories/create", ("Name", "Văn bản"));
        var id = await IdOfAsync(app, "van-ban");

        var duplicate = await PostAsync(editor, "/admin/categories/create", "/admin/categories/create",
            ("Name", "Văn bản mới"), ("Slug", "van-ban"), ("Description", "Mô tả đã gõ"));
        Assert.Contains("“van-ban” đã được chuyên mục khác dùng", await ErrorsAsync(duplicate));
        var html = await duplicate.Content.ReadAsStringAsync(Ct);
        Assert.Contains("value=\"Văn bản mới\"", html);
        Assert.Contains("Mô tả đã gõ", html);

        var badParent = await PostAsync(editor, "/admin/categories/create", "/admin/categories/create", ("Name", "Tin ảnh"), ("ParentId", "abc"));
        Assert.Contains("“abc” không hợp lệ", await ErrorsAsync(badParent));
        Assert.Contains("không còn tồn tại", await ErrorsAsync(await PostAsync(editor, "/admin/categories/create", "/admin/categories/create", ("Name", "Tin ảnh"), ("ParentId", "424242"))));
        Assert.Contains("Vui lòng nhập tên", await ErrorsAsync(await PostAsync(editor, "/admin/categories/create", "/admin/categories/create", ("Name", "   "))));
        Assert.Contains("tối đa 150 ký tự", await ErrorsAsync(await PostAsync(editor, "/admin/categories/create", "/admin/categories/create", ("Name", new string('a', 151)))));
        Assert.Contains("chính nó", await ErrorsAsync(await PostAsync(editor, $"/admin/categories/{id}/edit", $"/admin/categories/{id}/edit", ("Name", "Văn bản"), ("ParentId", id.ToString()))));

        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(editor, "/admin/categories", $"/admin/categories/{id}/move", ("direction", "sideways"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/admin/categories/424242/edit", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/admin/categories/424242/delete", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(editor, "/admin/categories", "/admin/categories/424242/edit", ("Name", "X"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(editor, "/admin/categories", "/admin/categories/424242/move", ("direction", "up"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(editor, "/admin/categories", "/admin/categories/424242/delete")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/admin/categories/99999999999/edit", Ct)).StatusCode);

        // Without the antiforgery token nothing changes.
        var forged = await editor.PostAsync($"/admin/categories/{id}/delete", new FormUrlEncodedContent([]), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(id, await IdOfAsync(app, "van-ban"));
        Assert.Single(await AuditAsync(app, "category."));
    }
}
