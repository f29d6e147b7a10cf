using Microsoft.Playwright;
using Q11Portal.Web.Tests.Documents;
using Q11Portal.Web.Tests.Infrastructure;
using Q11Portal.Web.Tests.Search;

namespace Q11Portal.Web.Tests.Browser;

/// <summary>A reader finds Chỉ thị 05-CT/TW from "chi thi 05" typed in the header search box and in the library's
/// look-up, opens its PDF, and reaches it from a Directive 05 report's automatic link.</summary>
public sealed class DocumentLibraryBrowserTests
{
    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task Reader_FindsDirective05FromSearchLookUpAndReport_AndOpensItsPdf(int width)
    {
        await using var app = await KestrelPortalFactory.CreateAsync();
        await DocumentSeed.AddAsync(app.Services, DocumentSeed.Directive05, DocumentSeed.Conclusion01);
        await SearchPageTests.SeedAsync(app.Services,
            ("Báo cáo sơ kết thực hiện Chỉ thị 05 năm 2024", "Đảng bộ Quận 11 sơ kết một năm học tập và làm theo Bác.",
                "Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị và Kết luận số 01-KL/TW, các chi bộ đăng ký làm theo Bác.", "Hoạt động Đảng", 2));
        await using var browser = await Infrastructure.Browser.LaunchAsync();
        var page = await browser.NewPageAsync(width);

        // 1. The header search box: the documents block above the articles.
        await page.GotoAsync(app.BaseUrl + "/");
        var box = page.Locator("#site-search-q");
        await box.FillAsync("chi thi 05");
        await box.PressAsync("Enter");
        await page.WaitForURLAsync("**/tim-kiem?q=*");
        var block = page.Locator("section.doc-matches");
        await Assertions.Expect(block.Locator("a", new() { HasText = "Chỉ thị số 05-CT/TW" })).ToBeVisibleAsync();
        await Infrastructure.Browser.ScreenshotAsync(page, $"documents-search-block-{width}");
        await NoSidewaysScrollAsync(page, width);

        // 2. The library's look-up.
        await page.GotoAsync(app.BaseUrl + "/van-ban");
        await page.Locator("#doc-so").FillAsync("chi thi 05");
        await page.Locator("button.doc-filter__submit").ClickAsync();
        await page.WaitForURLAsync("**/van-ban?so=*");
        var items = page.Locator("li.doc-item");
        await Assertions.Expect(items).ToHaveCountAsync(1);
        await Infrastructure.Browser.ScreenshotAsync(page, $"documents-lookup-{width}");
        await NoSidewaysScrollAsync(page, width);
        await items.First.Locator("h2 a").ClickAsync();
        await page.WaitForURLAsync("**/van-ban/chi-thi-05-ct-tw");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Chỉ thị số 05-CT/TW");
        await Assertions.Expect(page.Locator(".doc-mentions a", new() { HasText = "Báo cáo sơ kết thực hiện Chỉ thị 05 năm 2024" })).ToBeVisibleAsync();
        await Infrastructure.Browser.ScreenshotAsync(page, $"documents-page-{width}");
        await NoSidewaysScrollAsync(page, width);

        // 3. Its PDF: served inline, so the browser's own viewer shows it.
        var pdfLink = page.Locator("a.doc-file").First;
        var href = await pdfLink.GetAttributeAsync("href");
        var pdf = await page.Context.APIRequest.GetAsync(app.BaseUrl + href);
        Assert.Equal(200, pdf.Status);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        Assert.StartsWith("inline", pdf.Headers["content-disposition"]);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await pdf.BodyAsync()));

        // 4. The Directive 05 report links to it.
        await page.GotoAsync(app.BaseUrl + "/tin-tuc/bao-cao-so-ket-thuc-hien-chi-thi-05-nam-2024");
        var link = page.Locator("a.doc-link", new() { HasText = "Chỉ thị số 05-CT/TW" });
        await Assertions.Expect(link).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("a.doc-link", new() { HasText = "Kết luận số 01-KL/TW" })).ToBeVisibleAsync();
        await Infrastructure.Browser.ScreenshotAsync(page, $"documents-report-link-{width}");
        await link.ClickAsync();
        await page.WaitForURLAsync("**/van-ban/chi-thi-05-ct-tw");
    }

    private static async Task NoSidewaysScrollAsync(IPage page, int width)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{page.Url} is {overflow}px wider than the {width}px viewport");
    }
}
