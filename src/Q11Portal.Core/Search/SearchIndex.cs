using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.Logging;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Q11Portal.Core.Search;

/// <summary>The local Lucene index of one web node (under <see cref="PortalPaths.SearchIndexDirectory"/>). It records
/// in its commit data the last <c>ContentChanges.Id</c> it reflects, so the node can catch up from the database.
/// A missing or damaged index is recreated empty and reported through <see cref="NeedsRebuild"/>.</summary>
public sealed class SearchIndex : IDisposable
{
    public const string WatermarkKey = "watermark";
    public const string SchemaKey = "schema";

    /// <summary>The layout of a document and the subjects it was profiled with; an index written with another layout
    /// or other subjects (<c>subjects.txt</c> edited) is rebuilt on open. 2: subject profiles for related news.</summary>
    public static string Schema { get; } = "2-" + SubjectThesaurus.Default.Fingerprint;

    private static readonly FieldType RelatedFieldType = CreateRelatedFieldType();
    private static readonly FieldType SubjectFieldType = CreateSubjectFieldType();

    /// <summary>A subject's weight in an article is indexed as a term frequency of up to this many.</summary>
    public const int SubjectFrequencySteps = 5;
    private readonly ILogger<SearchIndex> logger;
    private readonly object gate = new();
    private readonly string path;
    private LuceneDirectory? directory;
    private IndexWriter? writer;
    private SearcherManager? searchers;

    public SearchIndex(PortalPaths paths, ILogger<SearchIndex> logger)
    {
        this.logger = logger;
        path = paths.SearchIndexDirectory;
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

            System.IO.Directory.CreateDirectory(path);
            try
            {
                if (TryOpenReadOnlyWhenLocked())
                {
                    return;
                }

                Open(OpenMode.CREATE_OR_APPEND);
                NeedsRebuild = (Watermark == 0 && writer!.NumDocs == 0) || SchemaChanged;
            }
            catch (LockObtainFailedException ex)
            {
                // Another process took the writer lock (a node sharing this folder): its index is sound, so nothing is deleted.
                throw new InvalidOperationException($"The search index at {path} is locked by another process; each web node needs its own Search:IndexDirectory.", ex);
            }
            catch (Exception ex) when (ex is IOException or CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException or InvalidOperationException)
            {
                logger.LogWarning(ex, "Search index at {IndexPath} is damaged; it is recreated and rebuilt from the database", path);
                CloseQuietly();
                foreach (var file in System.IO.Directory.EnumerateFiles(path))
                {
                    File.Delete(file);
                }

                Open(OpenMode.CREATE);
                NeedsRebuild = true;
            }
        }
    }

    /// <summary>True when another process (a running web node, for a CLI command) holds the index.</summary>
    public bool IsReadOnly { get; private set; }

    private bool TryOpenReadOnlyWhenLocked()
    {
        var probe = FSDirectory.Open(path);
        if (!IndexWriter.IsLocked(probe) || !DirectoryReader.IndexExists(probe))
        {
            probe.Dispose();
            return false;
        }

        directory = probe;
        searchers = new SearcherManager(directory, new SearcherFactory());
        using var reader = DirectoryReader.Open(directory);
        Watermark = reader.IndexCommit.UserData.TryGetValue(WatermarkKey, out var value) && long.TryParse(value, out var mark) ? mark : 0;
        IsReadOnly = true;
        logger.LogWarning("Search index at {IndexPath} is in use by another process; it is opened read-only", path);
        return true;
    }

    private IndexWriter Writer => writer ?? throw new InvalidOperationException("The search index is in use by another process (a running web node); stop it or run this on that node.");

    private void Open(OpenMode mode)
    {
        var dir = FSDirectory.Open(path);
        var exists = DirectoryReader.IndexExists(dir);
        if (mode == OpenMode.CREATE_OR_APPEND && exists)
        {
            // Reading every segment's metadata here turns a truncated or corrupt index into an exception now.
            using var probe = DirectoryReader.Open(dir);
            _ = probe.NumDocs;
        }

        if (mode == OpenMode.CREATE)
        {
            IndexWriter.Unlock(dir);
        }

        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, Analyzer)
        {
            OpenMode = mode,
            Similarity = Similarity,
            // Every publish flushes a small segment, and every query term is looked up in every segment: at the
            // defaults (10 a tier) a 100,000-article index settles at about 20 segments, and searches take three to
            // five times as long as on one. Two a tier keeps it at a handful; merging small segments is cheap.
            MergePolicy = new TieredMergePolicy { SegmentsPerTier = 2 },
        };
        var newWriter = new IndexWriter(dir, config);
        if (mode == OpenMode.CREATE || !exists)
        {
            newWriter.Commit();
        }

        var (watermark, schema) = ReadCommitData(newWriter);
        SchemaChanged = exists && newWriter.NumDocs > 0 && schema != Schema;
        directory = dir;
        writer = newWriter;
        Watermark = watermark;
        // Published last: other threads take the fast path in EnsureOpen as soon as this is set.
        searchers = new SearcherManager(newWriter, true, new SearcherFactory());
    }

    private static (long Watermark, string? Schema) ReadCommitData(IndexWriter writer)
    {
        using var reader = DirectoryReader.Open(writer.Directory);
        var data = reader.IndexCommit.UserData;
        var watermark = data.TryGetValue(WatermarkKey, out var value) && long.TryParse(value, out var mark) ? mark : 0;
        return (watermark, data.TryGetValue(SchemaKey, out var schema) ? schema : null);
    }

    public void Upsert(ArticleSearchDocument article)
    {
        EnsureOpen();
        Writer.UpdateDocument(new Term(SearchFields.Id, IdTerm(article.Id)), ToDocument(article));
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

            _ = Writer;
            writer!.SetCommitData(new Dictionary<string, string>
            {
                [WatermarkKey] = Watermark.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [SchemaKey] = Schema,
            });
            writer.Commit();
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
        var searcher = searchers!.Acquire();
        try
        {
            searcher.Similarity = Similarity;
            return body(searcher);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    public int Count => Search(s => s.IndexReader.NumDocs);

    public static string IdTerm(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Document ToDocument(ArticleSearchDocument a)
    {
        var title = VietnameseText.Nfc(a.Title);
        var summary = VietnameseText.Nfc(a.Summary);
        var body = VietnameseText.Nfc(a.BodyText);
        var tags = a.Tags.Select(VietnameseText.Nfc).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var document = new Document
        {
            new StringField(SearchFields.Id, IdTerm(a.Id), Field.Store.YES),
            new StoredField(SearchFields.Slug, a.Slug),
            new TextField(SearchFields.Title, title, Field.Store.YES),
            new TextField(SearchFields.Summary, summary, Field.Store.YES),
            new TextField(SearchFields.Body, body, Field.Store.YES),
            new StringField(SearchFields.CategoryId, a.CategoryId.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.YES),
            new StoredField(SearchFields.CategoryName, a.CategoryName),
            new Int64Field(SearchFields.Published, a.PublishedAtUtc.Ticks, Field.Store.YES),
            new NumericDocValuesField(SearchFields.Published, a.PublishedAtUtc.Ticks),
            new NumericDocValuesField(SearchFields.CategoryId, a.CategoryId),
            new Field(SearchFields.Related, string.Join("\n", [title, title, summary, string.Join(" . ", tags), string.Join(" . ", tags), body]), RelatedFieldType),
        };
        var subjects = SubjectThesaurus.Default.Profile(title, summary, tags, body);
        document.Add(new StoredField(SearchFields.Subjects, SubjectThesaurus.Format(subjects)));
        foreach (var (subject, weight) in subjects)
        {
            for (var step = 0; step < Math.Ceiling(weight * SubjectFrequencySteps); step++)
            {
                document.Add(new Field(SearchFields.Subject, subject, SubjectFieldType));
            }
        }

        if (a.SourceId is not null)
        {
            document.Add(new StringField(SearchFields.SourceId, a.SourceId, Field.Store.YES));
        }

        foreach (var tag in tags)
        {
            document.Add(new TextField(SearchFields.Tags, tag, Field.Store.YES));
            if (!VietnameseTokens.IsProperName(tag))
            {
                // Place and person tags ("Củ Chi") say where, not what: related news leaves them out, like names in the text.
                document.Add(new StringField(SearchFields.TagKey, VietnameseText.Fold(tag), Field.Store.NO));
            }
        }

        return document;
    }

    private static FieldType CreateRelatedFieldType()
    {
        var type = new FieldType
        {
            IsIndexed = true,
            IsTokenized = true,
            IsStored = false,
            StoreTermVectors = true,
            IndexOptions = IndexOptions.DOCS_AND_FREQS,
            OmitNorms = true,
        };
        type.Freeze();
        return type;
    }

    private static FieldType CreateSubjectFieldType()
    {
        var type = new FieldType
        {
            IsIndexed = true,
            IsTokenized = false,
            IsStored = false,
            IndexOptions = IndexOptions.DOCS_AND_FREQS,
            OmitNorms = true,
        };
        type.Freeze();
        return type;
    }

    private void CloseQuietly()
    {
        try
        {
            searchers?.Dispose();
            writer?.Dispose();
            directory?.Dispose();
        }
        catch (Exception ex) when (ex is IOException or CorruptIndexException)
        {
            logger.LogDebug(ex, "Ignoring an error while closing a damaged index");
        }

        searchers = null;
        writer = null;
        directory = null;
    }

    public void Dispose()
    {
        lock (gate)
        {
            CloseQuietly();
        }
    }
}

/// <summary>BM25 that also rewards matching more of the query's terms within a field (Lucene's BM25 ignores coord),
/// so that all the words of a name in the body beat one of them in a title.</summary>
public sealed class CoordBM25Similarity : BM25Similarity
{
    public override float Coord(int overlap, int maxOverlap) => maxOverlap == 0 ? 1f : overlap / (float)maxOverlap;
}
