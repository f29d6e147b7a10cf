using Microsoft.Playwright;
using Q11Portal.Core.Users;
using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests.Browser;

/// <summary>Hồ sơ → Xác thực hai bước in Chromium: the QR code is drawn, a code from the key is accepted and the recovery
/// codes are shown; then the second sign-in step asks for a code. Screenshots at phone and desk widths.</summary>
public sealed class TwoFactorSetupBrowserTests
{
    [Fact]
    public async Task SetupPage_QrShownCodeAccepted_RecoveryCodesShownAndSignInAsksForCode()
    {
        await using var browser = await Infrastructure.Browser.LaunchAsync();
        await using var app = await KestrelPortalFactory.CreateAsync();
        var email = await Staff.CreateAsync(app, Roles.Admin);
        var page = await browser.NewPageAsync(1280);
        await Infrastructure.Browser.SignInAsync(page, app.BaseUrl, email);

        await page.GotoAsync(app.BaseUrl + TwoFactorTestSupport.SetupPage);
        var qr = page.Locator("figure.qr-code svg");
        await Assertions.Expect(qr).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var box = await qr.BoundingBoxAsync();
        Assert.InRange(box!.Width, 150, 260);
        Assert.Equal(box.Width, box.Height, 1);
        await Infrastructure.Browser.ScreenshotAsync(page, "two-factor-setup-1280");
        await page.SetViewportSizeAsync(390, 844);
        Assert.InRange((await qr.BoundingBoxAsync())!.Width, 150, 260);
        await Infrastructure.Browser.ScreenshotAsync(page, "two-factor-setup-390");

        var key = (await page.Locator("code.shared-key").GetAttributeAsync("data-key"))!.Replace(" ", string.Empty, StringComparison.Ordinal);
        await page.Locator("#Code").FillAsync(TwoFactorTestSupport.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Bật xác thực hai bước" }).ClickAsync();

        // The first POST compiles the recovery-code view: slow on busy shared cores.
        await Assertions.Expect(page.Locator(".recovery-codes li")).ToHaveCountAsync(10, new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Mã khôi phục");
        await Infrastructure.Browser.ScreenshotAsync(page, "two-factor-codes-390");
        await page.SetViewportSizeAsync(1280, 900);
        await Infrastructure.Browser.ScreenshotAsync(page, "two-factor-codes-1280");

        var phone = await browser.NewPageAsync(390);
        await phone.GotoAsync(app.BaseUrl + "/dang-nhap");
        await phone.Locator("#Email").FillAsync(email);
        await phone.Locator("#Password").FillAsync(Staff.Password);
        await phone.Locator("#Password").PressAsync("Enter");
        await phone.WaitForURLAsync(url => url.Contains("/dang-nhap/xac-thuc-hai-buoc", StringComparison.Ordinal), new() { Timeout = 60_000 });
        await Infrastructure.Browser.ScreenshotAsync(phone, "two-factor-signin-390");
        await phone.Locator("#Code").FillAsync(TwoFactorTestSupport.Code(key, 1));
        await phone.Locator("#Code").PressAsync("Enter");
        await phone.WaitForURLAsync(url => url.EndsWith("/admin", StringComparison.Ordinal), new() { Timeout = 60_000 });
    }
}
