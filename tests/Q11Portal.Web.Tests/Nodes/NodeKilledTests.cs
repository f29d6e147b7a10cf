using static Q11Portal.Web.Tests.Nodes.ClusterFaultSupport;

namespace Q11Portal.Web.Tests.Nodes;

/// <summary>Issue 13, must-show 3: one node killed with SIGKILL under reader load. The other node serves on through
/// nginx, and the views lost are at most those the killed node took in during its last flush interval
/// (<c>Counters:FlushInterval</c>, 2 s here; docs/counters.md, "What a crash loses").</summary>
public sealed class NodeKilledTests
{
    private static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(2);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NodeKilled_OtherServesOn_LosesAtMostOneFlushIntervalOfViews()
    {
        await using var cluster = await PortalCluster.StartAsync(Ct);
        var slug = await TwoNodeProxyTests.AddPublishedArticleAsync(cluster.Database, "Hội nghị sơ kết công tác dân vận");
        using var client = cluster.RawClient();

        await ReadAsync(cluster, client, slug, first: 0, count: 40);
        Assert.Equal(40, await WaitForViewsAsync(cluster.Database, slug, 40, TimeSpan.FromSeconds(30)));

        var beforeKill = await ReadAsync(cluster, client, slug, first: 100, count: 40);
        await cluster.KillNodeAsync(0);
        var killedAtUtc = DateTime.UtcNow;
        var after = await ReadAsync(cluster, client, slug, first: 200, count: 30);

        Assert.All(after, a => Assert.Equal(1, a.Node));
        var expectedAtMost = 40 + 40 + 30;
        var views = await WaitForViewsAsync(cluster.Database, slug, expectedAtMost, TimeSpan.FromSeconds(15));
        // What the killed node took in since its last flush: at most one interval (plus a second for the flush itself).
        var atRisk = beforeKill.Count(a => a.Node == 0 && a.AtUtc > killedAtUtc - FlushInterval - TimeSpan.FromSeconds(1));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{views} of {expectedAtMost} views counted; the killed node answered {beforeKill.Count(a => a.Node == 0)} readers just before, {atRisk} of them in its last flush interval.");
        Assert.True(views <= expectedAtMost, $"{views} views counted for {expectedAtMost} readers: a view was counted twice.");
        Assert.True(expectedAtMost - views <= atRisk,
            $"{expectedAtMost - views} views lost, but the killed node took in only {atRisk} in its last flush interval.\n{cluster.Output}");
    }
}
