using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Articles;

public sealed record DashboardArticle(int Id, string Title, ArticleStatus Status, DateTime? PublishedAtUtc, long ViewCount, DateTime UpdatedAtUtc);

public sealed record DashboardSummary(
    int Drafts,
    int Returned,
    int Submitted,
    int Scheduled,
    int PublishedThisWeek,
    IReadOnlyList<DashboardArticle> WaitingForReview,
    IReadOnlyList<DashboardArticle> Upcoming,
    IReadOnlyList<DashboardArticle> MostRead,
    IReadOnlyList<DashboardArticle> MyWork)
{
    /// <summary>True when <see cref="MostRead"/> counts this week's views (ViewCount then holds the week's views);
    /// false when nobody has read anything this week yet and the list falls back to all-time totals.</summary>
    public bool MostReadIsThisWeek { get; init; }
}

/// <summary>The newsroom's counts for the admin home page.</summary>
public sealed class NewsroomDashboard(PortalDbContext db, TimeProvider clock)
{
    /// <param name="userId">The signed-in staff member, for "my drafts and returned articles".</param>
    public async Task<DashboardSummary> GetAsync(string? userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // The week starts on Monday in Vietnam, in local time.
        var today = LocalTime.LocalDay(now);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var weekStartUtc = LocalTime.DayRangeUtc(monday).StartUtc;

        var counts = await db.Articles.AsNoTracking()
            .GroupBy(a => a.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        int Count(ArticleStatus s) => counts.FirstOrDefault(c => c.Status == s)?.Count ?? 0;

        var publishedThisWeek = await db.Articles.AsNoTracking()
            .CountAsync(a => a.Status == ArticleStatus.Published && a.PublishedAtUtc >= weekStartUtc && a.PublishedAtUtc <= now, ct);

        var all = db.Articles.AsNoTracking();
        var waiting = await Project(all.Where(a => a.Status == ArticleStatus.Submitted).OrderBy(a => a.UpdatedAtUtc)).Take(10).ToListAsync(ct);
        var upcoming = await Project(all.Where(a => a.Status == ArticleStatus.Scheduled).OrderBy(a => a.PublishedAtUtc)).Take(10).ToListAsync(ct);
        // Most read this (local) week, from the per-day view counts the counters flush.
        var weekViews = await db.ArticleDailyViews.AsNoTracking()
            .Where(v => v.Day >= monday && v.Day <= today)
            .GroupBy(v => v.ArticleId)
            .Select(g => new { ArticleId = g.Key, Views = g.Sum(v => v.Views) })
            .OrderByDescending(g => g.Views).ThenBy(g => g.ArticleId)
            .Take(30)
            .ToListAsync(ct);
        var weekIds = weekViews.Select(w => w.ArticleId).ToList();
        // By key, the state checked here: with it in the WHERE clause SQLite walks every published article's index entry.
        var weekArticles = (await Project(all.Where(a => weekIds.Contains(a.Id))).ToListAsync(ct))
            .Where(a => a.Status == ArticleStatus.Published)
            .ToList();
        var mostRead = weekViews
            .Join(weekArticles, w => w.ArticleId, a => a.Id, (w, a) => a with { ViewCount = w.Views })
            .Take(10)
            .ToList();
        var mostReadThisWeek = mostRead.Count > 0;
        if (!mostReadThisWeek)
        {
            mostRead = await Project(all.Where(a => a.Status == ArticleStatus.Published && a.ViewCount > 0).OrderByDescending(a => a.ViewCount)).Take(10).ToListAsync(ct);
        }
        var mine = userId is null
            ? []
            : await Project(all.Where(a => a.CreatedById == userId && (a.Status == ArticleStatus.Draft || a.Status == ArticleStatus.Returned))
                .OrderByDescending(a => a.UpdatedAtUtc)).Take(10).ToListAsync(ct);

        return new DashboardSummary(Count(ArticleStatus.Draft), Count(ArticleStatus.Returned), Count(ArticleStatus.Submitted),
            Count(ArticleStatus.Scheduled), publishedThisWeek, waiting, upcoming, mostRead, mine)
        {
            MostReadIsThisWeek = mostReadThisWeek,
        };
    }

    private static IQueryable<DashboardArticle> Project(IQueryable<Article> query) =>
        query.Select(a => new DashboardArticle(a.Id, a.Title, a.Status, a.PublishedAtUtc, a.ViewCount, a.UpdatedAtUtc));
}
