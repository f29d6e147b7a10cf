using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Q11Portal.Core.Statistics;

/// <summary>The single-node store: dictionaries of last-seen times, pruned as they age out. Only the flusher
/// writes to it (one at a time), so decisions are sequential and exact.</summary>
public sealed class MemoryVisitorWindowStore(IOptions<CounterOptions> options) : IVisitorWindowStore
{
    private readonly CounterOptions options = options.Value;
    private readonly ConcurrentDictionary<string, DateTime> lastSeen = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Visitor, int ArticleId), DateTime> viewCounted = new();
    private readonly ConcurrentDictionary<string, DateTime> online = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<DateOnly, string> salts = new();

    public ValueTask<string> GetDailySaltAsync(DateOnly day, CancellationToken ct)
    {
        var salt = salts.GetOrAdd(day, _ => VisitorKeys.NewSalt());
        foreach (var old in salts.Keys.Where(d => d < day.AddDays(-1)))
        {
            salts.TryRemove(old, out _);
        }

        return ValueTask.FromResult(salt);
    }

    /// <summary>Decides in process, where a call cannot half-fail, so the batch id is not needed.</summary>
    public Task<HitOutcome[]> ProcessAsync(IReadOnlyList<ResolvedHit> hits, string batchId, CancellationToken ct)
    {
        var outcomes = new HitOutcome[hits.Count];
        for (var i = 0; i < hits.Count; i++)
        {
            outcomes[i] = Process(hits[i]);
        }

        return Task.FromResult(outcomes);
    }

    public Task<long> CountOnlineAsync(DateTime nowUtc, CancellationToken ct)
    {
        Prune(nowUtc);
        var since = nowUtc - options.OnlineWindow;
        long count = online.Count(e => e.Value > since);
        return Task.FromResult(count);
    }

    internal int TrackedEntries => lastSeen.Count + viewCounted.Count + online.Count;

    private HitOutcome Process(ResolvedHit hit)
    {
        var now = hit.AtUtc;
        var newVisit = !lastSeen.TryGetValue(hit.VisitorKey, out var seen) || now - seen >= options.VisitWindow;
        lastSeen[hit.VisitorKey] = now;

        var newView = false;
        if (hit.ArticleId is { } articleId)
        {
            var key = (hit.VisitorKey, articleId);
            newView = !viewCounted.TryGetValue(key, out var counted) || now - counted >= options.ViewWindow;
            if (newView)
            {
                viewCounted[key] = now;
            }

            if (hit.IssuedCookieId is { } issued)
            {
                viewCounted[(issued, articleId)] = newView ? now : counted;
            }
        }

        if (hit.IssuedCookieId is { } issuedId)
        {
            lastSeen[issuedId] = now;
        }

        online[OnlineKey(hit, newVisit)] = now;
        return new HitOutcome(newVisit, newView);
    }

    /// <summary>A new browser is online under the cookie it was just given, so its next request (with that cookie)
    /// is the same person; a browser that keeps refusing cookies is online under its hash.</summary>
    internal static string OnlineKey(ResolvedHit hit, bool newVisit) =>
        hit.IssuedCookieId is { } issued && newVisit ? issued : hit.VisitorKey;

    private void Prune(DateTime nowUtc)
    {
        var visitCutoff = nowUtc - options.VisitWindow;
        foreach (var (key, at) in lastSeen)
        {
            if (at <= visitCutoff)
            {
                lastSeen.TryRemove(new KeyValuePair<string, DateTime>(key, at));
            }
        }

        var viewCutoff = nowUtc - options.ViewWindow;
        foreach (var (key, at) in viewCounted)
        {
            if (at <= viewCutoff)
            {
                viewCounted.TryRemove(new KeyValuePair<(string, int), DateTime>(key, at));
            }
        }

        var onlineCutoff = nowUtc - options.OnlineWindow;
        foreach (var (key, at) in online)
        {
            if (at <= onlineCutoff)
            {
                online.TryRemove(new KeyValuePair<string, DateTime>(key, at));
            }
        }
    }
}
