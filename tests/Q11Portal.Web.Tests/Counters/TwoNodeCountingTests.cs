using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Data;
using Q11Portal.Core.Statistics;
using Q11Portal.Testing;
using Q11Portal.Web.Tests.Infrastructure;
using StackExchange.Redis;
using static Q11Portal.Web.Tests.Counters.CounterTestSupport;

namespace Q11Portal.Web.Tests.Counters;

/// <summary>Issue 6, point 2: two web hosts on one PostgreSQL database and one Redis, counting at the same time.</summary>
public sealed class TwoNodeCountingTests
{
    [Fact]
    public async Task TwoHosts_OnePostgresOneRedis_CountTheExactSum()
    {
        if (TestEnvironment.RedisConnection is not { } redis)
        {
            TestEnvironment.SkipOrFail("Redis is not configured (set Q11_TEST_REDIS to host:port).");
            return;
        }

        var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql, migrate: true);
        var prefix = $"q11test:{Guid.NewGuid():N}:";
        var settings = new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = redis,
            ["Counters:RedisKeyPrefix"] = prefix,
            ["Counters:FlushInterval"] = "00:00:02",
        };
        await using var node1 = new PortalAppFactory(database, settings);
        await using var node2 = new PortalAppFactory(database, settings);
        var client1 = node1.RawClient();
        var client2 = node2.RawClient();
        var (id, slug) = await AddPublishedArticleAsync(database, "hai-may-chu-mot-redis");

        // 1,200 readers only on node 1, 1,200 only on node 2, and 600 whose requests go to both nodes
        // (a load balancer without sticky sessions): 3,000 people, each counted once.
        const int OnlyFirst = 1200, OnlySecond = 1200, Both = 600;
        var url = $"/tin-tuc/{slug}";
        var first = Enumerable.Range(0, OnlyFirst).Select(n => (Func<HttpRequestMessage>)(() => Get(url, VisitorId(n))))
            .Concat(Enumerable.Range(100_000, Both).Select(n => (Func<HttpRequestMessage>)(() => Get(url, VisitorId(n)))));
        var second = Enumerable.Range(50_000, OnlySecond).Select(n => (Func<HttpRequestMessage>)(() => Get(url, VisitorId(n))))
            .Concat(Enumerable.Range(100_000, Both).Select(n => (Func<HttpRequestMessage>)(() => Get(url, VisitorId(n)))));
        await Task.WhenAll(SendAllAsync(client1, first, parallel: 8), SendAllAsync(client2, second, parallel: 8));
        await Task.WhenAll(node1.WaitForHitsAsync(OnlyFirst + Both), node2.WaitForHitsAsync(OnlySecond + Both));
        await Task.WhenAll(node1.FlushUntilDoneAsync(), node2.FlushUntilDoneAsync());

        const long People = OnlyFirst + OnlySecond + Both;
        var counter1 = node1.Services.GetRequiredService<ViewCounter>();
        var counter2 = node2.Services.GetRequiredService<ViewCounter>();
        Assert.Equal((OnlyFirst + Both, OnlySecond + Both), (counter1.HitsDecided, counter2.HitsDecided));
        // Every hit was decided by the shared store; none by a node on its own (which cannot see the other node).
        Assert.Equal((0L, 0L), (counter1.Health.StoreFallbacks, counter2.Health.StoreFallbacks));
        Assert.Equal(People, counter1.Health.ViewsCounted + counter2.Health.ViewsCounted);
        var (views, daily, visits, pageViews) = await ReadCountsAsync(database, id);
        Assert.Equal(People, views);
        Assert.Equal(People, daily);
        Assert.Equal(People, visits);
        Assert.Equal(People + Both, pageViews);

        // "Đang truy cập" is shared: both nodes see everyone.
        await node1.FlushUntilDoneAsync();
        await node2.FlushUntilDoneAsync();
        Assert.Equal(People, node1.Services.GetRequiredService<ViewCounter>().SiteCounts.Online);
        Assert.Equal(People, node2.Services.GetRequiredService<ViewCounter>().SiteCounts.Online);

        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis);
        var server = connection.GetServers()[0];
        var keys = server.Keys(pattern: prefix + "*").ToArray();
        Assert.NotEmpty(keys);
        await connection.GetDatabase().KeyDeleteAsync(keys);
    }
}
