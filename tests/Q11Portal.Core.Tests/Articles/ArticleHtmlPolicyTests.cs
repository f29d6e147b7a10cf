using Microsoft.Extensions.Options;
using Q11Portal.Core.Articles;

namespace Q11Portal.Core.Tests.Articles;

/// <summary>Issue #15 kind 8: what a rich body may keep and where its addresses may point, as one table; every output
/// is a fixed point of the sanitizer (sanitizing it again changes nothing).</summary>
public sealed class ArticleHtmlPolicyTests
{
    private static readonly ArticleHtmlSanitizer Sanitizer = new(Options.Create(new ArticleBodyOptions { SiteBaseUrl = "https://quan11.example.vn" }));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> Bodies => new()
    {
        // Ordinary editing survives.
        { "<p><cite>Báo Nhân Dân</cite></p>", "<p><cite>Báo Nhân Dân</cite></p>" },
        { "<p style=\"text-align: center\">Giữa</p>", "<p style=\"text-align: center\">Giữa</p>" },
        { "<p style=\"text-align: justify\">Đều</p>", "<p style=\"text-align: justify\">Đều</p>" },
        { "<p><span style=\"color: #c00000\">Đỏ</span></p>", "<p><span style=\"color: rgba(192, 0, 0, 1)\">Đỏ</span></p>" },
        { "<p><span style=\"color: rgb(0, 0, 255)\">Xanh</span></p>", "<p><span style=\"color: rgba(0, 0, 255, 1)\">Xanh</span></p>" },
        { "<p><span style=\"color: transparent\">Ẩn</span></p>", "<p><span>Ẩn</span></p>" },
        { "<p><img src=\"/media/2026/06/a-800.jpg\" alt=\"A\"></p>", "<p><img src=\"/media/2026/06/a-800.jpg\" alt=\"A\"></p>" },
        { "<p><img src=\"https://quan11.example.vn/media/a.jpg\" alt=\"A\"></p>", "<p><img src=\"https://quan11.example.vn/media/a.jpg\" alt=\"A\"></p>" },
        { "<iframe src=\"https://www.youtube-nocookie.com/embed/abc\"></iframe>", "<iframe src=\"https://www.youtube-nocookie.com/embed/abc\"></iframe>" },
        { "<iframe src=\"https://player.vimeo.com/video/123\"></iframe>", "<iframe src=\"https://player.vimeo.com/video/123\"></iframe>" },
        { "<p><a href=\"tel:+842838551234\">Gọi</a> <a href=\"/tin-tuc/hoi-nghi\">Tin</a></p>", "<p><a href=\"tel:+842838551234\">Gọi</a> <a href=\"/tin-tuc/hoi-nghi\">Tin</a></p>" },

        // No reader's browser is sent elsewhere by an image.
        { "<p>a<img src=\"https://tracker.example/pixel.gif\" alt=\"x\"></p>", "<p>a</p>" },
        { "<p>a<img src=\"/media/a.jpg\" srcset=\"/media/a.jpg 1x, https://tracker.example/b.jpg 2x\" alt=\"x\"></p>", "<p>a</p>" },
        { "<p>a<img src=\"//tracker.example/media/a.jpg\" alt=\"x\"></p>", "<p>a</p>" },
        { "<p>a<img src=\"/dang-xuat\" alt=\"x\"></p>", "<p>a</p>" },
        { "<p>a<img src=\"/admin/users/1/delete\" alt=\"x\"></p>", "<p>a</p>" },
        { "<p>a<video src=\"https://tracker.example/v.mp4\"></video></p>", "<p>a</p>" },

        // Embeds only on the players' embed paths.
        { "<p>a</p><iframe src=\"https://www.youtube.com/redirect?q=https://lua-dao.example\"></iframe>", "<p>a</p>" },
        { "<p>a</p><iframe src=\"https://www.youtube.com/watch?v=abc\"></iframe>", "<p>a</p>" },
        { "<p>a</p><iframe src=\"https://player.vimeo.com.lua-dao.example/video/1\"></iframe>", "<p>a</p>" },

        // Links: no network paths, no other schemes, no non-public routes; the words stay.
        { "<p><a href=\"\\\\may-chu\\chia-se\">Thư mục</a></p>", "<p><a>Thư mục</a></p>" },
        { "<p><a href=\"file:///C:/mat.txt\">Tệp</a></p>", "<p><a>Tệp</a></p>" },
        { "<p><a href=\"//lua-dao.example/x\">Lạ</a></p>", "<p><a>Lạ</a></p>" },
        { "<p><a href=\"/dang-nhap?returnUrl=/admin\">Đăng nhập</a></p>", "<p><a>Đăng nhập</a></p>" },
        { "<p><a href=\"/tin-tuc/../admin\">Quản trị</a></p>", "<p><a>Quản trị</a></p>" },
        { "<p><a href=\"/%61dmin\">Quản trị</a></p>", "<p><a>Quản trị</a></p>" },
        { "<p><a href=\"https://quan11.example.vn/health\">Sức khỏe</a></p>", "<p><a>Sức khỏe</a></p>" },
        { "<p><a href=\" java\tscript:alert(1)\">Bẫy</a></p>", "<p><a>Bẫy</a></p>" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Sanitize_HostileOrOrdinaryBody_GivesTheExpectedFixedPoint(string html, string expected)
    {
        var clean = Sanitizer.Sanitize(html, Ct);

        Assert.Equal(expected, clean);
        Assert.Equal(clean, Sanitizer.Sanitize(clean, Ct));
    }

    [Fact]
    public void Clean_ExternalImage_IsReported_AndTheNoticeAsksForAnUpload()
    {
        var body = Sanitizer.Clean("<p>a<img src=\"https://tracker.example/p.gif\" alt=\"x\"></p>", Ct);

        Assert.Equal(["img"], body.Removed);
        Assert.Contains("hãy tải ảnh lên", ArticleHtmlSanitizer.Notice(body.Removed));
    }

    [Theory]
    [InlineData("<table><tr><td><table><tr><td>a</td></tr></table></td></tr></table><p>b</p>")]
    [InlineData("<table><caption><table><tr><td>x</td></tr></table></caption></table>")]
    [InlineData("<p><table><td>a<p>b</td></table></p>")]
    [InlineData("<ul><li><p>a<ul><li>b</ul></p></ul>")]
    public void Sanitize_NestedTableMarkup_IsStableWhenReparsed(string html)
    {
        var clean = Sanitizer.Sanitize(html, Ct);

        Assert.Equal(clean, Sanitizer.Sanitize(clean, Ct));
    }
}
