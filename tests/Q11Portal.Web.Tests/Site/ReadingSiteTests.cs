using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Categories;
using Q11Portal.Core.Data;
using Q11Portal.Core.Tags;
using Q11Portal.Testing;
using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests.Site;

public sealed class ReadingSiteTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Creates a small site: two categories, a tag, articles on both sides of a local midnight, a draft.</summary>
    private static async Task<PortalAppFactory> CreateSiteAsync(DatabaseProvider provider)
    {
        var app = await PortalAppFactory.CreateAsync(provider, new Dictionary<string, string?> { ["Database:SeedDemo"] = "false" });
        _ = app.Services; // starts the host: migrations run
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var slugs = scope.ServiceProvider.GetRequiredService<ArticleSlugs>();
        var city = new Category { Name = "Đô thị", Slug = "do-thi", SortOrder = 1 };
        var health = new Category { Name = "Y tế - Sức khỏe", Slug = "y-te-suc-khoe", SortOrder = 2 };
        var tag = new Tag { Name = "Chỉnh trang đô thị", Slug = "chinh-trang-do-thi" };

        Article New(Category c, string title, DateTime utc, ArticleStatus status = ArticleStatus.Published) => new()
        {
            Title = title,
            Summary = "Tóm tắt: " + title,
            BodyHtml = "<p>Nội dung " + title + "</p>",
            Category = c,
            Status = status,
            PublishedAtUtc = utc,
            CreatedAtUtc = utc,
            UpdatedAtUtc = utc,
            ViewCount = 1234,
        };

        // 00:30 local on 1 June 2024 = 17:30 UTC on 31 May.
        var midnight = New(city, "Vỉa hè Lê Đại Hành lúc nửa đêm", new DateTime(2024, 5, 31, 17, 30, 0, DateTimeKind.Utc));
        midnight.Tags.Add(tag);
        var lateMay = New(city, "Tin cuối ngày 31 tháng 5", new DateTime(2024, 5, 31, 16, 0, 0, DateTimeKind.Utc));
        var june2 = New(city, "Tin ngày 2 tháng 6", new DateTime(2024, 6, 2, 2, 0, 0, DateTimeKind.Utc));
        june2.Tags.Add(tag);
        var other = New(health, "Tiêm chủng ở Phường 5", new DateTime(2024, 6, 1, 3, 0, 0, DateTimeKind.Utc));
        var draft = New(city, "Bản nháp chưa đăng", new DateTime(2024, 6, 1, 4, 0, 0, DateTimeKind.Utc), ArticleStatus.Draft);
        draft.Tags.Add(tag);
        foreach (var a in new[] { midnight, lateMay, june2, other, draft })
        {
            await slugs.AssignAsync(a, Ct);
            db.Articles.Add(a);
        }

        await db.SaveChangesAsync(Ct);
        return app;
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task BadAddressesAndParameters_GiveVietnamese400Or404_Never500(DatabaseProvider provider)
    {
        await using var app = await CreateSiteAsync(provider);
        var client = app.CreateClient();
        (string Url, HttpStatusCode Status, string Text)[] cases =
        [
            ("/tin-tuc/khong-co-bai-nay", HttpStatusCode.NotFound, "Bài viết không tồn tại"),
            ("/tin-tuc/ban-nhap-chua-dang", HttpStatusCode.NotFound, "Không tìm thấy trang"),
            ("/chuyen-muc/khong-co", HttpStatusCode.NotFound, "Không có chuyên mục này"),
            ("/tu-khoa/khong-co", HttpStatusCode.NotFound, "Không có từ khóa này"),
            ("/chuyen-muc/do-thi?page=-1", HttpStatusCode.BadRequest, "Số trang không hợp lệ"),
            ("/chuyen-muc/do-thi?page=0", HttpStatusCode.BadRequest, "Số trang không hợp lệ"),
            ("/chuyen-muc/do-thi?page=abc", HttpStatusCode.BadRequest, "Số trang không hợp lệ"),
            ("/chuyen-muc/do-thi?page=99999999999", HttpStatusCode.BadRequest, "Số trang không hợp lệ"),
            ("/chuyen-muc/do-thi?page=2147483647", HttpStatusCode.NotFound, "vượt quá số trang"),
            ("/chuyen-muc/do-thi?page=2", HttpStatusCode.NotFound, "vượt quá số trang"),
            ("/tu-khoa/chinh-trang-do-thi?page=abc", HttpStatusCode.BadRequest, "Số trang không hợp lệ"),
            ("/xem-theo-ngay/2023-02-30", HttpStatusCode.BadRequest, "không hợp lệ"),
            ("/xem-theo-ngay/2024-13-01", HttpStatusCode.BadRequest, "không hợp lệ"),
            ("/xem-theo-ngay/0001-01-01", HttpStatusCode.BadRequest, "không hợp lệ"),
            ("/xem-theo-ngay/9999-12-31", HttpStatusCode.BadRequest, "không hợp lệ"),
            ("/xem-theo-ngay/hom-nay", HttpStatusCode.BadRequest, "không hợp lệ"),
            ("/xem-theo-ngay/2024-06-01?page=99999999999", HttpStatusCode.BadRequest, "Số trang không hợp lệ"),
            ("/xem-theo-ngay?ngay=30/02/2023", HttpStatusCode.BadRequest, "Ngày không hợp lệ"),
            ("/xem-theo-ngay?ngay=" + new string('9', 500), HttpStatusCode.BadRequest, "Ngày không hợp lệ"),
        ];

        foreach (var (url, status, text) in cases)
        {
            var response = await client.GetAsync(url, Ct);
            var html = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(status == response.StatusCode, $"{url}: expected {status}, got {response.StatusCode}");
            Assert.Contains(text, html);
            Assert.Contains("lang=\"vi\"", html);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task OldSlug_AfterTitleChange_RedirectsPermanently(DatabaseProvider provider)
    {
        await using var app = await CreateSiteAsync(provider);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var article = db.Articles.Single(a => a.Slug == "tiem-chung-o-phuong-5");
            article.Title = "Tiêm chủng mở rộng ở Phường 5";
            await scope.ServiceProvider.GetRequiredService<ArticleSlugs>().AssignAsync(article, Ct);
            await db.SaveChangesAsync(Ct);
        }

        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync("/tin-tuc/tiem-chung-o-phuong-5?in=1", Ct);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/tin-tuc/tiem-chung-mo-rong-o-phuong-5?in=1", response.Headers.Location!.OriginalString);
        var page = await client.GetAsync("/tin-tuc/tiem-chung-mo-rong-o-phuong-5", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ListPages_ShowTheRightArticles(DatabaseProvider provider)
    {
        await using var app = await CreateSiteAsync(provider);
        var client = app.CreateClient();

        var category = await client.GetStringAsync("/chuyen-muc/do-thi", Ct);
        Assert.Contains("Vỉa hè Lê Đại Hành lúc nửa đêm", category);
        Assert.Contains("Tin ngày 2 tháng 6", category);
        Assert.DoesNotContain("Tiêm chủng ở Phường 5", category);
        Assert.DoesNotContain("Bản nháp chưa đăng", category);

        var tag = await client.GetStringAsync("/tu-khoa/chinh-trang-do-thi", Ct);
        Assert.Contains("Vỉa hè Lê Đại Hành lúc nửa đêm", tag);
        Assert.Contains("Tin ngày 2 tháng 6", tag);
        Assert.DoesNotContain("Tin cuối ngày 31 tháng 5", tag);
        Assert.DoesNotContain("Bản nháp chưa đăng", tag);

        // The 00:30 local article belongs to 01/06 although it is 31 May in UTC.
        var day = await client.GetStringAsync("/xem-theo-ngay/2024-06-01", Ct);
        Assert.Contains("Vỉa hè Lê Đại Hành lúc nửa đêm", day);
        Assert.Contains("Tiêm chủng ở Phường 5", day);
        Assert.DoesNotContain("Tin cuối ngày 31 tháng 5", day);
        Assert.DoesNotContain("Tin ngày 2 tháng 6", day);
        Assert.DoesNotContain("Bản nháp chưa đăng", day);
        Assert.Contains("Thứ Bảy, 01/06/2024", day);

        var noRedirect = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var picked = await noRedirect.GetAsync("/xem-theo-ngay?ngay=01/06/2024", Ct);
        Assert.Equal(HttpStatusCode.Redirect, picked.StatusCode);
        Assert.Equal("/xem-theo-ngay/2024-06-01", picked.Headers.Location!.OriginalString);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ArticlePage_ShowsLocalTimeBodyNeighboursAndPlaceholders(DatabaseProvider provider)
    {
        await using var app = await CreateSiteAsync(provider);
        var client = app.CreateClient();

        var html = await client.GetStringAsync("/tin-tuc/via-he-le-dai-hanh-luc-nua-dem", Ct);

        Assert.Contains("Thứ Bảy, 01/06/2024 - 00:30", html);
        Assert.Contains("class=\"article-body\"", html);
        Assert.Contains("Nội dung Vỉa hè Lê Đại Hành lúc nửa đêm", html);
        Assert.Matches("Số lượt người xem: <strong[^>]*>1.234</strong>", html);
        Assert.Contains("href=\"/tu-khoa/chinh-trang-do-thi\"", html);
        Assert.Contains("Tin mới hơn", html);
        Assert.Contains("Tin ngày 2 tháng 6", html);
        Assert.Contains("Tin đã đưa", html);
        Assert.Contains("Tin cuối ngày 31 tháng 5", html);
        Assert.Contains("Tin liên quan", html);
        Assert.Contains("action=\"/tim-kiem\"", html);
        Assert.DoesNotContain("Bản nháp chưa đăng", html);

        var print = await client.GetStringAsync("/tin-tuc/via-he-le-dai-hanh-luc-nua-dem?in=1", Ct);
        Assert.Contains("print-view", print);
        Assert.Contains("class=\"article-body\"", print);
        Assert.DoesNotContain("Tin liên quan", print);
    }

    [Fact]
    public async Task DemoContent_SeedsThirtyArticlesWithImagesReportsAndSidebar()
    {
        await using var app = await PortalAppFactory.CreateAsync(settings: new Dictionary<string, string?> { ["Database:SeedDemo"] = "true" });
        var client = app.CreateClient();

        var home = await client.GetStringAsync("/", Ct);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.True(db.Articles.Count() >= 30);
        Assert.True(db.Categories.Select(c => c.Id).Count() >= 6);
        Assert.Equal(5, db.Articles.Count(a => a.Kind == ArticleKind.Report && a.TopicId != null && a.ReviewedDocument != null && a.Figures.Count >= 3));
        Assert.Equal(1, db.Articles.Count(a => a.IsFeatured));
        Assert.All(db.Articles.Select(a => a.LeadImage!.StoredName).ToList(), name =>
            Assert.True(File.Exists(Path.Combine(app.Database.DataDirectory, "uploads", name + "-800.jpg")), name));
        Assert.Contains("Liên kết website", home);
        Assert.Contains("Video clip", home);
        Assert.Contains("Phóng sự ảnh", home);
        Assert.DoesNotContain("đã hết hạn", home);

        var image = await client.GetAsync(db.Articles.Select(a => a.LeadImage!.StoredName).First() is var n ? $"/media/{n}-480.jpg" : "", Ct);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType!.MediaType);
        Assert.Contains("immutable", image.Headers.CacheControl!.ToString());
    }
}
