using Microsoft.Extensions.Diagnostics.HealthChecks;
using Q11Portal.Core.Statistics;
using StackExchange.Redis;

namespace Q11Portal.Web.Infrastructure;

/// <summary>Redis is what nodes share for counting and rate limits, but a node without it still serves every page and
/// counts on its own (docs/operations.md, "Redis down"): so an unreachable Redis makes <c>/health/ready</c> answer
/// <c>Degraded</c> with 200 (the load balancer keeps the node), never unready. Healthy when no Redis is configured.</summary>
public sealed class RedisHealthCheck(IConfiguration configuration, IServiceProvider services) : IHealthCheck
{
    private static readonly TimeSpan PingBudget = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(configuration[StatisticsServiceCollectionExtensions.RedisConfigurationKey])
            || services.GetService<IConnectionMultiplexer>() is not { } redis)
        {
            return HealthCheckResult.Healthy("Redis not configured");
        }

        try
        {
            await redis.GetDatabase().PingAsync().WaitAsync(PingBudget, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            return HealthCheckResult.Degraded("Redis unreachable: counting and rate limits per node until it is back", ex);
        }
    }
}
