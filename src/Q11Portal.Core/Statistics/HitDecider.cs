using System.Globalization;

namespace Q11Portal.Core.Statistics;

/// <summary>Takes the queued hits in batches: resolves their articles, asks the visitor store which are new views
/// and new visits, and adds those to the pending counts. Run by the flush, one at a time.</summary>
public sealed class HitDecider(CounterQueue queue, ArticleSlugResolver slugs, FallbackVisitorStore store, PendingCounts pending,
    CounterHealth health)
{
    private const int BatchSize = 2000;

    private readonly string nodeId = Guid.NewGuid().ToString("N")[..12];
    /// <summary>Hits a failed flush read but could not decide; they keep <see cref="undecidedBatchId"/>.</summary>
    private readonly List<CounterHit> undecided = [];
    private string undecidedBatchId = string.Empty;
    private long batchSequence;

    /// <summary>Decides what is queued now (under constant load the flush must end). A store failure propagates;
    /// what was decided before it stays decided.</summary>
    public async Task DecideQueuedAsync(CancellationToken ct)
    {
        if (undecided.Count > 0)
        {
            await DecideAsync(undecided, undecidedBatchId, ct);
            undecided.Clear();
        }

        var remaining = queue.Count;
        while (remaining > 0)
        {
            while (undecided.Count < BatchSize && remaining > 0 && queue.TryRead(out var hit))
            {
                undecided.Add(hit);
                remaining--;
            }

            if (undecided.Count == 0)
            {
                break;
            }

            // The id stays with these hits until they are decided, so a retry is recognised as one.
            undecidedBatchId = nodeId + "-" + Interlocked.Increment(ref batchSequence).ToString(CultureInfo.InvariantCulture);
            await DecideAsync(undecided, undecidedBatchId, ct);
            undecided.Clear();
        }
    }

    private async Task DecideAsync(List<CounterHit> hits, string batchId, CancellationToken ct)
    {
        var resolved = await slugs.ResolveAsync(hits, ct);
        var outcomes = await store.ProcessAsync(resolved, batchId, ct);
        health.HitsDecidedAdd(resolved.Count, outcomes.Count(o => o.NewView));
        pending.Add(resolved, outcomes);
    }
}
