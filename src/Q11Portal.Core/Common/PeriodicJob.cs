using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Q11Portal.Core.Common;

/// <summary>A background job that runs a round at start and then every <see cref="Interval"/> on the portal's clock
/// (tests drive it with a fake one). A failed round (the database briefly unreachable, busy or locked) is logged and the
/// next round tries again; stopping the host ends it quietly. Given a <see cref="JobLease"/>, a round runs only on the
/// node holding the job's lease, so nodes sharing a database run it once, not once each.</summary>
public abstract class PeriodicJob(TimeProvider clock, ILogger logger, JobLease? lease = null) : BackgroundService
{
    /// <summary>The portal's clock, for the rounds too.</summary>
    protected TimeProvider Clock { get; } = clock;

    protected abstract TimeSpan Interval { get; }

    /// <summary>False leaves the job idle for this configuration (e.g. a provider it does not apply to).</summary>
    protected virtual bool Enabled => true;

    /// <summary>One round of the job.</summary>
    protected abstract Task RunRoundAsync(CancellationToken ct);

    /// <summary>Runs one round now, as the timer would (failures are not caught here): tests on a fake clock call it
    /// instead of waiting for the timer's callback in real time. False when another node holds the job's lease and this
    /// node skipped the round.</summary>
    public async Task<bool> RunRoundNowAsync(CancellationToken ct)
    {
        // The lease outlives one interval by half of one, so the holder's next round renews it before it expires
        // even when its timer runs a little late.
        if (lease is not null && !await lease.TryAcquireAsync(GetType().Name, Interval * 1.5, ct))
        {
            return false;
        }

        await RunRoundAsync(ct);
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, Clock);
        try
        {
            do
            {
                try
                {
                    await RunRoundNowAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "{Job} failed; the next round tries again", GetType().Name);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }
}
