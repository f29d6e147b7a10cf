using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.Logging;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Q11Portal.Core.Search;

/// <summary>What opening the index folder found.</summary>
/// <param name="Watermark">The last content change id the index reflects (0 for a new index).</param>
/// <param name="SchemaChanged">The index was written with another <see cref="SearchIndex.Schema"/>.</param>
/// <param name="NeedsRebuild">The index is new, was recreated after damage, or has another schema.</param>
/// <param name="IsReadOnly">Another process holds the index; only searches are possible.</param>
internal sealed record OpenedIndex(SearcherManager Searchers, IndexWriter? Writer, long Watermark, bool SchemaChanged, bool NeedsRebuild, bool IsReadOnly);

/// <summary>The index folder's life: opened for writing, or read-only when another process (a running web node, for a
/// CLI command) holds its lock; a missing or damaged index is recreated empty; closed at the end. Not thread-safe:
/// <see cref="SearchIndex"/> calls it under its lock.</summary>
internal sealed class SearchIndexStorage(string path, ILogger logger)
{
    private LuceneDirectory? directory;
    private IndexWriter? writer;
    private SearcherManager? searchers;

    public OpenedIndex Open()
    {
        System.IO.Directory.CreateDirectory(path);
        try
        {
            return TryOpenReadOnlyWhenLocked() ?? OpenForWriting(OpenMode.CREATE_OR_APPEND);
        }
        catch (LockObtainFailedException ex)
        {
            // Another process took the writer lock (a node sharing this folder): its index is sound, so nothing is deleted.
            throw new InvalidOperationException($"The search index at {path} is locked by another process; each web node needs its own Search:IndexDirectory.", ex);
        }
        catch (Exception ex) when (ex is IOException or CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException or InvalidOperationException)
        {
            logger.LogWarning(ex, "Search index at {IndexPath} is damaged; it is recreated and rebuilt from the database", path);
            Close();
            foreach (var file in System.IO.Directory.EnumerateFiles(path))
            {
                File.Delete(file);
            }

            return OpenForWriting(OpenMode.CREATE) with { NeedsRebuild = true };
        }
    }

    private OpenedIndex? TryOpenReadOnlyWhenLocked()
    {
        var probe = FSDirectory.Open(path);
        if (!IndexWriter.IsLocked(probe) || !DirectoryReader.IndexExists(probe))
        {
            probe.Dispose();
            return null;
        }

        directory = probe;
        searchers = new SearcherManager(directory, new SearcherFactory());
        using var reader = DirectoryReader.Open(directory);
        var (watermark, _) = ReadCommitData(reader);
        logger.LogWarning("Search index at {IndexPath} is in use by another process; it is opened read-only", path);
        return new OpenedIndex(searchers, null, watermark, SchemaChanged: false, NeedsRebuild: false, IsReadOnly: true);
    }

    private OpenedIndex OpenForWriting(OpenMode mode)
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

        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, SearchIndex.Analyzer)
        {
            OpenMode = mode,
            Similarity = SearchIndex.Similarity,
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

        using var committed = DirectoryReader.Open(newWriter.Directory);
        var (watermark, schema) = ReadCommitData(committed);
        var schemaChanged = exists && newWriter.NumDocs > 0 && schema != SearchIndex.Schema;
        directory = dir;
        writer = newWriter;
        searchers = new SearcherManager(newWriter, true, new SearcherFactory());
        var needsRebuild = (watermark == 0 && newWriter.NumDocs == 0) || schemaChanged;
        return new OpenedIndex(searchers, newWriter, watermark, schemaChanged, needsRebuild, IsReadOnly: false);
    }

    private static (long Watermark, string? Schema) ReadCommitData(DirectoryReader reader)
    {
        var data = reader.IndexCommit.UserData;
        var watermark = data.TryGetValue(SearchIndex.WatermarkKey, out var value) && long.TryParse(value, out var mark) ? mark : 0;
        return (watermark, data.TryGetValue(SearchIndex.SchemaKey, out var schema) ? schema : null);
    }

    public void Close()
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
}
