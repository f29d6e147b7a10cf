using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Categories;
using Q11Portal.Core.Data;
using Q11Portal.Core.Statistics;
using Q11Portal.Testing;

namespace Q11Portal.Core.Tests.Statistics;

public sealed class ViewCounterTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    // 16:59:59 UTC is 23:59:59 in Hồ Chí Minh City; one second later it is the next local day.
    private static readonly DateTimeOffset BeforeLocalMidnight = new(2026, 5, 31, 16, 59, 59, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Flush_HitsAroundLocalMidnight_LandOnTheirLocalDays(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var articleId = await AddArticleAsync(database, "bai-nua-dem");
        var clock = new FakeTimeProvider(BeforeLocalMidnight);
        await using var services = Services(database, clock);
        var counter = services.GetRequiredService<ViewCounter>();
        var ct = TestContext.Current.CancellationToken;

        counter.Record(new CounterHit("visitor-a", null, articleId, null, clock.GetUtcNow().UtcDateTime));
        counter.Record(new CounterHit("visitor-b", null, null, null, clock.GetUtcNow().UtcDateTime));
        clock.Advance(TimeSpan.FromSeconds(1));
        counter.Record(new CounterHit("visitor-c", null, null, "bai-nua-dem", clock.GetUtcNow().UtcDateTime));
        counter.Record(new CounterHit("visitor-a", null, articleId, null, clock.GetUtcNow().UtcDateTime));
        await counter.FlushAsync(ct);

        await using var db = database.CreateContext();
        var may31 = new DateOnly(2026, 5, 31);
        var june1 = new DateOnly(2026, 6, 1);
        var days = await db.SiteDailyStats.OrderBy(s => s.Day).ToListAsync(ct);
        Assert.Equal([may31, june1], days.Select(d => d.Day));
        Assert.Equal([2L, 1L], days.Select(d => d.Visits));     // visitor-a's second page is the same visit
        Assert.Equal([2L, 2L], days.Select(d => d.PageViews));
        var views = await db.ArticleDailyViews.OrderBy(v => v.Day).ToListAsync(ct);
        Assert.Equal([(may31, 1L), (june1, 1L)], views.Select(v => (v.Day, v.Views)));  // visitor-a counted once
        Assert.Equal(2, await db.Articles.Where(a => a.Id == articleId).Select(a => a.ViewCount).SingleAsync(ct));

        var counts = counter.SiteCounts;
        Assert.Equal(3, counts.Total);
        Assert.Equal(1, counts.Today);
        Assert.Equal(1, counts.ThisMonth); // June has just begun
        Assert.Equal(3, counts.Online);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Flush_TwoNodesOnOneDatabase_AddUp(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var articleId = await AddArticleAsync(database, "hai-may-chu");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 10, 2, 0, 0, TimeSpan.Zero));
        await using var node1 = Services(database, clock);
        await using var node2 = Services(database, clock);
        var counter1 = node1.GetRequiredService<ViewCounter>();
        var counter2 = node2.GetRequiredService<ViewCounter>();
        var ct = TestContext.Current.CancellationToken;

        // Both nodes write the same (new) day rows at once: one insert wins, the other retries as an update.
        for (var round = 0; round < 5; round++)
        {
            for (var i = 0; i < 40; i++)
            {
                var now = clock.GetUtcNow().UtcDateTime;
                counter1.Record(new CounterHit($"n1-{round}-{i}", null, articleId, null, now));
                counter2.Record(new CounterHit($"n2-{round}-{i}", null, articleId, null, now));
            }

            await Task.WhenAll(counter1.FlushAsync(ct), counter2.FlushAsync(ct));
        }

        await using var db = database.CreateContext();
        Assert.Equal(400, await db.Articles.Where(a => a.Id == articleId).Select(a => a.ViewCount).SingleAsync(ct));
        Assert.Equal(400, await db.ArticleDailyViews.Where(v => v.ArticleId == articleId).SumAsync(v => v.Views, ct));
        var day = await db.SiteDailyStats.SingleAsync(ct);
        Assert.Equal(400, day.Visits);
        Assert.Equal(400, day.PageViews);
    }

    [Fact]
    public async Task Flush_DatabaseDown_KeepsCountsForTheNextFlush()
    {
        await using var database = await TestDatabase.CreateAsync();
        var articleId = await AddArticleAsync(database, "mat-ket-noi");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 10, 2, 0, 0, TimeSpan.Zero));
        await using var services = Services(database, clock);
        var counter = services.GetRequiredService<ViewCounter>();
        var ct = TestContext.Current.CancellationToken;
        counter.Record(new CounterHit("v1", null, articleId, null, clock.GetUtcNow().UtcDateTime));

        await using (var db = database.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"SiteDailyStats\" RENAME TO \"SiteDailyStatsAway\"", ct);
        }

        // The failure is reported (the flush service logs it), and the counts wait for the next flush.
        await Assert.ThrowsAnyAsync<Exception>(() => counter.FlushAsync(ct));
        Assert.Equal(1, counter.PendingViews(articleId));

        await using (var db = database.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"SiteDailyStatsAway\" RENAME TO \"SiteDailyStats\"", ct);
        }

        await counter.FlushAsync(ct);
        Assert.Equal(0, counter.PendingViews(articleId));
        await using var check = database.CreateContext();
        Assert.Equal(1, await check.Articles.Where(a => a.Id == articleId).Select(a => a.ViewCount).SingleAsync(ct));
        Assert.Equal(1, await check.SiteDailyStats.SumAsync(s => s.Visits, ct));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Flush_CommitAnswerLost_TheRetryFindsTheBatchWritten_AndCountsOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var articleId = await AddArticleAsync(database, "mat-tra-loi");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 10, 2, 0, 0, TimeSpan.Zero));
        // The database commits, then the answer times out: the writer takes it for a conflict and runs the batch again.
        var lostAnswer = new LoseCommitAnswer(() => new TimeoutException("The commit answer did not arrive."));
        await using var services = Services(database, clock, interceptor: lostAnswer);
        var counter = services.GetRequiredService<ViewCounter>();
        var ct = TestContext.Current.CancellationToken;
        counter.Record(new CounterHit("v1", null, articleId, null, clock.GetUtcNow().UtcDateTime));
        counter.Record(new CounterHit("v2", null, null, null, clock.GetUtcNow().UtcDateTime));

        await counter.FlushAsync(ct);

        Assert.Equal(1, lostAnswer.Thrown);
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.Articles.Where(a => a.Id == articleId).Select(a => a.ViewCount).SingleAsync(ct));
        Assert.Equal(1, await db.ArticleDailyViews.Where(v => v.ArticleId == articleId).SumAsync(v => v.Views, ct));
        var day = await db.SiteDailyStats.SingleAsync(ct);
        Assert.Equal((2L, 2L), (day.Visits, day.PageViews));
        Assert.Equal(1, await db.CounterFlushes.CountAsync(ct));
        Assert.Equal(0, counter.PendingViews(articleId));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Flush_FailedAfterItsCommit_TheNextFlushDoesNotCountItAgain(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var articleId = await AddArticleAsync(database, "dut-ket-noi");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 10, 2, 0, 0, TimeSpan.Zero));
        // The connection breaks right after the commit: the flush fails, and the node cannot tell whether it was written.
        var broken = new LoseCommitAnswer(() => new InvalidOperationException("The connection broke after the commit."));
        await using var services = Services(database, clock, interceptor: broken);
        var counter = services.GetRequiredService<ViewCounter>();
        var ct = TestContext.Current.CancellationToken;
        counter.Record(new CounterHit("v1", null, articleId, null, clock.GetUtcNow().UtcDateTime));
        await Assert.ThrowsAsync<InvalidOperationException>(() => counter.FlushAsync(ct));
        Assert.Equal(1, counter.PendingViews(articleId)); // unconfirmed: still shown, still to be written

        clock.Advance(TimeSpan.FromSeconds(5));
        counter.Record(new CounterHit("v2", null, articleId, null, clock.GetUtcNow().UtcDateTime));
        await counter.FlushAsync(ct);

        await using var db = database.CreateContext();
        Assert.Equal(2, await db.Articles.Where(a => a.Id == articleId).Select(a => a.ViewCount).SingleAsync(ct));
        Assert.Equal(2, await db.SiteDailyStats.SumAsync(s => s.Visits, ct));
        Assert.Equal(2, await db.CounterFlushes.CountAsync(ct));
        Assert.Equal(0, counter.PendingViews(articleId));
        Assert.Equal(2, await counter.GetArticleViewsAsync(articleId, ct));
    }

    [Fact]
    public async Task Flush_ForgetsJournalEntriesOlderThanADay()
    {
        await using var database = await TestDatabase.CreateAsync();
        var articleId = await AddArticleAsync(database, "nhat-ky");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 10, 2, 0, 0, TimeSpan.Zero));
        var now = clock.GetUtcNow().UtcDateTime;
        var ct = TestContext.Current.CancellationToken;
        await using (var db = database.CreateContext())
        {
            db.CounterFlushes.AddRange(
                new CounterFlush { Id = "old", AppliedAtUtc = now.AddDays(-2) },
                new CounterFlush { Id = "recent", AppliedAtUtc = now.AddHours(-2) });
            await db.SaveChangesAsync(ct);
        }

        await using var services = Services(database, clock);
        var counter = services.GetRequiredService<ViewCounter>();
        counter.Record(new CounterHit("v1", null, articleId, null, now));
        await counter.FlushAsync(ct);

        await using var check = database.CreateContext();
        var left = await check.CounterFlushes.Select(f => f.Id).ToListAsync(ct);
        Assert.DoesNotContain("old", left);
        Assert.Contains("recent", left);
        Assert.Equal(2, left.Count); // "recent" and this flush's batch
    }

    /// <summary>Lets the first commit through, then throws as if its answer had been lost.</summary>
    private sealed class LoseCommitAnswer(Func<Exception> failure) : DbTransactionInterceptor
    {
        private int thrown;

        public int Thrown => Volatile.Read(ref thrown);

        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
        {
            if (Interlocked.CompareExchange(ref thrown, 1, 0) == 0)
            {
                throw failure();
            }
        }

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            TransactionCommitted(transaction, eventData);
            return Task.CompletedTask;
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task StatisticsService_MostReadThisWeekAndDailyViews(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var a = await AddArticleAsync(database, "bai-a");
        var b = await AddArticleAsync(database, "bai-b");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 10, 2, 0, 0, TimeSpan.Zero)); // 10/06 local
        var ct = TestContext.Current.CancellationToken;
        await using (var db = database.CreateContext())
        {
            db.ArticleDailyViews.AddRange(
                new ArticleDailyView { ArticleId = a, Day = new DateOnly(2026, 6, 10), Views = 5 },
                new ArticleDailyView { ArticleId = a, Day = new DateOnly(2026, 6, 8), Views = 3 },
                new ArticleDailyView { ArticleId = a, Day = new DateOnly(2026, 6, 1), Views = 100 }, // older than a week
                new ArticleDailyView { ArticleId = b, Day = new DateOnly(2026, 6, 4), Views = 9 });
            await db.SaveChangesAsync(ct);
        }

        await using var services = Services(database, clock);
        await using var scope = services.CreateAsyncScope();
        var statistics = scope.ServiceProvider.GetRequiredService<StatisticsService>();

        var top = await statistics.GetMostReadAsync(7, 10, ct);
        Assert.Equal([(b, 9L), (a, 8L)], top.Select(t => (t.Id, t.Views)));

        var daily = await statistics.GetArticleDailyViewsAsync(a, 3, ct);
        Assert.Equal([(new DateOnly(2026, 6, 8), 3L), (new DateOnly(2026, 6, 9), 0L), (new DateOnly(2026, 6, 10), 5L)], daily.Select(d => (d.Day, d.Count)));
    }

    internal static ServiceProvider Services(TestDatabase database, TimeProvider clock, IDictionary<string, string?>? settings = null,
        IInterceptor? interceptor = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(clock);
        services.AddDbContext<PortalDbContext>(o =>
        {
            DataServiceCollectionExtensions.Configure(o, database.Options, new PortalPaths(database.DataDirectory));
            if (interceptor is not null)
            {
                o.AddInterceptors(interceptor);
            }
        });
        services.AddStatistics(configuration);
        return services.BuildServiceProvider();
    }

    internal static async Task<int> AddArticleAsync(TestDatabase database, string slug)
    {
        await using var db = database.CreateContext();
        var category = await db.Categories.FirstOrDefaultAsync() ?? new Category { Name = "Tin tức", Slug = "tin-tuc-" + Guid.NewGuid().ToString("N")[..6] };
        var article = new Article
        {
            Title = "Bài " + slug,
            Slug = slug,
            Category = category,
            Status = ArticleStatus.Published,
            PublishedAtUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            CreatedAtUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            UpdatedAtUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        };
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        return article.Id;
    }
}
