using Q11Portal.Core.Articles;
using Q11Portal.Core.Data;

namespace Q11Portal.Web.Infrastructure;

/// <summary>Brings this node's output cache in step with changes made anywhere: every <see cref="PollInterval"/> it reads
/// the newest id of the shared <c>ContentChanges</c> log (one index seek) and, when it moved, drops every cached public
/// page. All pages rather than pages per content kind, because nearly every page shows what any kind changes (the
/// menu, the sidebar blocks, the latest news); changes come in minutes apart and a dropped page costs one render.
/// This node's own writes are dropped at once besides (<see cref="EvictPublicPagesAfterAdminChange"/>, the search
/// index's observer). The poll doubles as the database probe that ends an outage (<see cref="DatabaseOutage"/>).</summary>
public sealed class ContentChangeEvictionService(
    IServiceScopeFactory scopes,
    PublicPageCacheInvalidator invalidator,
    DatabaseOutage outage,
    ILogger<ContentChangeEvictionService> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private const long NoneSeen = long.MinValue;

    private long seen = NoneSeen;

    /// <summary>The newest change this node has dropped its pages for (null before the first poll): a page cached after
    /// the poll saw the log's newest id stays until the next change.</summary>
    public long? SeenChangeId => Volatile.Read(ref seen) is var id && id != NoneSeen ? id : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        using var timer = new PeriodicTimer(PollInterval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                var latest = await ContentChangeLog.LatestIdAsync(db, stoppingToken);
                outage.MarkUp();
                if (latest != Volatile.Read(ref seen))
                {
                    // The first read drops pages cached while the service started, whatever changed meanwhile.
                    await invalidator.EvictAllAsync(stoppingToken);
                    if (Volatile.Read(ref seen) != NoneSeen)
                    {
                        logger.LogDebug("Public pages dropped: content changes up to {ChangeId}", latest);
                    }

                    Volatile.Write(ref seen, latest);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                if (DatabaseOutage.LooksLikeDatabaseFailure(ex))
                {
                    outage.MarkDown(ex);
                }
                else
                {
                    logger.LogWarning(ex, "Content change poll failed; retrying");
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

/// <summary>Whether this node currently cannot reach the database. Set by a request that failed on the database (after a
/// probe confirms it) or by a failed poll of the change log; cleared by the next poll that succeeds, so readers get
/// stale copies or the 503 page at once while it lasts, and live pages again within a second of the database's
/// return, without a restart.</summary>
public sealed class DatabaseOutage(IServiceScopeFactory scopes, ILogger<DatabaseOutage> logger)
{
    private int down;

    public bool IsDown => Volatile.Read(ref down) == 1;

    public void MarkDown(Exception? cause)
    {
        if (Interlocked.Exchange(ref down, 1) == 0)
        {
            logger.LogError(cause, "Database unreachable: serving stale copies of public pages, or the 503 page");
        }
    }

    public void MarkUp()
    {
        if (Interlocked.Exchange(ref down, 0) == 1)
        {
            logger.LogWarning("Database reachable again: serving live pages");
        }
    }

    /// <summary>True when <paramref name="failure"/> came from a database that cannot be reached now (checked with a
    /// connection probe, so a query's own error is not taken for an outage).</summary>
    public async Task<bool> ConfirmAsync(Exception failure)
    {
        if (!LooksLikeDatabaseFailure(failure))
        {
            return false;
        }

        if (IsDown)
        {
            return true;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await using var scope = scopes.CreateAsyncScope();
        bool reachable;
        try
        {
            reachable = await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().CanConnectAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            reachable = false;
        }

        if (!reachable)
        {
            MarkDown(failure);
        }

        return !reachable;
    }

    public static bool LooksLikeDatabaseFailure(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is System.Data.Common.DbException or System.Net.Sockets.SocketException or TimeoutException
                || (e is InvalidOperationException && e.Message.Contains("transient failure", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }
}
