using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Q11Portal.Core.Statistics;
using StackExchange.Redis;

namespace Q11Portal.Core.Common;

/// <summary>Lets one node run a periodic job's round when several nodes share a Redis: a round first takes the job's
/// lease (a Redis key set only if absent, with an expiry); a node that does not get it skips the round. The holder
/// renews its own lease each round, so one node keeps running the job and another takes over only once the lease has
/// expired (the holder stopped). Without Redis (one node) every round runs; while Redis does not answer, rounds run
/// anyway, which is safe only because every leased job is idempotent (see the jobs).</summary>
public sealed class JobLease(IConnectionMultiplexer? redis, string keyPrefix, ILogger<JobLease> logger)
{
    /// <summary>Prefix of the lease keys, so several portals (or test runs) can share one Redis.</summary>
    public const string KeyPrefixConfigurationKey = "Jobs:RedisKeyPrefix";

    // Take the lease if nobody holds it, or renew it if this node does; one script, so the check and the renewal
    // cannot interleave with another node's attempt.
    private const string AcquireScript = """
        if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
        if redis.call('GET', KEYS[1]) == ARGV[1] then
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return 1
        end
        return 0
        """;

    /// <summary>This node's (this process's) identity as a lease holder.</summary>
    private readonly string holder = Guid.NewGuid().ToString("N");

    /// <summary>True when this node should run <paramref name="job"/>'s round now; the lease lasts <paramref name="ttl"/>.</summary>
    public async Task<bool> TryAcquireAsync(string job, TimeSpan ttl, CancellationToken ct)
    {
        if (redis is null)
        {
            return true;
        }

        try
        {
            var taken = await redis.GetDatabase().ScriptEvaluateAsync(AcquireScript, [keyPrefix + job], [holder, (long)ttl.TotalMilliseconds]).WaitAsync(ct);
            if ((long)taken == 1)
            {
                return true;
            }

            logger.LogDebug("{Job} round skipped: another node holds its lease", job);
            return false;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            logger.LogWarning(ex, "Redis unavailable for the {Job} lease; running the round on this node", job);
            return true;
        }
    }

    /// <summary>Registers the lease: shared through the Redis connection the counters register (AddStatistics) when
    /// <c>Redis:Configuration</c> is set, a lease that always runs otherwise.</summary>
    public static IServiceCollection AddJobLease(IServiceCollection services)
    {
        services.TryAddSingleton(sp =>
        {
            var configuration = sp.GetService<IConfiguration>();
            var shared = !string.IsNullOrWhiteSpace(configuration?[StatisticsServiceCollectionExtensions.RedisConfigurationKey]);
            return new JobLease(
                shared ? sp.GetService<IConnectionMultiplexer>() : null,
                configuration?[KeyPrefixConfigurationKey] is { Length: > 0 } prefix ? prefix : "q11:jobs:",
                sp.GetRequiredService<ILogger<JobLease>>());
        });
        return services;
    }
}
