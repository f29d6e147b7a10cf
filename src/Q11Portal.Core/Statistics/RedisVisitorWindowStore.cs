using System.Globalization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Q11Portal.Core.Statistics;

/// <summary>The store shared by several nodes. A batch of hits is decided by one Lua script, which Redis runs
/// atomically: views with <c>SET … NX PX</c> (first node wins for the window), visits with <c>SET … PX … GET</c>
/// (sliding inactivity window), "Đang truy cập" in a sorted set. The script stores its answer under the batch id,
/// so a batch retried after a timeout (the script may have run, the answer got lost) gets the same answer instead
/// of being decided twice: the second time every visitor would look "already seen" and the views would be lost.
/// One round trip per batch, whatever its size. Keys are built inside the script from the prefix, so the store
/// needs a single Redis (or a primary with replicas), not Redis Cluster.</summary>
public sealed class RedisVisitorWindowStore(IConnectionMultiplexer redis, IOptions<CounterOptions> options) : IVisitorWindowStore
{
    /// <summary>How long a batch's answer is kept for a retry.</summary>
    private static readonly TimeSpan AnswerLifetime = TimeSpan.FromHours(1);

    private const int FieldsPerHit = 4;

    // ARGV: prefix, visit window ms, view window ms, answer lifetime ms, then per hit: visitor, issued cookie id
    // (or ""), article id (or ""), time in ms. KEYS: the batch's answer key, the online sorted set.
    private const string DecideScript = """
        local answer = redis.call('GET', KEYS[1])
        if answer then return answer end
        local prefix = ARGV[1]
        local visitMs, viewMs = ARGV[2], ARGV[3]
        local out = {}
        for i = 5, #ARGV, 4 do
          local visitor, issued, article, at = ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3]
          local newVisit = not redis.call('SET', prefix .. 'seen:' .. visitor, '1', 'PX', visitMs, 'GET')
          if issued ~= '' then redis.call('SET', prefix .. 'seen:' .. issued, '1', 'PX', visitMs) end
          local newView = false
          if article ~= '' then
            newView = redis.call('SET', prefix .. 'view:' .. article .. ':' .. visitor, '1', 'PX', viewMs, 'NX') ~= false
            if issued ~= '' then redis.call('SET', prefix .. 'view:' .. article .. ':' .. issued, '1', 'PX', viewMs) end
          end
          local member = visitor
          if issued ~= '' and newVisit then member = issued end
          redis.call('ZADD', KEYS[2], at, member)
          out[#out + 1] = (newVisit and '1' or '0') .. (newView and '1' or '0')
        end
        answer = table.concat(out)
        redis.call('SET', KEYS[1], answer, 'PX', ARGV[4])
        return answer
        """;

    private readonly CounterOptions options = options.Value;

    private string Prefix => options.RedisKeyPrefix;

    public async ValueTask<string> GetDailySaltAsync(DateOnly day, CancellationToken ct)
    {
        var db = redis.GetDatabase();
        RedisKey key = Prefix + "salt:" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // Whichever node asks first sets the day's salt; it expires after the day is over.
        await db.StringSetAsync(key, VisitorKeys.NewSalt(), TimeSpan.FromHours(50), When.NotExists).WaitAsync(ct);
        var salt = await db.StringGetAsync(key).WaitAsync(ct);
        return salt.HasValue ? salt.ToString() : throw new InvalidOperationException("The daily salt vanished from Redis.");
    }

    public async Task<HitOutcome[]> ProcessAsync(IReadOnlyList<ResolvedHit> hits, string batchId, CancellationToken ct)
    {
        if (hits.Count == 0)
        {
            return [];
        }

        var args = new RedisValue[4 + (hits.Count * FieldsPerHit)];
        args[0] = Prefix;
        args[1] = Milliseconds(options.VisitWindow);
        args[2] = Milliseconds(options.ViewWindow);
        args[3] = Milliseconds(AnswerLifetime);
        for (var i = 0; i < hits.Count; i++)
        {
            var hit = hits[i];
            var at = 4 + (i * FieldsPerHit);
            args[at] = hit.VisitorKey;
            args[at + 1] = hit.IssuedCookieId ?? string.Empty;
            args[at + 2] = hit.ArticleId is { } id ? id.ToString(CultureInfo.InvariantCulture) : string.Empty;
            args[at + 3] = (long)(hit.AtUtc - DateTime.UnixEpoch).TotalMilliseconds;
        }

        RedisKey[] keys = [Prefix + "batch:" + batchId, OnlineKey];
        var result = await redis.GetDatabase().ScriptEvaluateAsync(DecideScript, keys, args).WaitAsync(ct);
        var answer = result.ToString();
        if (answer.Length != hits.Count * 2)
        {
            throw new InvalidOperationException($"The visitor store answered {answer.Length} characters for {hits.Count} hits of batch {batchId}.");
        }

        var outcomes = new HitOutcome[hits.Count];
        for (var i = 0; i < hits.Count; i++)
        {
            outcomes[i] = new HitOutcome(answer[2 * i] == '1', answer[(2 * i) + 1] == '1');
        }

        return outcomes;
    }

    public async Task<long> CountOnlineAsync(DateTime nowUtc, CancellationToken ct)
    {
        var db = redis.GetDatabase();
        var since = (nowUtc - options.OnlineWindow - DateTime.UnixEpoch).TotalMilliseconds;
        await db.SortedSetRemoveRangeByScoreAsync(OnlineKey, double.NegativeInfinity, since, Exclude.Stop).WaitAsync(ct);
        return await db.SortedSetLengthAsync(OnlineKey, since, double.PositiveInfinity, Exclude.Start).WaitAsync(ct);
    }

    private RedisKey OnlineKey => Prefix + "online";

    private static long Milliseconds(TimeSpan span) => (long)span.TotalMilliseconds;
}
