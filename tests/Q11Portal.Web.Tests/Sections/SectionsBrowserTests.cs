using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Q11Portal.Core.Pages;
using Q11Portal.Core.Schedule;
using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests.Sections;

public sealed class SectionsBrowserTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Last week, this week and next week, each published with one entry that names its week.</summary>
    private static async Task SeedWeeksAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<ScheduleEditor>();
        var thisWeek = ScheduleWeekId.Containing(DateTime.UtcNow);
        foreach (var (week, name) in new[] { (thisWeek.Previous, "tuần trước"), (thisWeek, "tuần này"), (thisWeek.Next, "tuần sau") })
        {
            var id = (await editor.CreateWeekAsync(week, false, "bientap", Ct)).Value;
            foreach (var offset in new[] { 0, 2, 4 })
            {
                var added = await editor.AddEntryAsync(id, new ScheduleEntryInput(week.Monday.AddDays(offset), ScheduleSession.Morning, new TimeOnly(8, 0),
                    $"Hội nghị {name}, ngày {offset + 2}", "Đồng chí Bí thư Quận ủy", "Ban Thường vụ Quận ủy; lãnh đạo các ban xây dựng Đảng", "Hội trường Quận ủy", "Văn phòng Quận ủy"), "bientap", Ct);
                Assert.True(added.Succeeded, added.Message);
            }

            Assert.True((await editor.PublishAsync(id, "bientap", Ct)).Succeeded);
        }

        await scope.ServiceProvider.GetRequiredService<SitePageEditor>().CreateAsync(new SitePageInput("Giới thiệu", SitePageRules.AboutSlug, null,
            "<h2>Lịch sử Đảng bộ Quận 11</h2><ul><li>Ban Chấp hành<ul><li>Ban Thường vụ</li></ul></li></ul>", PagePlacement.MainMenu, 1, true), "admin", Ct);
    }

    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task Reader_MovesThroughThreeWeeks_AndOpensGioiThieuFromTheMenu(int width)
    {
        await using var app = await KestrelPortalFactory.CreateAsync();
        await SeedWeeksAsync(app.Services);
        await using var browser = await Infrastructure.Browser.LaunchAsync();
        var page = await browser.NewPageAsync(width);

        await page.GotoAsync(app.BaseUrl + "/");
        await page.Locator(".main-nav").GetByRole(AriaRole.Link, new() { Name = "Lịch công tác" }).ClickAsync();
        await Assertions.Expect(page.Locator(".schedule-table")).ToContainTextAsync("Hội nghị tuần này");
        await Assertions.Expect(page.Locator(".schedule-day.is-today .schedule__badge")).ToHaveTextAsync("Hôm nay");
        await Infrastructure.Browser.ScreenshotAsync(page, $"schedule-this-week-{width}");
        await AssertNoSidewaysScrollAsync(page, width);
        // A phone reads a list by day (no table header row); a desktop reads a table.
        Assert.Equal(width >= 768, await page.Locator(".schedule-table thead").IsVisibleAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "‹ Tuần trước" }).ClickAsync();
        await Assertions.Expect(page.Locator(".schedule-table")).ToContainTextAsync("Hội nghị tuần trước");
        await Assertions.Expect(page.Locator(".schedule-day.is-today")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Tuần sau ›" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Tuần sau ›" }).ClickAsync();
        await Assertions.Expect(page.Locator(".schedule-table")).ToContainTextAsync("Hội nghị tuần sau");
        Assert.EndsWith("/lich-cong-tac/" + ScheduleWeekId.Containing(DateTime.UtcNow).Next.UrlToken, page.Url);
        await Infrastructure.Browser.ScreenshotAsync(page, $"schedule-next-week-{width}");

        await page.Locator(".main-nav").GetByRole(AriaRole.Link, new() { Name = "Giới thiệu" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Giới thiệu");
        await Assertions.Expect(page.Locator(".site-page__body ul ul li")).ToHaveTextAsync("Ban Thường vụ");
        Assert.EndsWith("/gioi-thieu", page.Url);
        await Infrastructure.Browser.ScreenshotAsync(page, $"gioi-thieu-{width}");
        await AssertNoSidewaysScrollAsync(page, width);
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page, int width)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"page is {overflow}px wider than the {width}px viewport");
    }
}
