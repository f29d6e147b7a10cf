using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Data;
using Q11Portal.Core.Search;
using Q11Portal.Web.Infrastructure;

namespace Q11Portal.Web.Tests.Infrastructure;

/// <summary>A node's background work drops every cached page and what pages keep in memory (the menu, the documents
/// bodies link to): the change-log poll up to a second after any change, its first round included, and the search
/// index each time it takes articles in (its rebuild at start, its catch-up with the change log). A test that fills
/// those caches and then expects them kept waits here first, or they are dropped under it.</summary>
public static class ContentChangePoll
{
    /// <summary>Until the search index's start-up work (its rebuild, which tells the caches) is over, then as
    /// <see cref="WaitUntilCaughtUpAsync"/>.</summary>
    public static async Task WaitUntilIndexedAndCaughtUpAsync(IServiceProvider services, CancellationToken ct)
    {
        var sync = services.GetServices<IHostedService>().OfType<SearchIndexSyncService>().Single();
        await sync.Prepared.WaitAsync(TimeSpan.FromSeconds(60), ct);
        await WaitUntilCaughtUpAsync(services, ct);
    }

    public static async Task WaitUntilCaughtUpAsync(IServiceProvider services, CancellationToken ct)
    {
        var poll = services.GetServices<IHostedService>().OfType<ContentChangeEvictionService>().Single();
        long latest;
        await using (var scope = services.CreateAsyncScope())
        {
            latest = await ContentChangeLog.LatestIdAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), ct);
        }

        var until = DateTime.UtcNow.AddSeconds(30);
        while (poll.SeenChangeId is not { } seen || seen < latest)
        {
            Assert.True(DateTime.UtcNow < until, $"The change-log poll saw {poll.SeenChangeId}, not {latest}, within 30 s.");
            await Task.Delay(50, ct);
        }
    }
}
