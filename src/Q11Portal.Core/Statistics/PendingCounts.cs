using Q11Portal.Core.Common;

namespace Q11Portal.Core.Statistics;

/// <summary>The counts this node has decided and not yet written: the batch being filled, and the batch being
/// written (or whose write failed: it is written again, as it is, before new counts). Pages show both on top of what
/// the database holds.</summary>
public sealed class PendingCounts
{
    private readonly Lock gate = new();
    private CounterDeltas filling = new();
    private CounterDeltas? unconfirmed;

    /// <summary>This node's views of the article that the next flush will add.</summary>
    public long ViewsOf(int articleId)
    {
        lock (gate)
        {
            return filling.ViewsOf(articleId) + (unconfirmed?.ViewsOf(articleId) ?? 0);
        }
    }

    /// <summary>Adds the decided hits, each to its local day.</summary>
    public void Add(IReadOnlyList<ResolvedHit> hits, IReadOnlyList<HitOutcome> outcomes)
    {
        lock (gate)
        {
            for (var i = 0; i < hits.Count; i++)
            {
                var day = LocalTime.LocalDay(hits[i].AtUtc);
                filling.AddPage(day, outcomes[i].NewVisit);
                if (outcomes[i].NewView && hits[i].ArticleId is { } articleId)
                {
                    filling.AddView(articleId, day);
                }
            }
        }
    }

    /// <summary>A batch whose write failed, to be written again under its id before anything new; else null.</summary>
    public CounterDeltas? Unconfirmed
    {
        get
        {
            lock (gate)
            {
                return unconfirmed;
            }
        }
    }

    /// <summary>Starts a new batch and returns the filled one, which stays unconfirmed (and shown) until
    /// <see cref="Confirm"/>.</summary>
    public CounterDeltas TakeBatch()
    {
        lock (gate)
        {
            var batch = filling;
            filling = new CounterDeltas();
            unconfirmed = batch;
            return batch;
        }
    }

    /// <summary>The unconfirmed batch is in the database: it no longer counts as pending.</summary>
    public void Confirm()
    {
        lock (gate)
        {
            unconfirmed = null;
        }
    }
}
