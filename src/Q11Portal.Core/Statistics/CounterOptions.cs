using System.ComponentModel.DataAnnotations;

namespace Q11Portal.Core.Statistics;

/// <summary>How views, visits and "Đang truy cập" are counted (section <c>Counters</c>).</summary>
public sealed class CounterOptions
{
    public const string SectionName = "Counters";

    /// <summary>Off: nothing is counted and no visitor cookie is set (the benchmark's baseline).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>One visitor's views of one article within this window count once.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan ViewWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A visit ends after this much inactivity; the next page starts a new visit.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan VisitWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>"Đang truy cập": visitors seen within this window.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan OnlineWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often a node adds its counts to the database; a crash loses at most this much.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The first-party cookie that recognises a returning browser.</summary>
    [Required, RegularExpression("^[A-Za-z0-9_.-]{1,64}$")]
    public string CookieName { get; set; } = "q11_vid";

    [Range(1, 3650)]
    public int CookieDays { get; set; } = 365;

    /// <summary>Prefix of every Redis key, so several portals (or test runs) can share one Redis.</summary>
    [Required]
    public string RedisKeyPrefix { get; set; } = "q11:counters:";

    /// <summary>User-agent fragments counted as crawlers on top of the built-in list (case-insensitive).</summary>
    public List<string> ExtraCrawlerPatterns { get; set; } = [];

    /// <summary>While the shared store (Redis) fails for less than this, hits wait for it; after that the node
    /// de-duplicates on its own until Redis answers again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan StoreOutageGrace { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Hits waiting to be de-duplicated; beyond this a flood is dropped (and logged) rather than eating memory.</summary>
    [Range(1000, 10_000_000)]
    public int QueueCapacity { get; set; } = 1_000_000;
}
