using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Data;
using Q11Portal.Core.Users;
using Q11Portal.Testing;
using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests.Newsroom;

/// <summary>The newsroom through HTTP: the workflow by role and state, concurrent saves, revisions, preview, audit,
/// tag suggestions and the alt-text rule.</summary>
public sealed class NewsroomWorkflowTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<T> WithDbAsync<T>(PortalAppFactory app, Func<PortalDbContext, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ReporterSubmits_EditorReturnsWithReason_ReporterFixes_EditorPublishes_WrongStepsAre403Or400(DatabaseProvider provider)
    {
        await using var app = await PortalAppFactory.CreateAsync(provider);
        var category = await NewsroomSite.AddCategoryAsync(app);
        var reporter = await Staff.SignedInAsync(app, Roles.Reporter);
        var editor = await Staff.SignedInAsync(app, Roles.Editor);
        const string Title = "Phường 14 ra quân làm sạch kênh Tân Hóa";

        var id = await NewsroomSite.CreateAsync(reporter, Title, "<p>Sáng 29/11, đoàn viên phường 14 ra quân.</p>", category, "submit", "Môi trường, Đoàn viên");
        Assert.Equal(ArticleStatus.Submitted, await WithDbAsync(app, db => db.Articles.Where(a => a.Id == id).Select(a => a.Status).SingleAsync(Ct)));

        // A reporter cannot publish: 403 with the reason, in Vietnamese, and nothing moves.
        var publishByReporter = await NewsroomSite.TransitionAsync(reporter, id, "Publish");
        Assert.Equal(HttpStatusCode.Forbidden, publishByReporter.StatusCode);
        Assert.Contains("Phóng viên không được xuất bản", await publishByReporter.Content.ReadAsStringAsync(Ct));
        // …nor edit it while it waits for review.
        var editWhileSubmitted = await NewsroomSite.SaveAsync(reporter, id, Title, "<p>Sửa lén.</p>", category);
        Assert.Equal(HttpStatusCode.Forbidden, editWhileSubmitted.StatusCode);
        Assert.Contains("Bài đang chờ duyệt", await editWhileSubmitted.Content.ReadAsStringAsync(Ct));
        // A step the state does not allow: 400 with a message, never a 500.
        var unpublishDraft = await NewsroomSite.TransitionAsync(editor, id, "Unpublish");
        Assert.Equal(HttpStatusCode.BadRequest, unpublishDraft.StatusCode);
        Assert.Contains("Không thể “Gỡ bài” khi bài đang ở trạng thái “Chờ duyệt”", await unpublishDraft.Content.ReadAsStringAsync(Ct));
        var nonsense = await NewsroomSite.TransitionAsync(editor, id, "Fly");
        Assert.Equal(HttpStatusCode.BadRequest, nonsense.StatusCode);

        // Returning needs a reason; without one the editor is told and stays on the page.
        var noReason = await NewsroomSite.TransitionAsync(editor, id, "Return", "  ");
        Assert.Equal(HttpStatusCode.Redirect, noReason.StatusCode);
        Assert.Contains("Hãy ghi lý do trả lại", await editor.GetStringAsync($"/admin/articles/{id}/edit", Ct));
        var returned = await NewsroomSite.TransitionAsync(editor, id, "Return", "Thiếu ảnh và số liệu người tham gia.");
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);

        var reporterView = await reporter.GetStringAsync($"/admin/articles/{id}/edit", Ct);
        Assert.Contains("Bài bị trả lại.", reporterView);
        Assert.Contains("Thiếu ảnh và số liệu người tham gia.", reporterView);

        var fixedSave = await NewsroomSite.SaveAsync(reporter, id, Title, "<p>Sáng 29/11, 120 đoàn viên phường 14 ra quân.</p>", category, "submit", tags: "Môi trường, Đoàn viên");
        Assert.Equal(HttpStatusCode.Redirect, fixedSave.StatusCode);

        var published = await NewsroomSite.SaveAsync(editor, id, Title, "<p>Sáng 29/11, 120 đoàn viên phường 14 ra quân.</p>", category, "publish", tags: "Môi trường, Đoàn viên");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        var article = await WithDbAsync(app, db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id, Ct));
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Null(article.ReturnReason);
        var home = await Staff.Client(app).GetStringAsync("/", Ct);
        Assert.Contains(Title, home);
        Assert.Contains("120 đoàn viên", await Staff.Client(app).GetStringAsync($"/tin-tuc/{article.Slug}", Ct));

        // The index and related lists follow (ContentChange row + the direct hook).
        Assert.True(await WithDbAsync(app, db => db.ContentChanges.AnyAsync(c => c.EntityId == id && c.Kind == ContentChangeKind.Upserted, Ct)));
        // (titles come back with <mark> around the matched words, so look for the link)
        Assert.Contains($"/tin-tuc/{article.Slug}", await Staff.Client(app).GetStringAsync("/tim-kiem?q=kenh+Tan+Hoa", Ct));

        var actions = await WithDbAsync(app, db => db.AuditEntries.Where(e => e.EntityId == id.ToString()).Select(e => e.Action).ToListAsync(Ct));
        Assert.Contains(AuditActions.ArticleSubmitted, actions);
        Assert.Contains(AuditActions.ArticleReturned, actions);
        Assert.Contains(AuditActions.ArticlePublished, actions);

        // Unpublish and delete write ContentChange too, and the page goes away.
        Assert.Equal(HttpStatusCode.Redirect, (await NewsroomSite.TransitionAsync(editor, id, "Unpublish", "Cập nhật số liệu")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Staff.Client(app).GetAsync($"/tin-tuc/{article.Slug}", Ct)).StatusCode);
        Assert.DoesNotContain($"/tin-tuc/{article.Slug}", await Staff.Client(app).GetStringAsync("/tim-kiem?q=kenh+Tan+Hoa", Ct));
        Assert.Equal(HttpStatusCode.Redirect, (await NewsroomSite.TransitionAsync(editor, id, "Delete")).StatusCode);
        // Deleting moves it to the trash (Thùng rác), restorable for 30 days.
        Assert.Equal(ArticleStatus.Trashed, await WithDbAsync(app, db => db.Articles.Where(a => a.Id == id).Select(a => a.Status).SingleAsync(Ct)));
        Assert.Equal(2, await WithDbAsync(app, db => db.ContentChanges.CountAsync(c => c.ContentKind == ContentKind.Article && c.EntityId == id && c.Kind == ContentChangeKind.Removed, Ct)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TwoEditorsSaveTheSameArticle_TheSecondIsToldAndKeepsTheText_RevisionsDiffAndRestore(DatabaseProvider provider)
    {
        await using var app = await PortalAppFactory.CreateAsync(provider);
        var category = await NewsroomSite.AddCategoryAsync(app);
        var first = await Staff.SignedInAsync(app, Roles.Editor);
        var second = await Staff.SignedInAsync(app, Roles.Editor);
        var id = await NewsroomSite.CreateAsync(first, "Hội nghị sơ kết công tác dân vận", "<p>Quận 11 tổ chức hội nghị sơ kết.</p>", category);

        var seenByBoth = await NewsroomSite.VersionAsync(first, id);
        var save1 = await NewsroomSite.SaveAsync(first, id, "Hội nghị sơ kết công tác dân vận", "<p>Quận 11 tổ chức hội nghị tổng kết.</p>", category, version: seenByBoth);
        Assert.Equal(HttpStatusCode.Redirect, save1.StatusCode);

        var save2 = await NewsroomSite.SaveAsync(second, id, "Tiêu đề của người thứ hai", "<p>Đoạn văn người thứ hai viết.</p>", category, version: seenByBoth);
        Assert.Equal(HttpStatusCode.Conflict, save2.StatusCode);
        var form = await save2.Content.ReadAsStringAsync(Ct);
        Assert.Contains("CHƯA được lưu", form);
        Assert.Contains("Đoạn văn người thứ hai viết.", System.Net.WebUtility.HtmlDecode(form));
        Assert.Contains("value=\"Tiêu đề của người thứ hai\"", form);
        Assert.Equal("Hội nghị sơ kết công tác dân vận", await WithDbAsync(app, db => db.Articles.Where(a => a.Id == id).Select(a => a.Title).SingleAsync(Ct)));

        // Saving again from that form overwrites knowingly (its Version is now the current one).
        var save3 = await NewsroomSite.SaveAsync(second, id, "Tiêu đề của người thứ hai", "<p>Đoạn văn người thứ hai viết.</p>", category, version: NewsroomSite.VersionIn(form));
        Assert.Equal(HttpStatusCode.Redirect, save3.StatusCode);

        var revisions = await WithDbAsync(app, db => db.ArticleRevisions.Where(r => r.ArticleId == id).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(Ct));
        Assert.Equal(3, revisions.Count);
        var list = await first.GetStringAsync($"/admin/articles/{id}/revisions", Ct);
        Assert.Contains("Tiêu đề của người thứ hai", list);
        var diff = await first.GetStringAsync($"/admin/articles/{id}/revisions/diff?from={revisions[0]}&to={revisions[1]}", Ct);
        Assert.Contains("<del>sơ </del>", diff);
        Assert.Contains("<ins>tổng </ins>", diff);

        var restore = await Staff.PostFormAsync(first, $"/admin/articles/{id}/revisions", $"/admin/articles/{id}/revisions/{revisions[0]}/restore",
            [new("version", await NewsroomSite.VersionAsync(first, id))]);
        Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        var restored = await WithDbAsync(app, db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id, Ct));
        Assert.Equal("Hội nghị sơ kết công tác dân vận", restored.Title);
        Assert.Contains("hội nghị sơ kết", restored.BodyHtml);
        Assert.Equal(4, await WithDbAsync(app, db => db.ArticleRevisions.CountAsync(r => r.ArticleId == id, Ct)));

        // A stale restore is refused too, not applied over someone's work.
        var staleRestore = await Staff.PostFormAsync(first, $"/admin/articles/{id}/revisions", $"/admin/articles/{id}/revisions/{revisions[1]}/restore",
            [new("version", seenByBoth)]);
        Assert.Equal(HttpStatusCode.Redirect, staleRestore.StatusCode);
        Assert.Equal("Hội nghị sơ kết công tác dân vận", await WithDbAsync(app, db => db.Articles.Where(a => a.Id == id).Select(a => a.Title).SingleAsync(Ct)));
    }

    [Fact]
    public async Task Preview_ShowsTheDraftAsReadersWill_ToStaffOnly()
    {
        var logs = new Comments.CollectingSink();
        await using var app = await PortalAppFactory.CreateAsync(services: s => s.AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(new Microsoft.Extensions.Logging.LoggerFactory([logs])));
        var category = await NewsroomSite.AddCategoryAsync(app);
        var reporter = await Staff.SignedInAsync(app, Roles.Reporter);
        var id = await NewsroomSite.CreateAsync(reporter, "Bản nháp chưa công bố", "<p>Nội dung nháp.</p>", category);
        var slug = await WithDbAsync(app, db => db.Articles.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync(Ct));

        var preview = await reporter.GetAsync($"/admin/articles/{id}/preview", Ct);
        Assert.True(preview.StatusCode == HttpStatusCode.OK, logs.Text);
        var html = await preview.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Bản xem trước", html);
        Assert.Contains("Nội dung nháp.", html);
        Assert.Contains("site-header", html);
        Assert.Equal("no-store", preview.Headers.CacheControl?.ToString());

        var anonymous = Staff.Client(app);
        var anonymousPreview = await anonymous.GetAsync($"/admin/articles/{id}/preview", Ct);
        Assert.Equal(HttpStatusCode.Redirect, anonymousPreview.StatusCode);
        Assert.Contains("/dang-nhap", anonymousPreview.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/tin-tuc/{slug}", Ct)).StatusCode);
    }

    [Fact]
    public async Task AnotherReportersDraft_IsNotOpenedByAReporter_ButIsByAnEditor()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var category = await NewsroomSite.AddCategoryAsync(app);
        var author = await Staff.SignedInAsync(app, Roles.Reporter);
        var colleague = await Staff.SignedInAsync(app, Roles.Reporter);
        var editor = await Staff.SignedInAsync(app, Roles.Editor);
        var id = await NewsroomSite.CreateAsync(author, "Bản nháp của phóng viên A", "<p>Số liệu chưa kiểm chứng.</p>", category);

        foreach (var path in new[] { $"/admin/articles/{id}/edit", $"/admin/articles/{id}/preview", $"/admin/articles/{id}/delete" })
        {
            var refused = await colleague.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            var page = await refused.Content.ReadAsStringAsync(Ct);
            Assert.Contains("Phóng viên chỉ mở được bài do chính mình viết", page);
            Assert.DoesNotContain("Số liệu chưa kiểm chứng", page);
            Assert.Equal(HttpStatusCode.OK, (await author.GetAsync(path, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(path, Ct)).StatusCode);
        }

        // A forged save (the version read by the author, the form token from the colleague's own new-article form).
        var overwrite = await Staff.PostFormAsync(colleague, "/admin/articles/create", $"/admin/articles/{id}/edit",
            NewsroomSite.Form("Ghi đè", "<p>Ghi đè.</p>", category, "save", await NewsroomSite.VersionAsync(author, id)));
        Assert.Equal(HttpStatusCode.Forbidden, overwrite.StatusCode);
        Assert.Equal("Bản nháp của phóng viên A", await WithDbAsync(app, db => db.Articles.Where(a => a.Id == id).Select(a => a.Title).SingleAsync(Ct)));
    }

    [Fact]
    public async Task ImageWithoutAltText_IsRefusedWithAVietnameseMessage_AndTheBodyIsKept()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var category = await NewsroomSite.AddCategoryAsync(app);
        var reporter = await Staff.SignedInAsync(app, Roles.Reporter);
        const string Body = "<p>Đoạn mở đầu rất dài mà phóng viên đã gõ.</p><figure class=\"image\"><img src=\"/media/hoi-nghi.jpg\"><figcaption>Quang cảnh hội nghị</figcaption></figure>";

        var response = await Staff.PostFormAsync(reporter, "/admin/articles/create", "/admin/articles/create",
            NewsroomSite.Form("Bài có ảnh thiếu mô tả", Body, category));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("chưa có lời mô tả", html);
        Assert.Contains("“hoi-nghi.jpg”", html);
        Assert.Contains("Đoạn mở đầu rất dài mà phóng viên đã gõ.", html);
        Assert.Contains("value=\"Bài có ảnh thiếu mô tả\"", html);
        Assert.False(await WithDbAsync(app, db => db.Articles.AnyAsync(Ct)));
    }

    [Fact]
    public async Task Tags_AreCreatedOnTheFly_AndSuggestedAsYouTypeWithoutMarks()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var category = await NewsroomSite.AddCategoryAsync(app);
        var reporter = await Staff.SignedInAsync(app, Roles.Reporter);
        await NewsroomSite.CreateAsync(reporter, "Chuẩn bị đại hội chi bộ", "<p>Nội dung.</p>", category, tags: "Đại hội Đảng, Chuyển đổi số; đại hội đảng");

        var tags = await WithDbAsync(app, db => db.Tags.Select(t => t.Name).OrderBy(n => n).ToListAsync(Ct));
        Assert.Equal(["Chuyển đổi số", "Đại hội Đảng"], tags);
        var json = System.Text.RegularExpressions.Regex.Unescape(await reporter.GetStringAsync("/admin/tags/suggest?q=dai%20hoi", Ct));
        Assert.Equal("[\"Đại hội Đảng\"]", json);
        Assert.Equal("[]", await reporter.GetStringAsync("/admin/tags/suggest?q=", Ct));
        var page = await reporter.GetStringAsync("/admin/articles/create", Ct);
        Assert.Contains("data-suggest-url=\"/admin/tags/suggest\"", page);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AuditPage_FiltersByActionUserAndDay_AdminsOnly(DatabaseProvider provider)
    {
        await using var app = await PortalAppFactory.CreateAsync(provider);
        var category = await NewsroomSite.AddCategoryAsync(app);
        var editorEmail = await Staff.CreateAsync(app, Roles.Editor);
        var editor = Staff.Client(app);
        await Staff.LoginAsync(editor, editorEmail, Staff.Password);
        var admin = await Staff.SignedInAsync(app, Roles.Admin);
        var id = await NewsroomSite.CreateAsync(editor, "Bài để xem nhật ký", "<p>Nội dung.</p>", category);
        Assert.Equal(HttpStatusCode.Redirect, (await NewsroomSite.SaveAsync(editor, id, "Bài để xem nhật ký", "<p>Nội dung.</p>", category, "publish")).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/admin/audit", Ct)).StatusCode);

        var published = await admin.GetStringAsync("/admin/audit?action=article.published", Ct);
        Assert.Contains("Bài #" + id, published);
        Assert.Contains("1 mục", published);
        Assert.Contains("<option value=\"article.published\" selected=\"selected\">", published);

        var byUser = await admin.GetStringAsync($"/admin/audit?user={Uri.EscapeDataString(editorEmail[..8])}", Ct);
        Assert.Contains("2 mục", byUser); // created + published
        var today = Core.Common.LocalTime.ToLocal(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("Bài #" + id, await admin.GetStringAsync($"/admin/audit?from={today}&to={today}&action=article.created", Ct));
        Assert.Contains("0 mục", await admin.GetStringAsync("/admin/audit?from=2001-01-01&to=2001-01-02", Ct));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/audit?from=not-a-date&page=-5", Ct)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task PublishTime_IsEnteredInVietnamTime_StoredInUtc_AndAReporterCannotPublishFromTheNewForm(DatabaseProvider provider)
    {
        await using var app = await PortalAppFactory.CreateAsync(provider);
        var category = await NewsroomSite.AddCategoryAsync(app);
        var editor = await Staff.SignedInAsync(app, Roles.Editor);
        var reporter = await Staff.SignedInAsync(app, Roles.Reporter);

        var created = await Staff.PostFormAsync(editor, "/admin/articles/create", "/admin/articles/create",
            NewsroomSite.Form("Lịch tiếp công dân tháng 1", "<p>Nội dung.</p>", category, "schedule", publishAtLocal: "2030-01-15T08:30"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = NewsroomSite.IdFrom(created);
        var stored = await WithDbAsync(app, db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id, Ct));
        Assert.Equal(ArticleStatus.Scheduled, stored.Status);
        Assert.Equal(new DateTime(2030, 1, 15, 1, 30, 0, DateTimeKind.Utc), stored.PublishedAtUtc);
        var form = await editor.GetStringAsync($"/admin/articles/{id}/edit", Ct);
        Assert.Contains("value=\"2030-01-15T08:30\"", form);

        // A scheduled article cannot lose its time by a save.
        var noTime = await NewsroomSite.SaveAsync(editor, id, "Lịch tiếp công dân tháng 1", "<p>Nội dung.</p>", category);
        Assert.Equal(HttpStatusCode.BadRequest, noTime.StatusCode);
        Assert.Contains("cần có thời điểm xuất bản", await noTime.Content.ReadAsStringAsync(Ct));

        // A reporter's "publish" from the new form stores the draft and says why it was not published.
        var forged = await Staff.PostFormAsync(reporter, "/admin/articles/create", "/admin/articles/create",
            NewsroomSite.Form("Bài phóng viên muốn tự đăng", "<p>Nội dung.</p>", category, "publish"));
        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        var reporterId = NewsroomSite.IdFrom(forged);
        Assert.Equal(ArticleStatus.Draft, await WithDbAsync(app, db => db.Articles.Where(a => a.Id == reporterId).Select(a => a.Status).SingleAsync(Ct)));
        Assert.Contains("Phóng viên không được xuất bản", await reporter.GetStringAsync($"/admin/articles/{reporterId}/edit", Ct));
        Assert.DoesNotContain("value=\"publish\"", await reporter.GetStringAsync("/admin/articles/create", Ct));
        Assert.Contains("value=\"publish\"", await editor.GetStringAsync("/admin/articles/create", Ct));
    }
}
