using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Q11Portal.Core.Common;
using Q11Portal.Core.Search;
using Q11Portal.Web.Tests.Infrastructure;
using Q11Portal.Web.Tests.Search;

namespace Q11Portal.Web.Tests.Browser;

/// <summary>A resident searches from the header without diacritics, sees the matches highlighted, opens the first
/// result and finds its related articles beside it.</summary>
public sealed class SearchBrowserTests
{
    private static readonly (string, string, string, string, int)[] Stories =
    [
        .. SearchPageTests.Sample,
        ("Chi bộ khu phố 2 đăng ký làm theo Bác bằng việc làm cụ thể",
            "Mỗi đảng viên chọn một việc làm theo tấm gương đạo đức Hồ Chí Minh.",
            "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh gắn với Chỉ thị 05-CT/TW được chi bộ đưa vào sinh hoạt.", "Hoạt động Đảng - Đoàn thể", 5),
        ("Tuyên dương gương điển hình học tập và làm theo Bác năm 2024",
            "Quận tuyên dương 40 tập thể và cá nhân tiêu biểu.",
            "Các gương điển hình được khen thưởng trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.", "Văn hóa - Xã hội", 8),
    ];

    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task HeaderSearchWithoutDiacritics_HighlightsMatches_AndTheArticleShowsItsRelatedNews(int width)
    {
        await using var app = await KestrelPortalFactory.CreateAsync();
        await SearchPageTests.SeedAsync(app.Services, Stories);
        await using var browser = await Infrastructure.Browser.LaunchAsync();
        var page = await browser.NewPageAsync(width);
        await page.GotoAsync(app.BaseUrl + "/");

        var box = page.Locator("#site-search-q");
        await Assertions.Expect(box).ToBeVisibleAsync();
        await box.FillAsync("lam theo bac");
        await box.PressAsync("Enter");
        await page.WaitForURLAsync("**/tim-kiem?q=*");

        var results = page.Locator("ol.search-results li.search-result");
        await Assertions.Expect(results.First).ToBeVisibleAsync();
        var marks = await page.Locator("ol.search-results mark").AllInnerTextsAsync();
        Assert.NotEmpty(marks);
        Assert.All(marks, m => Assert.Contains(VietnameseText.Fold(m).Trim(), new[] { "lam", "theo", "bac", "lam theo", "theo bac", "lam theo bac" }));
        Assert.Contains(marks, m => m.Contains('à') || m.Contains('á'));
        await Infrastructure.Browser.ScreenshotAsync(page, $"search-no-diacritics-{width}");

        var first = results.First.Locator("h2 a");
        var title = await first.InnerTextAsync();
        await first.ClickAsync();
        await page.WaitForURLAsync("**/tin-tuc/**");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(title.Trim());

        var related = page.Locator("section.related li.related__item .related__title");
        await Assertions.Expect(related.First).ToBeVisibleAsync();
        var shown = (await related.AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
        await using var scope = app.Services.CreateAsyncScope();
        var slug = new Uri(page.Url).AbsolutePath.Split('/')[^1];
        var db = scope.ServiceProvider.GetRequiredService<Core.Data.PortalDbContext>();
        var articleId = db.Articles.Single(a => a.Slug == slug).Id;
        var stored = await scope.ServiceProvider.GetRequiredService<RelatedArticleService>().GetAsync(articleId, 6, TestContext.Current.CancellationToken);
        Assert.NotEmpty(stored);
        Assert.Equal(stored.Select(s => s.Title), shown);
        await Infrastructure.Browser.ScreenshotAsync(page, $"article-related-{width}");
    }
}
