using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Data;
using Q11Portal.Core.Statistics;
using Q11Portal.Core.Users;
using Q11Portal.Web.Tests.Infrastructure;
using static Q11Portal.Web.Tests.Counters.CounterTestSupport;

namespace Q11Portal.Web.Tests.Counters;

/// <summary>Issue 6: views and visits counted through the real article page, in memory, flushed in batches.</summary>
public sealed class ViewCountingTests
{
    private static Task<PortalAppFactory> StartAsync(
        DatabaseProvider provider = DatabaseProvider.Sqlite,
        Dictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null) =>
        PortalAppFactory.CreateAsync(provider, settings, services);

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
    public async Task ThousandCrawlerRequests_GiveZero()
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
            "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; Zalo-Bot/1.0)",
            "curl/8.5.0",
            null,
        ];

        await SendAllAsync(client, Enumerable.Range(0, 1000).Select(n => (Func<HttpRequestMessage>)(() => Get($"/tin-tuc/{slug}", VisitorId(n), bots[n % bots.Length]))));
        // Then one reader: once the counter has their hit, it would also have any crawler's (hits queue in order).
        await SendAllAsync(client, [() => Get($"/tin-tuc/{slug}", VisitorId(5000))]);
        await app.WaitForHitsAsync(1);
        await app.FlushCountersAsync();

        Assert.Equal((1L, 1L, 1L, 1L), await ReadCountsAsync(app.Database, id));
        Assert.Equal(1, app.Services.GetRequiredService<ViewCounter>().HitsDecided);
    }

    public static TheoryData<string> NotCountedRequests => ["HEAD", "Sec-Purpose: prefetch", "Sec-Purpose: prefetch;prerender", "Purpose: prefetch", "Sec-Fetch-Dest: empty", "missing article"];

    /// <summary>Each kind of request that is not a reader looking at the page counts nothing, and does not mark
    /// the visitor as seen: the same visitor's real visit right after still counts.</summary>
    [Theory]
    [MemberData(nameof(NotCountedRequests))]
    public async Task NotAReaderLooking_CountsNothing_AndTheRealVisitAfterStillCounts(string kind)
    {
        await using var app = await StartAsync();
        var client = app.RawClient();
        var (id, slug) = await AddPublishedArticleAsync(app.Database, "khong-phai-nguoi-doc");
        var ct = TestContext.Current.CancellationToken;
        var request = kind switch
        {
            "HEAD" => Get($"/tin-tuc/{slug}", VisitorId(1), method: HttpMethod.Head),
            "missing article" => Get("/tin-tuc/khong-co-bai-nay", VisitorId(1)),
            _ => Get($"/tin-tuc/{slug}", VisitorId(1)),
        };
        if (kind.Split(": ") is [var header, var value])
        {
            request.Headers.Add(header, value);
        }

        using (var response = await client.SendAsync(request, ct))
        {
            Assert.True((int)response.StatusCode is 200 or 404 or 405, $"{kind}: {(int)response.StatusCode}");
        }

        await app.FlushCountersAsync();
        Assert.Equal((0L, 0L, 0L, 0L), await ReadCountsAsync(app.Database, id));

        using (var real = await client.SendAsync(Get($"/tin-tuc/{slug}", VisitorId(1)), ct))
        {
            Assert.Equal(HttpStatusCode.OK, real.StatusCode);
        }

        await app.WaitForHitsAsync(1);
        await app.FlushCountersAsync();
        Assert.Equal((1L, 1L, 1L, 1L), await ReadCountsAsync(app.Database, id));
    }

    [Fact]
    public async Task SignedInStaff_ReadingOrPreviewing_CountNothing()
    {
        await using var app = await StartAsync();
        var readers = app.RawClient();
        var (id, slug) = await AddPublishedArticleAsync(app.Database, "bien-tap-vien-doc-lai");
        var ct = TestContext.Current.CancellationToken;
        var editor = await Staff.SignedInAsync(app, Roles.Editor);
        var visitsBefore = (await ReadCountsAsync(app.Database, id)).Visits;

        for (var i = 0; i < 3; i++)
        {
            using var response = await editor.GetAsync($"/tin-tuc/{slug}", ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await app.FlushCountersAsync();
        var (views, daily, visits, _) = await ReadCountsAsync(app.Database, id);
        Assert.Equal((0L, 0L), (views, daily));
        Assert.Equal(visitsBefore, visits);

        // A reader's view of the same page right after does count.
        using (var reader = await readers.SendAsync(Get($"/tin-tuc/{slug}", VisitorId(2)), ct))
        {
            Assert.Equal(HttpStatusCode.OK, reader.StatusCode);
        }

        await app.WaitForHitsAsync(1);
        await app.FlushCountersAsync();
        Assert.Equal(1, (await ReadCountsAsync(app.Database, id)).ViewCount);
    }

    [Fact]
    public async Task Visits_OnlineTodayAndMonth_CountPeopleNotPages()
    {
        await using var app = await StartAsync();
        var client = app.RawClient();
        var (first, slug1) = await AddPublishedArticleAsync(app.Database, "luot-truy-cap-mot");
        var (second, slug2) = await AddPublishedArticleAsync(app.Database, "luot-truy-cap-hai");
        var ct = TestContext.Current.CancellationToken;

        // Reader 1: home, two articles, the first again. Reader 2: one article.
        foreach (var url in new[] { "/", $"/tin-tuc/{slug1}", $"/tin-tuc/{slug2}", $"/tin-tuc/{slug1}" })
        {
            using var response = await client.SendAsync(Get(url, VisitorId(1)), ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using (var response = await client.SendAsync(Get($"/tin-tuc/{slug2}", VisitorId(2)), ct))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await app.WaitForHitsAsync(5);
        await app.FlushCountersAsync();

        var (views1, _, visits, pageViews) = await ReadCountsAsync(app.Database, first);
        var views2 = (await ReadCountsAsync(app.Database, second)).ViewCount;
        Assert.Equal((1L, 2L), (views1, views2));
        Assert.Equal((2L, 5L), (visits, pageViews));

        var site = app.Services.GetRequiredService<ViewCounter>().SiteCounts;
        Assert.Equal((2L, 2L, 2L, 2L), (site.Total, site.Today, site.ThisMonth, site.Online));

        // The sidebar of the next page rendered shows them (as of the last flush), digits zero-padded like an odometer.
        // The pages read above are in the output cache with older numbers, which counters.js replaces
        // (CachedPageCountsBrowserTests); here they are dropped, as the next content change would.
        await app.Services.GetRequiredService<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>().EvictByTagAsync(Web.Infrastructure.PublicPageCache.Tag, ct);
        var html = await client.GetStringAsync($"/tin-tuc/{slug1}", ct);
        Assert.Contains("Số lượt truy cập", html);
        Assert.Contains(string.Concat("00000002".Select(d => $"<span class=\"odometer__digit\">{d}</span>")), html);
        Assert.Matches("Đang truy cập</dt><dd data-counter=\"online\">2</dd>", html);
        Assert.Matches("Hôm nay</dt><dd data-counter=\"today\">2</dd>", html);
        Assert.Matches("Tháng này</dt><dd data-counter=\"month\">2</dd>", html);
        var article = await client.GetStringAsync($"/tin-tuc/{slug2}", ct);
        Assert.Contains($"data-article-id=\"{second}\">2</strong>", article);
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

    /// <summary>A stop writes what is pending (the long interval: only the shutdown flush can have written it), also
    /// while periodic flushes keep running (the short one), and logs no error: no flush runs into disposed services.</summary>
    [Theory]
    [InlineData("00:10:00")]
    [InlineData("00:00:00.050")]
    public async Task GracefulShutdown_FlushesWhatIsPending_WithoutErrors(string flushInterval)
    {
        var logs = new CapturedLog();
        var app = await StartAsync(
            settings: new() { ["Counters:FlushInterval"] = flushInterval },
            services: s => s.AddSingleton<Serilog.Core.ILogEventSink>(logs));
        var database = app.Database;
        var client = app.RawClient();
        var (id, slug) = await AddPublishedArticleAsync(database, "tat-may-nhe-nhang");
        await SendAllAsync(client, Enumerable.Range(0, 200).Select(n => (Func<HttpRequestMessage>)(() => Get($"/tin-tuc/{slug}", VisitorId(n)))));
        await app.WaitForHitsAsync(200);

        // Stop it the way SIGTERM does: the application stops, Program's RunAsync stops the host (every
        // IHostedService.StopAsync, in order) and then disposes it. (Calling IHost.StopAsync from here instead would
        // race that disposal.) The database stays until the factory is disposed, so the test can look at it.
        app.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>().StopApplication();
        var counts = await ReadCountsAsync(database, id);
        for (var deadline = DateTime.UtcNow.AddSeconds(60); counts != (200L, 200L, 200L, 200L) && DateTime.UtcNow < deadline;)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            counts = await ReadCountsAsync(database, id);
        }

        Assert.True(counts == (200L, 200L, 200L, 200L), $"{counts} after the stop; log: {string.Join("\n", logs.Problems)}");
        await app.DisposeAsync();
        Assert.True(!logs.Problems.Any(), string.Join("\n", logs.Problems));
    }

    private sealed class CapturedLog : Serilog.Core.ILogEventSink
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<Serilog.Events.LogEvent> events = new();

        public IEnumerable<string> Problems => events
            .Where(e => e.Level >= Serilog.Events.LogEventLevel.Error || e.Exception is ObjectDisposedException || e.Exception?.InnerException is ObjectDisposedException)
            .Select(e => $"{e.Level}: {e.RenderMessage()} {e.Exception}");

        public void Emit(Serilog.Events.LogEvent logEvent) => events.Enqueue(logEvent);
    }
}
