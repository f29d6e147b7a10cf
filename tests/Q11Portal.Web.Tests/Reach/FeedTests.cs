using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using Q11Portal.Core.Data;
using Q11Portal.Testing;
using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests.Reach;

public sealed class FeedTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static async Task<(PortalAppFactory App, HttpClient Client, ReachTestData Data)> StartAsync(DatabaseProvider provider)
    {
        var app = await PortalAppFactory.CreateAsync(provider, new Dictionary<string, string?> { ["PublicSite:BaseUrl"] = "https://quan11.example.vn" });
        var client = app.CreateClient();
        await using var db = app.Database.CreateContext();
        var data = await ReachTestData.SeedAsync(db);
        return (app, client, data);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Rss_SiteFeed_ParsesAndCarriesWhatRss20Requires(DatabaseProvider provider)
    {
        var (app, client, data) = await StartAsync(provider);
        await using var owned = app;
        var ct = TestContext.Current.CancellationToken;

        var response = await client.GetAsync("/rss", ct);
        var xml = await response.Content.ReadAsStringAsync(ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);

        using var reader = XmlReader.Create(new StringReader(xml));
        var formatter = new Rss20FeedFormatter();
        Assert.True(formatter.CanRead(reader));
        formatter.ReadFrom(reader);
        var feed = formatter.Feed;
        Assert.Equal(data.Public.Count, feed.Items.Count());

        // What RSS 2.0 requires, read from the raw XML rather than trusting the object model.
        var channel = XDocument.Parse(xml).Root!.Element("channel")!;
        Assert.Equal("2.0", XDocument.Parse(xml).Root!.Attribute("version")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(channel.Element("title")?.Value));
        Assert.Equal("https://quan11.example.vn/", channel.Element("link")?.Value);
        Assert.False(string.IsNullOrWhiteSpace(channel.Element("description")?.Value));
        Assert.Equal("vi", channel.Element("language")?.Value);
        Assert.Contains(channel.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self" && (string?)l.Attribute("href") == "https://quan11.example.vn/rss");

        var items = channel.Elements("item").ToList();
        Assert.Equal(data.Public.Count, items.Count);
        foreach (var item in items)
        {
            var link = item.Element("link")!.Value;
            Assert.StartsWith("https://quan11.example.vn/tin-tuc/", link);
            Assert.Equal(link, item.Element("guid")!.Value);
            Assert.False(string.IsNullOrWhiteSpace(item.Element("title")?.Value));
            Assert.False(string.IsNullOrWhiteSpace(item.Element("description")?.Value));
            // RFC 822 date with the Vietnam offset, e.g. "Mon, 01 Jun 2026 08:30:00 +0700".
            Assert.EndsWith("+0700", item.Element("pubDate")!.Value);
            Assert.True(DateTimeOffset.TryParse(item.Element("pubDate")!.Value, out _));
        }

        // Newest first; the draft and the article scheduled for tomorrow are not public yet.
        Assert.Equal(data.Public.OrderByDescending(a => a.PublishedAtUtc).Select(a => a.Title), feed.Items.Select(i => i.Title.Text));
        Assert.DoesNotContain(data.Draft.Slug, xml);
        Assert.DoesNotContain(data.Scheduled.Slug, xml);
        // Text is escaped by the formatter, never written raw.
        Assert.Contains(feed.Items, i => i.Summary.Text.Contains("<b>&</b>"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Atom_SiteFeed_ParsesAndCarriesWhatAtomRequires(DatabaseProvider provider)
    {
        var (app, client, data) = await StartAsync(provider);
        await using var owned = app;
        var ct = TestContext.Current.CancellationToken;

        var response = await client.GetAsync("/atom", ct);
        var xml = await response.Content.ReadAsStringAsync(ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        using var reader = XmlReader.Create(new StringReader(xml));
        var feed = SyndicationFeed.Load(reader);
        Assert.Equal(data.Public.Count, feed.Items.Count());

        var root = XDocument.Parse(xml).Root!;
        Assert.Equal(Atom + "feed", root.Name);
        Assert.Equal("https://quan11.example.vn/atom", root.Element(Atom + "id")?.Value);
        Assert.False(string.IsNullOrWhiteSpace(root.Element(Atom + "title")?.Value));
        Assert.EndsWith("+07:00", root.Element(Atom + "updated")!.Value);
        Assert.NotNull(root.Element(Atom + "author")?.Element(Atom + "name"));
        Assert.Contains(root.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self" && (string?)l.Attribute("href") == "https://quan11.example.vn/atom");

        var entries = root.Elements(Atom + "entry").ToList();
        Assert.Equal(data.Public.Count, entries.Count);
        foreach (var entry in entries)
        {
            Assert.StartsWith("https://quan11.example.vn/tin-tuc/", entry.Element(Atom + "id")!.Value);
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$", entry.Element(Atom + "updated")!.Value);
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$", entry.Element(Atom + "published")!.Value);
            Assert.Contains(entry.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "alternate" && ((string?)l.Attribute("href"))!.StartsWith("https://quan11.example.vn/tin-tuc/"));
            Assert.False(string.IsNullOrWhiteSpace(entry.Element(Atom + "title")?.Value));
        }

        // The first article was edited after publication: updated is later than published.
        var edited = feed.Items.Single(i => i.Title.Text == data.Public[0].Title);
        Assert.True(edited.LastUpdatedTime > edited.PublishDate);
        Assert.Equal(TimeSpan.FromHours(7), edited.PublishDate.Offset);
    }

    [Theory]
    [InlineData("rss")]
    [InlineData("atom")]
    public async Task CategoryFeed_HoldsTheCategoryAndItsSubcategoriesOnly(string format)
    {
        var (app, client, data) = await StartAsync(DatabaseProvider.Sqlite);
        await using var owned = app;
        var ct = TestContext.Current.CancellationToken;

        var response = await client.GetAsync($"/chuyen-muc/{data.Parent.Slug}/{format}", ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync(ct));
        var feed = SyndicationFeed.Load(reader);
        Assert.Contains(data.Parent.Name, feed.Title.Text);
        Assert.Equal("https://quan11.example.vn/chuyen-muc/hoat-dong-dang", feed.Links.First(l => l.RelationshipType is null or "alternate").Uri.AbsoluteUri);
        Assert.Equal(
            new[] { "Hội nghị sơ kết Chỉ thị 05-CT/TW", "Chi bộ khu phố 3 sinh hoạt chuyên đề" },
            feed.Items.Select(i => i.Title.Text));
    }

    [Fact]
    public async Task CategoryFeed_UnknownCategory_Is404()
    {
        var (app, client, _) = await StartAsync(DatabaseProvider.Sqlite);
        await using var owned = app;

        var response = await client.GetAsync("/chuyen-muc/khong-ton-tai/rss", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Feeds_EmptySite_AreStillValid()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var client = app.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        foreach (var path in new[] { "/rss", "/atom" })
        {
            using var reader = XmlReader.Create(await client.GetStreamAsync(path, ct));
            var feed = SyndicationFeed.Load(reader);
            Assert.Empty(feed.Items);
            Assert.StartsWith("http://localhost/", feed.Links[0].Uri.AbsoluteUri);
        }
    }

    [Fact]
    public async Task EveryPage_LinksTheSiteFeedsInItsHead()
    {
        var (app, client, _) = await StartAsync(DatabaseProvider.Sqlite);
        await using var owned = app;

        var html = await client.GetStringAsync("/", TestContext.Current.CancellationToken);

        Assert.Contains("<link rel=\"alternate\" type=\"application/rss+xml\"", html);
        Assert.Contains("href=\"https://quan11.example.vn/rss\"", html);
        Assert.Contains("<link rel=\"alternate\" type=\"application/atom+xml\"", html);
        Assert.Contains("href=\"https://quan11.example.vn/atom\"", html);
    }
}
