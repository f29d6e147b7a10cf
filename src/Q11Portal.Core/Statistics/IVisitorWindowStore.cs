namespace Q11Portal.Core.Statistics;

/// <summary>Remembers who was seen when, to decide which hits are new views and new visits and how many people
/// are online. In memory on one node; in Redis when several nodes must agree.</summary>
public interface IVisitorWindowStore
{
    /// <summary>The salt of the visitor hash for a local day; every node must get the same one.</summary>
    ValueTask<string> GetDailySaltAsync(DateOnly day, CancellationToken ct);

    /// <summary>Decides each hit in order, and records it so later hits (on any node) see it. A batch sent again
    /// with the same <paramref name="batchId"/> (a retry after a timeout) gets the first answer again.</summary>
    Task<HitOutcome[]> ProcessAsync(IReadOnlyList<ResolvedHit> hits, string batchId, CancellationToken ct);

    /// <summary>Visitors seen within the online window before <paramref name="nowUtc"/>; also forgets older entries.</summary>
    Task<long> CountOnlineAsync(DateTime nowUtc, CancellationToken ct);
}

/// <summary>A hit whose article slug has been turned into an id (null: not an article page, or unknown).</summary>
public readonly record struct ResolvedHit(string VisitorKey, string? IssuedCookieId, int? ArticleId, DateTime AtUtc);
