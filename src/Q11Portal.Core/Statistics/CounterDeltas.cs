namespace Q11Portal.Core.Statistics;

/// <summary>Counts a node has made and not yet added to the database, per local day.</summary>
public sealed class CounterDeltas
{
    public Dictionary<(int ArticleId, DateOnly Day), long> ArticleViews { get; } = [];
    public Dictionary<DateOnly, SiteDelta> Site { get; } = [];

    public bool IsEmpty => ArticleViews.Count == 0 && Site.Count == 0;

    public void AddView(int articleId, DateOnly day) =>
        ArticleViews[(articleId, day)] = ArticleViews.GetValueOrDefault((articleId, day)) + 1;

    public void AddPage(DateOnly day, bool newVisit)
    {
        var current = Site.GetValueOrDefault(day);
        Site[day] = new SiteDelta(current.Visits + (newVisit ? 1 : 0), current.PageViews + 1);
    }

    /// <summary>Puts back counts whose write failed, so the next flush adds them.</summary>
    public void MergeFrom(CounterDeltas other)
    {
        foreach (var (key, views) in other.ArticleViews)
        {
            ArticleViews[key] = ArticleViews.GetValueOrDefault(key) + views;
        }

        foreach (var (day, delta) in other.Site)
        {
            var current = Site.GetValueOrDefault(day);
            Site[day] = new SiteDelta(current.Visits + delta.Visits, current.PageViews + delta.PageViews);
        }
    }

    public long TotalViews => ArticleViews.Values.Sum();
}

public readonly record struct SiteDelta(long Visits, long PageViews);
