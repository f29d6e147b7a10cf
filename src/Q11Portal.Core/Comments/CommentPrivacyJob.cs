using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Comments;

/// <summary>Removes client addresses kept in clear once they are older than <see cref="CommentOptions.ClientAddressRetentionDays"/>,
/// and spent one-time tokens once they could no longer be replayed. Runs at start and then every
/// <see cref="CommentOptions.CleanupIntervalMinutes"/> on the portal's clock, on one node at a time when nodes share a
/// Redis (<see cref="JobLease"/>). Idempotent, so two nodes running a round together is harmless: both statements
/// only clear or delete what is past its time, and a second run finds nothing left.</summary>
public sealed class CommentPrivacyJob(
    IServiceScopeFactory scopes,
    IOptions<CommentOptions> options,
    TimeProvider clock,
    ILogger<CommentPrivacyJob> logger,
    JobLease? lease = null) : PeriodicJob(clock, logger, lease)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.CleanupIntervalMinutes);

    protected override Task RunRoundAsync(CancellationToken ct) => CleanUpAsync(ct);

    /// <summary>One round of the job, as the timer runs it: how many addresses were cleared and tokens removed.</summary>
    public async Task<(int Addresses, int Tokens)> CleanUpAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = Clock.GetUtcNow().UtcDateTime;
        var cutoff = now.AddDays(-options.Value.ClientAddressRetentionDays);

        var addresses = await db.Comments
            .Where(c => c.ClientAddress != null && c.CreatedAtUtc <= cutoff)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ClientAddress, (string?)null), ct);
        var tokens = await new SpentTokenStore(db).RemoveExpiredAsync(now, ct);

        if (addresses > 0 || tokens > 0)
        {
            logger.LogInformation("Comment privacy clean-up removed {Addresses} client address(es) and {Tokens} spent token(s)", addresses, tokens);
        }

        return (addresses, tokens);
    }
}
