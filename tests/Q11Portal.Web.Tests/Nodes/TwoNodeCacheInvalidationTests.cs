using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Comments;
using Q11Portal.Core.Sidebar;
using Q11Portal.Web.Tests.Infrastructure;
using Q11Portal.Web.Tests.Newsroom;

namespace Q11Portal.Web.Tests.Nodes;

/// <summary>Issue 12: cached public pages on every node show a change within 5 s, whichever node (or no node: the CLI,
/// another process) made it, through the one shared change log. Two portal processes on one PostgreSQL and one Redis.</summary>
public sealed class TwoNodeCacheInvalidationTests(PortalClusterFixture fixture) : IClassFixture<PortalClusterFixture>
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(5);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly PortalCluster cluster = fixture.Cluster;

    [Fact]
    public async Task Publish_ShowsOnCachedHomeCategoryAndNeighbours_OnBothNodesWithin5Seconds()
    {
        var categoryId = await TwoNodeProxyTests.AddCategoryAsync(cluster.Database, "Tin bộ nhớ đệm");
        var older = await TwoNodeProxyTests.AddPublishedArticleAsync(cluster.Database, "Bài cũ hơn trong chuyên mục " + Guid.NewGuid().ToString("N")[..6], categoryId);
        string categorySlug;
        await using (var db = cluster.Database.CreateContext())
        {
            categorySlug = await db.Categories.Where(c => c.Id == categoryId).Select(c => c.Slug).SingleAsync(Ct);
        }

        string[] pages = ["/", "/chuyen-muc/" + categorySlug, "/tin-tuc/" + older];
        await WarmAsync(pages);

        var client = cluster.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await Staff.LoginAsync(client, PortalCluster.AdminEmail, PortalCluster.AdminPassword)).StatusCode);
        var title = "Quận 11 khánh thành trường học mới " + Guid.NewGuid().ToString("N")[..6];
        var id = await NewsroomSite.CreateAsync(client, title, "<p>Trường học mới đưa vào sử dụng.</p>", categoryId);
        var publish = await NewsroomSite.TransitionAsync(client, id, "publish");
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);

        // The older article's page lists it under "Tin mới hơn".
        await ExpectOnBothNodesAsync(pages, (page, html) => html.Contains(title, StringComparison.Ordinal)
            && (page != pages[2] || html.Contains("id=\"newer-title\"", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ApprovedComment_WrittenElsewhere_ShowsOnBothNodesWithin5Seconds()
    {
        var categoryId = await TwoNodeProxyTests.AddCategoryAsync(cluster.Database, "Góp ý");
        var slug = await TwoNodeProxyTests.AddPublishedArticleAsync(cluster.Database, "Lấy ý kiến người dân về vỉa hè " + Guid.NewGuid().ToString("N")[..6], categoryId);
        var body = "Đề nghị phường sắp xếp lại chỗ để xe trước chợ " + Guid.NewGuid().ToString("N")[..6];
        int commentId;
        await using (var db = cluster.Database.CreateContext())
        {
            var article = await db.Articles.SingleAsync(a => a.Slug == slug, Ct);
            var comment = new Comment { ArticleId = article.Id, AuthorName = "Lê Văn Tâm", Body = body, Status = CommentStatus.Pending, CreatedAtUtc = DateTime.UtcNow };
            db.Comments.Add(comment);
            await db.SaveChangesAsync(Ct);
            commentId = comment.Id;
        }

        await WarmAsync(["/tin-tuc/" + slug]);

        // Approved by Core's moderation on the shared database, as from a third process: no node evicts locally.
        await using (var db = cluster.Database.CreateContext())
        {
            var moderation = new CommentModeration(db, new AuditLog(db, TimeProvider.System, NullLogger<AuditLog>.Instance), Options.Create(new CommentOptions()), TimeProvider.System);
            Assert.True((await moderation.DecideAsync([commentId], ModerationAction.Approve, null, "bientap", Ct)).Succeeded);
        }

        await ExpectOnBothNodesAsync(["/tin-tuc/" + slug], (_, html) => html.Contains(body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SidebarBlock_ChangedElsewhere_ShowsOnBothNodesWithin5Seconds()
    {
        var categoryId = await TwoNodeProxyTests.AddCategoryAsync(cluster.Database, "Khối bên");
        var slug = await TwoNodeProxyTests.AddPublishedArticleAsync(cluster.Database, "Bài có khối bên " + Guid.NewGuid().ToString("N")[..6], categoryId);
        string[] pages = ["/", "/tin-tuc/" + slug];
        await WarmAsync(pages);

        var title = "Liên kết hữu ích " + Guid.NewGuid().ToString("N")[..6];
        var item = "Cổng dịch vụ công " + Guid.NewGuid().ToString("N")[..6];
        await using (var db = cluster.Database.CreateContext())
        {
            var sidebar = new SidebarAdminService(db, new AuditLog(db, TimeProvider.System, NullLogger<AuditLog>.Instance), TimeProvider.System);
            var block = await sidebar.CreateBlockAsync(new SidebarBlockInput(SidebarBlockKind.LinkList, title, true, null, null), "bientap", Ct);
            Assert.True(block.Succeeded, block.Message);
            Assert.True((await sidebar.AddItemAsync(block.Value, new SidebarItemInput(item, "https://dichvucong.gov.vn/", null, null, null), "bientap", Ct)).Succeeded);
        }

        await ExpectOnBothNodesAsync(pages, (_, html) => html.Contains(item, StringComparison.Ordinal));
    }

    /// <summary>Reads each page from each node until it is cached there (a second read answered with Age).</summary>
    private async Task WarmAsync(IEnumerable<string> pages)
    {
        foreach (var node in cluster.NodeUrls)
        {
            using var direct = TwoNodeProxyTests.NodeClient(node);
            foreach (var page in pages)
            {
                var cached = false;
                for (var i = 0; i < 20 && !cached; i++)
                {
                    using var response = await direct.GetAsync(page, Ct);
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    cached = response.Headers.Age is not null;
                }

                Assert.True(cached, $"{node}{page} was never answered from the output cache.");
            }
        }
    }

    private async Task ExpectOnBothNodesAsync(IReadOnlyList<string> pages, Func<string, string, bool> shows)
    {
        var changed = DateTime.UtcNow;
        foreach (var node in cluster.NodeUrls)
        {
            using var direct = TwoNodeProxyTests.NodeClient(node);
            foreach (var page in pages)
            {
                var seen = false;
                while (!seen)
                {
                    seen = shows(page, await direct.GetStringAsync(page, Ct));
                    if (!seen)
                    {
                        Assert.True(DateTime.UtcNow - changed < Within, $"{node}{page} did not show the change within 5 s.");
                        await Task.Delay(200, Ct);
                    }
                }
            }
        }
    }
}
