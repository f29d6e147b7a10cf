using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Q11Portal.Core.Common;

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
    ILogger<SqliteStatisticsService> logger) : PeriodicJob(clock, logger)
{
    /// <summary>Rows sampled per index: enough for the planner's choices, and a bounded cost (milliseconds at 100,000
    /// articles) however large the tables grow.</summary>
    private const int AnalysisLimit = 1000;

    protected override TimeSpan Interval => TimeSpan.FromHours(6);

    protected override bool Enabled => options.Value.Provider == DatabaseProvider.Sqlite;

    protected override Task RunRoundAsync(CancellationToken ct) => RunOnceAsync(ct);

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
        var started = Clock.GetTimestamp();
        await db.Database.ExecuteSqlRawAsync($"PRAGMA analysis_limit={AnalysisLimit}; PRAGMA optimize=0x10002;", ct);
        logger.LogDebug("SQLite statistics refreshed in {Elapsed} ms", Clock.GetElapsedTime(started).TotalMilliseconds);
    }
}
