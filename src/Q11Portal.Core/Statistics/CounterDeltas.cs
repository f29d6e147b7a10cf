namespace Q11Portal.Core.Statistics;

/// <summary>Counts a node has made and not yet added to the database, per local day.</summary>
public sealed class CounterDeltas
{
    /// <summary>Names the batch in the database's journal (<see cref="CounterFlush"/>), so that writing it again after
    /// a lost commit answer adds nothing.</summary>
    public string BatchId { get; } = Guid.NewGuid().ToString("N");

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

    public long TotalViews => ArticleViews.Values.Sum();

    /// <summary>The views of one article in this batch, over all its days.</summary>
    public long ViewsOf(int articleId)
    {
        long sum = 0;
        foreach (var ((id, _), views) in ArticleViews)
        {
            if (id == articleId)
            {
                sum += views;
            }
        }

        return sum;
    }
}

public readonly record struct SiteDelta(long Visits, long PageViews);
