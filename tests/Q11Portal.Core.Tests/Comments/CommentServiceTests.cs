using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Comments;
using Q11Portal.Core.Data;
using Q11Portal.Testing;

namespace Q11Portal.Core.Tests.Comments;

public sealed class CommentServiceTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    [Fact]
    public void Clean_ReportsEveryLimitInVietnamese()
    {
        var clock = CommentTestData.Clock();
        using var db = new PortalDbContext(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite("Data Source=:memory:").Options);
        var service = CommentTestData.Service(db, clock);

        var empty = service.Clean(new CommentDraft(" ", "khong-hop-le", "\0\u202E "));
        Assert.Equal("Vui lòng nhập họ tên.", empty.Errors[CommentService.NameField]);
        Assert.StartsWith("Địa chỉ email không hợp lệ", empty.Errors[CommentService.EmailField]);
        Assert.Equal("Vui lòng nhập nội dung bình luận.", empty.Errors[CommentService.BodyField]);

        var huge = service.Clean(new CommentDraft(new string('A', 101), null, new string('x', 1024 * 1024)));
        Assert.Contains("tối đa 100 ký tự", huge.Errors[CommentService.NameField]);
        Assert.Contains("1.048.576", huge.Errors[CommentService.BodyField]);

        var fine = service.Clean(new CommentDraft("Trần Văn Bình", "", "Bài viết rất hữu ích."));
        Assert.True(fine.IsValid);
        Assert.Null(fine.Email);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task StoreAsync_NewComment_WaitsAndIsNotPublic(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var clock = CommentTestData.Clock();
        var article = await CommentTestData.AddArticleAsync(db);
        var service = CommentTestData.Service(db, clock);

        var stored = await service.StoreAsync(article.Id, service.Clean(new CommentDraft("Lê Thị Hoa", "hoa@example.vn", "Xin hỏi lịch tiếp dân?")), "203.0.113.9", TestContext.Current.CancellationToken);

        Assert.Equal(CommentStatus.Pending, stored.Status);
        Assert.Empty(await service.ListApprovedAsync(article.Id, TestContext.Current.CancellationToken));
        var row = await db.Comments.AsNoTracking().SingleAsync(c => c.Id == stored.Id, TestContext.Current.CancellationToken);
        Assert.Equal("203.0.113.9", row.ClientAddress);
        Assert.NotNull(row.ClientHash);
        Assert.DoesNotContain("203.0.113.9", row.ClientHash);
        Assert.Equal("hoa@example.vn", row.AuthorEmail);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task StoreAsync_BlockedWordOrLinks_GoesToSpamNotQueue(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var clock = CommentTestData.Clock();
        var article = await CommentTestData.AddArticleAsync(db);
        var service = CommentTestData.Service(db, clock, CommentTestData.Options(o => { o.BlockedWords = ["casino"]; o.MaxLinks = 1; }));

        var blocked = await service.StoreAsync(article.Id, service.Clean(new CommentDraft("A", null, "Chơi Cásino đi")), null, TestContext.Current.CancellationToken);
        var links = await service.StoreAsync(article.Id, service.Clean(new CommentDraft("B", null, "https://a.vn https://b.vn")), null, TestContext.Current.CancellationToken);

        Assert.Equal(CommentStatus.Spam, blocked.Status);
        Assert.Equal(CommentStatus.Spam, links.Status);
        Assert.Equal(0, await db.Comments.CountAsync(c => c.Status == CommentStatus.Pending, TestContext.Current.CancellationToken));
        Assert.Contains("casino", (await db.Comments.SingleAsync(c => c.Id == blocked.Id, TestContext.Current.CancellationToken)).ModerationReason);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task StoreAsync_RetentionZero_KeepsNoClearAddress(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var article = await CommentTestData.AddArticleAsync(db);
        var service = CommentTestData.Service(db, CommentTestData.Clock(), CommentTestData.Options(o => o.ClientAddressRetentionDays = 0));

        var stored = await service.StoreAsync(article.Id, service.Clean(new CommentDraft("A", null, "Nội dung")), "198.51.100.1", TestContext.Current.CancellationToken);

        var row = await db.Comments.AsNoTracking().SingleAsync(c => c.Id == stored.Id, TestContext.Current.CancellationToken);
        Assert.Null(row.ClientAddress);
        Assert.NotNull(row.ClientHash);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ListApprovedPageAsync_PagesTopLevelComments_KeepsRepliesWithTheirComment_AndClampsThePage(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var clock = CommentTestData.Clock();
        var article = await CommentTestData.AddArticleAsync(db);
        var service = CommentTestData.Service(db, clock);
        var moderation = CommentTestData.Moderation(db, clock);
        var ct = TestContext.Current.CancellationToken;
        var ids = new List<int>();
        for (var i = 1; i <= 5; i++)
        {
            ids.Add((await service.StoreAsync(article.Id, service.Clean(new CommentDraft($"Người {i}", null, $"Ý kiến {i}")), null, ct)).Id);
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        await moderation.DecideAsync(ids, ModerationAction.Approve, null, "admin@q11.vn", ct);
        Assert.True((await moderation.ReplyAsync(ids[2], "Trả lời người 3.", "admin@q11.vn", ct)).Succeeded);

        var second = await service.ListApprovedPageAsync(article.Id, 2, 2, ct);
        var last = await service.ListApprovedPageAsync(article.Id, 99, 2, ct);
        var first = await service.ListApprovedPageAsync(article.Id, -4, 2, ct);

        Assert.Equal(6, second.Total);
        Assert.Equal(3, second.PageCount);
        Assert.Equal(["Người 3", "Người 4"], second.Comments.Select(c => c.AuthorName));
        Assert.Equal("Trả lời người 3.", Assert.Single(second.Comments[0].Replies).Body);
        Assert.Equal(3, last.Page);
        Assert.Equal(["Người 5"], last.Comments.Select(c => c.AuthorName));
        Assert.Equal(1, first.Page);
        Assert.Equal(["Người 1", "Người 2"], first.Comments.Select(c => c.AuthorName));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ListApprovedAsync_OldestFirstWithRepliesUnderTheirComment(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var clock = CommentTestData.Clock();
        var article = await CommentTestData.AddArticleAsync(db);
        var other = await CommentTestData.AddArticleAsync(db, "bai-khac");
        var service = CommentTestData.Service(db, clock);
        var moderation = CommentTestData.Moderation(db, clock);
        var ct = TestContext.Current.CancellationToken;

        var first = await service.StoreAsync(article.Id, service.Clean(new CommentDraft("Người thứ nhất", null, "Một")), null, ct);
        clock.Advance(TimeSpan.FromMinutes(5));
        var second = await service.StoreAsync(article.Id, service.Clean(new CommentDraft("Người thứ hai", null, "Hai")), null, ct);
        clock.Advance(TimeSpan.FromMinutes(5));
        var hidden = await service.StoreAsync(article.Id, service.Clean(new CommentDraft("Chờ", null, "Ba")), null, ct);
        await service.StoreAsync(other.Id, service.Clean(new CommentDraft("Bài khác", null, "Bốn")), null, ct);

        await moderation.DecideAsync([second.Id, first.Id], ModerationAction.Approve, null, "admin@q11.vn", ct);
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True((await moderation.ReplyAsync(first.Id, "Cảm ơn bạn.", "admin@q11.vn", ct)).Succeeded);

        var thread = await service.ListApprovedAsync(article.Id, ct);

        Assert.Equal(["Người thứ nhất", "Người thứ hai"], thread.Select(c => c.AuthorName));
        var reply = Assert.Single(thread[0].Replies);
        Assert.True(reply.IsStaffReply);
        Assert.Equal("Cảm ơn bạn.", reply.Body);
        Assert.Empty(thread[1].Replies);
        Assert.DoesNotContain(thread, c => c.Id == hidden.Id);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task FindOpenArticleAsync_OnlyPublishedArticles(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var published = await CommentTestData.AddArticleAsync(db, "da-dang");
        var draft = await CommentTestData.AddArticleAsync(db, "nhap", ArticleStatus.Draft);
        var service = CommentTestData.Service(db, CommentTestData.Clock());

        Assert.NotNull(await service.FindOpenArticleAsync(published.Id, TestContext.Current.CancellationToken));
        Assert.Null(await service.FindOpenArticleAsync(draft.Id, TestContext.Current.CancellationToken));
        Assert.Null(await service.FindOpenArticleAsync(999_999, TestContext.Current.CancellationToken));
        Assert.Equal(published.Id, (await service.FindOpenArticleAsync("da-dang", TestContext.Current.CancellationToken))?.Id);
        Assert.Null(await service.FindOpenArticleAsync("nhap", TestContext.Current.CancellationToken));
    }
}
