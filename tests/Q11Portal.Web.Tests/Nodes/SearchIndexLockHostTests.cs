using System.Net;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Q11Portal.Core.Search;
using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests.Nodes;

/// <summary>Issue 13: a node whose index folder another process holds (two nodes given one Search:IndexDirectory) says
/// so through readiness instead of deleting the other's index, and is ready again once the folder is free.</summary>
public sealed class SearchIndexLockHostTests
{
    [Fact]
    public async Task Readiness_IndexLockedByAnotherProcess_IsUnready_ThenReadyWhenReleased()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PortalAppFactory.CreateAsync(settings: new Dictionary<string, string?> { ["Search:BackgroundSync"] = "false" });
        var indexDirectory = Path.Combine(app.Database.DataDirectory, "search-index");
        System.IO.Directory.CreateDirectory(indexDirectory);
        var directory = FSDirectory.Open(indexDirectory);
        var other = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, SearchIndex.Analyzer) { OpenMode = OpenMode.CREATE });
        var client = app.CreateClient();

        var locked = await client.GetAsync("/health/ready", ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, locked.StatusCode);
        Assert.Contains("write.lock", System.IO.Directory.GetFiles(indexDirectory).Select(Path.GetFileName));
        other.Dispose();
        directory.Dispose();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", ct)).StatusCode);
    }
}
