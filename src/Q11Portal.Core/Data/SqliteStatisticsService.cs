using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Q11Portal.Core.Data;

/// <summary>Keeps SQLite's query-planner statistics current with <c>PRAGMA optimize</c>, at start and every
/// <see cref="Interval"/>, as SQLite advises for long-running applications. Without statistics SQLite guesses, and at
/// 100,000 articles it guessed wrong: the article page's "Tin liên quan" query walked every published article through
/// the (Status, PublishedAtUtc) index and probed the related lists for each (19–27 ms a page) instead of reading six
/// rows of one list by its (ArticleId, Rank) index (under 1 ms). Other providers keep their own statistics.</summary>
public sealed class SqliteStatisticsService(
    IServiceScopeFactory scopes,
    IOptions<DatabaseOptions> options,
    TimeProvider clock,
    ILogger<SqliteStatisticsService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    /// <summary>Rows sampled per index: enough for the planner's choices, and a bounded cost (milliseconds at 100,000
    /// articles) however large the tables grow.</summary>
    private const int AnalysisLimit = 1000;

    /// <summary>Analyses the tables whose statistics are missing or out of date (0x10002: every table, not only those
    /// this connection used); does nothing on other providers.</summary>
    public async Task RunOnceAsync(CancellationToken ct)
    {
        if (options.Value.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var started = clock.GetTimestamp();
        await db.Database.ExecuteSqlRawAsync($"PRAGMA analysis_limit={AnalysisLimit}; PRAGMA optimize=0x10002;", ct);
        logger.LogDebug("SQLite statistics refreshed in {Elapsed} ms", clock.GetElapsedTime(started).TotalMilliseconds);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Busy or locked: queries still run, on older statistics; the next round tries again.
                logger.LogWarning(ex, "SQLite statistics could not be refreshed");
            }

            try
            {
                await Task.Delay(Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
