using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Q11Portal.Web.Infrastructure.Reach;

namespace Q11Portal.Web.Tests.Reach;

public sealed class ShareMetaTests
{
    [Theory]
    [InlineData("480,800,1200", 1200, 800, "/media/a-1200.jpg", 1200, 800)]
    [InlineData("480,800", 1600, 900, "/media/a-800.jpg", 800, 450)]
    [InlineData("480", 480, 320, null, 0, 0)]      // too small for a large card: the site picture is used instead
    [InlineData("", 1200, 800, null, 0, 0)]
    public void FromRenditions_PicksTheLargestRenditionOfAtLeast600Px(string widths, int width, int height, string? url, int w, int h)
    {
        var image = ShareImage.FromRenditions("a", widths, width, height, "Ảnh");

        Assert.Equal(url, image?.Url);
        if (image is not null)
        {
            Assert.Equal((w, h), (image.Width, image.Height));
        }
    }

    [Theory]
    [InlineData(2024, 6, 1, 1, 30, "2024-06-01T08:30:00+07:00")]
    [InlineData(2024, 12, 31, 20, 0, "2025-01-01T03:00:00+07:00")]
    public void Iso_GivesVietnamTimeWithOffset(int y, int mo, int d, int hh, int mm, string expected) =>
        Assert.Equal(expected, VietnamTime.Iso(new DateTime(y, mo, d, hh, mm, 0, DateTimeKind.Utc)));

    [Fact]
    public void NewsArticle_CarriesEveryRequiredField_AndCannotCloseTheScriptElement()
    {
        var urls = new PublicUrls(Options.Create(new PublicSiteOptions { BaseUrl = "https://quan11.example.vn" }));
        var meta = new ShareMeta("Tiêu đề </script><script>alert(1)</script>", "Sapo của bài", "/tin-tuc/tieu-de")
        {
            Image = new ShareImage("/media/a-1200.jpg", 1200, 800, "Ảnh"),
            Article = new ArticleShareInfo(new DateTime(2024, 6, 1, 1, 30, 0, DateTimeKind.Utc), new DateTime(2024, 6, 2, 1, 30, 0, DateTimeKind.Utc), "Đô thị", null, ["Quận 11"]),
        };

        var json = NewsArticleJsonLd.Build(meta, urls, new DefaultHttpContext().Request);

        Assert.DoesNotContain("</script>", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<", json);
        Assert.Contains("Đô thị", json);   // Vietnamese stays readable
        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal("NewsArticle", root.GetProperty("@type").GetString());
        Assert.StartsWith("Tiêu đề </script>", root.GetProperty("headline").GetString());
        Assert.Equal("2024-06-01T08:30:00+07:00", root.GetProperty("datePublished").GetString());
        Assert.Equal("2024-06-02T08:30:00+07:00", root.GetProperty("dateModified").GetString());
        Assert.Equal("https://quan11.example.vn/media/a-1200.jpg", root.GetProperty("image")[0].GetProperty("url").GetString());
        Assert.Equal("https://quan11.example.vn/tin-tuc/tieu-de", root.GetProperty("mainEntityOfPage").GetProperty("@id").GetString());
        Assert.Equal("Organization", root.GetProperty("author")[0].GetProperty("@type").GetString());
        var publisher = root.GetProperty("publisher");
        Assert.Equal("Organization", publisher.GetProperty("@type").GetString());
        Assert.Equal("https://quan11.example.vn/img/q11-logo-512.png", publisher.GetProperty("logo").GetProperty("url").GetString());
    }

    [Theory]
    [InlineData("/chuyen-muc/do-thi", "page", "?page=2&utm_source=zalo&fbclid=x", "https://quan11.example.vn/chuyen-muc/do-thi?page=2")]
    [InlineData("/chuyen-muc/do-thi", "page", "?page=1", "https://quan11.example.vn/chuyen-muc/do-thi")]
    [InlineData("/tin-tuc/a", "in", "?in=1&zarsrc=30", "https://quan11.example.vn/tin-tuc/a")]
    [InlineData("/tim-kiem", "q,page", "?q=%C4%91%C3%B4+th%E1%BB%8B&page=3", "https://quan11.example.vn/tim-kiem?q=%C4%91%C3%B4%20th%E1%BB%8B&page=3")]
    // A page that does not read q or page is cached without them: its canonical link must not carry them either.
    [InlineData("/tin-tuc/a", "in", "?q=chen-vao&page=3", "https://quan11.example.vn/tin-tuc/a")]
    public void Canonical_KeepsOnlyContentParametersThePageReads(string path, string pageReads, string query, string expected)
    {
        var urls = new PublicUrls(Options.Create(new PublicSiteOptions { BaseUrl = "https://quan11.example.vn/" }));
        var context = new DefaultHttpContext();
        var action = new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor
        {
            Parameters = [.. pageReads.Split(',').Select(name => new Microsoft.AspNetCore.Mvc.Abstractions.ParameterDescriptor
            {
                Name = name,
                ParameterType = typeof(string),
                BindingInfo = new Microsoft.AspNetCore.Mvc.ModelBinding.BindingInfo { BindingSource = Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Query },
            })],
        };
        context.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(action), path));
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);

        Assert.Equal(expected, urls.Canonical(context.Request));
    }
}
