using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Categories;
using Q11Portal.Core.Data;
using Q11Portal.Core.Tags;
using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests.Site;

/// <summary>Markup rules of the reading pages: valid &lt;time datetime&gt;, no skipped heading level, titles isolated.</summary>
public sealed partial class ReadingMarkupTests
{
    private const string HostileTitle = "Hội nghị \u202Egnp.exe sơ kết";

    private static readonly string[] ListPages = ["/", "/chuyen-muc/do-thi", "/tu-khoa/chinh-trang", "/xem-theo-ngay/2024-06-01", "/tim-kiem?q=h%E1%BB%99i"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<PortalAppFactory> CreateSiteAsync()
    {
        var app = await PortalAppFactory.CreateAsync(settings: new Dictionary<string, string?> { ["Database:SeedDemo"] = "false" });
        _ = app.Services;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var category = new Category { Name = "Đô thị", Slug = "do-thi", SortOrder = 1 };
        var tag = new Tag { Name = "Chỉnh trang", Slug = "chinh-trang" };
        var at = new DateTime(2024, 6, 1, 3, 0, 0, 123, DateTimeKind.Utc).AddTicks(4567);
        for (var i = 0; i < 3; i++)
        {
            // Stored straight into the database, as older data may be: the pages must isolate it anyway.
            var article = new Article
            {
                Title = i == 0 ? HostileTitle : $"Tin đô thị số {i}", Slug = $"tin-do-thi-{i}", Summary = "Tóm tắt", BodyHtml = "<p>Nội dung</p>",
                Category = category, Status = ArticleStatus.Published, PublishedAtUtc = at.AddMinutes(-i), CreatedAtUtc = at, UpdatedAtUtc = at,
            };
            article.Tags.Add(tag);
            db.Articles.Add(article);
        }

        await db.SaveChangesAsync(Ct);
        return app;
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Pages_TimeDatetime_IsSecondsWithAnOffset()
    {
        await using var app = await CreateSiteAsync();
        var client = app.CreateClient();

        var values = new List<string>();
        foreach (var url in ListPages.Append("/tin-tuc/tin-do-thi-1"))
        {
            var document = await GetAsync(client, url);
            values.AddRange(document.QuerySelectorAll("time[datetime]").Select(t => t.GetAttribute("datetime")!));
        }

        Assert.NotEmpty(values);
        Assert.All(values, v => Assert.Matches(HtmlDateTime(), v));
        Assert.Contains("2024-06-01T10:00:00+07:00", values);
    }

    [Fact]
    public async Task ListPages_HeadingLevels_NeverSkip()
    {
        await using var app = await CreateSiteAsync();
        var client = app.CreateClient();

        foreach (var url in ListPages)
        {
            var document = await GetAsync(client, url);
            var levels = document.QuerySelectorAll("h1, h2, h3, h4, h5, h6").Select(h => h.LocalName[1] - '0').ToList();
            Assert.Equal(1, levels.Count(l => l == 1));
            for (var i = 1; i < levels.Count; i++)
            {
                Assert.True(levels[i] <= levels[i - 1] + 1, $"{url}: h{levels[i - 1]} followed by h{levels[i]}");
            }
        }
    }

    [Fact]
    public async Task Titles_WithARightToLeftOverride_AreIsolated()
    {
        await using var app = await CreateSiteAsync();
        var client = app.CreateClient();

        var article = await GetAsync(client, "/tin-tuc/tin-do-thi-0");
        var category = await GetAsync(client, "/chuyen-muc/do-thi");
        var home = await GetAsync(client, "/");

        Assert.Equal("auto", article.QuerySelector("h1")!.GetAttribute("dir"));
        foreach (var page in new[] { category, home })
        {
            var links = page.QuerySelectorAll("a[href='/tin-tuc/tin-do-thi-0']").Where(a => a.TextContent.Contains("gnp.exe")).ToList();
            Assert.NotEmpty(links);
            Assert.All(links, a => Assert.Equal("auto", a.GetAttribute("dir")));
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex HtmlDateTime();
}
