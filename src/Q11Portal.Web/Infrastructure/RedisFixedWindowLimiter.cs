using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace Q11Portal.Web.Infrastructure;

/// <summary>A fixed-window limit for one partition (one client hash) counted in Redis, so every node shares the count:
/// the first request of a window opens it (INCR, then PEXPIRE on the first increment), and requests beyond the permits
/// are refused until it ends. While Redis does not answer, this node counts on its own (<paramref name="fallback"/>)
/// rather than letting every request through.</summary>
internal sealed class RedisFixedWindowLimiter(IConnectionMultiplexer redis, RedisKey key, int permits, TimeSpan window, RateLimiter fallback, ILogger logger,
    string limitName = "comment")
    : RateLimiter
{
    // INCR and the expiry in one step: a window can never be left without an end.
    private const string CountScript = """
        local n = redis.call('INCR', KEYS[1])
        if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return { n, redis.call('PTTL', KEYS[1]) }
        """;

    public override TimeSpan? IdleDuration => fallback.IdleDuration;

    public override RateLimiterStatistics? GetStatistics() => null;

    /// <summary>The count lives in Redis, which cannot be asked synchronously without blocking a thread: the attempt
    /// is declined without counting, and the rate-limiting middleware then asks <see cref="AcquireAsyncCore"/>.</summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => new WindowLease(false, null);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        try
        {
            var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(CountScript, [key], [(long)window.TotalMilliseconds]).WaitAsync(cancellationToken))!;
            var count = (long)result[0];
            return count <= permits
                ? new WindowLease(true, null)
                : new WindowLease(false, TimeSpan.FromMilliseconds(Math.Max(0, (long)result[1])));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            logger.LogWarning(ex, "Redis unavailable for the {LimitName:l} rate limit; counting on this node", limitName);
            return await fallback.AcquireAsync(permitCount, cancellationToken);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            fallback.Dispose();
        }

        base.Dispose(disposing);
    }

    private sealed class WindowLease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name ? wait : null;
            return metadata is not null;
        }
    }
}
