namespace Q11Portal.Core.Statistics;

/// <summary>The node's counter as the web layer and the flush service use it. A page request only drops a
/// <see cref="CounterHit"/> into the <see cref="CounterQueue"/> (no I/O on the request path); <see cref="FlushAsync"/>,
/// run every <see cref="CounterOptions.FlushInterval"/> and at shutdown, de-duplicates the queued hits
/// (<see cref="HitDecider"/> through the <see cref="FallbackVisitorStore"/>), adds the counts to the database in one
/// transaction (<see cref="CounterFlusher"/>) and refreshes the numbers pages show (<see cref="ShownCounts"/>).</summary>
public sealed class ViewCounter(
    CounterQueue queue,
    DailySalt salt,
    PendingCounts pending,
    ShownCounts shown,
    CounterFlusher flusher,
    CounterHealth health,
    TimeProvider clock)
{
    /// <summary>Hits waiting for the next flush.</summary>
    public int QueuedHits => queue.Count;

    /// <summary>Hits this node has de-duplicated since it started.</summary>
    public long HitsDecided => health.HitsDecided;

    /// <summary>Dropped hits, store fall-backs and flush failures.</summary>
    public CounterHealth Health => health;

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    /// <summary>Queues one page request; never blocks, never touches the database.</summary>
    public void Record(CounterHit hit) => queue.Record(hit);

    /// <summary>The visitor-hash salt of the current local day (shared by all nodes when Redis is configured).</summary>
    public ValueTask<string> GetDailySaltAsync(CancellationToken ct) => salt.GetAsync(ct);

    /// <inheritdoc cref="ShownCounts.SiteCounts"/>
    public SiteCounts SiteCounts => shown.SiteCounts;

    /// <inheritdoc cref="ShownCounts.GetArticleViewsAsync"/>
    public Task<long?> GetArticleViewsAsync(int articleId, CancellationToken ct) => shown.GetArticleViewsAsync(articleId, ct);

    /// <inheritdoc cref="PendingCounts.ViewsOf"/>
    public long PendingViews(int articleId) => pending.ViewsOf(articleId);

    /// <inheritdoc cref="CounterFlusher.FlushAsync"/>
    public Task FlushAsync(CancellationToken ct) => flusher.FlushAsync(ct);
}
