using System.ComponentModel.DataAnnotations;

namespace Q11Portal.Web.Infrastructure;

/// <summary>Memory for the public pages (section <c>PublicPageCache</c>): the output cache of served pages and the last
/// good copies kept for database outages. Both are bounded; past the bound the least recently used go first.</summary>
public sealed class PublicPageCacheOptions
{
    public const string SectionName = "PublicPageCache";

    /// <summary>Memory for the output cache's pages (each lives <see cref="PublicPageCache.Duration"/> at most). A page
    /// is stored as it was sent, usually Brotli-compressed (about 9 KB for an article): 32 MB holds thousands of the
    /// pages opened in the last minute, and a burst of misses (a crawler, a miss storm) cannot hold more.</summary>
    [Range(1, 4096)]
    public int OutputCacheMegabytes { get; set; } = 32;

    /// <summary>Memory kept for last good copies of public pages, served while the database is unreachable.</summary>
    [Range(1, 4096)]
    public int StaleCopyMegabytes { get; set; } = 64;

    /// <summary>How long a last good copy is kept after it was last refreshed.</summary>
    public TimeSpan StaleCopyLifetime { get; set; } = TimeSpan.FromDays(1);
}
