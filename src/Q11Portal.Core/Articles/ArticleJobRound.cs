using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Articles;

/// <summary>What the newsroom's clocks (<see cref="ScheduledPublishing"/>, <see cref="ArticleExpiry"/>) share: each due
/// article is changed and saved on its own, with the version it was read at as the UPDATE's condition, in the same
/// transaction as the ContentChange and audit entry the change adds; an article someone else changed
/// first (an editor, another node) is left as they made it. That makes a round idempotent.</summary>
internal static class ArticleJobRound
{
    /// <summary>Returns the ids saved.</summary>
    public static async Task<List<int>> SaveEachAsync(PortalDbContext db, IEnumerable<Article> due, DateTime nowUtc, Action<Article> change, CancellationToken ct)
    {
        var saved = new List<int>();
        foreach (var article in due)
        {
            if (db.Entry(article).State == EntityState.Detached)
            {
                // A concurrency failure below cleared the tracker; without tracking, the ContentChange and audit entry
                // would be saved without the article's new status, and the next round would change it again.
                db.Attach(article);
            }

            db.Entry(article).Property(a => a.Version).OriginalValue = article.Version;
            article.Version = Guid.NewGuid();
            article.UpdatedAtUtc = nowUtc;
            change(article);
            try
            {
                await db.SaveChangesAsync(ct);
                saved.Add(article.Id);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
            }
        }

        return saved;
    }
}

/// <summary>The timer of a newsroom clock: a round every <c>Newsroom:SchedulerIntervalSeconds</c> in a scope of its
/// own, on the injected <see cref="TimeProvider"/> (tests drive it with a fake one). Nodes sharing a Redis run it on one
/// node at a time (<see cref="JobLease"/>); without one it is safe all the same, since every round is idempotent.</summary>
public abstract class NewsroomClockJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<NewsroomOptions> options, ILogger logger, JobLease? lease)
    : PeriodicJob(clock, logger, lease)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.SchedulerIntervalSeconds);

    /// <summary>One round with the scope's services.</summary>
    protected abstract Task RunAsync(IServiceProvider services, CancellationToken ct);

    protected override async Task RunRoundAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await RunAsync(scope.ServiceProvider, ct);
    }
}
