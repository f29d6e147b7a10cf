using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Categories;
using Q11Portal.Core.Data;
using Q11Portal.Core.Media;
using Q11Portal.Core.Users;
using Q11Portal.Testing;
using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests.RateLimits;

/// <summary>Issue 15: per-address limits on search, the captcha challenge, document downloads and type-ahead, with the
/// Vietnamese 429 page and Retry-After; cached public pages have none.</summary>
public sealed class PortalRateLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> Limit(string policy, int permits) => new()
    {
        [$"RateLimits:{policy}:Permits"] = permits.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"RateLimits:{policy}:WindowSeconds"] = "600",
    };

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string what)
    {
        Assert.Equal((HttpStatusCode)429, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta is { } wait && wait > TimeSpan.Zero && wait <= TimeSpan.FromMinutes(10));
        var page = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Quá nhiều yêu cầu", page);
        Assert.Contains(what, page);
    }

    [Fact]
    public async Task Search_OverTheLimit_Gives429PageWithRetryAfter()
    {
        await using var app = await PortalAppFactory.CreateAsync(settings: Limit("Search", 3));
        var client = app.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/tim-kiem?q=d%C3%A2n+v%E1%BA%ADn+{i}", Ct)).StatusCode);
        }

        await AssertRefusedAsync(await client.GetAsync("/tim-kiem?q=kh%C3%A1c", Ct), "tìm kiếm tối đa 3 lần trong 10 phút");
    }

    [Fact]
    public async Task CaptchaChallenge_OverTheLimit_Gives429()
    {
        await using var app = await PortalAppFactory.CreateAsync(settings: Limit("Captcha", 2));
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/altcha/challenge", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/altcha/challenge", Ct)).StatusCode);

        await AssertRefusedAsync(await client.GetAsync("/altcha/challenge", Ct), "lấy mã chống spam tối đa 2 lần");
    }

    [Fact]
    public async Task DocumentDownload_OverTheLimit_Gives429()
    {
        await using var app = await PortalAppFactory.CreateAsync(settings: Limit("Downloads", 2));
        var client = app.CreateClient();
        var id = await AddDocumentAsync(app.Services);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/tep-dinh-kem/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/tep-dinh-kem/{id}", Ct)).StatusCode);

        await AssertRefusedAsync(await client.GetAsync($"/tep-dinh-kem/{id}", Ct), "tải văn bản tối đa 2 lần");
    }

    [Fact]
    public async Task TagSuggest_OverTheLimit_Gives429()
    {
        await using var app = await PortalAppFactory.CreateAsync(settings: Limit("TypeAhead", 3));
        var client = await Staff.SignedInAsync(app, Roles.Reporter);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/tags/suggest?q=d%C3%A2n", Ct)).StatusCode);
        }

        await AssertRefusedAsync(await client.GetAsync("/admin/tags/suggest?q=d%C3%A2n", Ct), "gợi ý khi gõ tối đa 3 lần");
    }

    [Fact]
    public async Task CachedPublicPages_ManyRequests_AreNotLimited()
    {
        var settings = new Dictionary<string, string?>();
        foreach (var policy in new[] { "Search", "Captcha", "Downloads", "TypeAhead" })
        {
            foreach (var (key, value) in Limit(policy, 1))
            {
                settings[key] = value;
            }
        }

        await using var app = await PortalAppFactory.CreateAsync(settings: settings);
        var client = app.CreateClient();

        for (var i = 0; i < 25; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/rss", Ct)).StatusCode);
        }
    }

    [Fact]
    public async Task Search_TwoNodesOneRedis_LimitCountsAcrossBothNodes()
    {
        if (TestEnvironment.RedisConnection is not { } redis)
        {
            TestEnvironment.SkipOrFail("Redis is not configured (set Q11_TEST_REDIS to host:port).");
            return;
        }

        var settings = Limit("Search", 3);
        settings["Redis:Configuration"] = redis;
        settings["Counters:RedisKeyPrefix"] = $"q11test:{Guid.NewGuid():N}:";
        settings["RateLimits:RedisKeyPrefix"] = $"q11test:{Guid.NewGuid():N}:limits:";
        await using var node1 = await PortalAppFactory.CreateAsync(settings: settings);
        await using var node2 = new PortalAppFactory(node1.Database, settings, ownsDatabase: false);
        var client1 = node1.CreateClient();
        var client2 = node2.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client1.GetAsync("/tim-kiem?q=a", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client2.GetAsync("/tim-kiem?q=b", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client1.GetAsync("/tim-kiem?q=c", Ct)).StatusCode);

        await AssertRefusedAsync(await client2.GetAsync("/tim-kiem?q=d", Ct), "tìm kiếm tối đa 3 lần");
    }

    private static async Task<int> AddDocumentAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var article = new Article
        {
            Title = "Kế hoạch tuyên truyền",
            Slug = "ke-hoach-tuyen-truyen",
            Category = new Category { Name = "Tin", Slug = "tin" },
            Status = ArticleStatus.Published,
            PublishedAtUtc = DateTime.UtcNow.AddHours(-1),
        };
        db.Add(article);
        await db.SaveChangesAsync(Ct);
        var added = await scope.ServiceProvider.GetRequiredService<AttachmentService>()
            .AddAsync(article.Id, new MemoryStream(TestFiles.Pdf()), null, "ke-hoach.pdf", null, "editor", Ct);
        return added.Value!.Id;
    }
}
