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
        var published = await ArticleJobRound.SaveEachAsync(db, due, now, article =>
        {
            article.Status = ArticleStatus.Published;
            article.ReturnReason = null;
            db.ContentChanges.Add(new ContentChange { ContentKind = ContentKind.Article, EntityId = article.Id, Kind = ContentChangeKind.Upserted, AtUtc = now });
            audit.Add(ActorName, AuditActions.ArticlePublished, nameof(Article), article.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), article.Title);
        }, ct);
        foreach (var id in published)
        {
            logger.LogInformation("Scheduled article {ArticleId} published", id);
            await notifier.NotifyAsync(new ArticleChangeNotice(id, ContentChangeKind.Upserted, ArticleStatus.Published, "scheduled"), ct);
        }

        return published;
    }
}

/// <summary>The timer around <see cref="ScheduledPublishing"/> (<see cref="NewsroomClockJob"/>).</summary>
public sealed class ScheduledPublisherService(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<NewsroomOptions> options,
    ILogger<ScheduledPublisherService> logger,
    JobLease? lease = null)
    : NewsroomClockJob(scopes, clock, options, logger, lease)
{
    protected override Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<ScheduledPublishing>().PublishDueAsync(ct);
}
