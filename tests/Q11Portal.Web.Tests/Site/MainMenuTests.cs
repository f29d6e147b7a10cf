using Q11Portal.Core.Pages;
using Q11Portal.Web.Infrastructure;
using Q11Portal.Web.Tests.Infrastructure;
using Q11Portal.Web.Tests.Sections;
using static Q11Portal.Web.Tests.Counters.CounterTestSupport;
using static Q11Portal.Web.Tests.SiteAdmin.SiteAdminTestSupport;

namespace Q11Portal.Web.Tests.Site;

/// <summary>The main menu is rendered once per menu and current link (<see cref="RenderedChrome"/>): each page still
/// marks its own link, and only its own, whichever page rendered the menu before it.</summary>
public sealed class MainMenuTests
{
    [Fact]
    public async Task EachPageMarksItsOwnLinkOnly_WhicheverPageRenderedTheMenuBefore()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        await SitePagesWebTests.AddPageAsync(app, SitePageRules.AboutSlug, "Giới thiệu", PagePlacement.MainMenu);
        var (_, article) = await AddPublishedArticleAsync(app.Database, "bai-menu-hien-tai");
        using var reader = app.RawClient();

        static string[] Current(AngleSharp.Html.Dom.IHtmlDocument page) =>
            [.. page.QuerySelectorAll(".main-nav a[aria-current=page]").Select(a => a.GetAttribute("href")!)];

        var articlePage = await PageAsync(reader, "/tin-tuc/" + article);
        Assert.Empty(Current(articlePage));
        var about = articlePage.QuerySelectorAll(".main-nav a").Single(a => a.TextContent == "Giới thiệu").GetAttribute("href")!;
        var category = articlePage.QuerySelectorAll(".main-nav a").Select(a => a.GetAttribute("href")!).First(h => h.StartsWith("/chuyen-muc/", StringComparison.Ordinal));

        // Twice over, so the second round is served from the rendered menus the first round left.
        for (var round = 0; round < 2; round++)
        {
            Assert.Equal(["/"], Current(await PageAsync(reader, "/")));
            Assert.Equal([category], Current(await PageAsync(reader, category)));
            Assert.Equal(["/van-ban"], Current(await PageAsync(reader, "/van-ban")));
            Assert.Equal(["/xem-theo-ngay"], Current(await PageAsync(reader, "/xem-theo-ngay")));
            Assert.Equal([about], Current(await PageAsync(reader, about)));
            Assert.Empty(Current(await PageAsync(reader, "/tin-tuc/" + article + "?in=1")));
        }
    }
}
