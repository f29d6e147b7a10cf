using Microsoft.Playwright;
using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests.Browser;

/// <summary>The resident's journey through the demo site in Chromium: home → category → article → newer/older →
/// date archive → tag, on a phone and on a desktop, saving a screenshot of each kind of page.</summary>
public sealed class ReaderJourneyTests
{
    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task ReaderJourney_HomeToTag_WorksAndFitsTheScreen(int width)
    {
        await using var browser = await Infrastructure.Browser.LaunchAsync();
        await using var app = await KestrelPortalFactory.CreateAsync(settings: new Dictionary<string, string?> { ["Database:SeedDemo"] = "true" });
        var page = await browser.NewPageAsync(width);
        page.SetDefaultTimeout(30_000);
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text + " @ " + message.Location);
            }
        };

        // Home: featured story, category blocks, sidebar.
        Assert.Equal(200, (await page.GotoAsync(app.BaseUrl + "/"))!.Status);
        await Assertions.Expect(page.Locator(".featured__title")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("header form[role=search] input[name=q]")).ToBeVisibleAsync();
        await AssertNoHorizontalOverflowAsync(page);
        await AssertImagesLoadedAsync(page);
        await Infrastructure.Browser.ScreenshotAsync(page, $"site-home-{width}");

        // Category from the main menu.
        await page.Locator("nav.main-nav a", new() { HasText = "Y tế - Sức khỏe" }).ClickAsync();
        await page.WaitForURLAsync("**/chuyen-muc/y-te-suc-khoe", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Y tế - Sức khỏe");
        Assert.True(await page.Locator(".item").CountAsync() >= 5);
        await AssertNoHorizontalOverflowAsync(page);
        await Infrastructure.Browser.ScreenshotAsync(page, $"site-category-{width}");

        // The second article of the category has both newer and older neighbours.
        var title = (await page.Locator(".item__title a").Nth(1).InnerTextAsync()).Trim();
        await page.Locator(".item__title a").Nth(1).ClickAsync();
        await page.WaitForURLAsync("**/tin-tuc/**", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Assertions.Expect(page.Locator("h1.article__title")).ToHaveTextAsync(title);
        await Assertions.Expect(page.Locator(".article-body p").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".article__meta time")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^(Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ Nhật), \d{2}/\d{2}/\d{4} - \d{2}:\d{2}$"));
        await Assertions.Expect(page.Locator(".article__views")).ToContainTextAsync("Số lượt người xem");
        await Assertions.Expect(page.Locator("#related-title")).ToHaveTextAsync("Tin liên quan");
        await AssertNoHorizontalOverflowAsync(page);
        await AssertImagesLoadedAsync(page);

        // A+ enlarges the text and is remembered on the next page; A goes back.
        await Assertions.Expect(page.Locator(".article")).ToHaveAttributeAsync("data-font-step", "0");
        var before = await BodyFontSizeAsync(page);
        await page.Locator(".font-size button", new() { HasText = "A+" }).ClickAsync();
        var bigger = await BodyFontSizeAsync(page);
        Assert.True(bigger > before, $"A+ should enlarge the text ({before} → {bigger})");
        await Infrastructure.Browser.ScreenshotAsync(page, $"site-article-{width}");

        // TIN MỚI HƠN then TIN ĐÃ ĐƯA.
        var newer = page.Locator("section[aria-labelledby=newer-title] a").Last;
        var newerTitle = (await newer.InnerTextAsync()).Trim();
        await newer.ClickAsync();
        await Assertions.Expect(page.Locator("h1.article__title")).ToHaveTextAsync(newerTitle);
        // site.js is deferred: the title can be on screen before the remembered step is applied.
        await Assertions.Expect(page.Locator(".article")).ToHaveAttributeAsync("data-font-step", "1");
        Assert.Equal(bigger, await BodyFontSizeAsync(page));
        var older = page.Locator("section[aria-labelledby=older-title] a").First;
        await Assertions.Expect(older).ToHaveTextAsync(title);
        await older.ClickAsync();
        await Assertions.Expect(page.Locator("h1.article__title")).ToHaveTextAsync(title);
        await Assertions.Expect(page.Locator(".article")).ToHaveAttributeAsync("data-font-step", "1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cỡ chữ mặc định" }).ClickAsync();
        await Assertions.Expect(page.Locator(".article")).ToHaveAttributeAsync("data-font-step", "0");
        Assert.Equal(before, await BodyFontSizeAsync(page));

        // Date archive through the sidebar's date picker, for the article's own local day.
        var iso = await page.Locator(".article__meta time").GetAttributeAsync("datetime");
        var shown = await page.Locator(".article__meta time").InnerTextAsync();
        var dayText = System.Text.RegularExpressions.Regex.Match(shown, @"\d{2}/\d{2}/\d{4}").Value;
        var day = DateOnly.ParseExact(dayText, "dd/MM/yyyy");
        Assert.False(string.IsNullOrEmpty(iso));
        await page.Locator("#side-date").FillAsync(day.ToString("yyyy-MM-dd"));
        await page.Locator(".date-form button").First.ClickAsync();
        await page.WaitForURLAsync($"**/xem-theo-ngay/{day:yyyy-MM-dd}", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Assertions.Expect(page.Locator(".item__title a", new() { HasText = title })).ToBeVisibleAsync();
        await AssertNoHorizontalOverflowAsync(page);
        await Infrastructure.Browser.ScreenshotAsync(page, $"site-date-{width}");

        // Back to the article, then one of its tags.
        await page.Locator(".item__title a", new() { HasText = title }).ClickAsync();
        // The article loaded before its tag is clicked (CI, on a loaded machine: a click during the load was lost and
        // the tag page never came).
        await page.WaitForURLAsync("**/tin-tuc/**", new() { WaitUntil = WaitUntilState.Load, Timeout = 60_000 });
        var tag = page.Locator(".article__tags a").First;
        var tagName = (await tag.InnerTextAsync()).Trim();
        await tag.ClickAsync();
        await page.WaitForURLAsync("**/tu-khoa/**", new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 60_000 });
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(tagName);
        await Assertions.Expect(page.Locator(".item__title a", new() { HasText = title })).ToBeVisibleAsync();
        await AssertNoHorizontalOverflowAsync(page);
        await Infrastructure.Browser.ScreenshotAsync(page, $"site-tag-{width}");

        Assert.True(errors.Count == 0, "Console errors: " + string.Join(" | ", errors));
    }

    [Fact]
    public async Task ArticlePage_WithoutJavaScript_StillReadsAndHidesFontButtons()
    {
        await using var browser = await Infrastructure.Browser.LaunchAsync();
        await using var app = await KestrelPortalFactory.CreateAsync(settings: new Dictionary<string, string?> { ["Database:SeedDemo"] = "true" });
        var context = await browser.Instance.NewContextAsync(new() { JavaScriptEnabled = false, ViewportSize = new() { Width = 390, Height = 900 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);

        await page.GotoAsync(app.BaseUrl + "/");
        await page.Locator(".featured__title a").ClickAsync();

        await Assertions.Expect(page.Locator(".article-body")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".font-size")).ToBeHiddenAsync();
        await page.Locator(".print-link").ClickAsync();
        await Assertions.Expect(page.Locator("body.print-view .article-body")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".site-sidebar")).ToHaveCountAsync(0);
        await context.CloseAsync();
    }

    private static Task<double> BodyFontSizeAsync(IPage page) =>
        page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.querySelector('.article-body')).fontSize)");

    private static async Task AssertNoHorizontalOverflowAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{page.Url} is {overflow}px wider than the screen");
    }

    private static async Task AssertImagesLoadedAsync(IPage page)
    {
        var broken = await page.EvaluateAsync<string[]>(
            "async () => { const imgs = [...document.images]; imgs.forEach(i => i.loading = 'eager');" +
            " await Promise.all(imgs.map(i => i.complete ? null : new Promise(r => { i.onload = i.onerror = r; })));" +
            " return imgs.filter(i => i.naturalWidth === 0).map(i => i.currentSrc || i.src); }");
        Assert.Empty(broken);
    }
}
