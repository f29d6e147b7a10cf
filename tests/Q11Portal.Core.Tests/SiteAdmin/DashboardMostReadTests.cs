using Microsoft.Extensions.Time.Testing;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Categories;
using Q11Portal.Core.Data;
using Q11Portal.Testing;

namespace Q11Portal.Core.Tests.SiteAdmin;

public sealed class DashboardMostReadTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task MostRead_CountsThisLocalWeeksViews_NotAllTimeTotals(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        // Wednesday 2 December 2026, 10:00 in Ho Chi Minh City; the week began on Monday 30 November.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 3, 0, 0, TimeSpan.Zero));
        var category = new Category { Name = "C", Slug = "c" };
        var published = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        Article Make(string slug, long total) => new() { Title = slug, Slug = slug, Category = category, Status = ArticleStatus.Published, PublishedAtUtc = published, ViewCount = total };
        var famous = Make("famous", 10_000);
        var trending = Make("trending", 50);
        var lastWeek = Make("last-week", 900);
        db.Articles.AddRange(famous, trending, lastWeek);
        await db.SaveChangesAsync(Ct);

        var dashboard = new NewsroomDashboard(db, clock);
        var before = await dashboard.GetAsync(null, Ct);
        Assert.False(before.MostReadIsThisWeek);
        Assert.Equal(["famous", "last-week", "trending"], before.MostRead.Select(a => a.Title));

        db.ArticleDailyViews.AddRange(
            new ArticleDailyView { ArticleId = famous.Id, Day = new DateOnly(2026, 12, 1), Views = 2 },
            new ArticleDailyView { ArticleId = trending.Id, Day = new DateOnly(2026, 11, 30), Views = 20 },
            new ArticleDailyView { ArticleId = trending.Id, Day = new DateOnly(2026, 12, 2), Views = 25 },
            new ArticleDailyView { ArticleId = lastWeek.Id, Day = new DateOnly(2026, 11, 29), Views = 800 });
        await db.SaveChangesAsync(Ct);

        var after = await dashboard.GetAsync(null, Ct);
        Assert.True(after.MostReadIsThisWeek);
        Assert.Equal(["trending:45", "famous:2"], after.MostRead.Select(a => $"{a.Title}:{a.ViewCount}"));
    }
}
