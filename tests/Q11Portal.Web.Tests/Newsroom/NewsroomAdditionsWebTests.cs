using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Data;
using Q11Portal.Core.Users;
using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests.Newsroom;

/// <summary>The newsroom additions through the admin forms and the public pages: expiry and pinned related articles
/// in the editor form (bad input answered in Vietnamese with the form again), the correction note on the page, and
/// the trash from delete to purge.</summary>
public sealed class NewsroomAdditionsWebTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<T> WithDbAsync<T>(PortalAppFactory app, Func<PortalDbContext, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    private static Task<HttpResponseMessage> SaveWithAsync(HttpClient client, int id, string body, int category, string version, params (string Name, string Value)[] extra) =>
        Staff.PostFormAsync(client, $"/admin/articles/{id}/edit", $"/admin/articles/{id}/edit",
            NewsroomSite.Form("Lễ ra quân chiến dịch Mùa hè xanh", body, category, "save", version)
                .Concat(extra.Select(e => new KeyValuePair<string, string>(e.Name, e.Value))));

    [Fact]
    public async Task EditForm_BadExpiryOrPinnedIds_FormAgainWithVietnameseMessageAndTheTypedText()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var category = await NewsroomSite.AddCategoryAsync(app);
        var editor = await Staff.SignedInAsync(app, Roles.Editor);
        var id = await NewsroomSite.CreateAsync(editor, "Lễ ra quân chiến dịch Mùa hè xanh", "<p>Đoàn viên ra quân.</p>", category, "publish");
        var version = await NewsroomSite.VersionAsync(editor, id);
        var form = await editor.GetStringAsync($"/admin/articles/{id}/edit", Ct);
        Assert.Contains("id=\"ExpiresAtLocal\"", form);
        Assert.Contains("id=\"CorrectionNote\"", form);

        var badIds = await SaveWithAsync(editor, id, "<p>Đoàn viên ra quân sáng nay.</p>", category, version, ("PinnedRelated", "12, abc"));
        var badIdsHtml = await badIds.Content.ReadAsStringAsync(Ct);
        var beforePublish = await SaveWithAsync(editor, id, "<p>Đoàn viên ra quân sáng nay.</p>", category, version,
            ("PublishAtLocal", "2026-06-10T09:00"), ("ExpiresAtLocal", "2026-06-09T09:00"), ("CorrectionNote", "Sửa giờ ra quân."));
        var beforePublishHtml = await beforePublish.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, badIds.StatusCode);
        Assert.Contains("Tin liên quan ghim: hãy nhập mã số bài viết", badIdsHtml);
        Assert.Contains("value=\"12, abc\"", badIdsHtml);
        Assert.Contains("Đoàn viên ra quân sáng nay.", badIdsHtml);
        Assert.Equal(HttpStatusCode.BadRequest, beforePublish.StatusCode);
        Assert.Contains("Thời điểm hết hạn phải sau thời điểm xuất bản.", beforePublishHtml);
        Assert.Contains("value=\"2026-06-09T09:00\"", beforePublishHtml);
        Assert.Contains("Sửa giờ ra quân.", beforePublishHtml);
        Assert.Equal("<p>Đoàn viên ra quân.</p>", await WithDbAsync(app, db => db.Articles.Where(a => a.Id == id).Select(a => a.BodyHtml).SingleAsync(Ct)));
    }

    [Fact]
    public async Task ArticlePage_CorrectionAndPinnedRelated_ShowsUpdateTimeNoteAndPinnedFirst()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var category = await NewsroomSite.AddCategoryAsync(app);
        var editor = await Staff.SignedInAsync(app, Roles.Editor);
        var pinned = await NewsroomSite.CreateAsync(editor, "Hội thao lực lượng vũ trang quận", "<p>Hội thao diễn ra hai ngày.</p>", category, "publish");
        await NewsroomSite.CreateAsync(editor, "Tin mới hơn trong chuyên mục", "<p>Tin mới hơn.</p>", category, "publish");
        var id = await NewsroomSite.CreateAsync(editor, "Lễ ra quân chiến dịch Mùa hè xanh", "<p>Có 300 đoàn viên ra quân.</p>", category, "publish");
        var slug = await WithDbAsync(app, db => db.Articles.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync(Ct));
        var before = await Staff.Client(app).GetStringAsync($"/tin-tuc/{slug}", Ct);
        Assert.DoesNotContain("Cập nhật lúc", before);

        var saved = await SaveWithAsync(editor, id, "<p>Có 350 đoàn viên ra quân.</p>", category, await NewsroomSite.VersionAsync(editor, id),
            ("CorrectionNote", "Sửa số đoàn viên tham gia (350)."), ("PinnedRelated", pinned.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var page = await Staff.Client(app).GetStringAsync($"/tin-tuc/{slug}", Ct);
        Assert.Contains("Cập nhật lúc", page);
        Assert.Contains("Đính chính:", page);
        Assert.Contains("Sửa số đoàn viên tham gia (350).", page);
        var related = page[page.IndexOf("id=\"related-title\"", StringComparison.Ordinal)..];
        var pinnedSlug = await WithDbAsync(app, db => db.Articles.Where(a => a.Id == pinned).Select(a => a.Slug).SingleAsync(Ct));
        // Pinned first, above the automatic ones (which put the newer article first).
        var firstLink = related[(related.IndexOf("href=\"/tin-tuc/", StringComparison.Ordinal) + 6)..];
        Assert.StartsWith($"/tin-tuc/{pinnedSlug}\"", firstLink);
        Assert.Contains("Tin mới hơn trong chuyên mục", related);
        using var found = System.Text.Json.JsonDocument.Parse(await editor.GetStringAsync("/admin/articles/lookup?q=hoi+thao", Ct));
        var hit = Assert.Single(found.RootElement.EnumerateArray());
        Assert.Equal(pinned, hit.GetProperty("id").GetInt32());
        Assert.Equal("Hội thao lực lượng vũ trang quận", hit.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Trash_DeleteRestorePurge_EditorRestoresAdminPurgesEachStepAudited()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var category = await NewsroomSite.AddCategoryAsync(app);
        var editor = await Staff.SignedInAsync(app, Roles.Editor);
        var admin = await Staff.SignedInAsync(app, Roles.Admin);
        var id = await NewsroomSite.CreateAsync(editor, "Thông báo tuyển dụng viên chức", "<p>Nội dung thông báo.</p>", category);

        Assert.Equal(HttpStatusCode.Redirect, (await NewsroomSite.TransitionAsync(editor, id, "Delete")).StatusCode);
        var trash = await editor.GetStringAsync("/admin/articles/trash", Ct);
        Assert.Contains("Thông báo tuyển dụng viên chức", trash);
        Assert.DoesNotContain($"/admin/articles/trash/{id}/purge", trash);
        Assert.DoesNotContain("Thông báo tuyển dụng viên chức", await editor.GetStringAsync("/admin/articles", Ct));
        var version = await WithDbAsync(app, db => db.Articles.Where(a => a.Id == id).Select(a => a.Version).SingleAsync(Ct));

        var restored = await Staff.PostFormAsync(editor, "/admin/articles/trash", $"/admin/articles/trash/{id}/restore", [new("version", version.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal(ArticleStatus.Draft, await WithDbAsync(app, db => db.Articles.Where(a => a.Id == id).Select(a => a.Status).SingleAsync(Ct)));
        var restoredAgain = await Staff.PostFormAsync(editor, "/admin/articles/trash", $"/admin/articles/trash/{id}/restore", [new("version", version.ToString())]);
        Assert.Equal(HttpStatusCode.NotFound, restoredAgain.StatusCode);
        Assert.Contains("không có trong thùng rác", await restoredAgain.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.Redirect, (await NewsroomSite.TransitionAsync(editor, id, "Delete")).StatusCode);
        Assert.Contains($"/admin/articles/trash/{id}/purge", await admin.GetStringAsync("/admin/articles/trash", Ct));
        var purged = await Staff.PostFormAsync(admin, "/admin/articles/trash", $"/admin/articles/trash/{id}/purge", []);
        Assert.Equal(HttpStatusCode.Redirect, purged.StatusCode);
        Assert.False(await WithDbAsync(app, db => db.Articles.AnyAsync(a => a.Id == id, Ct)));
        var actions = await WithDbAsync(app, db => db.AuditEntries.Where(e => e.EntityId == id.ToString()).Select(e => e.Action).ToListAsync(Ct));
        Assert.Equal(2, actions.Count(a => a == AuditActions.ArticleTrashed));
        Assert.Contains(AuditActions.ArticleUntrashed, actions);
        Assert.Contains(AuditActions.ArticlePurged, actions);
        Assert.Contains("Thông báo tuyển dụng viên chức", await admin.GetStringAsync("/admin/audit", Ct));
    }
}
