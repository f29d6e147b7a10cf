using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Net.Http.Json;
using Q11Portal.Web.Models;
using Q11Portal.Web.Tests.Comments;
using Q11Portal.Web.Tests.Infrastructure;
using static Q11Portal.Web.Tests.Counters.CounterTestSupport;

namespace Q11Portal.Web.Tests.Caching;

/// <summary>Issue 12: the article page comes from the output cache for first-time and returning readers alike, and
/// nothing per reader is in its bytes (the visitor cookie is added on the way out, the comment form fetches its token).</summary>
public sealed class CachedArticlePageTests
{
    private const string OtherPhone = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string? VisitorCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Where(v => v.StartsWith(CookieName + "=", StringComparison.Ordinal)).Select(v => v.Split(';')[0][(CookieName.Length + 1)..]).SingleOrDefault()
            : null;

    private static bool FromCache(HttpResponseMessage response) => response.Headers.Age is not null;

    [Fact]
    public async Task CachedArticle_CountsNewCookielessVisitorOnce_AndRepeatVisitorNotAgain()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        using var http = app.RawClient();
        var (id, slug) = await AddPublishedArticleAsync(app.Database, "bai-tu-bo-nho-dem");
        var url = "/tin-tuc/" + slug;

        using var first = await http.SendAsync(Get(url), Ct);
        using var second = await http.SendAsync(Get(url, userAgent: OtherPhone), Ct);
        var cookieA = VisitorCookie(first);
        var cookieB = VisitorCookie(second);
        var html = await second.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.False(FromCache(first));
        Assert.True(FromCache(second), "The second first-time reader was not served from the output cache.");
        Assert.NotNull(cookieA);
        Assert.NotNull(cookieB);
        Assert.NotEqual(cookieA, cookieB);
        Assert.DoesNotContain(cookieA, html);
        Assert.DoesNotContain(CookieName, html);

        using var againA = await http.SendAsync(Get(url, cookieA), Ct);
        using var againB = await http.SendAsync(Get(url, cookieB, OtherPhone), Ct);
        Assert.True(FromCache(againA) && FromCache(againB));
        Assert.Null(VisitorCookie(againA));

        await app.WaitForHitsAsync(4);
        await app.FlushUntilDoneAsync();
        var counts = await ReadCountsAsync(app.Database, id);
        Assert.Equal(2, counts.ViewCount);
        Assert.Equal(2, counts.Visits);
    }

    [Fact]
    public async Task SharedLink_TrackingAndUnknownParametersIgnored_PageParametersKeyedApart()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        using var http = app.RawClient();
        var (_, slug) = await AddPublishedArticleAsync(app.Database, "bai-chia-se-qua-zalo");
        var url = "/tin-tuc/" + slug;

        using var plain = await http.SendAsync(Get(url), Ct);
        using var shared = await http.SendAsync(Get(url + "?fbclid=IwAR0abc&utm_source=facebook&utm_medium=social&zarsrc=30&gclid=x1"), Ct);
        // Zalo adds gidzl with a new value to every click; a scanner or cache-buster adds anything at all.
        using var zalo = await http.SendAsync(Get(url + "?gidzl=7xkS3wq1Tg0r5n_v&zarsrc=10"), Ct);
        using var buster = await http.SendAsync(Get(url + "?x=" + Guid.NewGuid().ToString("N") + "&v=2"), Ct);
        using var print = await http.SendAsync(Get(url + "?in=1&utm_campaign=tet"), Ct);
        using var printAgain = await http.SendAsync(Get(url + "?zarsrc=31&IN=1"), Ct);
        using var commentPage = await http.SendAsync(Get(url + "?trang-binh-luan=2"), Ct);

        Assert.False(FromCache(plain));
        Assert.True(FromCache(shared), "A link with tracking parameters missed the cache.");
        Assert.True(FromCache(zalo), "A link opened from Zalo missed the cache.");
        Assert.True(FromCache(buster), "Unknown parameters made the portal render the page again.");
        Assert.False(FromCache(print), "The print view was answered with the normal page's cached copy.");
        Assert.True(FromCache(printAgain));
        Assert.False(FromCache(commentPage), "A page of comments (read by a view component) was answered with another page's copy.");
        Assert.NotEqual(await plain.Content.ReadAsStringAsync(Ct), await print.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task ParametersThePageDoesNotRead_NeverReachItsCachedCopy()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        using var http = app.RawClient();
        var (id, _) = await AddPublishedArticleAsync(app.Database, "bai-khong-nhan-tham-so-la");
        await using var db = app.Database.CreateContext();
        var url = "/chuyen-muc/" + await db.Articles.Where(a => a.Id == id).Select(a => a.Category.Slug).SingleAsync(Ct);

        // The first reader's link carries a parameter the category page does not read (it reads "page"); its render
        // is the copy every reader gets, canonical link included.
        using var first = await http.SendAsync(Get(url + "?q=chen-vao-trang&gidzl=abc"), Ct);
        using var next = await http.SendAsync(Get(url), Ct);

        Assert.False(FromCache(first));
        Assert.True(FromCache(next));
        var html = await next.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("chen-vao-trang", html, StringComparison.Ordinal);
        Assert.Matches("<link rel=\"canonical\" href=\"[^\"?]*" + System.Text.RegularExpressions.Regex.Escape(url) + "\"", html);
    }

    [Fact]
    public async Task CachedPage_IsStoredCompressed_OneCopyPerEncoding()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        using var http = app.RawClient();
        var (_, slug) = await AddPublishedArticleAsync(app.Database, "bai-nen-mot-lan");
        var url = "/tin-tuc/" + slug;
        HttpRequestMessage As(string? acceptEncoding)
        {
            var request = Get(url);
            if (acceptEncoding is not null)
            {
                request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
            }

            return request;
        }

        using var firstBr = await http.SendAsync(As("gzip, deflate, br, zstd"), Ct);
        using var secondBr = await http.SendAsync(As("br, gzip"), Ct);
        using var gzip = await http.SendAsync(As("gzip"), Ct);
        using var plain = await http.SendAsync(As(null), Ct);

        Assert.False(FromCache(firstBr));
        Assert.True(FromCache(secondBr), "A second reader accepting Brotli did not get the stored copy.");
        Assert.Equal(["br"], secondBr.Content.Headers.ContentEncoding);
        // Sent as stored, with the length the cache knows; a page compressed again on the way out has none (read from
        // the headers as received: HttpClient's ContentLength would compute one).
        Assert.True(secondBr.Content.Headers.NonValidated.Contains("Content-Length"), "The cached page was compressed again for this reader.");
        var stored = await secondBr.Content.ReadAsByteArrayAsync(Ct);
        Assert.Contains(slug, System.Text.Encoding.UTF8.GetString(Site.PageWeightTests.Decode(stored, "br")), StringComparison.Ordinal);
        Assert.False(FromCache(gzip), "A gzip reader was handed the Brotli copy.");
        Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Contains(slug, await plain.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_AlwaysGetLivePages()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        using var reader = app.RawClient();
        var (_, slug) = await AddPublishedArticleAsync(app.Database, "bai-bien-tap-vien-xem");
        using var staff = await Staff.SignedInAsync(app, Core.Users.Roles.Editor);

        (await reader.SendAsync(Get("/tin-tuc/" + slug), Ct)).Dispose();
        (await reader.SendAsync(Get("/"), Ct)).Dispose();
        using var article = await staff.GetAsync("/tin-tuc/" + slug, Ct);
        using var home = await staff.GetAsync("/", Ct);

        Assert.Equal(HttpStatusCode.OK, article.StatusCode);
        Assert.False(FromCache(article) || FromCache(home), "A signed-in editor was served a stored page.");
    }

    [Fact]
    public async Task CommentFromCachedArticlePage_Accepted_TooFastRefused()
    {
        await using var site = await CommentTestSite.CreateAsync();
        var url = "/tin-tuc/" + site.Slug;
        (await site.Client.GetAsync(url, Ct)).Dispose();
        using var page = await site.Client.GetAsync(url, Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.True(FromCache(page));
        Assert.Contains("name=\"FormToken\"", html);
        Assert.DoesNotMatch("name=\"FormToken\" value=\"[^\"]+\"", html);
        Assert.Contains($"data-token-url=\"/tin-tuc/{site.Slug}/binh-luan/ma\"", html);

        // The form's first use fetches a token; the minimum form age counts from then, not from the cached page.
        var tooFast = await TokenAsync(site);
        using var refused = await site.PostAsync(tooFast, await site.SolveAltchaAsync());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Bạn gửi quá nhanh", await refused.Content.ReadAsStringAsync(Ct));

        var token = await TokenAsync(site);
        site.Clock.Advance(TimeSpan.FromSeconds(10));
        using var accepted = await site.PostAsync(token, await site.SolveAltchaAsync());
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Single(await site.CommentsAsync());

        // Replayed: the same token again is refused.
        using var replayed = await site.PostAsync(token, await site.SolveAltchaAsync(), body: "Gửi lại lần nữa bằng biểu mẫu cũ.");
        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
        Assert.Single(await site.CommentsAsync());
    }

    private static async Task<string> TokenAsync(CommentTestSite site)
    {
        using var response = await site.Client.GetAsync($"/tin-tuc/{site.Slug}/binh-luan/ma", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        return (await response.Content.ReadFromJsonAsync<CommentFormTokenResponse>(Ct))!.Token;
    }
}
