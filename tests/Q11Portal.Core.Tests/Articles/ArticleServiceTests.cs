using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Categories;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;
using Q11Portal.Core.Tags;
using Q11Portal.Testing;

namespace Q11Portal.Core.Tests.Articles;

public sealed class ArticleServiceTests
{
    private static readonly DateTime Now = new(2024, 6, 10, 5, 0, 0, DateTimeKind.Utc);

    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Article NewArticle(Category category, string title, DateTime? publishedUtc, ArticleStatus status = ArticleStatus.Published) => new()
    {
        Title = title,
        Slug = Slug.From(title),
        Summary = "Sapo " + title,
        BodyHtml = "<p>" + title + "</p>",
        Category = category,
        Status = status,
        PublishedAtUtc = publishedUtc,
        CreatedAtUtc = Now.AddDays(-30),
        UpdatedAtUtc = Now.AddDays(-30),
    };

    private static Category NewCategory(string name, Category? parent = null) =>
        new() { Name = name, Slug = Slug.From(name), Parent = parent };

    private static ArticleService Service(PortalDbContext db) => new(db, new FakeTimeProvider(new DateTimeOffset(Now)));

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task VisibleAt_DraftsScheduledAndFuture_AreHidden(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            var c = NewCategory("Chính quyền");
            db.Articles.AddRange(
                NewArticle(c, "Đã đăng", Now.AddHours(-1)),
                NewArticle(c, "Đăng đúng lúc này", Now),
                NewArticle(c, "Hẹn giờ", Now.AddHours(1), ArticleStatus.Scheduled),
                NewArticle(c, "Đăng trong tương lai", Now.AddMinutes(1)),
                NewArticle(c, "Bản nháp", null, ArticleStatus.Draft),
                NewArticle(c, "Đã gỡ", Now.AddDays(-2), ArticleStatus.Unpublished));
            await db.SaveChangesAsync(Ct);
        }

        await using var read = database.CreateContext();
        var titles = await read.Articles.VisibleAt(Now).OrderBy(a => a.Title).Select(a => a.Title).ToListAsync(Ct);

        Assert.Equal(["Đã đăng", "Đăng đúng lúc này"], titles);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task GetDayAsync_LocalMidnightBoundaries_FollowHoChiMinhTime(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            var c = NewCategory("Đô thị");
            db.Articles.AddRange(
                // 00:30 on 1 June in Hồ Chí Minh City is 17:30 on 31 May in UTC.
                NewArticle(c, "Nửa đêm 01/06", new DateTime(2024, 5, 31, 17, 30, 0, DateTimeKind.Utc)),
                // 00:00:00 local exactly belongs to the new day.
                NewArticle(c, "Đúng 00:00 01/06", new DateTime(2024, 5, 31, 17, 0, 0, DateTimeKind.Utc)),
                // 23:59 local on 1 June is 16:59 UTC on 1 June.
                NewArticle(c, "Cuối ngày 01/06", new DateTime(2024, 6, 1, 16, 59, 0, DateTimeKind.Utc)),
                // 23:59 local on 31 May.
                NewArticle(c, "Cuối ngày 31/05", new DateTime(2024, 5, 31, 16, 59, 0, DateTimeKind.Utc)),
                // 00:00 local on 2 June.
                NewArticle(c, "Đầu ngày 02/06", new DateTime(2024, 6, 1, 17, 0, 0, DateTimeKind.Utc)));
            await db.SaveChangesAsync(Ct);
        }

        await using var read = database.CreateContext();
        var page = await Service(read).GetDayAsync(new DateOnly(2024, 6, 1), 1, 20, Ct);

        Assert.Equal(["Cuối ngày 01/06", "Nửa đêm 01/06", "Đúng 00:00 01/06"], page.Items.Select(i => i.Title));
        Assert.Equal(3, page.TotalCount);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task GetNeighboursAsync_SameCategoryOnly_NewestFirstWithTiesBrokenById(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        int currentId;
        await using (var db = database.CreateContext())
        {
            var c = NewCategory("Y tế - Sức khỏe");
            var other = NewCategory("Văn hóa - Xã hội");
            var t = Now.AddDays(-10);
            db.Articles.AddRange(
                NewArticle(c, "Cũ 2", t.AddDays(-2)),
                NewArticle(c, "Cũ 1", t.AddDays(-1)),
                NewArticle(other, "Chuyên mục khác", t.AddHours(1)),
                NewArticle(c, "Mới nháp", t.AddHours(2), ArticleStatus.Draft),
                NewArticle(c, "Mới tương lai", Now.AddDays(1)));
            await db.SaveChangesAsync(Ct);
            var current = NewArticle(c, "Hiện tại", t);
            db.Articles.Add(current);
            await db.SaveChangesAsync(Ct);
            currentId = current.Id;
            // Same publish time as the current article but a higher id: it counts as newer, exactly once.
            db.Articles.AddRange(NewArticle(c, "Cùng giờ", t), NewArticle(c, "Mới 1", t.AddDays(1)), NewArticle(c, "Mới 2", t.AddDays(2)));
            await db.SaveChangesAsync(Ct);
        }

        await using var read = database.CreateContext();
        var shown = (await Service(read).GetPreviewAsync(currentId, Ct))!;
        var neighbours = await Service(read).GetNeighboursAsync(shown, 5, Ct);

        Assert.Equal(["Mới 2", "Mới 1", "Cùng giờ"], neighbours.Newer.Select(a => a.Title));
        Assert.Equal(["Cũ 1", "Cũ 2"], neighbours.Older.Select(a => a.Title));

        var limited = await Service(read).GetNeighboursAsync(shown, 2, Ct);
        Assert.Equal(["Mới 1", "Cùng giờ"], limited.Newer.Select(a => a.Title));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task GetCategoryPageAsync_PagesIncludeSubcategoriesAndStopAtTheLastPage(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            var parent = NewCategory("Hoạt động Đảng - Đoàn thể");
            var child = NewCategory("Mặt trận Tổ quốc", parent);
            for (var i = 0; i < 5; i++)
            {
                db.Articles.Add(NewArticle(i % 2 == 0 ? parent : child, $"Tin {i}", Now.AddHours(-i)));
            }

            db.Articles.Add(NewArticle(parent, "Nháp", null, ArticleStatus.Draft));
            await db.SaveChangesAsync(Ct);
        }

        await using var read = database.CreateContext();
        var service = Service(read);
        var first = (await service.GetCategoryPageAsync("hoat-dong-dang-doan-the", 1, 2, Ct))!.Value.Page;
        var last = (await service.GetCategoryPageAsync("hoat-dong-dang-doan-the", 3, 2, Ct))!.Value.Page;
        var beyond = (await service.GetCategoryPageAsync("hoat-dong-dang-doan-the", int.MaxValue, 2, Ct))!.Value.Page;
        var childOnly = (await service.GetCategoryPageAsync("mat-tran-to-quoc", 1, 10, Ct))!.Value.Page;

        Assert.Equal(["Tin 0", "Tin 1"], first.Items.Select(i => i.Title));
        Assert.Equal(5, first.TotalCount);
        Assert.Equal(3, first.TotalPages);
        Assert.True(first.HasNext);
        Assert.Equal(["Tin 4"], last.Items.Select(i => i.Title));
        Assert.False(last.HasNext);
        Assert.False(last.IsBeyondLastPage);
        Assert.True(beyond.IsBeyondLastPage);
        Assert.Empty(beyond.Items);
        Assert.Equal(["Tin 1", "Tin 3"], childOnly.Items.Select(i => i.Title));
        Assert.Null(await service.GetCategoryPageAsync("khong-co", 1, 10, Ct));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task GetTagPageAsync_ListsOnlyPublicArticlesWithTheTag(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            var c = NewCategory("Đô thị");
            var tag = new Tag { Name = "Chỉnh trang đô thị", Slug = "chinh-trang-do-thi" };
            var tagged = NewArticle(c, "Có từ khóa", Now.AddHours(-2));
            tagged.Tags.Add(tag);
            var draft = NewArticle(c, "Nháp có từ khóa", null, ArticleStatus.Draft);
            draft.Tags.Add(tag);
            db.Articles.AddRange(tagged, draft, NewArticle(c, "Không có từ khóa", Now.AddHours(-1)));
            await db.SaveChangesAsync(Ct);
        }

        await using var read = database.CreateContext();
        var result = await Service(read).GetTagPageAsync("chinh-trang-do-thi", 1, 10, Ct);

        Assert.NotNull(result);
        Assert.Equal("Chỉnh trang đô thị", result.Value.Tag.Name);
        Assert.Equal(["Có từ khóa"], result.Value.Page.Items.Select(i => i.Title));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task GetHomeAsync_FeaturedFirstAndBlocksPerMainCategory(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            var a = NewCategory("Chính quyền");
            a.SortOrder = 2;
            var b = NewCategory("Hoạt động Đảng - Đoàn thể");
            b.SortOrder = 1;
            var featured = NewArticle(a, "Tin nổi bật", Now.AddDays(-3));
            featured.IsFeatured = true;
            var hiddenFeatured = NewArticle(a, "Nổi bật nhưng chưa đăng", Now.AddDays(1));
            hiddenFeatured.IsFeatured = true;
            db.Articles.AddRange(featured, hiddenFeatured, NewArticle(a, "Tin A", Now.AddHours(-1)), NewArticle(b, "Tin B", Now.AddHours(-2)));
            await db.SaveChangesAsync(Ct);
        }

        await using var read = database.CreateContext();
        var home = await Service(read).GetHomeAsync(10, 5, Ct);

        Assert.Equal("Tin nổi bật", home.Featured!.Title);
        Assert.Equal(["Tin A", "Tin B"], home.Latest.Select(i => i.Title));
        Assert.Equal(["Hoạt động Đảng - Đoàn thể", "Chính quyền"], home.Blocks.Select(x => x.Category.Name));
        Assert.DoesNotContain(home.Blocks.SelectMany(x => x.Articles), i => i.Title == "Tin nổi bật");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task FindBySlugAsync_OldSlugAnswersWithCurrentSlug_UnknownAndDraftAreNotFound(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(Now));
        await using (var db = database.CreateContext())
        {
            var c = NewCategory("Chính quyền");
            var article = NewArticle(c, "Tiêu đề cũ", Now.AddDays(-1));
            var draft = NewArticle(c, "Bản nháp", null, ArticleStatus.Draft);
            db.Articles.AddRange(article, draft);
            await db.SaveChangesAsync(Ct);

            article.Title = "Tiêu đề mới";
            await new ArticleSlugs(db, clock).AssignAsync(article, Ct);
            await db.SaveChangesAsync(Ct);
        }

        await using var read = database.CreateContext();
        var service = Service(read);

        var current = await service.FindBySlugAsync("tieu-de-moi", Ct);
        var old = await service.FindBySlugAsync("tieu-de-cu", Ct);

        Assert.Equal("Tiêu đề mới", current.Article!.Title);
        Assert.Equal("Chính quyền", current.Article.Category.Name);
        Assert.Null(old.Article);
        Assert.Equal("tieu-de-moi", old.MovedToSlug);
        Assert.Same(ArticleLookup.NotFound, await service.FindBySlugAsync("khong-ton-tai", Ct));
        Assert.Same(ArticleLookup.NotFound, await service.FindBySlugAsync("ban-nhap", Ct));
    }
}
