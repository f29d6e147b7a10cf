using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Categories;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;
using Q11Portal.Core.Search;
using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests.Search;

public sealed class SearchPageTests
{
    internal static async Task<Dictionary<string, int>> SeedAsync(IServiceProvider services, params (string Title, string Summary, string Body, string Category, int DaysAgo)[] items)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var categories = new Dictionary<string, Category>();
        var ids = new Dictionary<string, int>();
        var articles = new List<Article>();
        foreach (var item in items)
        {
            if (!categories.TryGetValue(item.Category, out var category))
            {
                category = new Category { Name = item.Category, Slug = Slug.From(item.Category) };
                categories[item.Category] = category;
            }

            var published = DateTime.UtcNow.AddDays(-item.DaysAgo);
            var article = new Article
            {
                Title = item.Title,
                Slug = Slug.From(item.Title),
                Summary = item.Summary,
                BodyHtml = "<p>" + WebUtility.HtmlEncode(item.Body) + "</p>",
                Category = category,
                Status = ArticleStatus.Published,
                PublishedAtUtc = published,
                CreatedAtUtc = published,
                UpdatedAtUtc = published,
            };
            db.Articles.Add(article);
            articles.Add(article);
        }

        await db.SaveChangesAsync();
        foreach (var article in articles)
        {
            ids[article.Title] = article.Id;
        }

        await scope.ServiceProvider.GetRequiredService<ArticleIndexingService>().ArticlesChangedAsync(ids.Values.ToList(), CancellationToken.None);
        return ids;
    }

    internal static readonly (string, string, string, string, int)[] Sample =
    [
        ("Quận 11 học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
            "Ban Thường vụ Quận ủy sơ kết việc học tập và làm theo Bác.",
            "Hội nghị đánh giá việc thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị tại các chi bộ.", "Hoạt động Đảng - Đoàn thể", 3),
        ("Phường 5 ra quân phòng, chống sốt xuất huyết",
            "Đoàn viên và y tế phường diệt lăng quăng tại các khu dân cư.",
            "Số ca sốt xuất huyết tăng trong mùa mưa; người dân cần đậy kín dụng cụ chứa nước.", "Y tế - Sức khỏe", 10),
        ("Khai mạc hội thao truyền thống Quận 11",
            "Hơn 500 vận động viên tham gia các môn bóng đá, cầu lông.",
            "Hội thao diễn ra trong hai tuần tại Nhà thi đấu quận.", "Văn hóa - Xã hội", 40),
    ];

    [Fact]
    public async Task Search_WithoutDiacritics_ShowsHighlightedResult()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var client = app.CreateClient();
        await SeedAsync(app.Services, Sample);

        var response = await client.GetAsync("/tim-kiem?q=lam+theo+bac", TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Tìm thấy", html);
        var marked = System.Text.RegularExpressions.Regex.Matches(html, "<mark>(.*?)</mark>").Select(m => m.Groups[1].Value).ToList();
        Assert.Contains(marked, m => m.Contains("làm theo", StringComparison.Ordinal));
        Assert.Contains("/tin-tuc/quan-11-hoc-tap-va-lam-theo-tu-tuong-dao-duc-phong-cach-ho-chi-minh", html);
        Assert.DoesNotContain("sốt xuất huyết", html);
    }

    [Fact]
    public async Task Search_CategoryAndDateFilters_NarrowTheResults()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var client = app.CreateClient();
        await SeedAsync(app.Services, Sample);
        var ct = TestContext.Current.CancellationToken;

        var all = await client.GetStringAsync("/tim-kiem?q=qu%E1%BA%ADn+11", ct);
        Assert.Contains("Khai mạc hội thao", all);
        Assert.Contains("làm theo", all);

        var byCategory = await client.GetStringAsync("/tim-kiem?q=qu%E1%BA%ADn+11&chuyen-muc=van-hoa-xa-hoi", ct);
        Assert.Contains("Khai mạc hội thao", byCategory);
        Assert.DoesNotContain("phong cách Hồ Chí Minh</", byCategory);

        var from = LocalTime.LocalDay(DateTime.UtcNow.AddDays(-20)).ToString("yyyy-MM-dd");
        var recent = await client.GetStringAsync($"/tim-kiem?q=qu%E1%BA%ADn+11&tu-ngay={from}", ct);
        Assert.DoesNotContain("Khai mạc hội thao", recent);
    }

    [Theory]
    [InlineData("/tim-kiem?q=xyzzy+khongcogi", HttpStatusCode.OK, "Không tìm thấy bài viết nào")]
    [InlineData("/tim-kiem", HttpStatusCode.OK, "Nhập từ khóa cần tìm")]
    [InlineData("/tim-kiem?q=", HttpStatusCode.OK, "Nhập từ khóa cần tìm")]
    [InlineData("/tim-kiem?q=%22%28%29%5B%5D%7B%7D%2A%3F%3A%5C%2F%5E%7E%21+AND+OR+NOT", HttpStatusCode.OK, "Không tìm thấy bài viết nào")]
    [InlineData("/tim-kiem?q=s%E1%BB%91t&page=abc", HttpStatusCode.BadRequest, "Số trang không hợp lệ")]
    [InlineData("/tim-kiem?q=s%E1%BB%91t&page=-1", HttpStatusCode.BadRequest, "Số trang không hợp lệ")]
    [InlineData("/tim-kiem?q=s%E1%BB%91t&page=99999999999999", HttpStatusCode.BadRequest, "Số trang không hợp lệ")]
    [InlineData("/tim-kiem?q=s%E1%BB%91t&page=50", HttpStatusCode.NotFound, "vượt quá số trang")]
    [InlineData("/tim-kiem?q=s%E1%BB%91t&tu-ngay=31/02/2024", HttpStatusCode.BadRequest, "“Từ ngày” không hợp lệ")]
    [InlineData("/tim-kiem?q=s%E1%BB%91t&den-ngay=hom-qua", HttpStatusCode.BadRequest, "“Đến ngày” không hợp lệ")]
    [InlineData("/tim-kiem?q=s%E1%BB%91t&tu-ngay=2024-05-01&den-ngay=2024-04-01", HttpStatusCode.BadRequest, "Khoảng thời gian không hợp lệ")]
    [InlineData("/tim-kiem?q=s%E1%BB%91t&chuyen-muc=khong-co", HttpStatusCode.BadRequest, "Chuyên mục đã chọn không tồn tại")]
    public async Task Search_OddInput_GivesAClearVietnamesePage(string url, HttpStatusCode expectedStatus, string expectedText)
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var client = app.CreateClient();
        await SeedAsync(app.Services, Sample);

        var response = await client.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(expectedStatus, response.StatusCode);
        Assert.Contains(expectedText, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Search_TenKilobyteQuery_IsCutAndAnswered()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var client = app.CreateClient();
        await SeedAsync(app.Services, Sample);

        var query = string.Concat(Enumerable.Repeat("sốt xuất huyết ", 700));
        var response = await client.GetAsync("/tim-kiem?q=" + Uri.EscapeDataString(query), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<mark>", html);
        var echoed = System.Text.RegularExpressions.Regex.Match(html, "id=\"search-q\" type=\"search\" name=\"q\" value=\"([^\"]*)\"").Groups[1].Value;
        Assert.InRange(echoed.Length, 1, SearchService.MaxQueryLength);
    }
}
