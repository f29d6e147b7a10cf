using System.Net;
using Q11Portal.Core.Data;
using Q11Portal.Testing;
using StackExchange.Redis;

namespace Q11Portal.Web.Tests.Comments;

/// <summary>Issue 13: with nodes sharing a Redis, the comment rate limit counts one client's posts across every node.</summary>
public sealed class CommentRateLimitTwoNodeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Post_TwoNodesOneRedis_RateLimitCountsAcrossBothNodes()
    {
        if (TestEnvironment.RedisConnection is not { } redis)
        {
            TestEnvironment.SkipOrFail("Redis is not configured (set Q11_TEST_REDIS to host:port).");
            return;
        }

        var prefix = $"q11test:{Guid.NewGuid():N}:";
        var settings = new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = redis,
            ["Counters:RedisKeyPrefix"] = prefix,
            ["Comments:RateLimitRedisKeyPrefix"] = prefix + "comments:",
            ["Comments:RateLimitPermits"] = "3",
            ["Comments:RateLimitWindowMinutes"] = "10",
        };
        await using var node1 = await CommentTestSite.CreateAsync(DatabaseProvider.PostgreSql, settings);
        await using var node2 = await CommentTestSite.SecondNodeAsync(node1, settings);

        // Three posts from one client, spread over both nodes: all accepted (each node alone is under the limit).
        Assert.Equal(HttpStatusCode.Redirect, (await node1.PostValidAsync("Một")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await node2.PostValidAsync("Hai")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await node1.PostValidAsync("Ba")).StatusCode);

        // The fourth is refused on either node, with the Vietnamese page and the text kept.
        var fourth = await node2.PostValidAsync("Lần thứ tư 7e2a");
        Assert.Equal((HttpStatusCode)429, fourth.StatusCode);
        Assert.Contains("Bạn đã gửi quá nhiều bình luận", await fourth.Content.ReadAsStringAsync(Ct));
        Assert.True(fourth.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal((HttpStatusCode)429, (await node1.PostValidAsync("Lần thứ năm")).StatusCode);
        Assert.Equal(3, (await node1.CommentsAsync()).Count);

        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis);
        var keys = connection.GetServers()[0].Keys(pattern: prefix + "*").ToArray();
        Assert.Contains(keys, k => k.ToString().StartsWith(prefix + "comments:", StringComparison.Ordinal));
        await connection.GetDatabase().KeyDeleteAsync(keys);
    }

    [Fact]
    public async Task Post_RedisUnreachable_RateLimitFallsBackToThisNode()
    {
        // Nothing listens on port 1: each node counts on its own instead of letting every post through.
        await using var site = await CommentTestSite.CreateAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = "127.0.0.1:1,connectTimeout=500,asyncTimeout=1000",
            ["Comments:RateLimitPermits"] = "2",
            ["Comments:RateLimitWindowMinutes"] = "10",
        });

        Assert.Equal(HttpStatusCode.Redirect, (await site.PostValidAsync("Một")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await site.PostValidAsync("Hai")).StatusCode);
        var third = await site.PostValidAsync("Ba");
        Assert.Equal((HttpStatusCode)429, third.StatusCode);
        Assert.Contains("Bạn đã gửi quá nhiều bình luận", await third.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Redis unavailable for the comment rate limit", site.LogText());
        Assert.Equal(2, (await site.CommentsAsync()).Count);
    }
}
