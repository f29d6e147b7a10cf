using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Q11Portal.Web.Infrastructure;

/// <summary>The last good copy of each public page, for database outages: the framework's output cache never serves
/// an expired entry, so this keeps its own bounded copies (least recently used go first past
/// <see cref="PublicPageCacheOptions.StaleCopyMegabytes"/>). A copy is refreshed from a page served at most every
/// <see cref="RefreshAfter"/>, so a cached page is not copied on every request.</summary>
public sealed class PublicPageStaleCopies : IDisposable
{
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromSeconds(30);
    internal const int MaxPageBytes = 2 * 1024 * 1024;

    private readonly MemoryCache copies;
    private readonly PublicPageCacheOptions options;
    private readonly TimeProvider clock;

    public PublicPageStaleCopies(IOptions<PublicPageCacheOptions> options, TimeProvider clock)
    {
        this.options = options.Value;
        this.clock = clock;
        copies = new MemoryCache(new MemoryCacheOptions { SizeLimit = this.options.StaleCopyMegabytes * 1024L * 1024L, CompactionPercentage = 0.25 });
    }

    /// <summary>The page (path and the query parameters it reads) and the encoding its answer is sent in: a copy is
    /// kept as it was sent, compressed or not.</summary>
    public static string KeyOf(HttpRequest request) =>
        request.Path.Value + "?" + PageQuery.ContentQuery(request.HttpContext) + "#" + PublicPageCachePolicy.NegotiatedEncoding(request.HttpContext);

    /// <summary>The copy of <paramref name="key"/>'s encoding, else the page's uncompressed copy (which every reader can
    /// take, compressed on the way out when they accept it).</summary>
    public bool TryGet(string key, out StaleCopy copy) =>
        copies.TryGetValue(key, out copy!) || copies.TryGetValue(key.Substring(0, key.LastIndexOf('#') + 1), out copy!);

    public bool NeedsRefresh(string key) =>
        !copies.TryGetValue(key, out StaleCopy? copy) || clock.GetUtcNow() - copy!.StoredAt > RefreshAfter;

    public void Store(string key, StaleCopy copy) =>
        copies.Set(key, copy, new MemoryCacheEntryOptions { Size = copy.Body.Length + key.Length * 2 + 256, SlidingExpiration = options.StaleCopyLifetime });

    public StaleCopy NewCopy(string contentType, string? contentEncoding, byte[] body) => new(contentType, contentEncoding, body, clock.GetUtcNow());

    public void Dispose() => copies.Dispose();
}

/// <param name="ContentEncoding">"br" or "gzip" when the copy was kept as sent compressed (copies are kept per
/// encoding, <see cref="PublicPageStaleCopies.KeyOf"/>), else null.</param>
public sealed record StaleCopy(string ContentType, string? ContentEncoding, byte[] Body, DateTimeOffset StoredAt);

public static class PublicPageStaleCopiesExtensions
{
    public static IServiceCollection AddPublicPageStaleCopies(this IServiceCollection services)
    {
        services.AddSingleton<PublicPageStaleCopies>();
        services.AddSingleton<DatabaseOutage>();
        return services;
    }

    /// <summary>Call after the counters (a stale copy counts like a page) and before <c>UseOutputCache</c>.</summary>
    public static IApplicationBuilder UsePublicPageOutageFallback(this IApplicationBuilder app) =>
        app.UseMiddleware<PublicPageOutageMiddleware>();

    /// <summary>Whether the endpoint is a public page under <see cref="PublicPageCache.Policy"/>.</summary>
    public static bool IsPublicPage(Endpoint? endpoint) =>
        endpoint?.Metadata.GetOrderedMetadata<OutputCacheAttribute>().Any(a => a.PolicyName == PublicPageCache.Policy) == true;
}
