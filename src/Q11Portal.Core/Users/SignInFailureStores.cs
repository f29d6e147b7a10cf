using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Q11Portal.Core.Users;

/// <summary>How many failures a key has in its current window, and when that window ends.</summary>
public readonly record struct FailureCount(int Count, TimeSpan ResetsIn);

/// <summary>Counts failed sign-ins per key in fixed windows: in this process on one node, in Redis when nodes share one.</summary>
public interface ISignInFailureStore
{
    Task<FailureCount> GetAsync(string key, CancellationToken ct);

    /// <summary>Adds one failure; the first failure of a key opens a window of <paramref name="window"/>.</summary>
    Task<FailureCount> AddAsync(string key, TimeSpan window, CancellationToken ct);
}

public sealed class MemorySignInFailureStore(TimeProvider clock) : ISignInFailureStore
{
    /// <summary>Above this many keys, expired windows are swept on the next failure, so a spray from many addresses
    /// cannot grow the dictionary without bound.</summary>
    private const int SweepAbove = 10_000;

    private readonly ConcurrentDictionary<string, Window> windows = new(StringComparer.Ordinal);

    public Task<FailureCount> GetAsync(string key, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return Task.FromResult(windows.TryGetValue(key, out var w) && w.EndsAt > now
            ? new FailureCount(w.Count, w.EndsAt - now)
            : default);
    }

    public Task<FailureCount> AddAsync(string key, TimeSpan window, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (windows.Count > SweepAbove)
        {
            foreach (var (k, w) in windows)
            {
                if (w.EndsAt <= now)
                {
                    windows.TryRemove(k, out _);
                }
            }
        }

        var updated = windows.AddOrUpdate(key, _ => new Window(1, now + window),
            (_, w) => w.EndsAt > now ? w with { Count = w.Count + 1 } : new Window(1, now + window));
        return Task.FromResult(new FailureCount(updated.Count, updated.EndsAt - now));
    }

    private sealed record Window(int Count, DateTimeOffset EndsAt);
}

/// <summary>The count shared by every node. While Redis does not answer, this node counts on its own rather than
/// letting every attempt through.</summary>
public sealed class RedisSignInFailureStore(IConnectionMultiplexer redis, string keyPrefix, MemorySignInFailureStore fallback, ILogger<RedisSignInFailureStore> logger)
    : ISignInFailureStore
{
    // INCR and the expiry in one step: a window can never be left without an end.
    private const string AddScript = """
        local n = redis.call('INCR', KEYS[1])
        if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return { n, redis.call('PTTL', KEYS[1]) }
        """;

    public async Task<FailureCount> GetAsync(string key, CancellationToken ct)
    {
        try
        {
            var db = redis.GetDatabase();
            var count = await db.StringGetAsync(keyPrefix + key);
            var ttl = await db.KeyTimeToLiveAsync(keyPrefix + key);
            return count.HasValue && ttl is { } left ? new FailureCount((int)count, left) : default;
        }
        catch (Exception ex) when (IsOutage(ex))
        {
            logger.LogWarning(ex, "Redis unavailable for sign-in limits; counting on this node");
            return await fallback.GetAsync(key, ct);
        }
    }

    public async Task<FailureCount> AddAsync(string key, TimeSpan window, CancellationToken ct)
    {
        try
        {
            var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(AddScript, [keyPrefix + key], [(long)window.TotalMilliseconds]))!;
            return new FailureCount((int)result[0], TimeSpan.FromMilliseconds(Math.Max(0, (long)result[1])));
        }
        catch (Exception ex) when (IsOutage(ex))
        {
            logger.LogWarning(ex, "Redis unavailable for sign-in limits; counting on this node");
            return await fallback.AddAsync(key, window, ct);
        }
    }

    private static bool IsOutage(Exception ex) => ex is RedisException or TimeoutException or ObjectDisposedException;
}
