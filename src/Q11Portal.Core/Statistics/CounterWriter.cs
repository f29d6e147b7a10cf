using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Statistics;

/// <summary>Adds a node's counts to the database in one transaction. Every statement only adds
/// (<c>ViewCount = ViewCount + @delta</c>), so nodes never overwrite each other; rows are touched in one global
/// order (articles by id, then days) so two nodes flushing at once wait for each other instead of deadlocking.
/// A day row another node inserted first (unique violation) rolls the transaction back and it runs again. The batch's
/// id goes into the <see cref="CounterFlush"/> journal in the same transaction: a batch found there was committed
/// before (its answer was lost) and is not added again.</summary>
public sealed class CounterWriter(PortalDbContext db, TimeProvider clock, ILogger<CounterWriter> logger)
{
    /// <summary>How long a written batch stays in the journal: far longer than any retry of it.</summary>
    public static readonly TimeSpan JournalRetention = TimeSpan.FromDays(1);

    private const int MaxAttempts = 6;

    /// <summary>A flush waits at most this long for a row another writer holds, then rolls back and tries again.</summary>
    private const int LockWaitSeconds = 10;

    public async Task ApplyAsync(CounterDeltas deltas, CancellationToken ct)
    {
        if (deltas.IsEmpty)
        {
            return;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await strategy.ExecuteAsync(ct => ApplyOnceAsync(deltas, ct), ct);
                return;
            }
            catch (Exception ex) when (attempt < MaxAttempts && IsConflict(ex))
            {
                // Another node inserted the same day row or locked rows first: nothing of ours was committed.
                logger.LogDebug(ex, "Counter flush attempt {Attempt} conflicted with another writer; retrying", attempt);
                db.ChangeTracker.Clear();
                await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt + Random.Shared.Next(30)), ct);
            }
        }
    }

    private async Task ApplyOnceAsync(CounterDeltas deltas, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        // Beginning is not cut short by a stop either (EF Core logs a cancelled BEGIN as a transaction error, as it does
        // a cancelled commit below); the statements after it are, and the transaction is then rolled back.
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        await LimitLockWaitAsync(ct);
        if (await db.CounterFlushes.AnyAsync(f => f.Id == deltas.BatchId, ct))
        {
            logger.LogInformation("Counter batch {BatchId} was already written (its commit answer was lost); not adding it again", deltas.BatchId);
            return;
        }

        db.CounterFlushes.Add(new CounterFlush { Id = deltas.BatchId, AppliedAtUtc = clock.GetUtcNow().UtcDateTime });

        var perArticle = deltas.ArticleViews
            .GroupBy(e => e.Key.ArticleId)
            .ToDictionary(g => g.Key, g => g.Sum(e => e.Value));
        var ids = perArticle.Keys.ToList();
        // An article deleted since it was viewed has nothing left to count on.
        var existing = ids.Count == 0
            ? []
            : (await db.Articles.Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct)).ToHashSet();

        foreach (var (articleId, delta) in perArticle.Where(e => existing.Contains(e.Key)).OrderBy(e => e.Key))
        {
            await db.Articles.Where(a => a.Id == articleId)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.ViewCount, a => a.ViewCount + delta), ct);
        }

        foreach (var day in deltas.ArticleViews.Keys.Select(k => k.Day).Distinct().Order())
        {
            var dayDeltas = deltas.ArticleViews
                .Where(e => e.Key.Day == day && existing.Contains(e.Key.ArticleId))
                .OrderBy(e => e.Key.ArticleId)
                .ToList();
            var dayIds = dayDeltas.Select(e => e.Key.ArticleId).ToList();
            var present = (await db.ArticleDailyViews
                .Where(v => v.Day == day && dayIds.Contains(v.ArticleId))
                .Select(v => v.ArticleId)
                .ToListAsync(ct)).ToHashSet();
            foreach (var ((articleId, _), delta) in dayDeltas)
            {
                if (present.Contains(articleId))
                {
                    await db.ArticleDailyViews.Where(v => v.ArticleId == articleId && v.Day == day)
                        .ExecuteUpdateAsync(s => s.SetProperty(v => v.Views, v => v.Views + delta), ct);
                }
                else
                {
                    db.ArticleDailyViews.Add(new ArticleDailyView { ArticleId = articleId, Day = day, Views = delta });
                }
            }
        }

        foreach (var (day, delta) in deltas.Site.OrderBy(e => e.Key))
        {
            var updated = await db.SiteDailyStats.Where(s => s.Day == day)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.Visits, x => x.Visits + delta.Visits)
                    .SetProperty(x => x.PageViews, x => x.PageViews + delta.PageViews), ct);
            if (updated == 0)
            {
                db.SiteDailyStats.Add(new SiteDailyStat { Day = day, Visits = delta.Visits, PageViews = delta.PageViews });
            }
        }

        await db.SaveChangesAsync(ct);
        // Once written, committed: a stop arriving now would otherwise cancel the commit itself, which EF Core logs as a
        // transaction error (CI: a periodic flush cut short at shutdown). The batch id makes a lost answer harmless.
        await transaction.CommitAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
    }

    /// <summary>Forgets journal entries older than <see cref="JournalRetention"/>; returns how many.</summary>
    public Task<int> TrimJournalAsync(CancellationToken ct)
    {
        var before = clock.GetUtcNow().UtcDateTime - JournalRetention;
        return db.CounterFlushes.Where(f => f.AppliedAtUtc < before).ExecuteDeleteAsync(ct);
    }

    private Task LimitLockWaitAsync(CancellationToken ct)
    {
        var provider = db.Database.ProviderName ?? string.Empty;
        if (provider.Contains("Npgsql", StringComparison.Ordinal))
        {
            return db.Database.ExecuteSqlRawAsync($"SET LOCAL lock_timeout = '{LockWaitSeconds}s'", ct);
        }

        if (provider.Contains("SqlServer", StringComparison.Ordinal))
        {
            return db.Database.ExecuteSqlRawAsync($"SET LOCK_TIMEOUT {LockWaitSeconds * 1000}", ct);
        }

        return Task.CompletedTask;
    }

    /// <summary>Unique violations (a day row inserted by another node), deadlocks and lock timeouts: all of them
    /// roll our transaction back whole, so running it again cannot count twice.</summary>
    private static bool IsConflict(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is TimeoutException)
            {
                return true;
            }

            if (e is DbUpdateException)
            {
                return true;
            }

            if (e is DbException db)
            {
                var state = db.SqlState;
                // 23505 unique, 40001 serialization, 40P01 deadlock (PostgreSQL); SQLite busy/locked/constraint.
                if (state is "23505" or "40001" or "40P01" or "55P03")
                {
                    return true;
                }

                if (e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 or 19 })
                {
                    return true;
                }

                if (e is Microsoft.Data.SqlClient.SqlException { Number: 2627 or 2601 or 1205 or 1222 })
                {
                    return true;
                }
            }
        }

        return false;
    }
}
