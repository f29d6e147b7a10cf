using Microsoft.Playwright;
using Q11Portal.Web.Tests.Infrastructure;
using Q11Portal.Web.Tests.Reports;

namespace Q11Portal.Web.Tests.Browser;

public sealed class TopicPageBrowserTests
{
    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task TopicPage_AtPhoneAndDesktopWidth_ShowsTableAndChartsWithoutOverflow(int width)
    {
        await using var app = await KestrelPortalFactory.CreateAsync();
        await TopicPageTests.SeedAsync(app.Services);
        await using var browser = await Infrastructure.Browser.LaunchAsync();
        var page = await browser.NewPageAsync(width);

        var response = await page.GotoAsync(app.BaseUrl + "/chuyen-de/hoc-tap-va-lam-theo-bac");

        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.Locator("table.figure-table tbody tr")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("figure.figure-chart svg").First).ToBeVisibleAsync();
        await Infrastructure.Browser.ScreenshotAsync(page, $"topic-page-{width}");
        // The page itself never scrolls sideways; only the table's own region may.
        var wide = await page.EvaluateAsync<string>("() => [...document.querySelectorAll('body *')].filter(e => !e.closest('.figure-table-wrap') && e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 5).map(e => e.tagName + '.' + e.className).join(' ')");
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"page is {overflow}px wider than the {width}px viewport: {wide}");
        var chartWidth = await page.Locator("figure.figure-chart svg").First.EvaluateAsync<double>("e => e.getBoundingClientRect().width");
        Assert.InRange(chartWidth, 200, 700);
    }
}
