using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;
using Q11Portal.Core.Pages;
using Q11Portal.Testing;

namespace Q11Portal.Core.Tests.Sections;

public sealed class SitePageEditorTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SitePageEditor Editor(PortalDbContext db) =>
        new(db, new ArticleHtmlSanitizer(), new AuditLog(db, TimeProvider.System, NullLogger<AuditLog>.Instance), TimeProvider.System);

    private static SitePageInput Input(string title, string body, PagePlacement placement = PagePlacement.Footer, int order = 1, string? slug = null) =>
        new(title, slug, null, body, placement, order, true);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task CreateUpdateRestore_SanitizesBodies_PlacesLinksInOrder_KeepsRevisions(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var editor = Editor(db);
        var service = new SitePageService(db);

        var about = (await editor.CreateAsync(Input("Giới thiệu", "<p>Lịch sử Đảng bộ</p><script>alert(1)</script>", PagePlacement.MainMenu, 1, "gioi-thieu"), "admin", Ct)).Value!;
        var guide = (await editor.CreateAsync(Input("Hướng dẫn sử dụng", "<p>Cách tìm tin</p>", PagePlacement.Footer, 2), "admin", Ct)).Value!;
        await editor.CreateAsync(Input("Chính sách riêng tư", "<p>Cookie</p>", PagePlacement.Footer, 1, "chinh-sach-rieng-tu"), "admin", Ct);
        await editor.CreateAsync(new SitePageInput("Bản nháp", null, null, "<p>Chưa xong</p>", PagePlacement.Footer, 0, false), "admin", Ct);

        Assert.Equal("Đã loại bỏ: <script> (thẻ không được phép; chữ bên trong được giữ lại, trừ mã lệnh và kiểu trình bày).", about.Notice);
        Assert.Equal("<p>Lịch sử Đảng bộ</p>", (await service.FindPublishedAsync("gioi-thieu", Ct))!.BodyHtml);
        Assert.Equal([("Chính sách riêng tư", "/chinh-sach-rieng-tu"), ("Hướng dẫn sử dụng", "/trang/huong-dan-su-dung")],
            (await service.LinksAsync(PagePlacement.Footer, Ct)).Select(l => (l.Title, l.Url)));
        Assert.Equal("/gioi-thieu", (await service.LinksAsync(PagePlacement.MainMenu, Ct)).Single().Url);
        Assert.Null(await service.FindPublishedAsync("ban-nhap", Ct));

        var page = (await service.FindAsync(guide.Id, Ct))!;
        Assert.True((await editor.UpdateAsync(guide.Id, Input("Hướng dẫn sử dụng", "<p>Cách xem lịch công tác</p>"), page.Version, "admin", Ct)).Succeeded);
        // A form made from the first version does not overwrite the second.
        var stale = await editor.UpdateAsync(guide.Id, Input("Hướng dẫn", "<p>Cũ</p>"), page.Version, "admin2", Ct);
        Assert.Equal(Outcome.Conflict, stale.Outcome);
        Assert.Contains("sau khi bạn mở biểu mẫu", stale.Message);

        Assert.True((await editor.RestoreAsync(guide.Id, 1, "admin", Ct)).Succeeded);
        Assert.Equal("<p>Cách tìm tin</p>", (await service.FindAsync(guide.Id, Ct))!.BodyHtml);
        Assert.Equal([3, 2, 1], (await service.ListRevisionsAsync(guide.Id, Ct)).Select(r => r.Number));
        Assert.Equal(["page.create", "page.create", "page.create", "page.create", "page.update", "page.restore"],
            await db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Commands_BadInput_AreRefused_SystemPagesKeepTheirAddress(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var editor = Editor(db);
        var contact = (await editor.CreateAsync(Input("Liên hệ", "<p>Địa chỉ</p>", slug: "lien-he"), "admin", Ct)).Value!;
        var version = (await new SitePageService(db).FindAsync(contact.Id, Ct))!.Version;

        var duplicate = await editor.CreateAsync(Input("Liên hệ!", "<p>Khác</p>"), "admin", Ct);
        var empty = await editor.CreateAsync(Input("Trang trống", "<p>\u200B</p><script>x</script>"), "admin", Ct);
        var noTitle = await editor.CreateAsync(Input(" \u202E ", "<p>Nội dung</p>"), "admin", Ct);
        var renamed = await editor.UpdateAsync(contact.Id, Input("Liên hệ", "<p>Địa chỉ</p>", slug: "lien-lac"), version, "admin", Ct);
        var deleted = await editor.DeleteAsync(contact.Id, "admin", Ct);

        Assert.Contains("“lien-he” đã được một trang khác dùng", duplicate.Message);
        Assert.Contains("Nội dung trang đang trống", empty.Message);
        Assert.Equal(Outcome.Invalid, noTitle.Outcome);
        Assert.Contains("cố định là /lien-he", renamed.Message);
        Assert.Contains("không xóa được", deleted.Message);
        Assert.Equal(1, await db.SitePages.CountAsync(Ct));
        Assert.Equal("lien-he", (await db.SitePages.SingleAsync(Ct)).Slug);
    }
}
