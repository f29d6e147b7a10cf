using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Categories;
using Q11Portal.Core.Data;
using Q11Portal.Core.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Q11Portal.Testing;

namespace Q11Portal.Core.Tests.Search;

/// <summary>The forms of the one "is it public?" rule (<see cref="ArticleVisibility"/>) agree on every case: the query
/// the pages use, the same rule through a related-news row, the in-memory forms, and the time-free half the search
/// index holds.</summary>
public sealed class VisibilityRuleTests
{
    private static readonly DateTime Now = new(2026, 6, 10, 2, 0, 0, DateTimeKind.Utc);

    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    /// <summary>(name, status, publish time, expiry time, public now, held by the search index).</summary>
    private static readonly (string Name, ArticleStatus Status, DateTime? PublishedAtUtc, DateTime? ExpiresAtUtc, bool Visible, bool Indexed)[] Cases =
    [
        ("draft", ArticleStatus.Draft, null, null, false, false),
        ("draft-dated", ArticleStatus.Draft, Now.AddDays(-1), null, false, false),
        ("submitted", ArticleStatus.Submitted, Now.AddDays(-1), null, false, false),
        ("returned", ArticleStatus.Returned, Now.AddDays(-1), null, false, false),
        ("scheduled-future", ArticleStatus.Scheduled, Now.AddHours(1), null, false, false),
        ("scheduled-due", ArticleStatus.Scheduled, Now.AddMinutes(-1), null, false, false),
        ("published", ArticleStatus.Published, Now.AddDays(-1), null, true, true),
        ("published-this-instant", ArticleStatus.Published, Now, null, true, true),
        ("published-for-later", ArticleStatus.Published, Now.AddSeconds(1), null, false, true),
        ("published-undated", ArticleStatus.Published, null, null, false, false),
        ("unpublished", ArticleStatus.Unpublished, Now.AddDays(-1), null, false, false),
        // Hết hạn: gone from the instant of its expiry, before the expiry job unpublishes it; the index still holds it
        // until then and leaves it out at query time.
        ("expires-later", ArticleStatus.Published, Now.AddDays(-1), Now.AddSeconds(1), true, true),
        ("expires-this-instant", ArticleStatus.Published, Now.AddDays(-1), Now, false, true),
        ("expired", ArticleStatus.Published, Now.AddDays(-1), Now.AddMinutes(-1), false, true),
        ("expired-and-unpublished", ArticleStatus.Unpublished, Now.AddDays(-1), Now.AddMinutes(-1), false, false),
        ("for-later-expiring-later", ArticleStatus.Published, Now.AddHours(1), Now.AddHours(2), false, true),
        ("trashed", ArticleStatus.Trashed, Now.AddDays(-1), null, false, false),
    ];

    [Fact]
    public void IsVisible_EveryCaseOfTheTable_DataAndEntityFormsAgree()
    {
        foreach (var (name, status, published, expires, visible, indexed) in Cases)
        {
            var article = new Article { Title = name, Slug = name, Status = status, PublishedAtUtc = published, ExpiresAtUtc = expires };
            Assert.True(visible == ArticleVisibility.IsVisible(status, published, expires, Now), name);
            Assert.True(visible == article.IsVisibleAt(Now), name);
            Assert.True(indexed == ArticleVisibility.IsPublishedAtAnyTime(status, published), name);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task QueryForms_EveryCaseOnADatabase_AgreeWithTheDataForm(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        await using (var db = database.CreateContext())
        {
            var category = new Category { Name = "Tin tức", Slug = "tin-tuc" };
            var host = NewArticle("host", ArticleStatus.Published, Now.AddDays(-2), category);
            var articles = Cases.Select(c => NewArticle(c.Name, c.Status, c.PublishedAtUtc, category, c.ExpiresAtUtc)).ToList();
            db.Articles.Add(host);
            db.Articles.AddRange(articles);
            await db.SaveChangesAsync(ct);
            db.RelatedArticles.AddRange(articles.Select((a, i) => new RelatedArticle { ArticleId = host.Id, RelatedArticleId = a.Id, Rank = i + 1 }));
            await db.SaveChangesAsync(ct);
        }

        await using var check = database.CreateContext();
        var visible = await check.Articles.VisibleAt(Now).Where(a => a.Slug != "host").Select(a => a.Slug).ToListAsync(ct);
        var visibleRelated = await check.RelatedArticles.WhereArticleVisibleAt(r => r.Related, Now).Select(r => r.Related.Slug).ToListAsync(ct);
        var indexed = await check.Articles.PublishedAtAnyTime().Where(a => a.Slug != "host").Select(a => a.Slug).ToListAsync(ct);

        var expectedVisible = Cases.Where(c => ArticleVisibility.IsVisible(c.Status, c.PublishedAtUtc, c.ExpiresAtUtc, Now)).Select(c => c.Name).Order().ToList();
        Assert.Equal(["expires-later", "published", "published-this-instant"], expectedVisible);
        Assert.Equal(Cases.Where(c => c.Visible).Select(c => c.Name).Order(), expectedVisible);
        Assert.Equal(expectedVisible, visible.Order());
        Assert.Equal(expectedVisible, visibleRelated.Order());
        Assert.Equal(Cases.Where(c => ArticleVisibility.IsPublishedAtAnyTime(c.Status, c.PublishedAtUtc)).Select(c => c.Name).Order(), indexed.Order());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SearchForm_EveryCaseIndexed_FindsExactlyTheVisibleOnes(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await SearchTestHost.CreateAsync(provider, new FakeTimeProvider(new DateTimeOffset(Now)));
        await using (var scope = host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var category = new Category { Name = "Tin tức", Slug = "tin-tuc" };
            db.Articles.AddRange(Cases.Select(c => NewArticle(c.Name, c.Status, c.PublishedAtUtc, category, c.ExpiresAtUtc)));
            await db.SaveChangesAsync(ct);
            await scope.ServiceProvider.GetRequiredService<ArticleIndexingService>().RebuildAllAsync(null, null, ct);
        }

        var hits = host.Services.GetRequiredService<SearchService>().Search(new SearchRequest("dân vận", PageSize: 50)).Hits.Select(h => h.Slug).Order();

        Assert.Equal(Cases.Where(c => c.Visible).Select(c => c.Name).Order(), hits);
    }

    private static Article NewArticle(string slug, ArticleStatus status, DateTime? publishedAtUtc, Category category, DateTime? expiresAtUtc = null) => new()
    {
        ExpiresAtUtc = expiresAtUtc,
        Summary = "Hội nghị tổng kết công tác dân vận.",
        Title = "Bài " + slug,
        Slug = slug,
        Category = category,
        Status = status,
        PublishedAtUtc = publishedAtUtc,
        CreatedAtUtc = Now.AddDays(-3),
        UpdatedAtUtc = Now.AddDays(-3),
    };
}
