using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Q11Portal.Core.Statistics;

/// <summary>Flushes the node's counts every <see cref="CounterOptions.FlushInterval"/>, and once more on graceful
/// shutdown so a deploy or restart loses nothing; only a crash loses the counts of the current interval.</summary>
public sealed class CounterFlushService(CounterFlusher flusher, IOptions<CounterOptions> options, TimeProvider clock,
    ILogger<CounterFlushService> logger) : BackgroundService
{
    /// <summary>The final flush gets this long, also when the host was told to stop at once.</summary>
    private static readonly TimeSpan FinalFlushBudget = TimeSpan.FromSeconds(20);

    private int stopped;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Load the shown numbers right away instead of after the first interval.
        await FlushSafelyAsync(stoppingToken);
        using var timer = new PeriodicTimer(options.Value.FlushInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushSafelyAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Stops the timer loop; a periodic flush cut short keeps its counts (nothing half-written), and the
        // flush below runs after it, never beside it (CounterFlusher lets one flush run at a time).
        await base.StopAsync(cancellationToken);
        // A host may be stopped twice (an explicit StopAsync, then the one inside Dispose, when the services are
        // already gone): the counts were written the first time.
        if (Interlocked.Exchange(ref stopped, 1) == 1)
        {
            return;
        }

        using var budget = new CancellationTokenSource(FinalFlushBudget);
        try
        {
            await flusher.FlushAsync(budget.Token);
            logger.LogInformation("Counters flushed at shutdown");
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Final counter flush at shutdown failed; the last interval's counts are lost");
        }
    }

    private async Task FlushSafelyAsync(CancellationToken ct)
    {
        try
        {
            await flusher.FlushAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Counter flush failed; the counts stay for the next one");
        }
    }
}
