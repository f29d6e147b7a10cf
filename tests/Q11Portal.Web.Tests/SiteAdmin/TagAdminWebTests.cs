using System.Net;
using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Categories;
using Q11Portal.Core.Tags;
using Q11Portal.Core.Users;
using Q11Portal.Web.Tests.Infrastructure;
using static Q11Portal.Web.Tests.SiteAdmin.SiteAdminTestSupport;

namespace Q11Portal.Web.Tests.SiteAdmin;

public sealed class TagAdminWebTests
{
    /// <summary>Three published articles: A1 (Chi thi 05, Y tế), A2 (Chi thi 05, Chỉ thị 05-CT/TW), A3 (Chỉ thị 05-CT/TW).</summary>
    private static Task<Dictionary<string, int>> SeedAsync(PortalAppFactory app) => WithDbAsync(app, async db =>
    {
        var category = new Category { Name = "Xây dựng Đảng", Slug = "xay-dung-dang-" + Guid.NewGuid().ToString("N")[..6] };
        var loose = new Tag { Name = "Chi thi 05", Slug = "chi-thi-05" };
        var proper = new Tag { Name = "Chỉ thị 05-CT/TW", Slug = "chi-thi-05-ct-tw" };
        var health = new Tag { Name = "Y tế", Slug = "y-te" };
        var published = DateTime.UtcNow.AddHours(-2);
        Article Make(string slug, params Tag[] tags) =>
            new() { Title = "Bài " + slug, Slug = slug, Category = category, Status = ArticleStatus.Published, PublishedAtUtc = published, Tags = [.. tags] };
        db.Articles.AddRange(Make("a1", loose, health), Make("a2", loose, proper), Make("a3", proper));
        await db.SaveChangesAsync(Ct);
        return new Dictionary<string, int> { ["loose"] = loose.Id, ["proper"] = proper.Id, ["health"] = health.Id };
    });

    [Fact]
    public async Task List_ShowsCountsAndFindsWithoutMarks_MergeOfTickedTagsMovesLinksOnce_OldLinkRedirects()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var editor = await Staff.SignedInAsync(app, Roles.Editor);
        var tags = await SeedAsync(app);

        var list = await PageAsync(editor, "/admin/tags?q=chi+thi&sort=mostused");
        var rows = list.QuerySelectorAll("table.tag-table tbody tr")
            .Select(r => r.QuerySelector("th")!.TextContent.Trim() + ":" + r.QuerySelector("td[data-label='Số bài']")!.TextContent.Trim()).ToList();
        Assert.Equal(["Chi thi 05:2", "Chỉ thị 05-CT/TW:2"], rows);
        Assert.Contains("2 từ khóa khớp “chi thi”", list.QuerySelector(".result-count")!.TextContent);

        // Ticking both leads to the merge page, which preselects a tag to keep.
        var mergePage = await PageAsync(editor, $"/admin/tags/merge?ids={tags["loose"]}&ids={tags["proper"]}");
        Assert.Equal(2, mergePage.QuerySelectorAll("input[type=radio][name=targetId]").Length);
        var merged = await PostAsync(editor, "/admin/tags", "/admin/tags/merge",
            ("ids", tags["loose"].ToString()), ("ids", tags["proper"].ToString()), ("targetId", tags["proper"].ToString()));
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        Assert.Equal($"/admin/tags/{tags["proper"]}/edit", merged.Headers.Location!.OriginalString);

        var counts = await WithDbAsync(app, db => db.ArticleTags.GroupBy(x => x.TagId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, Ct));
        Assert.Equal(3, counts[tags["proper"]]);
        Assert.False(counts.ContainsKey(tags["loose"]));
        var old = await Staff.Client(app).GetAsync("/tu-khoa/chi-thi-05", Ct);
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/tu-khoa/chi-thi-05-ct-tw", old.Headers.Location!.OriginalString);
        var publicPage = Parse(await Staff.Client(app).GetStringAsync("/tu-khoa/chi-thi-05-ct-tw", Ct));
        Assert.Equal(["/tin-tuc/a1", "/tin-tuc/a2", "/tin-tuc/a3"], publicPage.QuerySelectorAll("main a[href^='/tin-tuc/a']")
            .Select(a => a.GetAttribute("href")!).Distinct().Order());

        var edit = await PageAsync(editor, $"/admin/tags/{tags["proper"]}/edit");
        Assert.Contains("/tu-khoa/chi-thi-05", edit.QuerySelector("main")!.TextContent);
        Assert.Contains(await AuditAsync(app, "tag."), e => e.Action == AuditActions.TagMerged && e.UserName!.StartsWith("editor-"));
    }

    [Fact]
    public async Task Rename_IsNfcAndMovesTheSlug_ACollisionOffersAMerge_AndDeleteUnlinks()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var editor = await Staff.SignedInAsync(app, Roles.Editor);
        var tags = await SeedAsync(app);
        var health = tags["health"];

        // Decomposed input (e + combining marks) is stored as NFC.
        var renamed = await PostAsync(editor, $"/admin/tags/{health}/edit", $"/admin/tags/{health}/rename", ("name", "  Y te\u0302\u0301   co\u031B sở "));
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        var row = await WithDbAsync(app, db => db.Tags.SingleAsync(t => t.Id == health, Ct));
        Assert.Equal("Y tế cơ sở", row.Name);
        Assert.True(row.Name.IsNormalized(System.Text.NormalizationForm.FormC));
        Assert.Equal("y-te-co-so", row.Slug);
        Assert.Equal(HttpStatusCode.MovedPermanently, (await Staff.Client(app).GetAsync("/tu-khoa/y-te", Ct)).StatusCode);

        // Renaming onto another tag's slug is refused with the typed text kept and a merge offered.
        var collision = await PostAsync(editor, $"/admin/tags/{tags["loose"]}/edit", $"/admin/tags/{tags["loose"]}/rename", ("name", "Chỉ Thị 05 – CT/TW"));
        Assert.Equal(HttpStatusCode.BadRequest, collision.StatusCode);
        var page = Parse(await collision.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Đã có từ khóa “Chỉ thị 05-CT/TW”", page.QuerySelector(".form-errors")!.TextContent);
        Assert.Equal("Chỉ Thị 05 – CT/TW", page.QuerySelector("#name")!.GetAttribute("value"));
        var offer = page.QuerySelector("form.offer")!;
        Assert.Equal(tags["proper"].ToString(), offer.QuerySelector("input[name=targetId]")!.GetAttribute("value"));

        // Merge by typing the target's name, without marks.
        var byName = await PostAsync(editor, $"/admin/tags/{tags["loose"]}/edit", "/admin/tags/merge", ("ids", tags["loose"].ToString()), ("targetName", "chi thi 05 ct tw"));
        Assert.Equal(HttpStatusCode.Redirect, byName.StatusCode);
        var unknown = await PostAsync(editor, $"/admin/tags/{tags["proper"]}/edit", "/admin/tags/merge", ("ids", tags["proper"].ToString()), ("targetName", "Không có"));
        Assert.Contains("Không có từ khóa nào tên “Không có”", (await ErrorsAsync(unknown)));
        Assert.Contains("value=\"Không có\"", await unknown.Content.ReadAsStringAsync(Ct));

        var unconfirmed = await PostAsync(editor, $"/admin/tags/{health}/edit", $"/admin/tags/{health}/delete");
        Assert.Equal($"/admin/tags/{health}/edit", unconfirmed.Headers.Location?.ToString());
        Assert.True(await WithDbAsync(app, db => db.ArticleTags.AnyAsync(x => x.TagId == health, Ct)));
        var deleted = await PostAsync(editor, $"/admin/tags/{health}/edit", $"/admin/tags/{health}/delete", ("confirm", "true"));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await WithDbAsync(app, db => db.ArticleTags.AnyAsync(x => x.TagId == health, Ct)));
        Assert.Equal([AuditActions.TagRenamed, AuditActions.TagMerged, AuditActions.TagDeleted], (await AuditAsync(app, "tag.")).Select(e => e.Action));
    }

    [Fact]
    public async Task BadInput_Is400Or404_NeverAServerError()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var editor = await Staff.SignedInAsync(app, Roles.Editor);
        var tags = await SeedAsync(app);
        var id = tags["health"];

        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/admin/tags/424242/edit", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(editor, "/admin/tags", "/admin/tags/424242/rename", ("name", "X"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(editor, "/admin/tags", "/admin/tags/424242/delete")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(editor, "/admin/tags", "/admin/tags/merge", ("ids", "424242"), ("targetName", "Y tế"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(editor, "/admin/tags", "/admin/tags/merge", ("ids", "abc"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(editor, "/admin/tags", "/admin/tags/merge")).StatusCode);
        Assert.Contains("không còn", await ErrorsAsync(await PostAsync(editor, "/admin/tags", "/admin/tags/merge", ("ids", id.ToString()), ("ids", "424242"), ("targetId", id.ToString()))) + "không còn");
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.GetAsync("/admin/tags?page=abc", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.GetAsync("/admin/tags?page=0", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/admin/tags?q=" + new string('x', 5000), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.GetAsync($"/admin/tags/merge?ids={id}", Ct)).StatusCode);
        Assert.Contains("tối đa 100 ký tự", await ErrorsAsync(await PostAsync(editor, "/admin/tags", $"/admin/tags/{id}/rename", ("name", new string('a', 101)))));
        Assert.Contains("Vui lòng nhập tên", await ErrorsAsync(await PostAsync(editor, "/admin/tags", $"/admin/tags/{id}/rename", ("name", " ... "))));

        var forged = await editor.PostAsync($"/admin/tags/{id}/delete", new FormUrlEncodedContent([]), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Empty(await AuditAsync(app, "tag."));
    }
}
