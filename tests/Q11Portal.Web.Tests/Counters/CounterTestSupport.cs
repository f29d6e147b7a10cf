using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Categories;
using Q11Portal.Core.Statistics;
using Q11Portal.Testing;
using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests.Counters;

internal static class CounterTestSupport
{
    public const string Chrome = "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
    public const string CookieName = "q11_vid";

    /// <summary>A client that sends exactly the cookies a test gives it (one "browser" per request).</summary>
    public static HttpClient RawClient(this PortalAppFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });

    public static HttpRequestMessage Get(string url, string? visitorId = null, string? userAgent = Chrome, HttpMethod? method = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, url);
        if (userAgent is not null)
        {
            request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        }

        if (visitorId is not null)
        {
            request.Headers.TryAddWithoutValidation("Cookie", $"{CookieName}={visitorId}");
        }

        return request;
    }

    public static string VisitorId(int n) => $"test{n:D18}";

    public static async Task<(int Id, string Slug)> AddPublishedArticleAsync(TestDatabase database, string slug)
    {
        await using var db = database.CreateContext();
        var category = await db.Categories.FirstOrDefaultAsync() ?? new Category { Name = "Tin tức - Sự kiện", Slug = "tin-tuc-su-kien" };
        var article = new Article
        {
            Title = "Quận 11 ra mắt mô hình dân vận khéo " + slug,
            Slug = slug,
            Summary = "Bài viết thử nghiệm bộ đếm lượt xem.",
            BodyHtml = "<p>Nội dung bài viết.</p>",
            Category = category,
            Status = ArticleStatus.Published,
            PublishedAtUtc = DateTime.UtcNow.AddDays(-1),
            CreatedAtUtc = DateTime.UtcNow.AddDays(-1),
            UpdatedAtUtc = DateTime.UtcNow.AddDays(-1),
        };
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        return (article.Id, slug);
    }

    public static Task FlushCountersAsync(this PortalAppFactory app) =>
        app.Services.GetRequiredService<ViewCounter>().FlushAsync(TestContext.Current.CancellationToken);

    /// <summary>Flushes until a flush succeeds, as the flush service does every interval: on a busy machine a
    /// Redis or database answer can take longer than its timeout; the hits (same batch id) and the counts (nothing
    /// committed) then wait for the next try. A retry that counted twice would show in the totals.</summary>
    public static async Task FlushUntilDoneAsync(this PortalAppFactory app)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                await app.FlushCountersAsync();
                return;
            }
            catch (Exception ex) when (DateTime.UtcNow < deadline && ex is not OperationCanceledException)
            {
                TestContext.Current.SendDiagnosticMessage($"Flush retried after {ex.GetType().Name}: {ex.Message}");
                await Task.Delay(200, TestContext.Current.CancellationToken);
            }
        }
    }

    /// <summary>The middleware records a hit after the page is written, which may be just after the client has it:
    /// waits until the node has seen <paramref name="expected"/> hits in all before the final flush.</summary>
    public static async Task WaitForHitsAsync(this PortalAppFactory app, long expected)
    {
        var counter = app.Services.GetRequiredService<ViewCounter>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (counter.HitsDecided + counter.QueuedHits < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        Assert.True(counter.HitsDecided + counter.QueuedHits >= expected,
            $"Only {counter.HitsDecided + counter.QueuedHits} of {expected} hits reached the counter within 30 s.");
    }

    public static async Task<(long ViewCount, long DailyViews, long Visits, long PageViews)> ReadCountsAsync(TestDatabase database, int articleId)
    {
        await using var db = database.CreateContext();
        var ct = TestContext.Current.CancellationToken;
        return (
            await db.Articles.Where(a => a.Id == articleId).Select(a => a.ViewCount).SingleAsync(ct),
            await db.ArticleDailyViews.Where(v => v.ArticleId == articleId).SumAsync(v => v.Views, ct),
            await db.SiteDailyStats.SumAsync(s => s.Visits, ct),
            await db.SiteDailyStats.SumAsync(s => s.PageViews, ct));
    }

    /// <summary>Sends the requests with at most <paramref name="parallel"/> in flight and checks each ends in a 200.
    /// A request the server failed (an exception or a 5xx, e.g. a database connection that timed out on a busy
    /// machine) counted nothing, so it is sent again like a reader pressing reload, at most twice.</summary>
    public static async Task SendAllAsync(HttpClient client, IEnumerable<Func<HttpRequestMessage>> requests, int parallel = 48)
    {
        const int MaxAttempts = 3;
        var failures = 0;
        var retries = 0;
        string? firstFailure = null;
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = TestContext.Current.CancellationToken }, async (make, ct) =>
        {
            for (var attempt = 1; ; attempt++)
            {
                string failure;
                try
                {
                    using var request = make();
                    using var response = await client.SendAsync(request, ct);
                    if (response.IsSuccessStatusCode)
                    {
                        return;
                    }

                    failure = $"{(int)response.StatusCode} for {request.RequestUri}";
                    if ((int)response.StatusCode < 500)
                    {
                        attempt = MaxAttempts;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    failure = $"{ex.GetType().Name}: {ex.Message}";
                }

                if (attempt >= MaxAttempts)
                {
                    Interlocked.Increment(ref failures);
                    Interlocked.CompareExchange(ref firstFailure, failure, null);
                    return;
                }

                Interlocked.Increment(ref retries);
                await Task.Delay(100 * attempt, ct);
            }
        });
        if (retries > 0)
        {
            TestContext.Current.SendDiagnosticMessage($"{retries} requests were sent again after a server failure.");
        }

        Assert.True(failures == 0, $"{failures} requests failed, first: {firstFailure}");
    }
}
