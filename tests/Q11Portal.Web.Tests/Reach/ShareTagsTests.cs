using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Articles;
using Q11Portal.Web.Tests.Infrastructure;
using SkiaSharp;

namespace Q11Portal.Web.Tests.Reach;

/// <summary>Every published demo article, as Facebook, Zalo and search engines read it.</summary>
public sealed class ShareTagsTests
{
    private const string Base = "https://quan11.example.vn";
    private const string IsoWithOffset = @"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$";

    [Fact]
    public async Task EveryPublishedDemoArticle_HasCompleteOpenGraphTwitterAndNewsArticleData()
    {
        await using var app = await PortalAppFactory.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["Database:SeedDemo"] = "true",
            ["PublicSite:BaseUrl"] = Base,
        });
        // Over HTTPS, as readers come: an HTTPS public site redirects plain HTTP.
        var client = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", ct)).StatusCode);   // starts the host, seeds the demo

        List<Article> articles;
        await using (var db = app.Database.CreateContext())
        {
            articles = await db.Articles.AsNoTracking().VisibleAt(DateTime.UtcNow)
                .Include(a => a.Category).Include(a => a.LeadImage).Include(a => a.Tags)
                .OrderBy(a => a.Id).ToListAsync(ct);
        }

        Assert.True(articles.Count >= 10, $"the demo should publish a real set of articles, found {articles.Count}");
        var parser = new HtmlParser();
        var imageSizes = new Dictionary<string, (int, int)>();
        var failures = new List<string>();
        foreach (var article in articles)
        {
            var html = await client.GetStringAsync("/tin-tuc/" + article.Slug, ct);
            using var doc = parser.ParseDocument(html);
            try
            {
                await CheckArticleAsync(article, doc, client, imageSizes, ct);
            }
            catch (Exception ex) when (ex is Xunit.Sdk.XunitException or InvalidOperationException or KeyNotFoundException or JsonException)
            {
                failures.Add($"{article.Slug}: {ex.Message}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static async Task CheckArticleAsync(Article article, IHtmlDocument doc, HttpClient client, Dictionary<string, (int, int)> imageSizes, CancellationToken ct)
    {
        var url = $"{Base}/tin-tuc/{article.Slug}";
        string Meta(string key) =>
            doc.Head!.QuerySelectorAll($"meta[property='{key}'], meta[name='{key}']").Select(m => m.GetAttribute("content")).SingleOrDefault()
            ?? throw new Xunit.Sdk.XunitException($"missing {key}");

        Assert.Equal([url], doc.Head!.QuerySelectorAll("link[rel=canonical]").Select(l => l.GetAttribute("href")));
        Assert.Equal(article.Title, Meta("og:title"));
        Assert.Equal(article.Summary, Meta("og:description"));
        Assert.False(string.IsNullOrWhiteSpace(article.Summary), "no sapo");
        Assert.Equal(url, Meta("og:url"));
        Assert.Equal("article", Meta("og:type"));
        Assert.Equal("vi_VN", Meta("og:locale"));
        Assert.False(string.IsNullOrWhiteSpace(Meta("og:site_name")));
        Assert.Equal(article.Category.Name, Meta("article:section"));

        var image = Meta("og:image");
        Assert.StartsWith(Base + "/", image);
        var width = int.Parse(Meta("og:image:width"));
        var height = int.Parse(Meta("og:image:height"));
        Assert.True(width >= 600, $"og:image is {width} px wide");
        if (!imageSizes.TryGetValue(image, out var actual))
        {
            // The picture exists and really has the size the tags announce.
            var bytes = await client.GetByteArrayAsync(new Uri(image).PathAndQuery, ct);
            using var codec = SKCodec.Create(new MemoryStream(bytes)) ?? throw new Xunit.Sdk.XunitException($"{image} is not an image");
            imageSizes[image] = actual = (codec.Info.Width, codec.Info.Height);
        }

        Assert.Equal(actual, (width, height));
        if (article.LeadImage is { } lead && lead.Width >= 600)
        {
            Assert.Contains(lead.StoredName, image);
        }

        var published = Meta("article:published_time");
        var modified = Meta("article:modified_time");
        Assert.Matches(IsoWithOffset, published);
        Assert.Matches(IsoWithOffset, modified);
        Assert.Equal(article.PublishedAtUtc!.Value, DateTimeOffset.Parse(published).UtcDateTime, TimeSpan.FromSeconds(1));
        Assert.True(DateTimeOffset.Parse(modified) >= DateTimeOffset.Parse(published));

        Assert.Equal("summary_large_image", Meta("twitter:card"));
        Assert.Equal(article.Title, Meta("twitter:title"));
        Assert.Equal(image, Meta("twitter:image"));

        var scripts = doc.QuerySelectorAll("script[type='application/ld+json']").ToList();
        Assert.Single(scripts);
        using var json = JsonDocument.Parse(scripts[0].TextContent);
        var ld = json.RootElement;
        Assert.Equal("https://schema.org", ld.GetProperty("@context").GetString());
        Assert.Equal("NewsArticle", ld.GetProperty("@type").GetString());
        Assert.StartsWith(ld.GetProperty("headline").GetString()!.TrimEnd('…'), article.Title, StringComparison.Ordinal);
        Assert.True(ld.GetProperty("headline").GetString()!.Length <= 110);
        Assert.Equal(article.Summary, ld.GetProperty("description").GetString());
        Assert.Equal(image, ld.GetProperty("image")[0].GetProperty("url").GetString());
        Assert.Equal(published, ld.GetProperty("datePublished").GetString());
        Assert.Equal(modified, ld.GetProperty("dateModified").GetString());
        Assert.Equal(url, ld.GetProperty("mainEntityOfPage").GetProperty("@id").GetString());
        Assert.False(string.IsNullOrWhiteSpace(ld.GetProperty("author")[0].GetProperty("name").GetString()));
        var publisher = ld.GetProperty("publisher");
        Assert.Equal("Organization", publisher.GetProperty("@type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(publisher.GetProperty("name").GetString()));
        var logo = publisher.GetProperty("logo").GetProperty("url").GetString()!;
        Assert.StartsWith(Base + "/", logo);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(logo).PathAndQuery, ct)).StatusCode);
    }

    [Fact]
    public async Task CategoryPage_AdvertisesItsOwnFeeds_AndPagingKeepsACleanCanonical()
    {
        await using var app = await PortalAppFactory.CreateAsync(settings: new Dictionary<string, string?> { ["PublicSite:BaseUrl"] = Base });
        var client = app.CreateClient();
        await using (var db = app.Database.CreateContext())
        {
            await ReachTestData.SeedAsync(db);
        }

        var html = await client.GetStringAsync("/chuyen-muc/do-thi?utm_source=zalo&fbclid=abc", TestContext.Current.CancellationToken);
        using var doc = new HtmlParser().ParseDocument(html);

        Assert.Equal([$"{Base}/chuyen-muc/do-thi"], doc.Head!.QuerySelectorAll("link[rel=canonical]").Select(l => l.GetAttribute("href")));
        var feeds = doc.Head.QuerySelectorAll("link[rel=alternate]").Select(l => l.GetAttribute("href")).ToList();
        Assert.Contains($"{Base}/rss", feeds);
        Assert.Contains($"{Base}/chuyen-muc/do-thi/rss", feeds);
        Assert.Contains($"{Base}/chuyen-muc/do-thi/atom", feeds);
        Assert.Equal("website", doc.Head.QuerySelector("meta[property='og:type']")!.GetAttribute("content"));
    }

    [Fact]
    public async Task OldSlug_RedirectsPermanentlyToTheCurrentArticle()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var ct = TestContext.Current.CancellationToken;
        await using (var db = app.Database.CreateContext())
        {
            var data = await ReachTestData.SeedAsync(db);
            db.ArticleSlugHistory.Add(new ArticleSlugHistory { Slug = "ten-cu-cua-bai", ArticleId = data.Public[2].Id, RetiredAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync(ct);
        }

        var response = await client.GetAsync("/tin-tuc/ten-cu-cua-bai", ct);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/tin-tuc/chinh-trang-via-he", response.Headers.Location!.OriginalString);
        SecurityHeaderTests.AssertSecurityHeaders(response);
    }
}
