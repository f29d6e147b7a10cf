using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Data;
using Q11Portal.Core.Statistics;
using Q11Portal.Testing;
using Q11Portal.Web.Tests.Infrastructure;
using static Q11Portal.Web.Tests.Counters.CounterTestSupport;

namespace Q11Portal.Web.Tests.Counters;

/// <summary>Issue 6: views and visits counted through the real article page, in memory, flushed in batches.</summary>
public sealed class ViewCountingTests
{
    private static Task<PortalAppFactory> StartAsync(DatabaseProvider provider = DatabaseProvider.Sqlite, Dictionary<string, string?>? settings = null) =>
        PortalAppFactory.CreateAsync(provider, settings);

    // SQLite only, to keep the suite's time reasonable: PostgreSQL's concurrent flushing is proven by the two-node test.
    [Fact]
    public async Task TenThousandDistinctVisitors_SentConcurrently_GiveExactlyTenThousand()
    {
        await using var app = await StartAsync();
        var client = app.RawClient();
        var (id, slug) = await AddPublishedArticleAsync(app.Database, "muoi-nghin-luot-xem");

        await SendAllAsync(client, Enumerable.Range(0, 10_000).Select(n => (Func<HttpRequestMessage>)(() => Get($"/tin-tuc/{slug}", VisitorId(n)))));
        await app.WaitForHitsAsync(10_000);
        await app.FlushCountersAsync();

        var counts = await ReadCountsAsync(app.Database, id);
        Assert.Equal((10_000L, 10_000L, 10_000L, 10_000L), counts);
    }

    [Fact]
    public async Task HundredViewsByOneVisitor_GiveOne_WithCookieAndWithout()
    {
        await using var app = await StartAsync();
        var client = app.RawClient();
        var (withCookie, slug1) = await AddPublishedArticleAsync(app.Database, "mot-nguoi-co-cookie");
        var (withoutCookie, slug2) = await AddPublishedArticleAsync(app.Database, "mot-nguoi-khong-cookie");

        await SendAllAsync(client, Enumerable.Range(0, 100).Select(_ => (Func<HttpRequestMessage>)(() => Get($"/tin-tuc/{slug1}", VisitorId(1)))));
        // A browser that refuses cookies: recognised by the salted hash of its address and user agent.
        await SendAllAsync(client, Enumerable.Range(0, 100).Select(_ => (Func<HttpRequestMessage>)(() => Get($"/tin-tuc/{slug2}", userAgent: Chrome + " NoCookies"))));
        await app.FlushCountersAsync();

        Assert.Equal(1, (await ReadCountsAsync(app.Database, withCookie)).ViewCount);
        var (views, daily, visits, pageViews) = await ReadCountsAsync(app.Database, withoutCookie);
        Assert.Equal((1L, 1L), (views, daily));
        Assert.Equal(2, visits);
        Assert.Equal(200, pageViews);
    }

    [Fact]
    public async Task ThousandCrawlerRequests_GiveZero_AndSoDoHeadPrefetchAndErrors()
    {
        await using var app = await StartAsync();
        var client = app.RawClient();
        var (id, slug) = await AddPublishedArticleAsync(app.Database, "chi-co-bot");
        string?[] bots =
        [
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "Mozilla/5.0 (compatible; coccocbot-web/1.0; +http://help.coccoc.com/searchengine)",
            "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
            "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
            "curl/8.5.0",
            null,
        ];

        await SendAllAsync(client, Enumerable.Range(0, 1000).Select(n => (Func<HttpRequestMessage>)(() => Get($"/tin-tuc/{slug}", VisitorId(n), bots[n % bots.Length]))));
        await SendAllAsync(client,
        [
            () => { var r = Get($"/tin-tuc/{slug}", VisitorId(5001)); r.Headers.Add("Sec-Purpose", "prefetch"); return r; },
            () => { var r = Get($"/tin-tuc/{slug}", VisitorId(5002)); r.Headers.Add("Sec-Purpose", "prefetch;prerender"); return r; },
            () => { var r = Get($"/tin-tuc/{slug}", VisitorId(5003)); r.Headers.Add("Purpose", "prefetch"); return r; },
            () => { var r = Get($"/tin-tuc/{slug}", VisitorId(5004)); r.Headers.Add("Sec-Fetch-Dest", "empty"); return r; },
        ]);
        var head = await client.SendAsync(Get($"/tin-tuc/{slug}", VisitorId(5000), method: HttpMethod.Head), TestContext.Current.CancellationToken);
        Assert.NotEqual(HttpStatusCode.InternalServerError, head.StatusCode);
        var missing = await client.SendAsync(Get("/tin-tuc/khong-co-bai-nay", VisitorId(6000)), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        await app.FlushCountersAsync();

        Assert.Equal((0L, 0L, 0L, 0L), await ReadCountsAsync(app.Database, id));
    }

    [Fact]
    public async Task NewBrowser_GetsCookie_AndItsNextRequestIsTheSameVisitor()
    {
        await using var app = await StartAsync();
        var client = app.RawClient();
        var (id, slug) = await AddPublishedArticleAsync(app.Database, "trinh-duyet-moi");
        var ct = TestContext.Current.CancellationToken;

        var first = await client.SendAsync(Get($"/tin-tuc/{slug}"), ct);
        var setCookie = Assert.Single(first.Headers.GetValues("Set-Cookie"), c => c.StartsWith(CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", setCookie, StringComparison.OrdinalIgnoreCase);
        var cookieId = setCookie[(CookieName.Length + 1)..setCookie.IndexOf(';')];
        Assert.True(VisitorKeys.IsValidCookieId(cookieId));

        // Same browser, now with its cookie (and from a different address: a phone moving between networks).
        for (var i = 0; i < 5; i++)
        {
            var again = await client.SendAsync(Get($"/tin-tuc/{slug}", cookieId), ct);
            Assert.False(again.Headers.Contains("Set-Cookie"));
        }

        await app.FlushCountersAsync();
        var (views, _, visits, pageViews) = await ReadCountsAsync(app.Database, id);
        Assert.Equal((1L, 1L, 6L), (views, visits, pageViews));
    }

    [Fact]
    public async Task CountsEndpoint_GivesFreshNumbers_NotCached()
    {
        await using var app = await StartAsync();
        var client = app.RawClient();
        var (id, slug) = await AddPublishedArticleAsync(app.Database, "so-moi-nhat");
        var ct = TestContext.Current.CancellationToken;

        await SendAllAsync(client, Enumerable.Range(0, 7).Select(n => (Func<HttpRequestMessage>)(() => Get($"/tin-tuc/{slug}", VisitorId(n)))));
        await app.FlushCountersAsync();

        var response = await client.SendAsync(Get($"/api/luot-truy-cap?bai={id}", VisitorId(99)), ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        Assert.Equal(7, json.RootElement.GetProperty("total").GetInt64());
        Assert.Equal(7, json.RootElement.GetProperty("today").GetInt64());
        Assert.Equal(7, json.RootElement.GetProperty("month").GetInt64());
        Assert.Equal(7, json.RootElement.GetProperty("online").GetInt64());
        Assert.Equal(7, json.RootElement.GetProperty("article").GetProperty("views").GetInt64());

        // The JSON request itself counted nothing, and nonsense parameters are a 400 or no article, never a 500.
        await app.FlushCountersAsync();
        Assert.Equal(7, (await ReadCountsAsync(app.Database, id)).PageViews);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/luot-truy-cap?bai=abc", ct)).StatusCode);
        var unknown = await client.GetStringAsync("/api/luot-truy-cap?bai=999999", ct);
        Assert.Contains("\"article\":null", unknown);
    }

    [Fact]
    public async Task CountingOff_CountsNothingAndSetsNoCookie()
    {
        await using var app = await StartAsync(settings: new() { ["Counters:Enabled"] = "false" });
        var client = app.RawClient();
        var (id, slug) = await AddPublishedArticleAsync(app.Database, "tat-bo-dem");

        var response = await client.SendAsync(Get($"/tin-tuc/{slug}"), TestContext.Current.CancellationToken);
        await app.FlushCountersAsync();

        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Equal((0L, 0L, 0L, 0L), await ReadCountsAsync(app.Database, id));
    }

    [Fact]
    public async Task GracefulShutdown_FlushesWhatIsPending()
    {
        var app = await StartAsync(settings: new() { ["Counters:FlushInterval"] = "00:10:00" });
        var database = app.Database;
        var client = app.RawClient();
        var (id, slug) = await AddPublishedArticleAsync(database, "tat-may-nhe-nhang");
        await SendAllAsync(client, Enumerable.Range(0, 25).Select(n => (Func<HttpRequestMessage>)(() => Get($"/tin-tuc/{slug}", VisitorId(n)))));

        // Stop the host (IHostedService.StopAsync) but keep the database to look at it.
        await app.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHost>().StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(25, (await ReadCountsAsync(database, id)).ViewCount);
        await app.DisposeAsync();
    }
}
