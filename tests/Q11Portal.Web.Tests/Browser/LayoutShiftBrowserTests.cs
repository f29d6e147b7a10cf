using Microsoft.Playwright;
using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests.Browser;

/// <summary>Nothing moves while a page loads: the layout shifts Chromium reports (PerformanceObserver, "layout-shift",
/// the entries behind Lighthouse's CLS) add up to at most 0.02 on the home and article pages, on a phone and a desktop,
/// through late pictures, the counters' refresh, the comments block and the sidebar. The pictures the browser chose
/// are WebP.</summary>
public sealed class LayoutShiftBrowserTests
{
    private const double MaxShift = 0.02;

    private const string Observer = """
        window.__q11Shifts = [];
        new PerformanceObserver(list => {
          for (const entry of list.getEntries()) {
            if (!entry.hadRecentInput) {
              window.__q11Shifts.push({ value: entry.value, nodes: entry.sources.map(s => s.node ? (s.node.outerHTML || s.node.nodeName).slice(0, 120) : '') });
            }
          }
        }).observe({ type: 'layout-shift', buffered: true });
        """;

    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task HomeAndArticle_WhileLoading_ShiftLessThanTwoHundredths(int width)
    {
        await using var browser = await Infrastructure.Browser.LaunchAsync();
        await using var app = await KestrelPortalFactory.CreateAsync(settings: new Dictionary<string, string?> { ["Database:SeedDemo"] = "true" });
        var page = await browser.NewPageAsync(width, 850);
        page.SetDefaultTimeout(30_000);
        await page.AddInitScriptAsync(Observer);

        await page.GotoAsync(app.BaseUrl + "/", new() { WaitUntil = WaitUntilState.NetworkIdle });
        var articleUrl = await page.Locator(".featured__title a").GetAttributeAsync("href");
        await AssertStillAsync(page, "home");

        await page.GotoAsync(app.BaseUrl + articleUrl, new() { WaitUntil = WaitUntilState.NetworkIdle });
        await AssertStillAsync(page, "article");
        var lead = await page.Locator(".article__lead img").EvaluateAsync<string>("img => img.currentSrc");
        Assert.EndsWith(".webp", lead);
    }

    /// <summary>Scrolls down the whole page (lazy pictures load on the way), waits for the network, and sums the shifts.</summary>
    private static async Task AssertStillAsync(IPage page, string name)
    {
        await page.EvaluateAsync("async () => { for (let y = 0; y < document.body.scrollHeight; y += 400) { window.scrollTo(0, y); await new Promise(r => setTimeout(r, 60)); } window.scrollTo(0, 0); }");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.WaitForTimeoutAsync(500);
        var shifts = await page.EvaluateAsync<Shift[]>("() => window.__q11Shifts");
        var total = shifts.Sum(s => s.Value);
        Assert.True(total <= MaxShift, $"{name}: layout shift {total:0.000} > {MaxShift}: " + string.Join(" | ", shifts.Select(s => $"{s.Value:0.000} {string.Join(", ", s.Nodes)}")));
    }

    private sealed record Shift(double Value, string[] Nodes);
}
