using System.Globalization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Q11Portal.Core.Statistics;

/// <summary>The store shared by several nodes. Each decision is one atomic Redis command, so two nodes seeing the
/// same visitor at the same moment still count one view: <c>SET … NX PX</c> for views (first one wins for the
/// window), <c>SET … PX … GET</c> for visits (sliding inactivity window), a sorted set for "Đang truy cập".
/// A batch of hits costs two round trips, whatever its size.</summary>
public sealed class RedisVisitorWindowStore(IConnectionMultiplexer redis, IOptions<CounterOptions> options) : IVisitorWindowStore
{
    private static readonly RedisValue One = 1;
    private readonly CounterOptions options = options.Value;

    private string Prefix => options.RedisKeyPrefix;

    public async ValueTask<string> GetDailySaltAsync(DateOnly day, CancellationToken ct)
    {
        var db = redis.GetDatabase();
        RedisKey key = Prefix + "salt:" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // Whichever node asks first sets the day's salt; it expires after the day is over.
        await db.StringSetAsync(key, VisitorKeys.NewSalt(), TimeSpan.FromHours(50), When.NotExists);
        var salt = await db.StringGetAsync(key);
        return salt.HasValue ? salt.ToString() : throw new InvalidOperationException("The daily salt vanished from Redis.");
    }

    public async Task<HitOutcome[]> ProcessAsync(IReadOnlyList<ResolvedHit> hits, CancellationToken ct)
    {
        var db = redis.GetDatabase();
        var visitTasks = new Task<RedisValue>[hits.Count];
        var viewTasks = new Task<bool>?[hits.Count];
        var others = new List<Task>();
        var batch = db.CreateBatch();
        for (var i = 0; i < hits.Count; i++)
        {
            var hit = hits[i];
            visitTasks[i] = batch.StringSetAndGetAsync(SeenKey(hit.VisitorKey), One, options.VisitWindow, keepTtl: false, When.Always);
            if (hit.IssuedCookieId is { } issued)
            {
                others.Add(batch.StringSetAsync(SeenKey(issued), One, options.VisitWindow));
            }

            if (hit.ArticleId is { } articleId)
            {
                viewTasks[i] = batch.StringSetAsync(ViewKey(articleId, hit.VisitorKey), One, options.ViewWindow, When.NotExists);
                if (hit.IssuedCookieId is { } issuedForView)
                {
                    others.Add(batch.StringSetAsync(ViewKey(articleId, issuedForView), One, options.ViewWindow));
                }
            }
        }

        batch.Execute();
        await Task.WhenAll(visitTasks.Concat<Task>(viewTasks.OfType<Task<bool>>()).Concat(others)).WaitAsync(ct);

        var outcomes = new HitOutcome[hits.Count];
        var entries = new List<SortedSetEntry>(hits.Count);
        for (var i = 0; i < hits.Count; i++)
        {
            var newVisit = visitTasks[i].Result.IsNull;
            var newView = viewTasks[i]?.Result ?? false;
            outcomes[i] = new HitOutcome(newVisit, newView);
            entries.Add(new SortedSetEntry(MemoryVisitorWindowStore.OnlineKey(hits[i], newVisit), ToScore(hits[i].AtUtc)));
        }

        if (entries.Count > 0)
        {
            await db.SortedSetAddAsync(OnlineKey, entries.ToArray()).WaitAsync(ct);
        }

        return outcomes;
    }

    public async Task<long> CountOnlineAsync(DateTime nowUtc, CancellationToken ct)
    {
        var db = redis.GetDatabase();
        var since = ToScore(nowUtc - options.OnlineWindow);
        await db.SortedSetRemoveRangeByScoreAsync(OnlineKey, double.NegativeInfinity, since, Exclude.Stop).WaitAsync(ct);
        return await db.SortedSetLengthAsync(OnlineKey, since, double.PositiveInfinity, Exclude.Start).WaitAsync(ct);
    }

    private RedisKey OnlineKey => Prefix + "online";

    private RedisKey SeenKey(string visitor) => Prefix + "seen:" + visitor;

    private RedisKey ViewKey(int articleId, string visitor) =>
        Prefix + "view:" + articleId.ToString(CultureInfo.InvariantCulture) + ":" + visitor;

    private static double ToScore(DateTime utc) => (utc - DateTime.UnixEpoch).TotalMilliseconds;
}
