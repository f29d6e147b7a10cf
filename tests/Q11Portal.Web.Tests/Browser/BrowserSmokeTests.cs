using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests.Browser;

public sealed class BrowserSmokeTests
{
    [Fact]
    public async Task HomePage_InChromium_ShowsVietnameseTitle()
    {
        await using var browser = await Infrastructure.Browser.LaunchAsync();
        await using var app = await KestrelPortalFactory.CreateAsync();
        var page = await browser.NewPageAsync(390);

        var response = await page.GotoAsync(app.BaseUrl + "/");

        Assert.Equal(200, response!.Status);
        Assert.Equal("vi", await page.GetAttributeAsync("html", "lang"));
        Assert.Contains("Quận 11", await page.TitleAsync());
    }
}
