using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Categories;
using Q11Portal.Core.Data;
using Q11Portal.Testing;

namespace Q11Portal.Core.Tests.Articles;

public sealed class ArticleSlugsTests
{
    private static readonly DateTimeOffset Now = new(2024, 6, 10, 5, 0, 0, TimeSpan.Zero);

    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Article New(Category c, string title) => new()
    {
        Title = title,
        Category = c,
        Status = ArticleStatus.Published,
        PublishedAtUtc = Now.UtcDateTime,
        CreatedAtUtc = Now.UtcDateTime,
        UpdatedAtUtc = Now.UtcDateTime,
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AssignAsync_SameTitles_GetNumberedSlugs_EvenInOneUnsavedBatch(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var slugs = new ArticleSlugs(db, new FakeTimeProvider(Now));
        var c = new Category { Name = "Đô thị", Slug = "do-thi" };
        var saved = New(c, "Đảng bộ Quận 11");
        await slugs.AssignAsync(saved, Ct);
        db.Articles.Add(saved);
        await db.SaveChangesAsync(Ct);

        var second = New(c, "Đảng bộ Quận 11!");
        var third = New(c, "đảng bộ quận 11");
        await slugs.AssignAsync(second, Ct);
        db.Articles.Add(second);
        await slugs.AssignAsync(third, Ct);
        db.Articles.Add(third);
        await db.SaveChangesAsync(Ct);

        Assert.Equal("dang-bo-quan-11", saved.Slug);
        Assert.Equal("dang-bo-quan-11-2", second.Slug);
        Assert.Equal("dang-bo-quan-11-3", third.Slug);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AssignAsync_TitleChange_RecordsOldSlug_AndChangingBackReclaimsIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var slugs = new ArticleSlugs(db, new FakeTimeProvider(Now));
        var c = new Category { Name = "Đô thị", Slug = "do-thi" };
        var article = New(c, "Tiêu đề ban đầu");
        await slugs.AssignAsync(article, Ct);
        db.Articles.Add(article);
        await db.SaveChangesAsync(Ct);

        article.Title = "Tiêu đề đã sửa";
        await slugs.AssignAsync(article, Ct);
        await db.SaveChangesAsync(Ct);

        Assert.Equal("tieu-de-da-sua", article.Slug);
        var history = await db.ArticleSlugHistory.Where(h => h.ArticleId == article.Id).Select(h => h.Slug).ToListAsync(Ct);
        Assert.Equal(["tieu-de-ban-dau"], history);

        // Nobody else may take the retired slug: old links must keep pointing at this article.
        var other = New(c, "Tiêu đề ban đầu");
        await slugs.AssignAsync(other, Ct);
        Assert.Equal("tieu-de-ban-dau-2", other.Slug);

        article.Title = "Tiêu đề ban đầu";
        await slugs.AssignAsync(article, Ct);
        await db.SaveChangesAsync(Ct);

        Assert.Equal("tieu-de-ban-dau", article.Slug);
        var after = await db.ArticleSlugHistory.Where(h => h.ArticleId == article.Id).Select(h => h.Slug).OrderBy(s => s).ToListAsync(Ct);
        Assert.Equal(["tieu-de-da-sua"], after);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AssignAsync_UnchangedTitleOrPunctuationOnly_KeepsOrFallsBack(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var slugs = new ArticleSlugs(db, new FakeTimeProvider(Now));
        var c = new Category { Name = "Đô thị", Slug = "do-thi" };
        var first = New(c, "Tin tức");
        var copy = New(c, "Tin tức");
        var symbols = New(c, "!!! ???");
        foreach (var a in new[] { first, copy, symbols })
        {
            await slugs.AssignAsync(a, Ct);
            db.Articles.Add(a);
        }

        await db.SaveChangesAsync(Ct);
        await slugs.AssignAsync(copy, Ct);
        await db.SaveChangesAsync(Ct);

        Assert.Equal("tin-tuc-2", copy.Slug);
        Assert.Equal(ArticleSlugs.Fallback, symbols.Slug);
        Assert.False(await db.ArticleSlugHistory.AnyAsync(Ct));
    }
}
