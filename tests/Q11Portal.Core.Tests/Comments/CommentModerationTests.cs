using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Comments;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;
using Q11Portal.Testing;

namespace Q11Portal.Core.Tests.Comments;

public sealed class CommentModerationTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static async Task<List<int>> AddPendingAsync(PortalDbContext db, int articleId, int count, Microsoft.Extensions.Time.Testing.FakeTimeProvider clock)
    {
        var ids = new List<int>();
        var service = CommentTestData.Service(db, clock);
        for (var i = 0; i < count; i++)
        {
            var stored = await service.StoreAsync(articleId, service.Clean(new CommentDraft($"Người đọc {i}", null, $"Ý kiến số {i}")), "192.0.2.1", TestContext.Current.CancellationToken);
            ids.Add(stored.Id);
            clock.Advance(TimeSpan.FromSeconds(30));
        }

        return ids;
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task DecideAsync_FiftyWaiting_ClearedInTwoBulkActions(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var clock = CommentTestData.Clock();
        var article = await CommentTestData.AddArticleAsync(db);
        await AddPendingAsync(db, article.Id, 50, clock);
        var moderation = CommentTestData.Moderation(db, clock);
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(50, await moderation.CountPendingAsync(ct));

        var actions = 0;
        while (await moderation.CountPendingAsync(ct) > 0)
        {
            var page = await moderation.QueueAsync(new CommentQueueFilter(CommentStatus.Pending), ct);
            var ids = page.Items.Select(i => i.Id).ToList();
            // Every third comment of a page is spam, the rest are approved: two bulk decisions per page.
            var spam = ids.Where((_, i) => i % 3 == 2).ToList();
            Assert.True((await moderation.DecideAsync(ids.Except(spam).ToList(), ModerationAction.Approve, null, "admin", ct)).Succeeded);
            Assert.True((await moderation.DecideAsync(spam, ModerationAction.Spam, "Quảng cáo", "admin", ct)).Succeeded);
            actions += 2;
        }

        Assert.Equal(4, actions);
        Assert.Equal(0, await moderation.CountPendingAsync(ct));
        Assert.Equal(50, await db.AuditEntries.CountAsync(a => a.EntityType == "Comment", ct));
        var counts = await moderation.CountByStatusAsync(ct);
        Assert.Equal(50, counts[CommentStatus.Approved] + counts[CommentStatus.Spam]);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task DecideAsync_Reject_NeedsReasonAndIsAudited(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var clock = CommentTestData.Clock();
        var article = await CommentTestData.AddArticleAsync(db);
        var ids = await AddPendingAsync(db, article.Id, 1, clock);
        var moderation = CommentTestData.Moderation(db, clock);
        var ct = TestContext.Current.CancellationToken;

        var refused = await moderation.DecideAsync(ids, ModerationAction.Reject, "  ", "admin@q11.vn", ct);
        Assert.Equal(Outcome.Invalid, refused.Outcome);
        Assert.Equal("Vui lòng ghi lý do từ chối.", refused.Message);
        Assert.Equal(CommentStatus.Pending, (await db.Comments.AsNoTracking().SingleAsync(ct)).Status);

        var done = await moderation.DecideAsync(ids, ModerationAction.Reject, "Ngôn từ thiếu văn hóa", "admin@q11.vn", ct);

        Assert.True(done.Succeeded);
        var comment = await db.Comments.AsNoTracking().SingleAsync(ct);
        Assert.Equal(CommentStatus.Rejected, comment.Status);
        Assert.Equal("admin@q11.vn", comment.ModeratedBy);
        Assert.Equal("Ngôn từ thiếu văn hóa", comment.ModerationReason);
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(ct);
        Assert.Equal(CommentAuditActions.Reject, entry.Action);
        Assert.Equal("admin@q11.vn", entry.UserName);
        Assert.Equal(ids[0].ToString(System.Globalization.CultureInfo.InvariantCulture), entry.EntityId);
        Assert.Contains("Ngôn từ thiếu văn hóa", entry.Details);
        Assert.Equal(clock.GetUtcNow().UtcDateTime, entry.AtUtc);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task DecideAsync_Delete_RemovesCommentAndItsReplies(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var clock = CommentTestData.Clock();
        var article = await CommentTestData.AddArticleAsync(db);
        var ids = await AddPendingAsync(db, article.Id, 2, clock);
        var moderation = CommentTestData.Moderation(db, clock);
        var ct = TestContext.Current.CancellationToken;
        await moderation.ReplyAsync(ids[0], "Trả lời", "admin", ct);

        var result = await moderation.DecideAsync([ids[0]], ModerationAction.Delete, null, "admin", ct);

        Assert.Equal(1, result.Value);
        Assert.Equal([ids[1]], await db.Comments.Select(c => c.Id).ToListAsync(ct));
        Assert.Contains(await db.AuditEntries.Select(a => a.Action).ToListAsync(ct), a => a == CommentAuditActions.Delete);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ReplyAsync_ToPendingApprovesIt_ToSpamIsRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var clock = CommentTestData.Clock();
        var article = await CommentTestData.AddArticleAsync(db);
        var ids = await AddPendingAsync(db, article.Id, 2, clock);
        var moderation = CommentTestData.Moderation(db, clock, CommentTestData.Options(o => o.StaffReplyName = "Ban Biên tập"));
        var ct = TestContext.Current.CancellationToken;
        await moderation.DecideAsync([ids[1]], ModerationAction.Spam, null, "admin", ct);

        Assert.True((await moderation.ReplyAsync(ids[0], "Cảm ơn ý kiến của bạn.", "admin", ct)).Succeeded);
        var spamReply = await moderation.ReplyAsync(ids[1], "x", "admin", ct);

        Assert.Equal(Outcome.Conflict, spamReply.Outcome);
        var comments = await db.Comments.AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct);
        Assert.Equal(CommentStatus.Approved, comments[0].Status);
        var reply = comments.Single(c => c.IsStaffReply);
        Assert.Equal(ids[0], reply.ParentId);
        Assert.Equal(CommentStatus.Approved, reply.Status);
        Assert.Equal("Ban Biên tập", reply.AuthorName);
        var actions = await db.AuditEntries.Select(a => a.Action).ToListAsync(ct);
        Assert.Contains(CommentAuditActions.Reply, actions);
        Assert.Contains(CommentAuditActions.Approve, actions);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task QueueAsync_FiltersByStatusArticleAndAge(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var clock = CommentTestData.Clock();
        var a = await CommentTestData.AddArticleAsync(db, "a");
        var b = await CommentTestData.AddArticleAsync(db, "b");
        var old = await AddPendingAsync(db, a.Id, 2, clock);
        clock.Advance(TimeSpan.FromDays(10));
        var recent = await AddPendingAsync(db, b.Id, 3, clock);
        var moderation = CommentTestData.Moderation(db, clock);
        var ct = TestContext.Current.CancellationToken;
        await moderation.DecideAsync([recent[0]], ModerationAction.Approve, null, "admin", ct);

        Assert.Equal(4, (await moderation.QueueAsync(new CommentQueueFilter(CommentStatus.Pending), ct)).Total);
        Assert.Equal(2, (await moderation.QueueAsync(new CommentQueueFilter(CommentStatus.Pending, b.Id), ct)).Total);
        Assert.Equal(old, (await moderation.QueueAsync(new CommentQueueFilter(CommentStatus.Pending, Age: CommentAge.Older), ct)).Items.Select(i => i.Id));
        Assert.Equal(2, (await moderation.QueueAsync(new CommentQueueFilter(CommentStatus.Pending, Age: CommentAge.LastDay), ct)).Total);
        Assert.Equal(5, (await moderation.QueueAsync(new CommentQueueFilter(null), ct)).Total);
        Assert.Equal([recent[0]], (await moderation.QueueAsync(new CommentQueueFilter(CommentStatus.Approved), ct)).Items.Select(i => i.Id));
        var articles = await moderation.ArticlesAsync(CommentStatus.Pending, ct);
        Assert.Equal([(a.Id, 2), (b.Id, 2)], articles.Select(x => (x.ArticleId, x.Count)).OrderBy(x => x.ArticleId));
    }
}
