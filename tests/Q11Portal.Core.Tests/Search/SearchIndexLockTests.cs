using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Data;
using Q11Portal.Core.Search;

namespace Q11Portal.Core.Tests.Search;

/// <summary>An index whose lock another process holds (two nodes given one index folder) is reported, never taken for
/// damage: its files are left alone.</summary>
public sealed class SearchIndexLockTests
{
    [Fact]
    public async Task EnsureOpen_LockHeldByAnotherWriter_ThrowsAndDeletesNothing()
    {
        await using var host = await SearchTestHost.CreateAsync();
        var indexDirectory = host.Services.GetRequiredService<PortalPaths>().SearchIndexDirectory;
        System.IO.Directory.CreateDirectory(indexDirectory);
        using var directory = FSDirectory.Open(indexDirectory);
        using var other = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, SearchIndex.Analyzer) { OpenMode = OpenMode.CREATE });
        other.AddDocument([new StringField("id", "1", Field.Store.YES)]);
        other.Flush(triggerMerge: false, applyAllDeletes: true);
        var files = System.IO.Directory.GetFiles(indexDirectory).Order().ToList();

        var index = host.Services.GetRequiredService<SearchIndex>();
        var error = Assert.Throws<InvalidOperationException>(index.EnsureOpen);

        Assert.Contains("locked by another process", error.Message);
        Assert.Contains("Search:IndexDirectory", error.Message);
        Assert.Equal(files, System.IO.Directory.GetFiles(indexDirectory).Order().ToList());
        // The other writer's work is intact and still its own to commit.
        other.Commit();
        using var reader = DirectoryReader.Open(directory);
        Assert.Equal(1, reader.NumDocs);
    }
}
