using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Q11Portal.Core.Common;
using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests.Reach;

/// <summary>axe-core (WCAG 2 A and AA rules) in headless Chromium on the pages residents and editors use, with the
/// demo content, and a check that none of them trips the Content-Security-Policy.</summary>
public sealed class AccessibilityTests
{
    internal static readonly Dictionary<string, string?> DemoSite = new() { ["Database:SeedDemo"] = "true" };

    [Fact]
    public async Task PublicPages_AxeFindsNoSeriousViolation_AndCspIsNeverViolated()
    {
        await using var browser = await Infrastructure.Browser.LaunchAsync();
        await using var app = await KestrelPortalFactory.CreateAsync(settings: DemoSite);
        var page = await browser.NewPageAsync(1280);
        page.SetDefaultTimeout(90_000);   // the first requests compile the views; slow on a loaded CI machine
        var checks = await PageChecks.AttachAsync(page);

        await page.GotoAsync(app.BaseUrl + "/");
        var category = await page.Locator(".main-nav a[href^='/chuyen-muc/']").First.GetAttributeAsync("href");
        var article = await page.Locator("main a[href^='/tin-tuc/']").First.GetAttributeAsync("href");
        var today = LocalTime.LocalDay(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var pages = new (string Name, string Path)[]
        {
            ("home", "/"),
            ("category", category!),
            ("article-with-comment-form", article!),
            ("search", "/tim-kiem?q=qu%E1%BA%ADn"),
            ("search-no-results", "/tim-kiem?q=khongcogica"),
            ("login", "/dang-nhap"),
            ("date-archive", "/xem-theo-ngay/" + today),
            ("date-picker", "/xem-theo-ngay"),
        };

        var failures = new List<string>();
        foreach (var (name, path) in pages)
        {
            var response = await page.GotoAsync(app.BaseUrl + path);
            if (!response!.Ok)
            {
                failures.Add($"{name} {path}: HTTP {response.Status}");
                continue;
            }

            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var result = await page.RunAxe(new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
            });
            failures.AddRange(result.Violations
                .Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{name} {path}: {v.Id} ({v.Impact}) {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}"));
            await Infrastructure.Browser.ScreenshotAsync(page, "reach-a11y-" + name);
            failures.AddRange(await checks.ProblemsAsync());
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Distinct()));
    }
}
