using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Q11Portal.Core.Comments;
using Q11Portal.Core.Data;
using Q11Portal.Testing;

namespace Q11Portal.Core.Tests.Comments;

public sealed class CommentPrivacyTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task PrivacyJob_RemovesClearAddressesAfterRetention_KeepsHashes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = CommentTestData.Clock();
        var options = CommentTestData.Options(o => { o.ClientAddressRetentionDays = 30; o.CleanupIntervalMinutes = 60; });
        var ct = TestContext.Current.CancellationToken;
        int oldId, newId;
        await using (var db = database.CreateContext())
        {
            var article = await CommentTestData.AddArticleAsync(db);
            var service = CommentTestData.Service(db, clock, options);
            oldId = (await service.StoreAsync(article.Id, service.Clean(new CommentDraft("Cũ", null, "Bình luận cũ")), "203.0.113.1", ct)).Id;
            clock.Advance(TimeSpan.FromDays(20));
            newId = (await service.StoreAsync(article.Id, service.Clean(new CommentDraft("Mới", null, "Bình luận mới")), "203.0.113.2", ct)).Id;
            Assert.True(await new SpentTokenStore(db).TrySpendAsync([("form", "t1", clock.GetUtcNow().UtcDateTime.AddHours(1))], ct));
        }

        var services = new ServiceCollection();
        services.AddDbContext<PortalDbContext>(o => DataServiceCollectionExtensions.Configure(o, database.Options, new PortalPaths(database.DataDirectory)));
        await using var provider_ = services.BuildServiceProvider();
        using var job = new CommentPrivacyJob(provider_.GetRequiredService<IServiceScopeFactory>(), options, clock, NullLogger<CommentPrivacyJob>.Instance);

        // Day 20 and the hours after: no address is old enough yet; the spent token goes once its hour is over.
        Assert.Equal((0, 0), await job.CleanUpAsync(ct));
        clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal((0, 1), await job.CleanUpAsync(ct));
        Assert.Equal(2, await CountAddressesAsync(database, ct));

        // Day 31: the first comment's address is past 30 days; the next round removes it.
        clock.Advance(TimeSpan.FromDays(11));
        Assert.Equal((1, 0), await job.CleanUpAsync(ct));

        await using (var db = database.CreateContext())
        {
            var rows = await db.Comments.AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct);
            Assert.Null(rows.Single(c => c.Id == oldId).ClientAddress);
            Assert.NotNull(rows.Single(c => c.Id == oldId).ClientHash);
            Assert.Equal("203.0.113.2", rows.Single(c => c.Id == newId).ClientAddress);
            Assert.Equal(0, await db.SpentTokens.CountAsync(ct));
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SpentTokenStore_SecondUse_IsRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var expires = CommentTestData.Start.UtcDateTime.AddHours(1);
        await using var db1 = database.CreateContext();
        await using var db2 = database.CreateContext();

        Assert.True(await new SpentTokenStore(db1).TrySpendAsync([("form", "abc", expires), ("altcha", "xyz", expires)], ct));
        Assert.False(await new SpentTokenStore(db2).TrySpendAsync([("form", "new", expires), ("altcha", "xyz", expires)], ct));
        Assert.False(await new SpentTokenStore(db2).TrySpendAsync([("form", "abc", expires)], ct));
        Assert.True(await new SpentTokenStore(db2).TrySpendAsync([("form", "new", expires)], ct));
        Assert.True(await new SpentTokenStore(db2).TrySpendAsync([("altcha", "abc", expires)], ct));
    }

    private static async Task<int> CountAddressesAsync(TestDatabase database, CancellationToken ct)
    {
        await using var db = database.CreateContext();
        return await db.Comments.CountAsync(c => c.ClientAddress != null, ct);
    }
}
