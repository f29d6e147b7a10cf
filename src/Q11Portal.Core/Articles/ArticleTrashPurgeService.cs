using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Q11Portal.Core.Common;

namespace Q11Portal.Core.Articles;

/// <summary>Purges articles that have been in the trash <see cref="ArticleTrash.RetentionDays"/> days, once an hour,
/// on one node at a time (<see cref="JobLease"/>); idempotent, as a purge skips what is no longer in the trash.</summary>
public sealed class ArticleTrashPurgeService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ArticleTrashPurgeService> logger, JobLease? lease = null)
    : PeriodicJob(clock, logger, lease)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task RunRoundAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ArticleTrash>().PurgeExpiredAsync(ct);
    }
}
