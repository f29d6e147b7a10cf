using System.Diagnostics.Metrics;
using Q11Portal.Core.Search;
using Q11Portal.Core.Statistics;

namespace Q11Portal.Web.Infrastructure.Metrics;

/// <summary>The portal's own instruments on the meter <see cref="MeterName"/> (requests themselves come from ASP.NET
/// Core's built-in meters). Counting figures are read from <see cref="CounterHealth"/> when scraped; cache lookups and
/// search times are recorded by <see cref="PortalMetricsMiddleware"/>. Prometheus shows dots as underscores and adds
/// <c>_total</c> to counters and the unit to the name (<c>q11portal_views_counted_total</c>).</summary>
public sealed class PortalMetrics
{
    public const string MeterName = "Q11Portal";

    private readonly Counter<long> pageCacheLookups;
    private readonly Histogram<double> searchDuration;

    public PortalMetrics(IMeterFactory meters, CounterHealth counters, SearchIndexer indexer)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableCounter("q11portal.views.counted", () => counters.ViewsCounted, "{view}",
            "New article views this node counted (written or pending)");
        meter.CreateObservableCounter("q11portal.counters.hits.decided", () => counters.HitsDecided, "{hit}",
            "Page hits this node de-duplicated");
        meter.CreateObservableCounter("q11portal.counters.hits.dropped", () => counters.DroppedHits, "{hit}",
            "Page hits dropped because the counter queue was full");
        meter.CreateObservableCounter("q11portal.counters.flushes", () => counters.Flushes, "{flush}",
            "Counter flushes finished, failed ones included");
        meter.CreateObservableCounter("q11portal.counters.flush.failures", () => counters.FailedFlushes, "{flush}",
            "Counter flushes that failed (their counts waited for a later one)");
        meter.CreateObservableCounter("q11portal.counters.flush.time", () => counters.FlushTime.TotalSeconds, "s",
            "Time spent in counter flushes (divided by the flushes: the average flush time)");
        meter.CreateObservableGauge("q11portal.counters.flush.failing", () => counters.ConsecutiveFailedFlushes, "{flush}",
            "Flushes failed since the last one that succeeded");
        meter.CreateObservableCounter("q11portal.counters.store.fallbacks", () => counters.StoreFallbacks, "{batch}",
            "Batches de-duplicated on this node alone because Redis stayed unavailable");
        meter.CreateObservableGauge("q11portal.search.index.lag", () => IndexLag(indexer), "s",
            "Time since this node's search index last caught up with the ContentChanges log");
        pageCacheLookups = meter.CreateCounter<long>("q11portal.page_cache.lookups", "{request}",
            "Requests for cacheable public pages, by result: hit (served from the output cache) or miss (rendered)");
        searchDuration = meter.CreateHistogram<double>("q11portal.search.duration", "s",
            "Time to answer a search page", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });
    }

    public void PageCacheLookup(bool hit) => pageCacheLookups.Add(1, new KeyValuePair<string, object?>("result", hit ? "hit" : "miss"));

    public void SearchAnswered(TimeSpan took) => searchDuration.Record(took.TotalSeconds);

    private static IEnumerable<Measurement<double>> IndexLag(SearchIndexer indexer) =>
        indexer.Lag is { } lag ? [new Measurement<double>(lag.TotalSeconds)] : [];
}
