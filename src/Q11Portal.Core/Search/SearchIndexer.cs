using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Search;

/// <summary>Keeps the local <see cref="SearchIndex"/> in step with the database: full rebuilds, the articles one
/// change touched, and catching up on the <c>ContentChanges</c> log written by other nodes.</summary>
public sealed class SearchIndexer(SearchIndex index, IServiceScopeFactory scopes, IEnumerable<IArticleChangeObserver> observers,
    ILogger<SearchIndexer> logger)
{
    public const int BatchSize = 500;

    /// <summary>How long a direct change waits for the index before leaving it to the catch-up.</summary>
    private static readonly TimeSpan ApplyWait = TimeSpan.FromSeconds(5);

    /// <summary>Changes are re-read this many ids below the watermark, because a transaction that took a lower id may
    /// commit after one with a higher id; re-applying a change is harmless.</summary>
    public const int Lookback = 200;

    private readonly SemaphoreSlim exclusive = new(1, 1);
    private readonly HashSet<long> recentlyApplied = [];
    private long caughtUpTimestamp;

    public SearchIndex Index => index;

    /// <summary>How far this node's index may be behind the <c>ContentChanges</c> log: the time since a catch-up last
    /// read to the log's end (its start, in fact) and applied what it found; null before the first (metrics).</summary>
    public TimeSpan? Lag => Interlocked.Read(ref caughtUpTimestamp) is var at and > 0
        ? System.Diagnostics.Stopwatch.GetElapsedTime(at)
        : null;

    /// <summary>Recreates the index from every published article; reports (done, total).</summary>
    public async Task<int> RebuildAsync(IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        await exclusive.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var watermark = await db.ContentChanges.MaxAsync(c => (long?)c.Id, ct) ?? 0;
            var ids = await db.Articles.AsNoTracking()
                .PublishedAtAnyTime()
                .OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct);
            var started = System.Diagnostics.Stopwatch.StartNew();
            index.EnsureOpen();
            index.DeleteAll();
            var done = 0;
            progress?.Report((0, ids.Count));
            foreach (var chunk in ids.Chunk(BatchSize))
            {
                db.ChangeTracker.Clear();
                foreach (var document in await ArticleSearchDocument.LoadAsync(db, chunk, ct))
                {
                    index.Upsert(document);
                }

                done += chunk.Length;
                progress?.Report((done, ids.Count));
            }

            index.Compact();
            index.ResetWatermark(watermark);
            index.Commit(watermark);
            lock (recentlyApplied)
            {
                recentlyApplied.Clear();
            }

            logger.LogInformation("Search index rebuilt with {ArticleCount} articles in {ElapsedMs} ms", ids.Count, started.ElapsedMilliseconds);
            await NotifyAsync(ct);
            return ids.Count;
        }
        finally
        {
            exclusive.Release();
        }
    }

    /// <summary>Re-reads the given articles: published ones are (re)indexed, the others leave the index.</summary>
    public async Task ApplyAsync(IReadOnlyCollection<int> articleIds, CancellationToken ct)
    {
        if (articleIds.Count == 0)
        {
            return;
        }

        // One reader of article states at a time: a catch-up that read an article just before it was unpublished
        // must not write it back after this has removed it. Whoever goes second reads the newer state. A catch-up
        // holds the index for milliseconds; a rebuild for minutes, and an editor's save does not wait for it: the
        // change is in the ContentChanges log, and the catch-up after the rebuild applies it.
        if (!await exclusive.WaitAsync(ApplyWait, ct))
        {
            logger.LogWarning("Search index busy (a rebuild is running); articles {ArticleIds} are indexed by the catch-up that follows it", articleIds);
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            await ApplyAsync(db, articleIds, null, ct);
        }
        finally
        {
            exclusive.Release();
        }
    }

    private async Task ApplyAsync(PortalDbContext db, IReadOnlyCollection<int> articleIds, long? watermark, CancellationToken ct)
    {
        foreach (var chunk in articleIds.Distinct().Chunk(BatchSize))
        {
            var documents = await ArticleSearchDocument.LoadAsync(db, chunk, ct);
            var published = documents.Select(d => d.Id).ToHashSet();
            foreach (var document in documents)
            {
                index.Upsert(document);
            }

            foreach (var id in chunk.Where(id => !published.Contains(id)))
            {
                index.Delete(id);
            }
        }

        index.Commit(watermark);
        await NotifyAsync(ct);
    }

    /// <summary>Tells the observers (the web host's page cache) that articles changed; their failure is logged and does
    /// not undo the indexing.</summary>
    private async Task NotifyAsync(CancellationToken ct)
    {
        foreach (var observer in observers)
        {
            try
            {
                await observer.ArticlesChangedAsync(ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "{Observer} was not told of changed articles", observer.GetType().Name);
            }
        }
    }

    private void NoteCaughtUp(bool readToEnd, long readStarted)
    {
        if (readToEnd)
        {
            Interlocked.Exchange(ref caughtUpTimestamp, readStarted);
        }
    }

    /// <summary>Applies the content changes this node has not seen yet; returns how many were applied.</summary>
    public async Task<int> CatchUpAsync(CancellationToken ct)
    {
        index.EnsureOpen();
        await exclusive.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var from = Math.Max(0, index.Watermark - Lookback);
            var readStarted = System.Diagnostics.Stopwatch.GetTimestamp();
            var changes = await db.ContentChanges.AsNoTracking()
                .Where(c => c.Id > from)
                .OrderBy(c => c.Id)
                .Take(BatchSize * 4)
                .Select(c => new { c.Id, c.ContentKind, c.EntityId })
                .ToListAsync(ct);
            List<long> fresh;
            lock (recentlyApplied)
            {
                fresh = changes.Where(c => !recentlyApplied.Contains(c.Id)).Select(c => c.Id).ToList();
            }

            var readToEnd = changes.Count < BatchSize * 4;
            if (fresh.Count == 0)
            {
                NoteCaughtUp(readToEnd, readStarted);
                return 0;
            }

            var freshSet = fresh.ToHashSet();
            // Other kinds' rows (comments, sidebar blocks…) are for the page caches; they only move the watermark here.
            var articleIds = changes.Where(c => freshSet.Contains(c.Id) && c.ContentKind == ContentKind.Article).Select(c => c.EntityId).Distinct().ToList();
            await ApplyAsync(db, articleIds, changes[^1].Id, ct);
            lock (recentlyApplied)
            {
                recentlyApplied.UnionWith(fresh);
                recentlyApplied.RemoveWhere(id => id <= index.Watermark - Lookback);
            }

            NoteCaughtUp(readToEnd, readStarted);
            logger.LogDebug("Search index caught up on {ChangeCount} content changes (watermark {Watermark})", fresh.Count, index.Watermark);
            return fresh.Count;
        }
        finally
        {
            exclusive.Release();
        }
    }
}
