using System.Net;
using System.Text.RegularExpressions;
using Q11Portal.Web.Tests.Infrastructure;
using static Q11Portal.Web.Tests.Counters.CounterTestSupport;

namespace Q11Portal.Web.Tests.Metrics;

/// <summary>Issue 14: the Prometheus endpoint is off by default, and when on answers only the allowed networks
/// (compared with the client's real address, here the loopback socket of a Kestrel host).</summary>
public sealed partial class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_NotEnabled_Gives404()
    {
        await using var app = await KestrelPortalFactory.CreateAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };

        using var response = await client.GetAsync("/metrics", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("q11portal_", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Metrics_EnabledAndAllowed_ShowPortalMetricsAfterCountedView()
    {
        await using var app = await KestrelPortalFactory.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["Metrics:Enabled"] = "true",
            ["Metrics:AllowedNetworks:0"] = "127.0.0.0/8",
        });
        var ct = TestContext.Current.CancellationToken;
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var (_, slug) = await AddPublishedArticleAsync(app.Database, "bai-do-luong");

        using (var page = await client.SendAsync(Get($"/tin-tuc/{slug}", VisitorId(42)), ct))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        (await client.GetAsync("/", ct)).Dispose();
        (await client.GetAsync("/", ct)).Dispose();
        (await client.GetAsync("/tim-kiem?q=d%C3%A2n+v%E1%BA%ADn", ct)).Dispose();
        await app.WaitForHitsAsync(1);
        await app.FlushCountersAsync();

        using var response = await client.GetAsync("/metrics", ct);
        var text = await response.Content.ReadAsStringAsync(ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(Value(text, "q11portal_views_counted_total") >= 1, text);
        Assert.True(Value(text, "q11portal_counters_flushes_total") >= 1, text);
        Assert.Contains("q11portal_counters_hits_dropped_total", text);
        Assert.Contains("q11portal_counters_flush_failures_total", text);
        Assert.Contains("q11portal_counters_store_fallbacks_total", text);
        Assert.Contains("q11portal_counters_flush_time_seconds_total", text);
        Assert.Contains("q11portal_search_duration_seconds_count", text);
        Assert.Contains("q11portal_page_cache_lookups_total{", text);
        Assert.Contains("http_server_request_duration_seconds", text);
    }

    [Fact]
    public async Task Metrics_EnabledButAddressNotAllowed_Gives404()
    {
        await using var app = await KestrelPortalFactory.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["Metrics:Enabled"] = "true",
            ["Metrics:AllowedNetworks:0"] = "10.20.0.0/16",
        });
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };

        using var response = await client.GetAsync("/metrics", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("q11portal_", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>The sum of a metric's samples (every label set) in Prometheus' text format.</summary>
    private static double Value(string text, string name) =>
        Sample().Matches(text).Where(m => m.Groups[1].Value == name)
            .Sum(m => double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^([a-z0-9_]+)(?:\{[^}]*\})? ([0-9.eE+-]+)", RegexOptions.Multiline)]
    private static partial Regex Sample();
}
