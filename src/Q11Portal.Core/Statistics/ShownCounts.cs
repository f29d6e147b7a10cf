using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Statistics;

/// <summary>The numbers pages show, without a query per page: the site's totals as of the last flush, and article
/// view counts read at most once per flush interval, plus this node's views not yet written.</summary>
public sealed class ShownCounts(IServiceScopeFactory scopes, FallbackVisitorStore store, PendingCounts pending, TimeProvider clock)
{
    private readonly ConcurrentDictionary<int, long> articleViews = new();
    // Bumped by every refresh: a view count read from the database while a flush was being written must not be kept
    // after that flush's refresh, or the page would show the count from before the flush until the next one.
    private long generation;
    private SiteCounts site = new(0, 0, 0, 0);
    private bool siteLoaded;

    /// <summary>Site-wide numbers as of the last flush (so at most one flush interval old).</summary>
    public SiteCounts SiteCounts
    {
        get
        {
            var counts = Volatile.Read(ref site);
            var today = LocalTime.LocalDay(clock.GetUtcNow().UtcDateTime);
            if (counts.Day == today || !siteLoaded)
            {
                return counts;
            }

            // Past local midnight and not flushed since: today starts from zero; a new month too.
            return counts with { Today = 0, ThisMonth = counts.Day.Month == today.Month && counts.Day.Year == today.Year ? counts.ThisMonth : 0, Day = today };
        }
    }

    /// <summary>A public article's view count as of the last flush of any node, plus this node's counts not yet
    /// written; null when no public article has the id.</summary>
    public async Task<long?> GetArticleViewsAsync(int articleId, CancellationToken ct)
    {
        if (!articleViews.TryGetValue(articleId, out var stored))
        {
            var readFrom = Interlocked.Read(ref generation);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var found = await db.Articles.AsNoTracking()
                .VisibleAt(clock.GetUtcNow().UtcDateTime)
                .Where(a => a.Id == articleId)
                .Select(a => (long?)a.ViewCount)
                .SingleOrDefaultAsync(ct);
            if (found is null)
            {
                return null;
            }

            stored = found.Value;
            articleViews[articleId] = stored;
            if (Interlocked.Read(ref generation) != readFrom)
            {
                articleViews.TryRemove(articleId, out _);
            }
        }

        return stored + pending.ViewsOf(articleId);
    }

    /// <summary>Reads the site's totals after a flush and forgets the article counts read before it.</summary>
    public async Task RefreshAsync(PortalDbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = LocalTime.LocalDay(now);
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var stats = db.SiteDailyStats.AsNoTracking();
        var total = await stats.SumAsync(s => (long?)s.Visits, ct) ?? 0;
        var month = await stats.Where(s => s.Day >= monthStart && s.Day <= today)
            .Select(s => new { s.Day, s.Visits })
            .ToListAsync(ct);
        var online = await store.CountOnlineAsync(now, ct);

        Volatile.Write(ref site, new SiteCounts(
            total,
            month.Where(d => d.Day == today).Sum(d => d.Visits),
            month.Sum(d => d.Visits),
            online) { Day = today });
        siteLoaded = true;
        Interlocked.Increment(ref generation);
        articleViews.Clear();
    }
}

/// <summary>What the sidebar shows: all-time visits (SỐ LƯỢT TRUY CẬP), today's and this month's visits (local
/// days), and visitors online now (Đang truy cập).</summary>
public sealed record SiteCounts(long Total, long Today, long ThisMonth, long Online)
{
    public DateOnly Day { get; init; }
}
