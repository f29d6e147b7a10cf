using System.Net;
using System.Xml.Linq;
using Q11Portal.Core.Data;
using Q11Portal.Testing;
using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests.Reach;

public sealed class SitemapTests
{
    private static readonly XNamespace Sm = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Sitemap_ListsEveryPublicArticleWithLastmod_AndNothingElse(DatabaseProvider provider)
    {
        await using var app = await PortalAppFactory.CreateAsync(provider, new Dictionary<string, string?> { ["PublicSite:BaseUrl"] = "https://quan11.example.vn/" });
        var client = app.CreateClient();
        ReachTestData data;
        await using (var db = app.Database.CreateContext())
        {
            data = await ReachTestData.SeedAsync(db);
        }

        var ct = TestContext.Current.CancellationToken;
        var response = await client.GetAsync("/sitemap.xml", ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        var doc = XDocument.Parse(await response.Content.ReadAsStringAsync(ct));   // throws when not well-formed
        Assert.Equal(Sm + "urlset", doc.Root!.Name);
        var urls = doc.Root.Elements(Sm + "url").ToDictionary(u => u.Element(Sm + "loc")!.Value, u => u.Element(Sm + "lastmod")?.Value);

        Assert.Contains("https://quan11.example.vn/", urls.Keys);
        Assert.Contains("https://quan11.example.vn/chuyen-muc/do-thi", urls.Keys);
        foreach (var article in data.Public)
        {
            var lastmod = urls[$"https://quan11.example.vn/tin-tuc/{article.Slug}"];
            Assert.NotNull(lastmod);
            var parsed = DateTimeOffset.Parse(lastmod);
            Assert.Equal(TimeSpan.FromHours(7), parsed.Offset);
            var expected = article.UpdatedAtUtc > article.PublishedAtUtc!.Value ? article.UpdatedAtUtc : article.PublishedAtUtc.Value;
            Assert.True(Math.Abs((parsed.UtcDateTime - expected).TotalSeconds) < 1, $"{article.Slug}: {lastmod}");
        }

        Assert.Equal(data.Public.Count, urls.Keys.Count(u => u.Contains("/tin-tuc/")));
        Assert.DoesNotContain(urls.Keys, u => u.EndsWith(data.Draft.Slug) || u.EndsWith(data.Scheduled.Slug));
    }

    [Fact]
    public async Task Sitemap_LargeSite_BecomesAnIndexOfFilesThatTogetherListEveryArticle()
    {
        await using var app = await PortalAppFactory.CreateAsync(settings: new Dictionary<string, string?> { ["PublicSite:SitemapPageSize"] = "4" });
        var client = app.CreateClient();
        ReachTestData data;
        await using (var db = app.Database.CreateContext())
        {
            data = await ReachTestData.SeedAsync(db, extraPublic: 7);   // 10 public articles, 3 categories
        }

        var ct = TestContext.Current.CancellationToken;
        var index = XDocument.Parse(await client.GetStringAsync("/sitemap.xml", ct));

        Assert.Equal(Sm + "sitemapindex", index.Root!.Name);
        var files = index.Root.Elements(Sm + "sitemap").Select(s => s.Element(Sm + "loc")!.Value).ToList();
        Assert.Equal(["http://localhost/sitemap-chuyen-muc.xml", "http://localhost/sitemap-bai-viet-1.xml", "http://localhost/sitemap-bai-viet-2.xml", "http://localhost/sitemap-bai-viet-3.xml"], files);
        Assert.All(index.Root.Elements(Sm + "sitemap"), s => Assert.NotNull(s.Element(Sm + "lastmod")));

        var listed = new List<string>();
        foreach (var file in files)
        {
            var part = XDocument.Parse(await client.GetStringAsync(new Uri(file).PathAndQuery, ct));
            var locs = part.Root!.Elements(Sm + "url").Select(u => u.Element(Sm + "loc")!.Value).ToList();
            Assert.InRange(locs.Count, 1, 4);
            listed.AddRange(locs);
        }

        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.Equal(
            data.Public.Select(a => "http://localhost/tin-tuc/" + a.Slug).Order(),
            listed.Where(l => l.Contains("/tin-tuc/")).Order());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/sitemap-bai-viet-4.xml", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/sitemap-bai-viet-0.xml", ct)).StatusCode);
    }

    [Fact]
    public async Task Robots_PointsAtTheSitemap_AndKeepsCrawlersOutOfAdminSearchAndPrint()
    {
        await using var app = await PortalAppFactory.CreateAsync(settings: new Dictionary<string, string?> { ["PublicSite:BaseUrl"] = "https://quan11.example.vn" });
        var client = app.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        var response = await client.GetAsync("/robots.txt", ct);
        var lines = (await response.Content.ReadAsStringAsync(ct)).Split('\n');

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("User-agent: *", lines[0]);
        Assert.Contains("Disallow: /admin", lines);
        Assert.Contains("Disallow: /tim-kiem", lines);
        Assert.Contains("Disallow: /*?in=", lines);
        Assert.Contains("Sitemap: https://quan11.example.vn/sitemap.xml", lines);
        Assert.DoesNotContain("Disallow: /", lines);
    }
}
