using Microsoft.Extensions.Options;
using Q11Portal.Core.Statistics;
using Q11Portal.Testing;
using StackExchange.Redis;

namespace Q11Portal.Core.Tests.Statistics;

/// <summary>The shared store's script against a real Redis: the same rules as the memory store, and a batch sent
/// again after a lost answer is not decided twice.</summary>
public sealed class RedisVisitorWindowStoreTests
{
    [Fact]
    public async Task Batch_RetriedWithTheSameId_GetsTheFirstAnswer_AndOtherBatchesSeeThePeopleOnce()
    {
        if (TestEnvironment.RedisConnection is not { } redis)
        {
            TestEnvironment.SkipOrFail("Redis is not configured (set Q11_TEST_REDIS to host:port).");
            return;
        }

        var ct = TestContext.Current.CancellationToken;
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis);
        var prefix = $"q11test:{Guid.NewGuid():N}:";
        var store = new RedisVisitorWindowStore(connection, Options.Create(new CounterOptions { RedisKeyPrefix = prefix }));
        var at = DateTime.UtcNow;
        try
        {
            ResolvedHit[] hits =
            [
                new("a", null, 7, at),
                new("a", null, 7, at.AddSeconds(1)),
                new("b", "c1", 7, at),
                new("d", null, null, at),
                new("a", null, 8, at.AddSeconds(2)),
            ];

            var first = await store.ProcessAsync(hits, "node1-1", ct);
            Assert.Equal(
                [new(true, true), new(false, false), new(true, true), new(true, false), new(false, true)],
                first);

            // The answer was lost on the way back: the retry gets it again instead of "everyone already seen".
            Assert.Equal(first, await store.ProcessAsync(hits, "node1-1", ct));

            // The same people in another batch (another node): nothing new; the new browser is known by its cookie.
            var again = await store.ProcessAsync([new("a", null, 7, at.AddSeconds(3)), new("c1", null, 7, at.AddSeconds(3))], "node2-1", ct);
            Assert.Equal([new(false, false), new(false, false)], again);

            // a, c1 (b before it had its cookie) and d.
            Assert.Equal(3, await store.CountOnlineAsync(at.AddSeconds(5), ct));
            Assert.Equal(0, await store.CountOnlineAsync(at.AddMinutes(6), ct));
        }
        finally
        {
            var keys = connection.GetServers()[0].Keys(pattern: prefix + "*").ToArray();
            await connection.GetDatabase().KeyDeleteAsync(keys);
        }
    }
}
