using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Comments;
using Q11Portal.Core.Data;
using Q11Portal.Core.Users;
using Q11Portal.Testing;
using Q11Portal.Web.Tests.Infrastructure;
using StackExchange.Redis;

namespace Q11Portal.Web.Tests.Newsroom;

/// <summary>Issue 13: two nodes on one PostgreSQL database run the scheduled publisher's round at the same moment;
/// the article is published once (one audit entry, one ContentChange), through the Redis lease when Redis answers and
/// through the conditional update when it does not.</summary>
public sealed class ScheduledPublishingLeaseTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An article scheduled ahead (as an editor does) whose time then passes: due at the next round.</summary>
    private static async Task<int> AddDueArticleAsync(PortalAppFactory app)
    {
        var category = await NewsroomSite.AddCategoryAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var actor = new StaffActor("scheduler-test", "bien-tap@q11.test", Roles.Editor);
        var created = await scope.ServiceProvider.GetRequiredService<ArticleWriter>().CreateAsync(new ArticleDraft("Lịch tiếp công dân của Bí thư Quận ủy",
            "Sapo.", "<p>Nội dung hẹn giờ.</p>", category, null, null, [], "Ban biên tập", null, null), actor, Ct);
        Assert.True(created.Succeeded, created.Message);
        var id = created.Value!.ArticleId;
        var scheduled = await scope.ServiceProvider.GetRequiredService<NewsroomWorkflow>()
            .ScheduleAsync(id, created.Value.Version, actor, DateTime.UtcNow.AddHours(1), Ct);
        Assert.True(scheduled.Succeeded, scheduled.Message);
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.Articles.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.PublishedAtUtc, DateTime.UtcNow.AddMinutes(-1)), Ct);
        return id;
    }

    private static async Task<(ArticleStatus Status, int Audits, int Changes)> ReadAsync(TestDatabase database, int id)
    {
        await using var db = database.CreateContext();
        var key = id.ToString(CultureInfo.InvariantCulture);
        return (await db.Articles.Where(a => a.Id == id).Select(a => a.Status).SingleAsync(Ct),
            await db.AuditEntries.CountAsync(a => a.Action == AuditActions.ArticlePublished && a.EntityId == key && a.UserName == ScheduledPublishing.ActorName, Ct),
            await db.ContentChanges.CountAsync(c => c.EntityId == id && c.Kind == ContentChangeKind.Upserted && c.AtUtc > DateTime.UtcNow.AddMinutes(-5), Ct));
    }

    private static ScheduledPublisherService Job(PortalAppFactory app) =>
        app.Services.GetServices<IHostedService>().OfType<ScheduledPublisherService>().Single();

    [Fact]
    public async Task RunRound_TwoNodesAtOnceWithRedis_ExactlyOneRuns_ArticlePublishedOnce()
    {
        if (TestEnvironment.RedisConnection is not { } redis)
        {
            TestEnvironment.SkipOrFail("Redis is not configured (set Q11_TEST_REDIS to host:port).");
            return;
        }

        var prefix = $"q11test:{Guid.NewGuid():N}:";
        var settings = new Dictionary<string, string?> { ["Redis:Configuration"] = redis, ["Jobs:RedisKeyPrefix"] = prefix };
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql, migrate: true);
        await using var node1 = new PortalAppFactory(database, settings, ownsDatabase: false);
        await using var node2 = new PortalAppFactory(database, settings, ownsDatabase: false);
        var id = await AddDueArticleAsync(node1);
        var (job1, job2) = (Job(node1), Job(node2));

        var ran = await Task.WhenAll(job1.RunRoundNowAsync(Ct), job2.RunRoundNowAsync(Ct));
        Assert.Single(ran, r => r);
        Assert.Equal((ArticleStatus.Published, 1, 1), await ReadAsync(database, id));

        // The node that holds the lease keeps the job; the other keeps skipping its rounds.
        Assert.Equal(ran[0], await job1.RunRoundNowAsync(Ct));
        Assert.Equal(ran[1], await job2.RunRoundNowAsync(Ct));

        // The privacy clean-up has its own lease, held by one node too.
        var privacy = await Task.WhenAll(
            node1.Services.GetRequiredService<CommentPrivacyJob>().RunRoundNowAsync(Ct),
            node2.Services.GetRequiredService<CommentPrivacyJob>().RunRoundNowAsync(Ct));
        Assert.Single(privacy, r => r);

        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis);
        Assert.True(await connection.GetDatabase().KeyExistsAsync(prefix + nameof(ScheduledPublisherService)));
        await connection.GetDatabase().KeyDeleteAsync([prefix + nameof(ScheduledPublisherService), prefix + nameof(CommentPrivacyJob)]);
    }

    [Fact]
    public async Task RunRound_TwoNodesAtOnceRedisUnreachable_BothRun_ArticlePublishedOnce()
    {
        if (TestEnvironment.PostgresConnection is null)
        {
            TestEnvironment.SkipOrFail("PostgreSQL is not configured (set Q11_TEST_POSTGRES).");
            return;
        }

        // Nothing listens on port 1: the portal starts anyway (the counters' documented degraded mode).
        var settings = new Dictionary<string, string?> { ["Redis:Configuration"] = "127.0.0.1:1,connectTimeout=500,asyncTimeout=1000" };
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql, migrate: true);
        await using var node1 = new PortalAppFactory(database, settings, ownsDatabase: false);
        await using var node2 = new PortalAppFactory(database, settings, ownsDatabase: false);
        var id = await AddDueArticleAsync(node1);

        var ran = await Task.WhenAll(Job(node1).RunRoundNowAsync(Ct), Job(node2).RunRoundNowAsync(Ct));
        Assert.Equal([true, true], ran);
        Assert.Equal((ArticleStatus.Published, 1, 1), await ReadAsync(database, id));
    }
}
