using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Categories;
using Q11Portal.Core.Comments;
using Q11Portal.Testing;
using Q11Portal.Web.Tests.Comments;
using Q11Portal.Web.Tests.Infrastructure;
using Q11Portal.Web.Tests.Newsroom;

namespace Q11Portal.Web.Tests.Nodes;

/// <summary>Issue 13, must-show 1: one site whichever node answers. nginx (Debian's package) round-robins over two
/// portal processes on one PostgreSQL and one Redis, no sticky sessions, TLS ended at nginx.</summary>
public sealed class TwoNodeProxyTests(PortalClusterFixture fixture) : IClassFixture<PortalClusterFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly PortalCluster cluster = fixture.Cluster;

    [Fact]
    public async Task StaffMember_SignsInAndPublishesAcrossBothNodes_SearchFindsItOnBothWithin5Seconds()
    {
        var categoryId = await AddCategoryAsync(cluster.Database, "Tin cụm máy chủ");
        var client = cluster.Client();
        var served = new List<int>();

        var form = await client.GetAsync("/dang-nhap", Ct);
        served.Add(cluster.NodeOf(form));
        var login = await Staff.LoginAsync(client, PortalCluster.AdminEmail, PortalCluster.AdminPassword);
        served.Add(cluster.NodeOf(login));
        Assert.True(login.StatusCode == HttpStatusCode.Redirect, $"Sign-in answered {(int)login.StatusCode}.\n{cluster.Output}");

        // Every cookie the portal sets behind TLS is Secure, the sign-in cookie and antiforgery's among them.
        var cookies = form.Headers.GetValues("Set-Cookie").Concat(login.Headers.GetValues("Set-Cookie")).ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(form.Headers, h => h.Key == "Strict-Transport-Security");

        // Round-robin: the signed-in session goes on whichever node answers each request.
        for (var i = 0; i < 4; i++)
        {
            var page = await client.GetAsync("/admin", Ct);
            served.Add(cluster.NodeOf(page));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        var title = "Hội nghị sơ kết cụm máy chủ " + Guid.NewGuid().ToString("N")[..6];
        var id = await NewsroomSite.CreateAsync(client, title, "<p>Nội dung bài viết về hội nghị sơ kết.</p>", categoryId);
        var publish = await NewsroomSite.TransitionAsync(client, id, "publish");
        served.Add(cluster.NodeOf(publish));
        Assert.True(publish.StatusCode == HttpStatusCode.Redirect, $"Publish answered {(int)publish.StatusCode}.");
        var published = DateTime.UtcNow;
        Assert.Equal([0, 1], served.Distinct().Order());

        // Each node keeps its own index and takes the change from the shared log.
        foreach (var node in cluster.NodeUrls)
        {
            using var direct = NodeClient(node);
            var found = false;
            while (!found && DateTime.UtcNow - published < TimeSpan.FromSeconds(5))
            {
                var html = await direct.GetStringAsync("/tim-kiem?q=" + Uri.EscapeDataString(title), Ct);
                found = html.Contains(title, StringComparison.Ordinal);
                if (!found)
                {
                    await Task.Delay(200, Ct);
                }
            }

            Assert.True(found, $"{node} did not find the publish within 5 s.");
        }
    }

    [Fact]
    public async Task CommentForm_LoadedFromOneNode_IsAcceptedByTheOther()
    {
        var slug = await AddPublishedArticleAsync(cluster.Database, "Người dân góp ý chỉnh trang hẻm");
        using var nodeA = NodeClient(cluster.NodeUrls[0]);
        using var nodeB = NodeClient(cluster.NodeUrls[1]);

        var token = CommentTestSite.ReadToken(await nodeA.GetStringAsync($"/tin-tuc/{slug}/binh-luan", Ct));
        var challenge = await nodeA.GetFromJsonAsync<AltchaChallenge>("/altcha/challenge", Ct);
        var altcha = AltchaService.Solve(challenge!);
        await Task.Delay(TimeSpan.FromSeconds(1.2), Ct);
        var post = await nodeB.PostAsync($"/tin-tuc/{slug}/binh-luan", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = "Trần Thị Bích",
            ["Body"] = "Đề nghị lắp thêm đèn chiếu sáng trong hẻm.",
            ["FormToken"] = token,
            ["altcha"] = altcha,
        }), Ct);

        Assert.True(post.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther, $"Node B answered {(int)post.StatusCode}: {await post.Content.ReadAsStringAsync(Ct)}");
        await using var db = cluster.Database.CreateContext();
        Assert.Equal(1, await db.Comments.CountAsync(c => c.Article.Slug == slug, Ct));
    }

    [Fact]
    public async Task Image_UploadedThroughTheProxy_IsServedByBothNodes()
    {
        var client = cluster.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await Staff.LoginAsync(client, PortalCluster.AdminEmail, PortalCluster.AdminPassword)).StatusCode);
        var token = await Staff.AntiforgeryTokenAsync(client, "/admin/media");
        var file = new ByteArrayContent(TestFiles.Image(1200, 800));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        var upload = await client.PostAsync("/admin/media/upload", new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { file, "file", "cum-may-chu.jpg" },
            { new StringContent("Ảnh hội nghị"), "altText" },
            { new StringContent("Chú thích"), "caption" },
        }, Ct);
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);

        await using var db = cluster.Database.CreateContext();
        var stored = await db.MediaFiles.SingleAsync(m => m.AltText == "Ảnh hội nghị", Ct);
        var html = await client.GetStringAsync("/admin/media", Ct);
        var url = System.Text.RegularExpressions.Regex.Match(html, "(/media/[^\"' ]+\\.(?:jpg|webp))").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(url), "The media library page shows no image address.");

        foreach (var node in cluster.NodeUrls)
        {
            using var direct = NodeClient(node);
            var image = await direct.GetAsync(url, Ct);
            Assert.True(image.StatusCode == HttpStatusCode.OK, $"{node}{url} answered {(int)image.StatusCode} for media {stored.Id}.");
            Assert.StartsWith("image/", image.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task ReaderAddress_SeenByThePortal_IsTheClientsNotTheProxys()
    {
        var client = cluster.Client();
        var failed = await Staff.LoginAsync(client, PortalCluster.AdminEmail, "khong-dung-mat-khau");
        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);

        await using var db = cluster.Database.CreateContext();
        var details = await db.AuditEntries.Where(a => a.Action == Core.Audit.AuditActions.LoginFailed).Select(a => a.Details).ToListAsync(Ct);
        Assert.NotEmpty(details);
        Assert.All(details, d => Assert.Contains("IP " + PortalCluster.ReaderAddress, d));
    }

    /// <summary>A request straight to one node, as nginx sends it (TLS already ended, so X-Forwarded-Proto https).</summary>
    internal static HttpClient NodeClient(string nodeUrl, CookieContainer? cookies = null)
    {
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = cookies is not null, CookieContainer = cookies ?? new CookieContainer() };
        var client = new HttpClient(handler) { BaseAddress = new Uri(nodeUrl), Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        return client;
    }

    internal static async Task<int> AddCategoryAsync(TestDatabase database, string name)
    {
        await using var db = database.CreateContext();
        var category = new Category { Name = name, Slug = Core.Common.Slug.From(name) + "-" + Guid.NewGuid().ToString("N")[..6] };
        db.Categories.Add(category);
        await db.SaveChangesAsync();
        return category.Id;
    }

    internal static async Task<string> AddPublishedArticleAsync(TestDatabase database, string title, int? categoryId = null)
    {
        categoryId ??= await AddCategoryAsync(database, "Dân vận");
        await using var db = database.CreateContext();
        var slug = Core.Common.Slug.From(title) + "-" + Guid.NewGuid().ToString("N")[..6];
        var now = DateTime.UtcNow.AddMinutes(-1);
        db.Articles.Add(new Article
        {
            Title = title,
            Slug = slug,
            Summary = "Tóm tắt.",
            BodyHtml = "<p>Nội dung.</p>",
            CategoryId = categoryId.Value,
            Status = ArticleStatus.Published,
            PublishedAtUtc = now,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        });
        await db.SaveChangesAsync();
        return slug;
    }
}
