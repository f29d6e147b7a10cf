using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Q11Portal.Core.Statistics;

/// <summary>Flushes the node's counts every <see cref="CounterOptions.FlushInterval"/>, and once more on graceful
/// shutdown so a deploy or restart loses nothing; only a crash loses the counts of the current interval.</summary>
public sealed class CounterFlushService(ViewCounter counter, TimeProvider clock, ILogger<CounterFlushService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Load the shown numbers right away instead of after the first interval.
        await FlushSafelyAsync(stoppingToken);
        using var timer = new PeriodicTimer(counter.Options.FlushInterval, clock);
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
        await base.StopAsync(cancellationToken);
        try
        {
            await counter.FlushAsync(cancellationToken);
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
            await counter.FlushAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Counter flush failed");
        }
    }
}
