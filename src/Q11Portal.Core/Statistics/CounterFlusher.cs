using System.Runtime.ExceptionServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Statistics;

/// <summary>One flush at a time: decides the queued hits, adds the pending counts to the database
/// (<see cref="CounterWriter"/>, journalled so a retried batch is not added twice), trims the journal now and then and
/// refreshes the shown numbers. Every outcome is noted in <see cref="CounterHealth"/>.</summary>
public sealed class CounterFlusher(
    IServiceScopeFactory scopes,
    HitDecider decider,
    PendingCounts pending,
    ShownCounts shown,
    CounterHealth health,
    TimeProvider clock,
    ILogger<CounterFlusher> logger)
{
    private static readonly TimeSpan JournalTrimInterval = TimeSpan.FromHours(1);

    // Never disposed: a SemaphoreSlim whose wait handle is never asked for holds nothing to free, and disposing it
    // while a flush still runs at shutdown made that flush's Release throw ObjectDisposedException.
    private readonly SemaphoreSlim gate = new(1, 1);
    private DateTime journalTrimmedUtc;

    private DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    /// <summary>When the database or the store fails, the exception propagates and nothing is lost: the counts (or
    /// the hits not yet decided) stay for the next flush.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        var started = clock.GetTimestamp();
        try
        {
            await FlushOnceAsync(ct);
            health.FlushSucceeded(UtcNow, clock.GetElapsedTime(started));
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && ct.IsCancellationRequested))
        {
            health.FlushFailed(UtcNow, clock.GetElapsedTime(started), ex);
            throw;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task FlushOnceAsync(CancellationToken ct)
    {
        // What was decided before a store failure is still written now; the failure is reported after.
        Exception? storeFailure = null;
        try
        {
            await decider.DecideQueuedAsync(ct);
        }
        catch (Exception ex) when (FallbackVisitorStore.IsStoreFailure(ex) && !ct.IsCancellationRequested)
        {
            storeFailure = ex;
        }

        await using var scope = scopes.CreateAsyncScope();
        var writer = scope.ServiceProvider.GetRequiredService<CounterWriter>();
        if (pending.Unconfirmed is { } earlier)
        {
            // A batch whose write failed goes again as it was, under its id: if its commit had gone through and
            // only the answer was lost, the journal says so and nothing is added twice.
            await writer.ApplyAsync(earlier, ct);
            pending.Confirm();
        }

        var batch = pending.TakeBatch();
        await writer.ApplyAsync(batch, ct);
        pending.Confirm();
        if (!batch.IsEmpty)
        {
            logger.LogDebug("Counters flushed: {Views} article views, {Days} site days", batch.TotalViews, batch.Site.Count);
        }

        await TrimJournalAsync(writer, ct);
        await shown.RefreshAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), ct);
        if (storeFailure is not null)
        {
            ExceptionDispatchInfo.Throw(storeFailure);
        }
    }

    /// <summary>Forgets old journal entries about once an hour, outside the counts' transaction; a failure only waits
    /// for the next hour.</summary>
    private async Task TrimJournalAsync(CounterWriter writer, CancellationToken ct)
    {
        if (UtcNow - journalTrimmedUtc < JournalTrimInterval)
        {
            return;
        }

        journalTrimmedUtc = UtcNow;
        try
        {
            var removed = await writer.TrimJournalAsync(ct);
            logger.LogDebug("Counter journal: {Removed} entries older than a day removed", removed);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Counter journal could not be trimmed; trying again in an hour");
        }
    }
}
