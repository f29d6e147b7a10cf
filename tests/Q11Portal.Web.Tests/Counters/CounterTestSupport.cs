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

    /// <summary>Sends the requests with at most <paramref name="parallel"/> in flight and checks each is a 200.</summary>
    public static async Task SendAllAsync(HttpClient client, IEnumerable<Func<HttpRequestMessage>> requests, int parallel = 48)
    {
        var failures = 0;
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = TestContext.Current.CancellationToken }, async (make, ct) =>
        {
            using var request = make();
            using var response = await client.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref failures);
            }
        });
        Assert.Equal(0, failures);
    }
}
