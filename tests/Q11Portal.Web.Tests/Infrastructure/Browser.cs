using Microsoft.Playwright;
using Q11Portal.Testing;

namespace Q11Portal.Web.Tests.Infrastructure;

/// <summary>Headless Debian Chromium driven by Playwright; nothing is downloaded. Skips the test (or fails it in CI)
/// when no Chromium is installed.</summary>
public sealed class Browser : IAsyncDisposable
{
    private readonly IPlaywright playwright;

    private Browser(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        Instance = browser;
    }

    public IBrowser Instance { get; }

    public static async Task<Browser> LaunchAsync()
    {
        var chromium = TestEnvironment.ChromiumPath;
        if (chromium is null)
        {
            TestEnvironment.SkipOrFail("Chromium is not installed (apt-get install chromium, or set Q11_CHROMIUM).");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
        return new Browser(playwright, browser);
    }

    /// <summary>A fresh context (cookies, storage) at a phone (390 px) or desktop (1280 px) width.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Instance.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        return page;
    }

    /// <summary>Saves a full-page screenshot under TestResults/artifacts/screenshots and returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var directory = Path.Combine(TestEnvironment.ArtifactsDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    /// <summary>Signs in through the login page with <see cref="Staff.Password"/> and waits for the next page.</summary>
    public static async Task SignInAsync(IPage page, string baseUrl, string email)
    {
        await page.GotoAsync(baseUrl + "/dang-nhap");
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Password").FillAsync(Staff.Password);
        await page.Locator("#Password").PressAsync("Enter");
        // Signing in hashes the password and the first admin page compiles its views: on two busy cores (the other test
        // projects run alongside) that took longer than the page's 15 s default, so the wait ends when the next page's
        // answer has arrived, with a minute's room.
        await page.WaitForURLAsync(url => !url.Contains("/dang-nhap", StringComparison.Ordinal),
            new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
    }

    public async ValueTask DisposeAsync()
    {
        await Instance.DisposeAsync();
        playwright.Dispose();
    }
}
