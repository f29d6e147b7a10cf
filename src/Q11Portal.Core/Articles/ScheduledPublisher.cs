using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Articles;

/// <summary>Publishes scheduled (Hẹn giờ) articles whose time has come. Run by <see cref="ScheduledPublisherService"/>
/// on a timer, so nothing depends on visitors.</summary>
public sealed class ScheduledPublishing(PortalDbContext db, AuditLog audit, TimeProvider clock, ArticleChangeNotifier notifier, ILogger<ScheduledPublishing> logger)
{
    public const string ActorName = "hệ thống (hẹn giờ)";

    /// <summary>Returns the ids published by this call. Idempotent, even when several nodes run it at once: each article
    /// is updated only if its version is still the one read (the concurrency token), in the same transaction as its
    /// ContentChange and audit entry, so an article is published, announced and audited once.</summary>
    public async Task<IReadOnlyList<int>> PublishDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Articles.Where(a => a.Status == ArticleStatus.Scheduled && a.PublishedAtUtc != null && a.PublishedAtUtc <= now)
            .OrderBy(a => a.PublishedAtUtc).Take(100).ToListAsync(ct);
        var published = new List<int>();
        foreach (var article in due)
        {
            if (db.Entry(article).State == EntityState.Detached)
            {
                // A concurrency failure below cleared the tracker; without tracking, the ContentChange and audit entry
                // would be saved without the article's new status, and the next round would publish it again.
                db.Attach(article);
            }

            var seen = article.Version;
            db.Entry(article).Property(a => a.Version).OriginalValue = seen;
            article.Status = ArticleStatus.Published;
            article.Version = Guid.NewGuid();
            article.UpdatedAtUtc = now;
            article.ReturnReason = null;
            db.ContentChanges.Add(new ContentChange { ContentKind = ContentKind.Article, EntityId = article.Id, Kind = ContentChangeKind.Upserted, AtUtc = now });
            audit.Add(ActorName, AuditActions.ArticlePublished, nameof(Article), article.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), article.Title);
            try
            {
                await db.SaveChangesAsync(ct);
                published.Add(article.Id);
                logger.LogInformation("Scheduled article {ArticleId} published", article.Id);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another node (or an editor) changed it first; whatever they did stands.
                db.ChangeTracker.Clear();
            }
        }

        foreach (var id in published)
        {
            await notifier.NotifyAsync(new ArticleChangeNotice(id, ContentChangeKind.Upserted, ArticleStatus.Published, "scheduled"), ct);
        }

        return published;
    }
}

/// <summary>The timer around <see cref="ScheduledPublishing"/>; uses the injected <see cref="TimeProvider"/> so tests
/// drive it with a fake clock. Nodes sharing a Redis run it on one node at a time (<see cref="JobLease"/>); without
/// one it is safe all the same, since <see cref="ScheduledPublishing.PublishDueAsync"/> is idempotent.</summary>
public sealed class ScheduledPublisherService(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<NewsroomOptions> options,
    ILogger<ScheduledPublisherService> logger,
    JobLease? lease = null)
    : PeriodicJob(clock, logger, lease)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.SchedulerIntervalSeconds);

    protected override async Task RunRoundAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ScheduledPublishing>().PublishDueAsync(ct);
    }
}
