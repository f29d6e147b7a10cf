using Microsoft.Extensions.Logging.Abstractions;
using Q11Portal.Core.Common;
using Q11Portal.Testing;
using StackExchange.Redis;

namespace Q11Portal.Core.Tests.Common;

public sealed class JobLeaseTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TryAcquire_TwoNodesAtOnce_ExactlyOneRuns_TheHolderRenews_AnotherTakesOverAfterExpiry()
    {
        if (TestEnvironment.RedisConnection is not { } redis)
        {
            TestEnvironment.SkipOrFail("Redis is not configured (set Q11_TEST_REDIS to host:port).");
            return;
        }

        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis);
        var prefix = $"q11test:{Guid.NewGuid():N}:";
        var first = new JobLease(connection, prefix, NullLogger<JobLease>.Instance);
        var second = new JobLease(connection, prefix, NullLogger<JobLease>.Instance);

        var both = await Task.WhenAll(first.TryAcquireAsync("job", TimeSpan.FromMilliseconds(600), Ct), second.TryAcquireAsync("job", TimeSpan.FromMilliseconds(600), Ct));
        Assert.Single(both, taken => taken);
        var (holder, other) = both[0] ? (first, second) : (second, first);

        // The holder's next round renews its lease; the other node keeps skipping, and another job is not affected.
        Assert.True(await holder.TryAcquireAsync("job", TimeSpan.FromMilliseconds(600), Ct));
        Assert.False(await other.TryAcquireAsync("job", TimeSpan.FromMilliseconds(600), Ct));
        Assert.True(await other.TryAcquireAsync("another-job", TimeSpan.FromMilliseconds(600), Ct));

        // The holder stops: once its lease has expired, the other node takes the job over.
        await Task.Delay(TimeSpan.FromMilliseconds(900), Ct);
        Assert.True(await other.TryAcquireAsync("job", TimeSpan.FromMilliseconds(600), Ct));
        Assert.False(await holder.TryAcquireAsync("job", TimeSpan.FromMilliseconds(600), Ct));
        await connection.GetDatabase().KeyDeleteAsync([prefix + "job", prefix + "another-job"]);
    }

    [Fact]
    public async Task TryAcquire_RedisUnreachable_RunsTheRound()
    {
        // Nothing listens on port 1; the connection is made as the portal makes it (start even while Redis is down).
        await using var connection = await ConnectionMultiplexer.ConnectAsync("127.0.0.1:1,abortConnect=false,connectTimeout=500,asyncTimeout=1000");
        var lease = new JobLease(connection, "q11test:", NullLogger<JobLease>.Instance);

        Assert.True(await lease.TryAcquireAsync("job", TimeSpan.FromMinutes(1), Ct));
        Assert.True(await new JobLease(connection, "q11test:", NullLogger<JobLease>.Instance).TryAcquireAsync("job", TimeSpan.FromMinutes(1), Ct));
    }

    [Fact]
    public async Task TryAcquire_NoRedis_AlwaysRuns()
    {
        var lease = new JobLease(null, "q11test:", NullLogger<JobLease>.Instance);

        Assert.True(await lease.TryAcquireAsync("job", TimeSpan.FromMinutes(1), Ct));
        Assert.True(await lease.TryAcquireAsync("job", TimeSpan.FromMinutes(1), Ct));
    }
}
