using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Pages;
using Q11Portal.Core.Users;
using Q11Portal.Web.Tests.Comments;
using Q11Portal.Web.Tests.Infrastructure;
using static Q11Portal.Web.Tests.SiteAdmin.SiteAdminTestSupport;

namespace Q11Portal.Web.Tests.Sections;

public sealed class SitePagesWebTests
{
    private static (string, string)[] PageFields(string title, string body, string placement = "Footer", string order = "5", string? version = null) =>
    [
        ("Title", title), ("Slug", ""), ("Summary", "Tóm tắt"), ("BodyHtml", body), ("Placement", placement), ("SortOrder", order), ("IsPublished", "true"),
        ("Version", version ?? Guid.Empty.ToString()),
    ];

    /// <summary>Adds a published system page directly (the demo seeder's job on a real site).</summary>
    internal static async Task AddPageAsync(PortalAppFactory app, string slug, string title, PagePlacement placement, int order = 1)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<SitePageEditor>();
        var saved = await editor.CreateAsync(new SitePageInput(title, slug, null, $"<p>Nội dung trang {title}.</p>", placement, order, true), "admin", Ct);
        Assert.True(saved.Succeeded, saved.Message);
    }

    [Fact]
    public async Task AdminCreatesAndEditsPage_LinkAppearsInFooterInOrder_BadInputAndStaleSavesKeepTheTypedText()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var admin = await Staff.SignedInAsync(app, Roles.Admin);
        await AddPageAsync(app, PageRulesAbout, "Giới thiệu", PagePlacement.MainMenu);

        var created = await PostAsync(admin, "/admin/pages/create", "/admin/pages/create", PageFields("Hướng dẫn sử dụng", "<p>Cách tìm tin.</p><script>alert(1)</script>"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var editUrl = created.Headers.Location!.OriginalString;

        var home = await PageAsync(Staff.Client(app), "/");
        Assert.Equal("/trang/huong-dan-su-dung", home.QuerySelector(".site-footer__links a")!.GetAttribute("href"));
        Assert.Contains(home.QuerySelectorAll(".main-nav a"), a => a.GetAttribute("href") == "/gioi-thieu" && a.TextContent == "Giới thiệu");
        Assert.Contains(home.QuerySelectorAll(".main-nav a"), a => a.GetAttribute("href") == "/lich-cong-tac");
        var guide = await PageAsync(Staff.Client(app), "/trang/huong-dan-su-dung");
        Assert.Equal("<p>Cách tìm tin.</p>", guide.QuerySelector(".site-page__body")!.InnerHtml.Trim());
        Assert.Equal(HttpStatusCode.MovedPermanently, (await Staff.Client(app).GetAsync("/trang/gioi-thieu", Ct)).StatusCode);

        var form = Parse(await admin.GetStringAsync(editUrl, Ct));
        var version = form.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        var emptyTitle = await PostAsync(admin, editUrl, editUrl, PageFields("", "<p>Nội dung tôi vừa viết lại.</p>", version: version));
        Assert.Contains("Hãy nhập tiêu đề trang", await ErrorsAsync(emptyTitle));
        Assert.Equal("<p>Nội dung tôi vừa viết lại.</p>", Parse(await emptyTitle.Content.ReadAsStringAsync(Ct)).QuerySelector("#BodyHtml")!.TextContent);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, editUrl, editUrl, PageFields("Hướng dẫn", "<p>Bản hai.</p>", version: version))).StatusCode);
        var stale = await PostAsync(admin, editUrl, editUrl, PageFields("Hướng dẫn", "<p>Bản ba của người khác.</p>", version: version));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var staleForm = Parse(await stale.Content.ReadAsStringAsync(Ct));
        Assert.Contains("sau khi bạn mở biểu mẫu", staleForm.QuerySelector(".form-errors")!.TextContent);
        Assert.Equal("<p>Bản ba của người khác.</p>", staleForm.QuerySelector("#BodyHtml")!.TextContent);

        var revisions = await PageAsync(admin, editUrl.Replace("/edit", "/revisions", StringComparison.Ordinal));
        Assert.Equal(2, revisions.QuerySelectorAll("tbody tr").Length);
        var actions = await WithDbAsync(app, db => db.AuditEntries.Where(a => a.EntityType == nameof(SitePage)).Select(a => a.Action).ToListAsync(Ct));
        Assert.Contains("page.update", actions);
    }

    private const string PageRulesAbout = SitePageRules.AboutSlug;

    [Fact]
    public async Task LetterForm_ValidLetterIsStoredNeverPublished_BadTooFastAndReplayedPostsComeBackWithTheTypedText()
    {
        await using var site = await CommentTestSite.CreateAsync();
        await AddPageAsync(site.App, SitePageRules.ContactSlug, "Liên hệ", PagePlacement.MainMenu, 2);
        await AddPageAsync(site.App, SitePageRules.PrivacySlug, "Chính sách riêng tư", PagePlacement.Footer);

        var contact = await site.Client.GetStringAsync("/lien-he", Ct);
        Assert.Contains("href=\"/chinh-sach-rieng-tu#thu-gop-y\"", contact);
        var token = CommentTestSite.ReadToken(contact);
        var altcha = await site.SolveAltchaAsync();
        var body = "Đề nghị kiểm tra đèn chiếu sáng hẻm 42 Lạc Long Quân, buổi tối rất tối.";
        FormUrlEncodedContent Letter(string? formToken, string? proof, string subject = "Đèn đường hẻm 42", string? email = "binh@example.vn") =>
            new([new("Name", "Trần Thị Bình"), new("Email", email ?? ""), new("Phone", ""), new("Address", ""), new("Subject", subject),
                new("Body", body), new("Website", ""), new("FormToken", formToken ?? ""), new("altcha", proof ?? "")]);

        var tooFast = await site.Client.PostAsync("/lien-he", Letter(token, altcha), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, tooFast.StatusCode);
        var tooFastPage = Parse(await tooFast.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Bạn gửi quá nhanh", tooFastPage.QuerySelector(".comment-errors")!.TextContent);
        Assert.Equal(body, tooFastPage.QuerySelector("#letter-body")!.TextContent);

        site.Clock.Advance(TimeSpan.FromSeconds(15));
        var noContact = await site.Client.PostAsync("/lien-he", Letter(token, altcha, email: null), Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noContact.StatusCode);
        var noContactPage = Parse(await noContact.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Hãy để lại email hoặc số điện thoại", noContactPage.QuerySelector("#letter-email-error")!.TextContent);
        Assert.Equal("Đèn đường hẻm 42", noContactPage.QuerySelector("#letter-subject")!.GetAttribute("value"));

        var sent = await site.Client.PostAsync("/lien-he", Letter(token, altcha), Ct);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal("/lien-he?da-gui=1#hop-thu-da-gui", sent.Headers.Location!.OriginalString);
        Assert.Contains("Đã gửi thư của bạn", await site.Client.GetStringAsync("/lien-he?da-gui=1", Ct));

        var replayed = await site.Client.PostAsync("/lien-he", Letter(token, await site.SolveAltchaAsync(), "Thư gửi lại"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
        var replayedPage = Parse(await replayed.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Biểu mẫu này đã được dùng", replayedPage.QuerySelector(".comment-errors")!.TextContent);
        Assert.Equal("Thư gửi lại", replayedPage.QuerySelector("#letter-subject")!.GetAttribute("value"));

        var letter = await WithDbAsync(site.App, db => db.Letters.SingleAsync(Ct));
        Assert.Equal("Đèn đường hẻm 42", letter.Subject);
        Assert.DoesNotContain("Lạc Long Quân", await site.Client.GetStringAsync("/lien-he", Ct));
        Assert.DoesNotContain("Lạc Long Quân", await site.Client.GetStringAsync("/", Ct));

        var admin = await Staff.SignedInAsync(site.App, Roles.Admin);
        var inbox = await PageAsync(admin, "/admin/letters?status=New");
        Assert.Equal("Đèn đường hẻm 42", inbox.QuerySelector("tbody th a")!.TextContent);
        Assert.Contains(body, (await PageAsync(admin, $"/admin/letters/{letter.Id}")).QuerySelector(".letter-body")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, $"/admin/letters/{letter.Id}", $"/admin/letters/{letter.Id}/handled", ("note", "Đã chuyển UBND Phường 3."))).StatusCode);
        Assert.Equal(Core.Letters.LetterStatus.Handled, await WithDbAsync(site.App, db => db.Letters.Select(l => l.Status).SingleAsync(Ct)));
    }
}
