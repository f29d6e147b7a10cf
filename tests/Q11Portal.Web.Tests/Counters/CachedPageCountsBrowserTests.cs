using Microsoft.Playwright;
using Q11Portal.Web.Tests.Infrastructure;
using static Q11Portal.Web.Tests.Counters.CounterTestSupport;

namespace Q11Portal.Web.Tests.Counters;

/// <summary>Issue 6: the numbers a reader sees are at most a few seconds behind, also when the page itself comes
/// from a cache (the portal's output cache, a proxy, a CDN, the browser's back/forward cache). The test plays a cache
/// that kept the page from before anyone read it: Chromium is handed that old copy, and js/counters.js must replace
/// its numbers with fresh ones.</summary>
public sealed class CachedPageCountsBrowserTests
{
    [Fact]
    public async Task StalePageFromACache_ShowsFreshCounts_AfterCountersJsRuns()
    {
        await using var browser = await Infrastructure.Browser.LaunchAsync();
        await using var app = await KestrelPortalFactory.CreateAsync(settings: new Dictionary<string, string?> { ["Counters:FlushInterval"] = "00:00:01" });
        var (_, slug) = await AddPublishedArticleAsync(app.Database, "trang-cu-so-moi");
        var url = $"{app.BaseUrl}/tin-tuc/{slug}";
        using var http = new HttpClient();
        var ct = TestContext.Current.CancellationToken;

        // The cached copy: rendered before anyone read the article (fetched as a crawler, so it counts nothing).
        using var crawler = new HttpRequestMessage(HttpMethod.Get, url);
        crawler.Headers.TryAddWithoutValidation("User-Agent", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)");
        var stale = await (await http.SendAsync(crawler, ct)).Content.ReadAsStringAsync(ct);
        Assert.Contains("data-counter=\"article-views\"", stale);
        Assert.Contains("<dd data-counter=\"today\">0</dd>", stale);

        // Then 12 readers; the flush service writes them within a second or two. counters.js asks once, after load,
        // so the page is opened once the server has counted them (until then it rightly answers the older numbers).
        await SendAllAsync(http, Enumerable.Range(0, 12).Select(n => (Func<HttpRequestMessage>)(() => Get(url, VisitorId(n)))));
        // Served from the output cache these take milliseconds, less than a flush interval: the site-wide numbers are
        // those of the last flush by design, so the reader opens the page after it.
        await app.WaitForHitsAsync(12);
        await app.FlushUntilDoneAsync();

        var page = await browser.NewPageAsync(390);
        await page.RouteAsync(url, route => route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html; charset=utf-8", Body = stale }));
        await page.GotoAsync(url);

        // counters.js asks /api/luot-truy-cap (no-store) and rewrites every number: no reload, no stale zero.
        await Assertions.Expect(page.Locator("[data-counter=article-views]")).ToHaveTextAsync("12", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("[data-counter=today]")).ToHaveTextAsync("12");
        await Assertions.Expect(page.Locator("[data-counter=month]")).ToHaveTextAsync("12");
        await Assertions.Expect(page.Locator("[data-counter=online]")).ToHaveTextAsync("12");
        await Assertions.Expect(page.Locator(".odometer__digit")).ToHaveTextAsync(["0", "0", "0", "0", "0", "0", "1", "2"]);
        await Assertions.Expect(page.Locator(".odometer [data-counter-text]")).ToHaveTextAsync("12 lượt truy cập");
    }
}
