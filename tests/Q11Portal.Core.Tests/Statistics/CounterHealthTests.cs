using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Q11Portal.Core.Statistics;
using Q11Portal.Testing;

namespace Q11Portal.Core.Tests.Statistics;

public sealed class CounterHealthTests
{
    [Fact]
    public async Task Record_QueueFull_CountsTheDroppedHits()
    {
        await using var database = await TestDatabase.CreateAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 10, 2, 0, 0, TimeSpan.Zero));
        await using var services = ViewCounterTests.Services(database, clock, new Dictionary<string, string?> { ["Counters:QueueCapacity"] = "1000" });
        var counter = services.GetRequiredService<ViewCounter>();

        for (var i = 0; i < 1003; i++)
        {
            counter.Record(new CounterHit($"v{i}", null, null, null, clock.GetUtcNow().UtcDateTime));
        }

        Assert.Equal(1000, counter.QueuedHits);
        Assert.Equal(3, counter.Health.DroppedHits);
    }

    [Fact]
    public async Task FlushAsync_FailsThenSucceeds_HealthKeepsTheFailure()
    {
        await using var database = await TestDatabase.CreateAsync();
        var articleId = await ViewCounterTests.AddArticleAsync(database, "suc-khoe");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 10, 2, 0, 0, TimeSpan.Zero));
        await using var services = ViewCounterTests.Services(database, clock);
        var counter = services.GetRequiredService<ViewCounter>();
        var health = counter.Health;
        var ct = TestContext.Current.CancellationToken;
        counter.Record(new CounterHit("v1", null, articleId, null, clock.GetUtcNow().UtcDateTime));
        await using (var db = database.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"SiteDailyStats\" RENAME TO \"SiteDailyStatsAway\"", ct);
        }

        await Assert.ThrowsAnyAsync<Exception>(() => counter.FlushAsync(ct));
        clock.Advance(TimeSpan.FromSeconds(5));
        await Assert.ThrowsAnyAsync<Exception>(() => counter.FlushAsync(ct));

        Assert.Equal(2, health.FailedFlushes);
        Assert.Equal(2, health.ConsecutiveFailedFlushes);
        Assert.Null(health.LastFlushSucceededUtc);
        var failure = Assert.IsType<CounterFlushFailure>(health.LastFlushFailure);
        Assert.Equal(clock.GetUtcNow().UtcDateTime, failure.AtUtc);
        Assert.Contains("SiteDailyStats", failure.Message, StringComparison.Ordinal);

        await using (var db = database.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"SiteDailyStatsAway\" RENAME TO \"SiteDailyStats\"", ct);
        }

        clock.Advance(TimeSpan.FromSeconds(5));
        await counter.FlushAsync(ct);

        Assert.Equal(2, health.FailedFlushes);
        Assert.Equal(0, health.ConsecutiveFailedFlushes);
        Assert.Equal(clock.GetUtcNow().UtcDateTime, health.LastFlushSucceededUtc);
        Assert.Same(failure, health.LastFlushFailure);
        Assert.Equal(1, health.HitsDecided);
        Assert.Equal(1, health.ViewsCounted);
    }
}
