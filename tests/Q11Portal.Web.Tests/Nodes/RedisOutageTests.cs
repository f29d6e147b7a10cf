using System.Net;
using StackExchange.Redis;
using static Q11Portal.Web.Tests.Nodes.ClusterFaultSupport;

namespace Q11Portal.Web.Tests.Nodes;

/// <summary>Issue 13, must-show 3: Redis stopped under reader load. Reading and counting go on (each node de-duplicates
/// on its own after <c>Counters:StoreOutageGrace</c>), <c>/health/ready</c> answers 200 "Degraded" (not unready), and
/// when Redis is back the nodes count through it again and report Healthy, with no view lost.</summary>
public sealed class RedisOutageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RedisStoppedUnderLoad_ReadingAndCountingGoOn_AndRecover()
    {
        await using var redis = await PrivateRedis.StartAsync(Ct);
        var prefix = $"q11outage:{Guid.NewGuid():N}:";
        await using var cluster = await PortalCluster.StartAsync(Ct, redis.Configuration, new Dictionary<string, string>
        {
            ["Counters__RedisKeyPrefix"] = prefix,
            ["Counters__StoreOutageGrace"] = "00:00:03",
        });
        var slug = await TwoNodeProxyTests.AddPublishedArticleAsync(cluster.Database, "Quận 11 ra quân chiến dịch mùa khô");
        using var client = cluster.RawClient();

        await ReadAsync(cluster, client, slug, first: 0, count: 20);
        Assert.Equal(20, await WaitForViewsAsync(cluster.Database, slug, 20, TimeSpan.FromSeconds(30)));
        foreach (var url in cluster.NodeUrls)
        {
            Assert.Equal((HttpStatusCode.OK, "Healthy"), await ReadyAsync(url));
        }

        await redis.StopAsync();
        var during = await ReadAsync(cluster, client, slug, first: 1000, count: 30);

        Assert.Equal(2, during.Select(a => a.Node).Distinct().Count());
        foreach (var url in cluster.NodeUrls)
        {
            var (status, body) = await ReadyAsync(url);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("Degraded", body);
        }

        // Counting went on without Redis: the outage's views reach the database while it is still down.
        Assert.Equal(50, await WaitForViewsAsync(cluster.Database, slug, 50, TimeSpan.FromSeconds(40)));

        await redis.RestartAsync(Ct);
        await WaitUntilAsync(async () => (await Task.WhenAll(cluster.NodeUrls.Select(ReadyAsync))).All(r => r.Body == "Healthy"), TimeSpan.FromSeconds(40),
            "Both nodes report Healthy again once Redis is back");
        await ReadAsync(cluster, client, slug, first: 2000, count: 20);

        Assert.Equal(70, await WaitForViewsAsync(cluster.Database, slug, 70, TimeSpan.FromSeconds(40)));
        // Counting goes through Redis again (the visitors after the outage are de-duplicated there).
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        await WaitUntilAsync(() => Task.FromResult(connection.GetServers()[0].Keys(pattern: prefix + "*").Any()), TimeSpan.FromSeconds(30),
            "The nodes write to Redis again after it came back");
        Assert.Equal(70, await ViewCountAsync(cluster.Database, slug));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan within, string what)
    {
        var deadline = DateTime.UtcNow + within;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, what + $" within {within.TotalSeconds} s.");
            await Task.Delay(250, Ct);
        }
    }
}
