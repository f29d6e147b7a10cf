using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Categories;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;
using Q11Portal.Core.Sidebar;
using Q11Portal.Core.Tags;
using Q11Portal.Testing;

namespace Q11Portal.Core.Tests.SiteAdmin;

public sealed class SiteAdministrationTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static AuditLog Audit(PortalDbContext db) => new(db, TimeProvider.System, NullLogger<AuditLog>.Instance);

    private static void Ok(Result result) => Assert.True(result.Succeeded, result.Message);

    private static int ValueOf(Result<int> result)
    {
        Ok(result);
        return result.Value;
    }

    /// <summary>The message of a command refused for what was asked (not a missing row).</summary>
    private static string? Refused(Result result)
    {
        Assert.Equal(Outcome.Invalid, result.Outcome);
        return result.Message;
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Categories_CreateNestedRenameMoveReorderDelete(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var service = new CategoryAdminService(db, Audit(db), TimeProvider.System);

        var party = ValueOf(await service.CreateAsync("Hoạt động Đảng", null, null, null, true, "editor", Ct));
        var news = ValueOf(await service.CreateAsync("Tin tức", null, null, null, true, "editor", Ct));
        var building = ValueOf(await service.CreateAsync("Xây dựng Đảng", null, party, null, true, "editor", Ct));
        var branch = ValueOf(await service.CreateAsync("Chi bộ", null, building, null, false, "editor", Ct));
        var duplicate = Refused(await service.CreateAsync("Tin tức!", null, null, null, true, "editor", Ct));

        Assert.Contains("“tin-tuc” đã được chuyên mục khác dùng", duplicate);
        Assert.Equal(["Hoạt động Đảng:0", "Xây dựng Đảng:1", "Chi bộ:2", "Tin tức:0"],
            (await service.ListTreeAsync(Ct)).Select(n => $"{n.Name}:{n.Depth}"));

        // No cycles: a category cannot go under itself or its own descendant.
        Assert.Contains("chính nó", Refused(await service.UpdateAsync(party, "Hoạt động Đảng", null, party, null, true, "editor", Ct)));
        Assert.Contains("vòng lặp", Refused(await service.UpdateAsync(party, "Hoạt động Đảng", null, branch, null, true, "editor", Ct)));

        // Rename with a new slug and move under "Tin tức".
        Ok(await service.UpdateAsync(building, "Công tác xây dựng Đảng", "", news, "Mô tả", true, "editor", Ct));
        var tree = await service.ListTreeAsync(Ct);
        Assert.Equal(["Hoạt động Đảng:0", "Tin tức:0", "Công tác xây dựng Đảng:1", "Chi bộ:2"], tree.Select(n => $"{n.Name}:{n.Depth}"));
        Assert.Equal("cong-tac-xay-dung-dang", tree.Single(n => n.Id == building).Slug);

        Ok(await service.MoveAsync(news, -1, "editor", Ct));
        Assert.Equal(["Tin tức", "Công tác xây dựng Đảng", "Chi bộ", "Hoạt động Đảng"], (await service.ListTreeAsync(Ct)).Select(n => n.Name));

        // Only empty categories are deleted.
        Assert.Contains("còn 1 chuyên mục con", Refused(await service.DeleteAsync(building, null, "editor", Ct)));
        db.Articles.Add(new Article { Title = "Bài", Slug = "bai", CategoryId = branch });
        await db.SaveChangesAsync(Ct);
        Assert.Contains("còn 1 bài viết", Refused(await service.DeleteAsync(branch, null, "editor", Ct)));
        Ok(await service.DeleteAsync(party, null, "editor", Ct));

        var actions = await db.AuditEntries.Select(e => e.Action).ToListAsync(Ct);
        Assert.Contains("category.create", actions);
        Assert.Contains("category.move", actions);
        Assert.Contains("category.reorder", actions);
        Assert.Contains("category.delete", actions);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Categories_SlugChangeKeepsOldSlugAsRedirect_AndAnotherCategoryMayReclaimIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var service = new CategoryAdminService(db, Audit(db), TimeProvider.System);
        var reader = new CategoryService(db);
        var news = ValueOf(await service.CreateAsync("Tin tức", null, null, null, true, "editor", Ct));

        Ok(await service.UpdateAsync(news, "Tin tức – Sự kiện", "tin-tuc-su-kien", null, null, true, "editor", Ct));
        Ok(await service.UpdateAsync(news, "Tin tức – Sự kiện", "Thời sự", null, null, true, "editor", Ct));

        Assert.Equal("thoi-su", await reader.FindRenamedSlugAsync("tin-tuc", Ct));
        Assert.Equal("thoi-su", await reader.FindRenamedSlugAsync("tin-tuc-su-kien", Ct));
        Assert.Equal(["tin-tuc-su-kien", "tin-tuc"], await service.OldSlugsAsync(news, Ct));

        // Going back to an old slug takes it out of the history; a new category may take a retired slug.
        Ok(await service.UpdateAsync(news, "Tin tức", "tin-tuc", null, null, true, "editor", Ct));
        Assert.Null(await reader.FindRenamedSlugAsync("tin-tuc", Ct));
        var events = ValueOf(await service.CreateAsync("Sự kiện", "thoi-su", null, null, true, "editor", Ct));
        Assert.Null(await reader.FindRenamedSlugAsync("thoi-su", Ct));
        Assert.Equal(["tin-tuc-su-kien"], await service.OldSlugsAsync(news, Ct));
        Assert.True(events > 0);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Categories_DeleteWithContent_MovesArticlesAndChildrenToTheChosenCategory(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var service = new CategoryAdminService(db, Audit(db), TimeProvider.System);
        var old = ValueOf(await service.CreateAsync("Tin cũ", null, null, null, true, "editor", Ct));
        var child = ValueOf(await service.CreateAsync("Tin cũ con", null, old, null, true, "editor", Ct));
        var target = ValueOf(await service.CreateAsync("Tin mới", null, null, null, true, "editor", Ct));
        var existingChild = ValueOf(await service.CreateAsync("Có sẵn", null, target, null, true, "editor", Ct));
        db.Articles.AddRange(new Article { Title = "B1", Slug = "b1", CategoryId = old }, new Article { Title = "B2", Slug = "b2", CategoryId = old });
        await db.SaveChangesAsync(Ct);

        Assert.Contains("chuyên mục con của", Refused(await service.DeleteAsync(old, child, "editor", Ct)));
        Assert.Contains("chuyên mục khác", Refused(await service.DeleteAsync(old, old, "editor", Ct)));
        Assert.Contains("không còn tồn tại", Refused(await service.DeleteAsync(old, 999_999, "editor", Ct)));
        Ok(await service.DeleteAsync(old, target, "editor", Ct));

        db.ChangeTracker.Clear();
        Assert.Equal(2, await db.Articles.CountAsync(a => a.CategoryId == target, Ct));
        Assert.Equal(["Tin mới:0", "Có sẵn:1", "Tin cũ con:1"], (await service.ListTreeAsync(Ct)).Select(n => $"{n.Name}:{n.Depth}"));
        Assert.Equal(2, await db.ContentChanges.CountAsync(c => c.ContentKind == ContentKind.Article, Ct));
        Assert.Equal(1, await db.ContentChanges.CountAsync(c => c.ContentKind == ContentKind.Category && c.EntityId == old && c.Kind == ContentChangeKind.Removed, Ct));
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == AuditActions.CategoryDeleted, Ct);
        Assert.Contains("2 bài viết và 1 chuyên mục con chuyển sang “Tin mới”", entry.Details);
        Assert.Equal("editor", entry.UserName);
        Assert.True(existingChild > 0);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Tags_MergeMovesEveryArticleLinkWithoutDuplicates(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var category = new Category { Name = "C", Slug = "c" };
        var source = new Tag { Name = "Chi thi 05", Slug = "chi-thi-05" };
        var target = new Tag { Name = "Chỉ thị 05-CT/TW", Slug = "chi-thi-05-ct-tw" };
        var a1 = new Article { Title = "A1", Slug = "a1", Category = category, Tags = [source] };
        var a2 = new Article { Title = "A2", Slug = "a2", Category = category, Tags = [source, target] };
        var a3 = new Article { Title = "A3", Slug = "a3", Category = category, Tags = [target] };
        db.AddRange(a1, a2, a3);
        await db.SaveChangesAsync(Ct);
        var service = new TagAdminService(db, Audit(db), TimeProvider.System);

        Ok(await service.MergeAsync(source.Id, target.Id, "editor", Ct));

        db.ChangeTracker.Clear();
        Assert.False(await db.Tags.AnyAsync(t => t.Id == source.Id, Ct));
        Assert.Equal([a1.Id, a2.Id, a3.Id], await db.ArticleTags.Where(x => x.TagId == target.Id).Select(x => x.ArticleId).OrderBy(x => x).ToListAsync(Ct));
        Assert.Equal(3, await db.ArticleTags.CountAsync(Ct));
        Assert.Equal(3, (await service.FindAsync(target.Id, Ct))!.ArticleCount);
        Assert.Contains(await db.AuditEntries.ToListAsync(Ct), e => e.Action == "tag.merge" && e.Details!.Contains("2 bài"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Tags_MergeSeveral_MovesLinksOnce_OldSlugsRedirectToTheKeptTag(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var category = new Category { Name = "C", Slug = "c" };
        var t1 = new Tag { Name = "Chi thi 05", Slug = "chi-thi-05" };
        var t2 = new Tag { Name = "CT 05", Slug = "ct-05" };
        var t3 = new Tag { Name = "Chỉ thị 05-CT/TW", Slug = "chi-thi-05-ct-tw" };
        var other = new Tag { Name = "Y tế", Slug = "y-te" };
        db.AddRange(
            new Article { Title = "A1", Slug = "a1", Category = category, Tags = [t1, t2] },
            new Article { Title = "A2", Slug = "a2", Category = category, Tags = [t2, t3, other] },
            new Article { Title = "A3", Slug = "a3", Category = category, Tags = [t1] });
        await db.SaveChangesAsync(Ct);
        var service = new TagAdminService(db, Audit(db), TimeProvider.System);
        var reader = new TagService(db);

        // t2 was renamed once before the merge: its older slug follows it into t3.
        Ok(await service.RenameAsync(t2.Id, "Chỉ thị số 05", "editor", Ct));
        Ok(await service.MergeAsync([t1.Id, t2.Id, t3.Id], t3.Id, "editor", Ct));

        db.ChangeTracker.Clear();
        Assert.Equal(["Chỉ thị 05-CT/TW", "Y tế"], await db.Tags.OrderBy(t => t.Slug).Select(t => t.Name).ToListAsync(Ct));
        Assert.Equal(3, (await service.FindAsync(t3.Id, Ct))!.ArticleCount);
        Assert.Equal(4, await db.ArticleTags.CountAsync(Ct));
        foreach (var old in new[] { "chi-thi-05", "ct-05", "chi-thi-so-05" })
        {
            Assert.Equal("chi-thi-05-ct-tw", await reader.FindRenamedSlugAsync(old, Ct));
        }

        Assert.Null(await reader.FindRenamedSlugAsync("y-te", Ct));
        Assert.Contains(await db.AuditEntries.ToListAsync(Ct), e => e.Action == AuditActions.TagMerged && e.Details!.Contains("“Chi thi 05”, “Chỉ thị số 05” gộp vào “Chỉ thị 05-CT/TW” (3 bài)"));
        Assert.True(await db.ContentChanges.CountAsync(Ct) >= 3);

        Assert.Contains("ít nhất hai", Refused(await service.MergeAsync([t3.Id], t3.Id, "editor", Ct)));
        Assert.Equal(Outcome.NotFound, (await service.MergeAsync([other.Id], 999_999, "editor", Ct)).Outcome);
    }

    [Fact]
    public async Task Tags_RenameFollowsSlug_AndRefusesACollision()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        db.Tags.AddRange(new Tag { Name = "Y te", Slug = "y-te" }, new Tag { Name = "Giáo dục", Slug = "giao-duc" });
        await db.SaveChangesAsync(Ct);
        var service = new TagAdminService(db, Audit(db), TimeProvider.System);
        var yte = await db.Tags.SingleAsync(t => t.Slug == "y-te", Ct);

        var renamed = await service.RenameAsync(yte.Id, "Y tế cơ sở", "editor", Ct);
        Ok(renamed);
        Assert.Equal("y-te-co-so", renamed.Value!.Slug);
        var collision = await service.RenameAsync(yte.Id, "Giáo Dục", "editor", Ct);
        Assert.Equal(Outcome.Conflict, collision.Outcome);
        Assert.Contains("hãy gộp", collision.Message);
        Assert.Equal("giao-duc", collision.Value!.Slug);

        var page = await service.ListAsync("y te", 1, 20, Ct);
        Assert.Equal(["Y tế cơ sở|y-te-co-so"], page.Items.Select(t => $"{t.Name}|{t.Slug}"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Sidebar_BlocksAndItemsAddEditReorder_AndUnsafeLinksAreRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var service = new SidebarAdminService(db, Audit(db), TimeProvider.System);

        var links = ValueOf(await service.CreateBlockAsync(new(SidebarBlockKind.LinkList, "Liên kết website", true, null, null), "editor", Ct));
        var banner = ValueOf(await service.CreateBlockAsync(
            new(SidebarBlockKind.Banner, "Kỷ niệm 2/9", true, new DateTime(2026, 8, 25, 0, 0, 0), new DateTime(2026, 9, 3, 0, 0, 0)), "editor", Ct));
        var badDates = Refused(await service.CreateBlockAsync(
            new(SidebarBlockKind.Banner, "Sai", true, new DateTime(2026, 9, 3, 0, 0, 0), new DateTime(2026, 8, 1, 0, 0, 0)), "editor", Ct));
        Assert.Contains("phải sau ngày bắt đầu", badDates);

        Ok(await service.AddItemAsync(links, new("Thành ủy TP.HCM", "https://www.hcmcpv.org.vn", null, null, null), "editor", Ct));
        Ok(await service.AddItemAsync(links, new("Chuyên đề", "/chuyen-de", null, null, null), "editor", Ct));
        Assert.Contains("không hợp lệ", Refused(await service.AddItemAsync(links, new("XSS", "javascript:alert(1)", null, null, null), "editor", Ct)));
        Assert.Contains("không hợp lệ", Refused(await service.AddItemAsync(links, new("Lạ", "//evil.example", null, null, null), "editor", Ct)));
        Assert.Contains("cần có địa chỉ ảnh", Refused(await service.AddItemAsync(banner, new("Banner", "/", null, null, null), "editor", Ct)));

        var block = (await service.FindAsync(links, Ct))!;
        Assert.Equal(["Thành ủy TP.HCM", "Chuyên đề"], block.Items.Select(i => i.Title));
        Assert.Equal(links, ValueOf(await service.MoveItemAsync(block.Items[1].Id, -1, "editor", Ct)));
        Ok(await service.UpdateItemAsync(block.Items[0].Id, new("Thành ủy Thành phố Hồ Chí Minh", "https://www.hcmcpv.org.vn", null, null, "Cổng thông tin"), "editor", Ct));
        Assert.Equal(["Chuyên đề", "Thành ủy Thành phố Hồ Chí Minh"], (await service.FindAsync(links, Ct))!.Items.Select(i => i.Title));

        Ok(await service.MoveBlockAsync(banner, -1, "editor", Ct));
        var all = await service.ListAsync(Ct);
        Assert.Equal(["Kỷ niệm 2/9", "Liên kết website"], all.Select(b => b.Title));
        // Local dates (UTC+7) are stored as UTC.
        Assert.Equal(new DateTime(2026, 8, 24, 17, 0, 0, DateTimeKind.Utc), all[0].ActiveFromUtc);

        // The reading site's query sees the banner only inside its dates; the link list always.
        var reader = new SidebarService(db, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(["Liên kết website"], (await reader.GetActiveBlocksAsync(Ct)).Select(b => b.Title));

        Ok(await service.DeleteBlockAsync(banner, "editor", Ct));
        Assert.Equal(Outcome.NotFound, (await service.DeleteBlockAsync(banner, "editor", Ct)).Outcome);
        Assert.Contains(await db.AuditEntries.Select(e => e.Action).ToListAsync(Ct), a => a == "sidebar.delete");
    }

    [Theory]
    [InlineData("https://q11.hochiminhcity.gov.vn", true)]
    [InlineData("/tin-tuc/abc", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("JaVaScRiPt:alert(1)", false)]
    [InlineData("data:text/html,hi", false)]
    [InlineData("//evil.example/x", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("ftp://files.example", false)]
    public void IsSafeUrl_AllowsOnlyHttpAndSiteRelative(string url, bool expected) =>
        Assert.Equal(expected, SidebarAdminService.IsSafeUrl(url));
}

public sealed class LabelTests
{
    [Theory]
    [InlineData("  Hoạt động   Mặt trận ", "Hoạt động Mặt trận")]
    [InlineData("Chỉ thị\t05\r\n-CT/TW", "Chỉ thị 05 -CT/TW")]
    [InlineData("Tin\u00A0ảnh", "Tin ảnh")]
    [InlineData("Tin a\u0301nh", "Tin ánh")]
    [InlineData(null, "")]
    public void Label_CollapsesWhiteSpaceAndNormalises(string? input, string expected) =>
        Assert.Equal(expected, Q11Portal.Core.Common.VietnameseText.Label(input));
}

public sealed class VideoLinksTests
{
    [Theory]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10", "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg")]
    [InlineData("https://youtu.be/dQw4w9WgXcQ?si=abc", "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg")]
    [InlineData("https://m.youtube.com/shorts/dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg")]
    [InlineData("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg")]
    [InlineData("https://vimeo.com/76979871", "https://vimeo.com/76979871", null)]
    [InlineData("https://player.vimeo.com/video/76979871", "https://vimeo.com/76979871", null)]
    [InlineData("https://cdn.example.vn/le-hoi.mp4", "https://cdn.example.vn/le-hoi.mp4", null)]
    [InlineData("/media/video/le-hoi.webm", "/media/video/le-hoi.webm", null)]
    public void Parse_AcceptedForms_GiveTheCanonicalAddress(string url, string expected, string? thumbnail)
    {
        var link = Sidebar.VideoLinks.Parse(url);
        Assert.NotNull(link);
        Assert.Equal(expected, link.Url);
        Assert.Equal(thumbnail, link.ThumbnailUrl);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://www.youtube.com/watch?v=<script>")]
    [InlineData("https://www.youtube.com/channel/UC123")]
    [InlineData("https://evil.example/page.html")]
    [InlineData("//youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("ftp://files.example/a.mp4")]
    [InlineData("")]
    public void Parse_AnythingElse_IsNull(string url) => Assert.Null(Sidebar.VideoLinks.Parse(url));
}
