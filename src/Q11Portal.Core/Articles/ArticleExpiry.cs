using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Articles;

/// <summary>Hết hạn: moves published articles whose expiry time has come to Unpublished (Đã gỡ). The visibility rule
/// already hides them from that instant; this makes the newsroom's state say so and tells caches, the search index and
/// the sitemap through the <see cref="ContentChange"/> log.</summary>
public sealed class ArticleExpiry(PortalDbContext db, AuditLog audit, TimeProvider clock, ArticleChangeNotifier notifier, ILogger<ArticleExpiry> logger)
{
    public const string ActorName = "hệ thống (hết hạn)";

    /// <summary>Returns the ids unpublished by this call. Idempotent like <see cref="ScheduledPublishing.PublishDueAsync"/>:
    /// each article is updated only if its version is still the one read, in the same transaction as its ContentChange
    /// and audit entry, so several nodes running it at once unpublish, announce and audit an article once.</summary>
    public async Task<IReadOnlyList<int>> ExpireDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Articles.Where(a => a.Status == ArticleStatus.Published && a.ExpiresAtUtc != null && a.ExpiresAtUtc <= now)
            .OrderBy(a => a.ExpiresAtUtc).Take(100).ToListAsync(ct);
        var expired = await ArticleJobRound.SaveEachAsync(db, due, now, article =>
        {
            article.Status = ArticleStatus.Unpublished;
            db.ContentChanges.Add(new ContentChange { ContentKind = ContentKind.Article, EntityId = article.Id, Kind = ContentChangeKind.Removed, AtUtc = now });
            audit.Add(ActorName, AuditActions.ArticleExpired, nameof(Article), article.Id.ToString(CultureInfo.InvariantCulture),
                $"{article.Title}: hết hạn lúc {LocalTime.ToLocal(article.ExpiresAtUtc!.Value):HH:mm dd/MM/yyyy}");
        }, ct);
        foreach (var id in expired)
        {
            logger.LogInformation("Article {ArticleId} expired and unpublished", id);
            await notifier.NotifyAsync(new ArticleChangeNotice(id, ContentChangeKind.Removed, ArticleStatus.Unpublished, "expired"), ct);
        }

        return expired;
    }
}

/// <summary>The timer around <see cref="ArticleExpiry"/>, on the scheduler's interval and lease (<see cref="NewsroomClockJob"/>).</summary>
public sealed class ArticleExpiryService(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<NewsroomOptions> options,
    ILogger<ArticleExpiryService> logger,
    JobLease? lease = null)
    : NewsroomClockJob(scopes, clock, options, logger, lease)
{
    protected override Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<ArticleExpiry>().ExpireDueAsync(ct);
}
