using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Q11Portal.Core.Data;
using Q11Portal.Testing;
using Q11Portal.Web.Infrastructure;
using Q11Portal.Web.Tests.Infrastructure;
using static Q11Portal.Web.Tests.Counters.CounterTestSupport;

namespace Q11Portal.Web.Tests.Caching;

/// <summary>Issue 13, fault 3: PostgreSQL unreachable for 20 s under reader load (cut by a forwarder in front of the
/// shared server). Readers get the last good copy of pages that have one, a Vietnamese 503 with Retry-After otherwise,
/// never a 500; /health/ready turns unready and ready again without a restart; no view counted meanwhile is lost.</summary>
public sealed class DatabaseOutageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DatabaseCutFor20Seconds_ReadersGetStaleCopiesOr503_ViewsKept_ReadyAgainAfter()
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql, migrate: true);
        var server = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        await using var forwarder = TcpForwarder.Start(server.Host!, server.Port);
        var viaForwarder = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = "127.0.0.1", Port = forwarder.Port, Timeout = 3 };
        await using var app = new PortalAppFactory(database, new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = viaForwarder.ConnectionString,
            ["Counters:FlushInterval"] = "00:00:01",
        });
        using var http = app.RawClient();
        var (readId, read) = await AddPublishedArticleAsync(database, "bai-doc-khi-mat-ket-noi");
        var (_, unread) = await AddPublishedArticleAsync(database, "bai-chua-ai-doc");
        string[] copied = ["/", "/tin-tuc/" + read];
        foreach (var page in copied)
        {
            using var warm = await http.SendAsync(Get(page), Ct);
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready", Ct)).StatusCode);
        await app.WaitForHitsAsync(2);
        await app.FlushUntilDoneAsync();
        var before = await ReadCountsAsync(database, readId);

        // The cut: the output cache is emptied too (as when its entries expire), so only the stale copies are left.
        forwarder.Cut();
        await app.Services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(PublicPageCache.Tag, Ct);
        var statuses = new ConcurrentBag<(string Page, HttpStatusCode Status)>();
        var visitor = 0;
        var cutAt = DateTime.UtcNow;
        var sawUnready = false;
        while (DateTime.UtcNow - cutAt < TimeSpan.FromSeconds(20))
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, 8), Ct, async (_, ct) =>
            {
                var page = copied[Interlocked.Increment(ref visitor) % copied.Length];
                using var response = await http.SendAsync(Get(page, page == copied[1] ? VisitorId(visitor) : null), ct);
                statuses.Add((page, response.StatusCode));
            });
            using var missing = await http.SendAsync(Get("/tin-tuc/" + unread), Ct);
            statuses.Add(("unread", missing.StatusCode));
            if (missing.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                Assert.Equal(TimeSpan.FromSeconds(PublicPageOutageMiddleware.RetryAfterSeconds), missing.Headers.RetryAfter?.Delta);
                Assert.Contains("Trang tạm thời chưa truy cập được", await missing.Content.ReadAsStringAsync(Ct));
            }

            sawUnready |= (await http.GetAsync("/health/ready", Ct)).StatusCode == HttpStatusCode.ServiceUnavailable;
            await Task.Delay(250, Ct);
        }

        var readsOfArticle = statuses.Count(s => s.Page == copied[1]);
        Assert.DoesNotContain(statuses, s => s.Status == HttpStatusCode.InternalServerError);
        Assert.All(statuses.Where(s => s.Page != "unread"), s => Assert.Equal(HttpStatusCode.OK, s.Status));
        Assert.Contains(statuses, s => s.Page == "unread" && s.Status == HttpStatusCode.ServiceUnavailable);
        Assert.True(sawUnready, "/health/ready stayed ready while the database was unreachable.");

        forwarder.Restore();
        var restoredAt = DateTime.UtcNow;
        while ((await http.GetAsync("/health/ready", Ct)).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow - restoredAt < TimeSpan.FromSeconds(30), "/health/ready did not turn ready again.");
            await Task.Delay(250, Ct);
        }

        while ((await http.SendAsync(Get("/tin-tuc/" + unread), Ct)).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow - restoredAt < TimeSpan.FromSeconds(30), "The unread article stayed unavailable after the database came back.");
            await Task.Delay(250, Ct);
        }

        await app.FlushUntilDoneAsync();
        var after = await ReadCountsAsync(database, readId);
        Assert.Equal(before.ViewCount + readsOfArticle, after.ViewCount);
    }
}
