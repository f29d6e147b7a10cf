namespace Q11Portal.Core.Statistics;

/// <summary>Visits and page views of the whole site on one local day; the all-time total is their sum.</summary>
public class SiteDailyStat
{
    public DateOnly Day { get; set; }
    public long Visits { get; set; }
    public long PageViews { get; set; }
}
