using Microsoft.Playwright;
using Q11Portal.Web.Tests.Infrastructure;
using Q11Portal.Web.Tests.Search;

namespace Q11Portal.Web.Tests.Browser;

/// <summary>On a phone, a resident picks a section and "Mới nhất" on the search page (no script needed: the form is a
/// GET to a shareable address), and the header box suggests titles as they type, usable with the keyboard.</summary>
public sealed class FilteredSearchBrowserTests
{
    [Fact]
    public async Task FilteredSearchAt390_KeepsTheFiltersInTheUrl_AndTheHeaderBoxSuggestsTitles()
    {
        await using var app = await KestrelPortalFactory.CreateAsync();
        await SearchPageTests.SeedAsync(app.Services,
        [
            .. SearchPageTests.Sample,
            ("Quận 11 ra mắt sân chơi thiếu nhi", "Sân chơi mới cho thiếu nhi Quận 11.", "Quận 11 khánh thành sân chơi.", "Văn hóa - Xã hội", 1),
        ]);
        await using var browser = await Infrastructure.Browser.LaunchAsync();
        var page = await browser.NewPageAsync(390);
        await page.GotoAsync(app.BaseUrl + "/tim-kiem");

        await page.Locator("#search-q").FillAsync("quận 11");
        await page.Locator("#search-category").SelectOptionAsync("van-hoa-xa-hoi");
        await page.Locator("#search-sort").SelectOptionAsync("moi-nhat");
        await page.Locator(".search-form__submit").ClickAsync();
        await page.WaitForURLAsync("**/tim-kiem?*chuyen-muc=van-hoa-xa-hoi*");

        Assert.Contains("sap-xep=moi-nhat", page.Url);
        var titles = (await page.Locator("ol.search-results h2").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
        Assert.Equal(["Quận 11 ra mắt sân chơi thiếu nhi", "Khai mạc hội thao truyền thống Quận 11"], titles);
        await Assertions.Expect(page.Locator(".search-summary")).ToContainTextAsync("Tìm thấy 2 kết quả");
        // Nothing wider than the phone's screen.
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        await Infrastructure.Browser.ScreenshotAsync(page, "search-filtered-390");

        var box = page.Locator("#site-search-q");
        await box.FillAsync("");
        await box.PressSequentiallyAsync("khai m");
        var option = page.Locator("#site-search-suggestions [role=option]");
        await Assertions.Expect(option.First).ToHaveTextAsync("Khai mạc hội thao truyền thống Quận 11");
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-expanded", "true");
        await Infrastructure.Browser.ScreenshotAsync(page, "search-suggest-390");
        await box.PressAsync("ArrowDown");
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-activedescendant", "site-search-option-0");
        await box.PressAsync("Enter");
        await page.WaitForURLAsync("**/tin-tuc/khai-mac-hoi-thao-truyen-thong-quan-11");
    }
}
