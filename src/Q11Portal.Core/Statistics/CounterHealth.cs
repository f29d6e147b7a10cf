namespace Q11Portal.Core.Statistics;

/// <summary>How this node's counting is doing, for the logs and the metrics (PortalMetrics): hits lost to a full queue,
/// batches de-duplicated without the shared store, and how the flushes went. Safe to read from any thread.</summary>
public sealed class CounterHealth
{
    private long droppedHits;
    private long storeFallbacks;
    private long hitsDecided;
    private long viewsCounted;
    private long failedFlushes;
    private long consecutiveFailedFlushes;
    private CounterFlushFailure? lastFlushFailure;
    private long lastFlushSucceededTicks;
    private long flushes;
    private long flushTicks;

    /// <summary>Hits dropped because the queue was full (a flood, or a database that stayed down).</summary>
    public long DroppedHits => Interlocked.Read(ref droppedHits);

    /// <summary>Batches this node de-duplicated on its own because the shared store stayed unavailable.</summary>
    public long StoreFallbacks => Interlocked.Read(ref storeFallbacks);

    /// <summary>Hits this node has de-duplicated since it started.</summary>
    public long HitsDecided => Interlocked.Read(ref hitsDecided);

    /// <summary>New article views this node has counted since it started (written or pending).</summary>
    public long ViewsCounted => Interlocked.Read(ref viewsCounted);

    /// <summary>Flushes that failed since the node started (their counts waited for a later flush).</summary>
    public long FailedFlushes => Interlocked.Read(ref failedFlushes);

    /// <summary>Flushes that failed since the last one that succeeded: above a few, counts are piling up in memory.</summary>
    public long ConsecutiveFailedFlushes => Interlocked.Read(ref consecutiveFailedFlushes);

    /// <summary>The most recent failed flush, also after later ones succeeded; null while none has failed.</summary>
    public CounterFlushFailure? LastFlushFailure => Volatile.Read(ref lastFlushFailure);

    /// <summary>When a flush last succeeded; null before the first.</summary>
    public DateTime? LastFlushSucceededUtc => Interlocked.Read(ref lastFlushSucceededTicks) is var ticks and > 0
        ? new DateTime(ticks, DateTimeKind.Utc)
        : null;

    /// <summary>Flushes finished since the node started, failed ones included.</summary>
    public long Flushes => Interlocked.Read(ref flushes);

    /// <summary>The time those flushes took together (with <see cref="Flushes"/>, the average flush time).</summary>
    public TimeSpan FlushTime => TimeSpan.FromTicks(Interlocked.Read(ref flushTicks));

    /// <summary>Returns the number dropped so far, this one included.</summary>
    internal long HitDropped() => Interlocked.Increment(ref droppedHits);

    internal void StoreFellBack() => Interlocked.Increment(ref storeFallbacks);

    internal void HitsDecidedAdd(int hits, int newViews)
    {
        Interlocked.Add(ref hitsDecided, hits);
        Interlocked.Add(ref viewsCounted, newViews);
    }

    internal void FlushSucceeded(DateTime atUtc, TimeSpan took)
    {
        FlushFinished(took);
        Interlocked.Exchange(ref consecutiveFailedFlushes, 0);
        Interlocked.Exchange(ref lastFlushSucceededTicks, atUtc.Ticks);
    }

    internal void FlushFailed(DateTime atUtc, TimeSpan took, Exception error)
    {
        FlushFinished(took);
        Interlocked.Increment(ref failedFlushes);
        Interlocked.Increment(ref consecutiveFailedFlushes);
        Volatile.Write(ref lastFlushFailure, new CounterFlushFailure(atUtc, error.GetType().Name, error.Message));
    }

    private void FlushFinished(TimeSpan took)
    {
        Interlocked.Increment(ref flushes);
        Interlocked.Add(ref flushTicks, took.Ticks);
    }
}

/// <summary>A failed flush: when, and the exception's type and message (the full exception is in the log).</summary>
public sealed record CounterFlushFailure(DateTime AtUtc, string ErrorType, string Message);
