using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Q11Portal.Core.Statistics;

/// <summary>The configured <see cref="IVisitorWindowStore"/> (Redis when nodes share one) with this node's own memory
/// store behind it. A short outage makes hits wait for the store; one longer than
/// <see cref="CounterOptions.StoreOutageGrace"/> de-duplicates on this node until the store answers again: totals stay
/// right, only cross-node de-duplication is lost. With the memory store configured, both are the same store.</summary>
public sealed class FallbackVisitorStore
{
    private readonly IVisitorWindowStore store;
    private readonly MemoryVisitorWindowStore fallback;
    private readonly CounterHealth health;
    private readonly TimeProvider clock;
    private readonly ILogger<FallbackVisitorStore> logger;
    private readonly TimeSpan outageGrace;

    /// <summary>Only the flush decides hits (one at a time), so this needs no lock.</summary>
    private DateTime? failingSinceUtc;

    public FallbackVisitorStore(IVisitorWindowStore store, IOptions<CounterOptions> options, CounterHealth health, TimeProvider clock,
        ILogger<FallbackVisitorStore> logger)
    {
        this.store = store;
        this.health = health;
        this.clock = clock;
        this.logger = logger;
        outageGrace = options.Value.StoreOutageGrace;
        fallback = store as MemoryVisitorWindowStore ?? new MemoryVisitorWindowStore(options);
    }

    /// <summary>The day's salt, and whether it is the store's (shared by all nodes) rather than this node's own.</summary>
    public async ValueTask<(string Salt, bool Shared)> GetDailySaltAsync(DateOnly day, CancellationToken ct)
    {
        try
        {
            return (await store.GetDailySaltAsync(day, ct), true);
        }
        catch (Exception ex) when (IsStoreFailure(ex))
        {
            logger.LogWarning(ex, "Visitor store unavailable; using this node's own salt for {Day}", day);
            return (await fallback.GetDailySaltAsync(day, ct), false);
        }
    }

    /// <summary>Decides a batch of hits. While the store has failed for less than the grace, the failure propagates
    /// and the hits wait (same batch id) for the next flush, which gets the store's first answer if this one was lost
    /// on the way back.</summary>
    public async Task<HitOutcome[]> ProcessAsync(IReadOnlyList<ResolvedHit> hits, string batchId, CancellationToken ct)
    {
        try
        {
            var outcomes = await store.ProcessAsync(hits, batchId, ct);
            failingSinceUtc = null;
            return outcomes;
        }
        catch (Exception ex) when (IsStoreFailure(ex) && !ct.IsCancellationRequested)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var since = failingSinceUtc ??= now;
            if (now - since < outageGrace)
            {
                logger.LogWarning(ex, "Visitor store did not answer batch {BatchId}; {Count} hits wait for the next flush", batchId, hits.Count);
                throw;
            }

            health.StoreFellBack();
            logger.LogWarning(ex, "Visitor store unavailable since {Since}; de-duplicating {Count} hits on this node only", since, hits.Count);
            return await fallback.ProcessAsync(hits, batchId, ct);
        }
    }

    public async Task<long> CountOnlineAsync(DateTime nowUtc, CancellationToken ct)
    {
        try
        {
            return await store.CountOnlineAsync(nowUtc, ct);
        }
        catch (Exception ex) when (IsStoreFailure(ex))
        {
            logger.LogWarning(ex, "Visitor store unavailable; showing this node's online visitors only");
            return await fallback.CountOnlineAsync(nowUtc, ct);
        }
    }

    /// <summary>What an unreachable or slow store throws (as opposed to a bug, which should surface).</summary>
    public static bool IsStoreFailure(Exception ex) =>
        ex is StackExchange.Redis.RedisException or TimeoutException or ObjectDisposedException;
}
