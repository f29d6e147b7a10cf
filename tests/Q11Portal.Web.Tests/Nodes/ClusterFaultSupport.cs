using System.Net;
using Microsoft.EntityFrameworkCore;
using Q11Portal.Testing;
using static Q11Portal.Web.Tests.Counters.CounterTestSupport;

namespace Q11Portal.Web.Tests.Nodes;

/// <summary>Reader load for the fault tests: distinct visitors (one cookie each) reading one article through nginx.</summary>
internal static class ClusterFaultSupport
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Visitors <paramref name="first"/>… read the article, a few at a time; every answer must be 200. Returns
    /// which node answered each and when.</summary>
    public static async Task<List<(int Node, DateTime AtUtc)>> ReadAsync(PortalCluster cluster, HttpClient client, string slug, int first, int count)
    {
        var answers = new List<(int Node, DateTime AtUtc)>();
        foreach (var chunk in Enumerable.Range(first, count).Chunk(5))
        {
            var responses = await Task.WhenAll(chunk.Select(n => client.SendAsync(Get($"/tin-tuc/{slug}", VisitorId(n)), Ct)));
            foreach (var response in responses)
            {
                using (response)
                {
                    Assert.True(response.StatusCode == HttpStatusCode.OK,
                        $"A reader got {(int)response.StatusCode} instead of the article.\n{cluster.Output}");
                    answers.Add((cluster.NodeOf(response), DateTime.UtcNow));
                }
            }
        }

        return answers;
    }

    public static async Task<long> ViewCountAsync(TestDatabase database, string slug)
    {
        await using var db = database.CreateContext();
        return await db.Articles.Where(a => a.Slug == slug).Select(a => a.ViewCount).SingleAsync(Ct);
    }

    /// <summary>Waits until the stored view count reaches <paramref name="expected"/> (or the time is up) and returns it.</summary>
    public static async Task<long> WaitForViewsAsync(TestDatabase database, string slug, long expected, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        long views;
        while ((views = await ViewCountAsync(database, slug)) < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250, Ct);
        }

        return views;
    }

    public static async Task<(HttpStatusCode Status, string Body)> ReadyAsync(string nodeUrl)
    {
        using var client = new HttpClient { BaseAddress = new Uri(nodeUrl), Timeout = TimeSpan.FromSeconds(20) };
        using var response = await client.GetAsync("/health/ready", Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }
}
