using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Statistics;

/// <summary>The node's counter. A page request only drops a <see cref="CounterHit"/> into a queue (no I/O on the
/// request path); <see cref="FlushAsync"/>, run every <see cref="CounterOptions.FlushInterval"/> and at shutdown,
/// de-duplicates the queued hits through the <see cref="IVisitorWindowStore"/>, adds the resulting counts to the
/// database in one transaction and refreshes the numbers pages show.</summary>
public sealed class ViewCounter
{
    private const int BatchSize = 2000;
    private static readonly TimeSpan SlugCacheLifetime = TimeSpan.FromMinutes(10);

    private readonly Channel<CounterHit> queue;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly IServiceScopeFactory scopes;
    private readonly IVisitorWindowStore store;
    private readonly MemoryVisitorWindowStore fallbackStore;
    private readonly TimeProvider clock;
    private readonly ILogger<ViewCounter> logger;
    private readonly ConcurrentDictionary<string, int> slugIds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, long> articleViews = new();
    private readonly Lock pendingLock = new();
    private CounterDeltas pending = new();
    /// <summary>The batch being written, or one whose write failed: it is written again, as it is, before new counts.</summary>
    private CounterDeltas? unconfirmed;
    private DateTime journalTrimmedUtc;
    private readonly List<CounterHit> undecided = [];
    private readonly string nodeId = Guid.NewGuid().ToString("N")[..12];
    private string undecidedBatchId = string.Empty;
    private long batchSequence;
    private DateTime? storeFailingSinceUtc;
    private long storeFallbacks;
    private DateTime slugCacheStartedUtc;
    private long dropped;
    private long hitsDecided;
    private long viewsCounted;
    private (DateOnly Day, string Salt)? salt;
    private SiteCounts site = new(0, 0, 0, 0);
    private bool siteLoaded;

    public ViewCounter(
        IServiceScopeFactory scopes,
        IVisitorWindowStore store,
        IOptions<CounterOptions> options,
        TimeProvider clock,
        ILogger<ViewCounter> logger)
    {
        this.scopes = scopes;
        this.store = store;
        this.clock = clock;
        this.logger = logger;
        Options = options.Value;
        fallbackStore = store as MemoryVisitorWindowStore ?? new MemoryVisitorWindowStore(options);
        queue = Channel.CreateBounded<CounterHit>(new BoundedChannelOptions(Options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.DropWrite,
            SingleReader = true,
            SingleWriter = false,
        });
    }

    public CounterOptions Options { get; }

    /// <summary>Hits waiting for the next flush.</summary>
    public int QueuedHits => queue.Reader.Count;

    /// <summary>Hits this node has de-duplicated since it started.</summary>
    public long HitsDecided => Interlocked.Read(ref hitsDecided);

    /// <summary>New article views this node has counted since it started (written or pending).</summary>
    public long ViewsCounted => Interlocked.Read(ref viewsCounted);

    /// <summary>Batches this node de-duplicated on its own because the shared store stayed unavailable.</summary>
    public long StoreFallbacks => Interlocked.Read(ref storeFallbacks);

    /// <summary>Hits dropped because the queue was full (a flood, or a database that stayed down).</summary>
    public long DroppedHits => Interlocked.Read(ref dropped);

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    /// <summary>Queues one page request; never blocks, never touches the database.</summary>
    public void Record(CounterHit hit)
    {
        if (!queue.Writer.TryWrite(hit) && Interlocked.Increment(ref dropped) % 10_000 == 1)
        {
            logger.LogWarning("Counter queue is full ({Capacity}); {Dropped} hits dropped so far", Options.QueueCapacity, DroppedHits);
        }
    }

    /// <summary>The visitor-hash salt of the current local day (shared by all nodes when Redis is configured).</summary>
    public async ValueTask<string> GetDailySaltAsync(CancellationToken ct)
    {
        var today = LocalTime.LocalDay(UtcNow);
        if (salt is { } current && current.Day == today)
        {
            return current.Salt;
        }

        string value;
        try
        {
            value = await store.GetDailySaltAsync(today, ct);
        }
        catch (Exception ex) when (IsStoreFailure(ex))
        {
            logger.LogWarning(ex, "Visitor store unavailable; using this node's own salt for {Day}", today);
            value = await fallbackStore.GetDailySaltAsync(today, ct);
            salt = null;
            return value;
        }

        salt = (today, value);
        return value;
    }

    /// <summary>Site-wide numbers as of the last flush (so at most one flush interval old).</summary>
    public SiteCounts SiteCounts
    {
        get
        {
            var counts = Volatile.Read(ref site);
            var today = LocalTime.LocalDay(UtcNow);
            if (counts.Day == today || !siteLoaded)
            {
                return counts;
            }

            // Past local midnight and not flushed since: today starts from zero; a new month too.
            return counts with { Today = 0, ThisMonth = counts.Day.Month == today.Month && counts.Day.Year == today.Year ? counts.ThisMonth : 0, Day = today };
        }
    }

    /// <summary>An article's view count as of the last flush of any node, plus this node's counts not yet written.</summary>
    public async Task<long?> GetArticleViewsAsync(int articleId, CancellationToken ct)
    {
        if (!articleViews.TryGetValue(articleId, out var stored))
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var now = UtcNow;
            var found = await db.Articles.AsNoTracking()
                .VisibleAt(now)
                .Where(a => a.Id == articleId)
                .Select(a => (long?)a.ViewCount)
                .SingleOrDefaultAsync(ct);
            if (found is null)
            {
                return null;
            }

            stored = found.Value;
            articleViews[articleId] = stored;
        }

        return stored + PendingViews(articleId);
    }

    /// <summary>This node's views of the article that the next flush will add.</summary>
    public long PendingViews(int articleId)
    {
        lock (pendingLock)
        {
            return pending.ViewsOf(articleId) + (unconfirmed?.ViewsOf(articleId) ?? 0);
        }
    }

    /// <summary>De-duplicates every queued hit, adds the counts to the database and refreshes the shown numbers.
    /// When the database or the store fails, the exception propagates and nothing is lost: the counts (or the
    /// hits not yet decided) stay for the next flush.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            // What was decided before a store failure is still written now; the failure is reported after.
            Exception? storeFailure = null;
            try
            {
                await DrainAsync(ct);
            }
            catch (Exception ex) when (IsStoreFailure(ex) && !ct.IsCancellationRequested)
            {
                storeFailure = ex;
            }

            await using var scope = scopes.CreateAsyncScope();
            var writer = scope.ServiceProvider.GetRequiredService<CounterWriter>();
            if (unconfirmed is { } earlier)
            {
                // A batch whose write failed goes again as it was, under its id: if its commit had gone through and
                // only the answer was lost, the journal says so and nothing is added twice.
                await writer.ApplyAsync(earlier, ct);
                lock (pendingLock)
                {
                    unconfirmed = null;
                }
            }

            CounterDeltas batch;
            lock (pendingLock)
            {
                batch = pending;
                pending = new CounterDeltas();
                unconfirmed = batch;
            }

            await writer.ApplyAsync(batch, ct);
            lock (pendingLock)
            {
                unconfirmed = null;
            }

            if (!batch.IsEmpty)
            {
                logger.LogDebug("Counters flushed: {Views} article views, {Days} site days", batch.TotalViews, batch.Site.Count);
            }

            await TrimJournalAsync(writer, ct);

            await RefreshAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), ct);
            if (storeFailure is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(storeFailure);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Forgets old journal entries about once an hour, outside the counts' transaction; a failure only waits
    /// for the next hour.</summary>
    private async Task TrimJournalAsync(CounterWriter writer, CancellationToken ct)
    {
        if (UtcNow - journalTrimmedUtc < TimeSpan.FromHours(1))
        {
            return;
        }

        journalTrimmedUtc = UtcNow;
        try
        {
            var removed = await writer.TrimJournalAsync(ct);
            logger.LogDebug("Counter journal: {Removed} entries older than a day removed", removed);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Counter journal could not be trimmed; trying again in an hour");
        }
    }

    private async Task DrainAsync(CancellationToken ct)
    {
        // Hits a failed flush read but could not decide go first.
        if (undecided.Count > 0)
        {
            await ProcessAsync(undecided, undecidedBatchId, ct);
            undecided.Clear();
        }

        // Only what is queued now: under constant load the flush must end.
        var remaining = queue.Reader.Count;
        while (remaining > 0)
        {
            while (undecided.Count < BatchSize && remaining > 0 && queue.Reader.TryRead(out var hit))
            {
                undecided.Add(hit);
                remaining--;
            }

            if (undecided.Count == 0)
            {
                break;
            }

            // The id stays with these hits until they are decided, so a retry is recognised as one.
            undecidedBatchId = nodeId + "-" + Interlocked.Increment(ref batchSequence).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await ProcessAsync(undecided, undecidedBatchId, ct);
            undecided.Clear();
        }
    }

    private async Task ProcessAsync(List<CounterHit> hits, string batchId, CancellationToken ct)
    {
        var resolved = await ResolveAsync(hits, ct);
        HitOutcome[] outcomes;
        try
        {
            outcomes = await store.ProcessAsync(resolved, batchId, ct);
            storeFailingSinceUtc = null;
        }
        catch (Exception ex) when (IsStoreFailure(ex) && !ct.IsCancellationRequested)
        {
            var since = storeFailingSinceUtc ??= UtcNow;
            if (UtcNow - since < Options.StoreOutageGrace)
            {
                // A slow or briefly unreachable Redis: the hits wait (same batch id) for the next flush, which
                // gets the store's first answer if this one was lost on the way back.
                logger.LogWarning(ex, "Visitor store did not answer batch {BatchId}; {Count} hits wait for the next flush", batchId, resolved.Count);
                throw;
            }

            // A longer outage: count on without Redis. Totals stay right, only cross-node de-duplication is lost.
            Interlocked.Increment(ref storeFallbacks);
            logger.LogWarning(ex, "Visitor store unavailable since {Since}; de-duplicating {Count} hits on this node only", since, resolved.Count);
            outcomes = await fallbackStore.ProcessAsync(resolved, batchId, ct);
        }

        Interlocked.Add(ref hitsDecided, resolved.Count);
        Interlocked.Add(ref viewsCounted, outcomes.Count(o => o.NewView));
        lock (pendingLock)
        {
            for (var i = 0; i < resolved.Count; i++)
            {
                var day = LocalTime.LocalDay(resolved[i].AtUtc);
                pending.AddPage(day, outcomes[i].NewVisit);
                if (outcomes[i].NewView && resolved[i].ArticleId is { } articleId)
                {
                    pending.AddView(articleId, day);
                }
            }
        }
    }

    private async Task<List<ResolvedHit>> ResolveAsync(List<CounterHit> hits, CancellationToken ct)
    {
        var now = UtcNow;
        if (now - slugCacheStartedUtc > SlugCacheLifetime || slugIds.Count > 50_000)
        {
            // A slug freed by a renamed article may later name another one; forget mappings now and then.
            slugIds.Clear();
            slugCacheStartedUtc = now;
        }

        var unknown = hits
            .Where(h => h.ArticleId is null && h.ArticleSlug is not null && !slugIds.ContainsKey(h.ArticleSlug))
            .Select(h => h.ArticleSlug!)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (unknown.Count > 0)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            foreach (var chunk in unknown.Chunk(200))
            {
                var found = await db.Articles.AsNoTracking()
                    .Where(a => chunk.Contains(a.Slug))
                    .Select(a => new { a.Id, a.Slug })
                    .ToListAsync(ct);
                foreach (var article in found)
                {
                    slugIds[article.Slug] = article.Id;
                }
            }
        }

        var resolved = new List<ResolvedHit>(hits.Count);
        foreach (var hit in hits)
        {
            var articleId = hit.ArticleId ?? (hit.ArticleSlug is { } slug && slugIds.TryGetValue(slug, out var id) ? id : null);
            resolved.Add(new ResolvedHit(hit.VisitorKey, hit.IssuedCookieId, articleId, hit.AtUtc));
        }

        return resolved;
    }

    private async Task RefreshAsync(PortalDbContext db, CancellationToken ct)
    {
        var now = UtcNow;
        var today = LocalTime.LocalDay(now);
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var stats = db.SiteDailyStats.AsNoTracking();
        var total = await stats.SumAsync(s => (long?)s.Visits, ct) ?? 0;
        var month = await stats.Where(s => s.Day >= monthStart && s.Day <= today)
            .Select(s => new { s.Day, s.Visits })
            .ToListAsync(ct);
        long online;
        try
        {
            online = await store.CountOnlineAsync(now, ct);
        }
        catch (Exception ex) when (IsStoreFailure(ex))
        {
            logger.LogWarning(ex, "Visitor store unavailable; showing this node's online visitors only");
            online = await fallbackStore.CountOnlineAsync(now, ct);
        }

        Volatile.Write(ref site, new SiteCounts(
            total,
            month.Where(d => d.Day == today).Sum(d => d.Visits),
            month.Sum(d => d.Visits),
            online) { Day = today });
        siteLoaded = true;
        articleViews.Clear();
    }

    private static bool IsStoreFailure(Exception ex) =>
        ex is StackExchange.Redis.RedisException or TimeoutException or ObjectDisposedException;

    // The gate is never disposed: a SemaphoreSlim whose wait handle is never asked for holds nothing to free, and
    // disposing it while a flush still runs at shutdown made that flush's Release throw ObjectDisposedException.
}

/// <summary>What the sidebar shows: all-time visits (SỐ LƯỢT TRUY CẬP), today's and this month's visits (local
/// days), and visitors online now (Đang truy cập).</summary>
public sealed record SiteCounts(long Total, long Today, long ThisMonth, long Online)
{
    public DateOnly Day { get; init; }
}
