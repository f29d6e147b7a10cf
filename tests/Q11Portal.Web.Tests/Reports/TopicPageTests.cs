using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Data;
using Q11Portal.Testing;
using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests.Reports;

public sealed class TopicPageTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static async Task SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await TestData.SeedDirective05TopicAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TopicPage_Directive05WithThreeReports_ShowsTheirFiguresSideBySide(DatabaseProvider provider)
    {
        await using var app = await PortalAppFactory.CreateAsync(provider);
        var client = app.CreateClient();
        await SeedAsync(app.Services);

        var response = await client.GetAsync("/chuyen-de/hoc-tap-va-lam-theo-bac", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", document.QuerySelector("h1")!.TextContent.Trim());
        var table = document.QuerySelector("table.figure-table")!;
        Assert.Equal(["Chỉ tiêu", "2016–2021", "Năm 2023", "6 tháng đầu năm 2024"],
            table.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()));
        var rows = table.QuerySelectorAll("tbody tr")
            .Select(tr => tr.Children.Select(c => c.TextContent.Trim()).ToArray())
            .ToList();
        Assert.Equal(
            [
                ["Tập thể được khen thưởng (tập thể)", "310", "70", "41"],
                ["Cá nhân được khen thưởng (người)", "1.204,5", "152", "88"],
                ["Mô hình hay", "—không có số liệu", "12", "—không có số liệu"],
                ["Đảng viên mới (người)", "—không có số liệu", "—không có số liệu", "25"],
            ],
            rows);
        Assert.All(table.QuerySelectorAll("tbody th"), th => Assert.Equal("row", th.GetAttribute("scope")));

        // The chart: one accessible SVG per figure, each with a title and a description carrying the numbers.
        var charts = document.QuerySelectorAll("figure.figure-chart svg");
        Assert.Equal(4, charts.Length);
        var first = charts[0];
        Assert.Equal("img", first.GetAttribute("role"));
        Assert.Equal("Biểu đồ: Tập thể được khen thưởng (tập thể)", first.QuerySelector("title")!.TextContent);
        Assert.Equal("2016–2021: 310; Năm 2023: 70; 6 tháng đầu năm 2024: 41.", first.QuerySelector("desc")!.TextContent);
        var widths = first.QuerySelectorAll("rect").Select(r => double.Parse(r.GetAttribute("width")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(3, widths.Count);
        Assert.True(widths[0] > widths[1] && widths[1] > widths[2], string.Join(",", widths));

        // Neither the draft nor the other topic's report leaks in; the report titles link to the articles.
        Assert.DoesNotContain("Bản nháp 2025", document.Body!.TextContent);
        Assert.DoesNotContain("Báo cáo chuyển đổi số", document.Body.TextContent);
        Assert.Contains(document.QuerySelectorAll(".topic-reports a"), a => a.GetAttribute("href") == "/tin-tuc/so-ket-nam-2023");
        Assert.Empty(document.QuerySelectorAll("script:not([src])"));
    }

    [Fact]
    public async Task TopicIndex_ListsPublishedTopics_UnknownTopicIs404()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var client = app.CreateClient();
        await SeedAsync(app.Services);

        var index = await client.GetStringAsync("/chuyen-de", Ct);
        var missing = await client.GetAsync("/chuyen-de/khong-co-chuyen-de-nay", Ct);

        Assert.Contains("href=\"/chuyen-de/hoc-tap-va-lam-theo-bac\"", index);
        Assert.Contains("3 báo cáo", index);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
