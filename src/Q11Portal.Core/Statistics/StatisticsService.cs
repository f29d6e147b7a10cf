using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Statistics;

/// <summary>One article's reads over a period (dashboard "Đọc nhiều trong tuần").</summary>
public sealed record MostReadArticle(int Id, string Title, string Slug, long Views, long TotalViews);

/// <summary>One local day of a chart.</summary>
public sealed record DailyCount(DateOnly Day, long Count);

/// <summary>Visits and page views of one local day.</summary>
public sealed record SiteDay(DateOnly Day, long Visits, long PageViews);

/// <summary>Read side of the counters for the admin dashboard: most read articles, views per day of an article,
/// visits per day. Days are local (Asia/Ho_Chi_Minh); counts are as of the last flush of every node.</summary>
public sealed class StatisticsService(PortalDbContext db, TimeProvider clock)
{
    public DateOnly Today => LocalTime.LocalDay(clock.GetUtcNow().UtcDateTime);

    /// <summary>The articles read most over the last <paramref name="days"/> local days, today included.</summary>
    public async Task<List<MostReadArticle>> GetMostReadAsync(int days, int count, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var to = Today;
        var from = to.AddDays(1 - days);
        var top = await db.ArticleDailyViews.AsNoTracking()
            .Where(v => v.Day >= from && v.Day <= to)
            .GroupBy(v => v.ArticleId)
            .Select(g => new { ArticleId = g.Key, Views = g.Sum(v => v.Views) })
            .OrderByDescending(x => x.Views)
            .ThenBy(x => x.ArticleId)
            .Take(count)
            .ToListAsync(ct);
        var ids = top.Select(t => t.ArticleId).ToList();
        var articles = await db.Articles.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Title, a.Slug, a.ViewCount })
            .ToDictionaryAsync(a => a.Id, ct);
        return top
            .Where(t => articles.ContainsKey(t.ArticleId))
            .Select(t => articles[t.ArticleId] is var a ? new MostReadArticle(a.Id, a.Title, a.Slug, t.Views, a.ViewCount) : null!)
            .ToList();
    }

    /// <summary>Views of one article per local day over the last <paramref name="days"/> days, days without views as 0.</summary>
    public async Task<List<DailyCount>> GetArticleDailyViewsAsync(int articleId, int days, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var to = Today;
        var from = to.AddDays(1 - days);
        var rows = await db.ArticleDailyViews.AsNoTracking()
            .Where(v => v.ArticleId == articleId && v.Day >= from && v.Day <= to)
            .ToDictionaryAsync(v => v.Day, v => v.Views, ct);
        return Enumerable.Range(0, days).Select(i => from.AddDays(i)).Select(d => new DailyCount(d, rows.GetValueOrDefault(d))).ToList();
    }

    /// <summary>Visits and page views of the site per local day over the last <paramref name="days"/> days.</summary>
    public async Task<List<SiteDay>> GetSiteDaysAsync(int days, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var to = Today;
        var from = to.AddDays(1 - days);
        var rows = await db.SiteDailyStats.AsNoTracking()
            .Where(s => s.Day >= from && s.Day <= to)
            .ToDictionaryAsync(s => s.Day, ct);
        return Enumerable.Range(0, days).Select(i => from.AddDays(i))
            .Select(d => rows.TryGetValue(d, out var s) ? new SiteDay(d, s.Visits, s.PageViews) : new SiteDay(d, 0, 0))
            .ToList();
    }
}
