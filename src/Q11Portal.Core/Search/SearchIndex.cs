using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Microsoft.Extensions.Logging;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Search;

/// <summary>The local Lucene index of one web node (under <see cref="PortalPaths.SearchIndexDirectory"/>). It records
/// in its commit data the last <c>ContentChanges.Id</c> it reflects, so the node can catch up from the database.
/// A missing or damaged index is recreated empty and reported through <see cref="NeedsRebuild"/>
/// (<see cref="SearchIndexStorage"/>); what a document holds is <see cref="ArticleIndexDocument"/>.</summary>
public sealed class SearchIndex : IDisposable
{
    public const string WatermarkKey = "watermark";
    public const string SchemaKey = "schema";

    /// <summary>The layout of a document and the subjects it was profiled with; an index written with another layout
    /// or other subjects (<c>subjects.txt</c> edited) is rebuilt on open. 2: subject profiles for related news. 3: one tone
    /// placement in exact forms (<see cref="Common.VietnameseText.NormalizeTonePlacement"/>). 4: document references
    /// (<see cref="DocumentReferenceQueries.Field"/>). 5: expiry times.</summary>
    public static string Schema { get; } = "6-" + SubjectThesaurus.Default.Fingerprint;

    private readonly object gate = new();
    private readonly SearchIndexStorage storage;
    private IndexWriter? writer;
    private volatile SearcherManager? searchers;

    public SearchIndex(PortalPaths paths, ILogger<SearchIndex> logger)
    {
        storage = new SearchIndexStorage(paths.SearchIndexDirectory, logger);
    }

    public static VietnameseAnalyzer Analyzer { get; } = new();

    public static Similarity Similarity { get; } = new CoordBM25Similarity();

    /// <summary>True when the index was missing or damaged and has been recreated empty, or was written with an
    /// older <see cref="Schema"/>.</summary>
    public bool NeedsRebuild { get; private set; }

    /// <summary>True when the index was written with an older <see cref="Schema"/>: what was computed from it (the
    /// related-news lists) is out of date too.</summary>
    public bool SchemaChanged { get; private set; }

    /// <summary>The last content change id this index reflects (0 for a new index).</summary>
    public long Watermark { get; private set; }

    /// <summary>True when another process (a running web node, for a CLI command) holds the index.</summary>
    public bool IsReadOnly { get; private set; }

    public void EnsureOpen()
    {
        if (searchers is not null)
        {
            return;
        }

        lock (gate)
        {
            if (searchers is not null)
            {
                return;
            }

            var opened = storage.Open();
            writer = opened.Writer;
            Watermark = opened.Watermark;
            SchemaChanged = opened.SchemaChanged;
            NeedsRebuild = opened.NeedsRebuild;
            IsReadOnly = opened.IsReadOnly;
            // Published last: other threads take the fast path above as soon as this is set.
            searchers = opened.Searchers;
        }
    }

    private IndexWriter Writer => writer ?? throw new InvalidOperationException("The search index is in use by another process (a running web node); stop it or run this on that node.");

    public void Upsert(ArticleSearchDocument article)
    {
        EnsureOpen();
        Writer.UpdateDocument(new Term(SearchFields.Id, IdTerm(article.Id)), ArticleIndexDocument.Create(article));
    }

    public void Delete(int articleId)
    {
        EnsureOpen();
        Writer.DeleteDocuments(new Term(SearchFields.Id, IdTerm(articleId)));
    }

    public void DeleteAll()
    {
        EnsureOpen();
        Writer.DeleteAll();
    }

    /// <summary>Makes the changes durable and visible to searches; the watermark only ever moves forward.</summary>
    public void Commit(long? watermark = null)
    {
        EnsureOpen();
        lock (gate)
        {
            if (watermark is { } mark && mark > Watermark)
            {
                Watermark = mark;
            }

            Writer.SetCommitData(new Dictionary<string, string>
            {
                [WatermarkKey] = Watermark.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [SchemaKey] = Schema,
            });
            Writer.Commit();
            NeedsRebuild = false;
            SchemaChanged = false;
        }

        searchers!.MaybeRefreshBlocking();
    }

    /// <summary>Lets searches see what the writer finished since this node's last commit: merges run in the
    /// background after the commit that started them, and until the reader is reopened, searches still visit every
    /// segment they merged. Cheap when nothing changed; called by the index sync on every poll.</summary>
    public void Refresh() => searchers?.MaybeRefresh();

    /// <summary>Waits for the background merges to finish, then refreshes (for benchmarks: a node's index sync
    /// refreshes on its own every poll).</summary>
    public void WaitForMerges()
    {
        EnsureOpen();
        writer?.WaitForMerges();
        Refresh();
    }

    /// <summary>Merges the index into one segment (after a full rebuild: the fastest layout to search); the next
    /// <see cref="Commit"/> makes it durable.</summary>
    public void Compact()
    {
        EnsureOpen();
        Writer.ForceMerge(1);
    }

    /// <summary>Sets the watermark after a full rebuild, even when it is lower (a rebuilt database).</summary>
    public void ResetWatermark(long watermark)
    {
        lock (gate)
        {
            Watermark = watermark;
        }
    }

    public T Search<T>(Func<IndexSearcher, T> body)
    {
        EnsureOpen();
        var manager = searchers!;
        var searcher = manager.Acquire();
        try
        {
            searcher.Similarity = Similarity;
            return body(searcher);
        }
        finally
        {
            manager.Release(searcher);
        }
    }

    public int Count => Search(s => s.IndexReader.NumDocs);

    public static string IdTerm(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose()
    {
        lock (gate)
        {
            storage.Close();
            searchers = null;
            writer = null;
        }
    }
}
