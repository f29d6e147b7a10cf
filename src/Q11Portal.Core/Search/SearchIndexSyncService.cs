using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Search;

/// <summary>On start, rebuilds a missing or damaged local index from the database (and fills the related-news lists
/// when none exist yet, or recomputes them when the index layout changed); then polls the ContentChanges log so that changes made on other nodes show up here.</summary>
public sealed class SearchIndexSyncService(SearchIndexer indexer, IServiceScopeFactory scopes, IOptions<SearchOptions> options,
    ILogger<SearchIndexSyncService> logger) : BackgroundService
{
    private readonly TaskCompletionSource prepared = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the start-up work (rebuild, related lists) is over, done or failed; at once when the
    /// background sync is off.</summary>
    public Task Prepared => prepared.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.BackgroundSync)
        {
            prepared.TrySetResult();
            return;
        }

        // Let the host finish starting (migrations run before this in Program.cs).
        await Task.Yield();
        try
        {
            await PrepareAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Search index could not be prepared; searches will show what the index holds");
        }
        finally
        {
            prepared.TrySetResult();
        }

        using var timer = new PeriodicTimer(options.Value.PollInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await indexer.CatchUpAsync(stoppingToken);
                indexer.Index.Refresh();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Search index catch-up failed; retrying");
            }
        }
    }

    private async Task PrepareAsync(CancellationToken ct)
    {
        indexer.Index.EnsureOpen();
        var schemaChanged = indexer.Index.SchemaChanged;
        if (indexer.Index.NeedsRebuild)
        {
            await indexer.RebuildAsync(null, ct);
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        // A new index layout changes how similarity is computed, so the stored lists are recomputed with it.
        if ((schemaChanged || !await db.RelatedArticles.AnyAsync(ct)) && await db.Articles.PublishedAtAnyTime().AnyAsync(ct))
        {
            var count = await scope.ServiceProvider.GetRequiredService<RelatedArticleService>().RecomputeAllAsync(null, ct);
            logger.LogInformation("Related-news lists computed for {ArticleCount} articles", count);
        }
    }
}
