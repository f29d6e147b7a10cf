using Q11Portal.Core.Common;

namespace Q11Portal.Core.Statistics;

/// <summary>The visitor-hash salt of the current local day (<see cref="VisitorKeys.Fingerprint"/>), asked of the store
/// once a day: shared by all nodes when Redis is configured. A node's own salt, used while the store is down, is not
/// kept, so the shared one is asked for again on the next request.</summary>
public sealed class DailySalt(FallbackVisitorStore store, TimeProvider clock)
{
    private DaySalt? current;

    public async ValueTask<string> GetAsync(CancellationToken ct)
    {
        var today = LocalTime.LocalDay(clock.GetUtcNow().UtcDateTime);
        if (Volatile.Read(ref current) is { } known && known.Day == today)
        {
            return known.Salt;
        }

        var (salt, shared) = await store.GetDailySaltAsync(today, ct);
        Volatile.Write(ref current, shared ? new DaySalt(today, salt) : null);
        return salt;
    }

    private sealed record DaySalt(DateOnly Day, string Salt);
}
