using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Comments;
using Q11Portal.Core.Data;
using Q11Portal.Core.Users;
using Q11Portal.Testing;
using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests.Comments;

/// <summary>The moderation queue through HTTP as an admin: filters, bulk decisions, replies, audit, dashboard.</summary>
public sealed partial class CommentModerationWebTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task AddPendingAsync(PortalAppFactory app, int articleId, int count)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<CommentService>();
        for (var i = 0; i < count; i++)
        {
            await service.StoreAsync(articleId, service.Clean(new CommentDraft($"Người đọc {i + 1}", null, $"Ý kiến số {i + 1} về bài viết.")), "192.0.2.7", Ct);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task FiftyWaiting_AreClearedInTwoBulkActions_AndAudited(DatabaseProvider provider)
    {
        await using var app = await PortalAppFactory.CreateAsync(provider);
        var admin = await Staff.SignedInAsync(app, Roles.Admin);
        var (articleId, _) = await CommentTestSite.AddArticleAsync(app, TimeProvider.System, "Hội nghị tổng kết công tác dân vận");
        await AddPendingAsync(app, articleId, 50);

        var dashboard = await admin.GetStringAsync("/admin", Ct);
        Assert.Matches("<span class=\"tile-value\">50</span><span class=\"tile-title\">Bình luận chờ duyệt</span>", dashboard);

        var actions = 0;
        while (true)
        {
            var queue = await admin.GetStringAsync("/admin/comments?status=Pending", Ct);
            var ids = IdPattern().Matches(queue).Select(m => m.Groups[1].Value).ToList();
            if (ids.Count == 0)
            {
                Assert.Contains("Không có bình luận nào ở mục này.", queue);
                break;
            }

            var fields = ids.Select(id => new KeyValuePair<string, string>("ids", id))
                .Append(new("decision", "approve"))
                .Append(new("returnUrl", "/admin/comments?status=Pending"));
            var response = await Staff.PostFormAsync(admin, "/admin/comments?status=Pending", "/admin/comments/decide", fields);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            actions++;
            Assert.True(actions <= 3, "Clearing fifty comments took more than three bulk actions.");
        }

        Assert.Equal(2, actions);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Equal(50, await db.Comments.CountAsync(c => c.Status == CommentStatus.Approved, Ct));
        var audit = await db.AuditEntries.Where(a => a.Action == CommentAuditActions.Approve).ToListAsync(Ct);
        Assert.Equal(50, audit.Count);
        Assert.All(audit, a => Assert.EndsWith("@q11.test", a.UserName));
        Assert.Contains("<span class=\"tile-value\">0</span><span class=\"tile-title\">Bình luận chờ duyệt</span>", await admin.GetStringAsync("/admin", Ct));
    }

    [Fact]
    public async Task RejectWithoutReason_IsExplained_ReplyApprovesAndShowsUnderArticle()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var admin = await Staff.SignedInAsync(app, Roles.Admin);
        var (articleId, slug) = await CommentTestSite.AddArticleAsync(app, TimeProvider.System, "Lịch tiếp công dân của Bí thư Quận ủy");
        await AddPendingAsync(app, articleId, 1);
        var queue = await admin.GetStringAsync("/admin/comments", Ct);
        var id = IdPattern().Match(queue).Groups[1].Value;

        var reject = await Staff.PostFormAsync(admin, "/admin/comments", "/admin/comments/decide",
            [new("ids", id), new("decision", "reject"), new("reason", ""), new("returnUrl", "/admin/comments")]);
        Assert.Equal(HttpStatusCode.Redirect, reject.StatusCode);
        Assert.Contains("Vui lòng ghi lý do từ chối.", await admin.GetStringAsync("/admin/comments", Ct));

        var reply = await Staff.PostFormAsync(admin, $"/admin/comments/{id}", $"/admin/comments/{id}/reply", [new("body", "Ban Biên tập đã chuyển ý kiến đến Văn phòng Quận ủy.")]);
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);

        var article = await app.CreateClient().GetStringAsync($"/tin-tuc/{slug}", Ct);
        Assert.Contains("Ý kiến số 1 về bài viết.", article);
        Assert.Contains("Ban Biên tập đã chuyển ý kiến đến Văn phòng Quận ủy.", article);
        Assert.Contains("Bình luận (2)", article);
    }

    [Fact]
    public async Task Queue_IsForAdminsOnly()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var anonymous = Staff.Client(app);
        var editor = await Staff.SignedInAsync(app, Roles.Editor);

        var redirect = await anonymous.GetAsync("/admin/comments", Ct);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Contains("dang-nhap", redirect.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/admin/comments", Ct)).StatusCode);
        Assert.DoesNotContain("Bình luận chờ duyệt", await editor.GetStringAsync("/admin", Ct));
    }

    [GeneratedRegex("name=\"ids\" value=\"(\\d+)\"")]
    private static partial Regex IdPattern();
}
