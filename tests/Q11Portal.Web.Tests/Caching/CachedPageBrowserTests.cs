using Microsoft.Playwright;
using Q11Portal.Web.Tests.Infrastructure;
using static Q11Portal.Web.Tests.Counters.CounterTestSupport;

namespace Q11Portal.Web.Tests.Caching;

/// <summary>Issue 12: two readers' browsers on one cached article page never receive each other's visitor cookie, form
/// token or ALTCHA challenge, and the widget's script is not loaded until the form is used.</summary>
public sealed class CachedPageBrowserTests
{
    private sealed record Reader(IPage Page, List<string> Challenges, List<string> Scripts)
    {
        public bool Cached { get; init; }

        public async Task<string> VisitorCookieAsync() =>
            (await Page.Context.CookiesAsync()).Single(c => c.Name == CookieName).Value;

        public Task<string> TokenAsync() => Page.Locator("input[name=FormToken]").InputValueAsync();
    }

    private static async Task<Reader> OpenAsync(Infrastructure.Browser browser, string url)
    {
        // A reader's phone, not "HeadlessChrome" (which the counter takes for a crawler and gives no visitor cookie).
        var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 900 },
            Locale = "vi-VN",
            UserAgent = Chrome,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        var challenges = new List<string>();
        var scripts = new List<string>();
        page.Response += async (_, response) =>
        {
            if (response.Url.Contains("/altcha/challenge", StringComparison.Ordinal))
            {
                challenges.Add(await response.TextAsync());
            }
        };
        page.Request += (_, request) =>
        {
            if (request.ResourceType == "script")
            {
                scripts.Add(request.Url);
            }
        };
        var document = await page.GotoAsync(url);
        Assert.NotNull(document);
        return new Reader(page, challenges, scripts) { Cached = document.Headers.ContainsKey("age") };
    }

    [Fact]
    public async Task TwoBrowserContexts_OnCachedArticle_NeverShareCookieTokenOrChallenge()
    {
        await using var browser = await Infrastructure.Browser.LaunchAsync();
        await using var app = await KestrelPortalFactory.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["Comments:AltchaMaxNumber"] = "2000",
        });
        var (_, slug) = await AddPublishedArticleAsync(app.Database, "hai-trinh-duyet-mot-trang");
        var url = $"{app.BaseUrl}/tin-tuc/{slug}";

        var first = await OpenAsync(browser, url);
        var second = await OpenAsync(browser, url);
        Assert.True(second.Cached, "The second reader's page did not come from the output cache.");

        // Nothing of the form is fetched before it is used: no token, no challenge, no widget script.
        Assert.Equal("", await second.TokenAsync());
        Assert.Empty(second.Challenges);
        Assert.DoesNotContain(second.Scripts, s => s.Contains("/lib/altcha/", StringComparison.Ordinal));

        foreach (var reader in new[] { first, second })
        {
            await reader.Page.Locator("#comment-name").FocusAsync();
            await Assertions.Expect(reader.Page.Locator("input[name=FormToken]")).Not.ToHaveValueAsync("", new() { Timeout = 15_000 });
            await reader.Page.Locator("#comment-body").FillAsync("Góp ý của bạn đọc.");
            await reader.Page.WaitForFunctionAsync("() => document.querySelector('altcha-widget input[name=altcha]')?.value", null, new() { Timeout = 30_000 });
        }

        Assert.Contains(second.Scripts, s => s.Contains("/lib/altcha/altcha.js", StringComparison.Ordinal));
        Assert.NotEqual(await first.VisitorCookieAsync(), await second.VisitorCookieAsync());
        Assert.NotEqual(await first.TokenAsync(), await second.TokenAsync());
        Assert.NotEmpty(first.Challenges);
        Assert.NotEmpty(second.Challenges);
        Assert.Empty(first.Challenges.Intersect(second.Challenges));
    }
}
