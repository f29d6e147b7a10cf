using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Q11Portal.Core.Statistics;

namespace Q11Portal.Web.Infrastructure;

/// <summary>The output cache rules of public pages, in place of the framework's default policy, whose rules keep
/// pages with a per-visitor answer out of the cache:
/// <list type="bullet">
/// <item>Readers with or without cookies share one copy: nothing per visitor is in a page's bytes (the visitor cookie
/// is added by the counter on the way out, the comment form fetches its token and challenge when first used, the
/// counters are refreshed by <c>counters.js</c>).</item>
/// <item>Signed-in users (staff) and requests with credentials neither read nor fill the cache.</item>
/// <item>The key is the path and the page's own query parameters (<see cref="PageQuery"/>: the print view's
/// <c>?in=1</c>, a page number), in a stable order; tracking and any other parameters are left out.</item>
/// <item>Pages are stored compressed, one copy per encoding the compression inside the cache chooses (br, gzip or
/// none: <see cref="NegotiatedEncoding"/>), so a cached page is not compressed again for every reader.</item>
/// <item>Only a 200 answer that sets no cookie of its own (the visitor cookie is not the page's) is stored.</item>
/// </list></summary>
public sealed class PublicPageCachePolicy : IOutputCachePolicy
{
    internal const string QueryVaryKey = "q11-query";
    internal const string EncodingVaryKey = "q11-encoding";

    private static readonly object NegotiatedEncodingItem = new();

    /// <summary>The encoding this request's answer is compressed with ("br", "gzip", or "" for none), as the response
    /// compression the pipeline runs inside the output cache chooses it from <c>Accept-Encoding</c>. Worked out once per
    /// request: the stale copies' key and the cache key both need it.</summary>
    public static string NegotiatedEncoding(HttpContext context)
    {
        if (context.Items.TryGetValue(NegotiatedEncodingItem, out var known))
        {
            return (string)known!;
        }

        var provider = context.RequestServices.GetRequiredService<IResponseCompressionProvider>();
        var encoding = provider.CheckRequestAcceptsCompression(context) ? provider.GetCompressionProvider(context)?.EncodingName ?? string.Empty : string.Empty;
        context.Items[NegotiatedEncodingItem] = encoding;
        return encoding;
    }

    public static bool IsCacheableRequest(HttpContext context)
    {
        var request = context.Request;
        return (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && context.User.Identity?.IsAuthenticated != true
            && StringValues.IsNullOrEmpty(request.Headers.Authorization);
    }

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var cacheable = IsCacheableRequest(context.HttpContext);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = PublicPageCache.Duration;
        context.Tags.Add(PublicPageCache.Tag);
        context.CacheVaryByRules.QueryKeys = StringValues.Empty;
        context.CacheVaryByRules.VaryByValues[QueryVaryKey] = PageQuery.ContentQuery(context.HttpContext);
        context.CacheVaryByRules.VaryByValues[EncodingVaryKey] = NegotiatedEncoding(context.HttpContext);
        return ValueTask.CompletedTask;
    }

    /// <summary>Whether the page set a cookie other than the visitor cookie. That one is added by the counter when the
    /// answer starts, which is after the cache took the page's headers (at its first body write), so it is never
    /// stored; it is added afresh to every answer, cached or not.</summary>
    private static bool SetsOwnCookie(HttpContext context)
    {
        var cookies = context.Response.Headers.SetCookie;
        if (StringValues.IsNullOrEmpty(cookies))
        {
            return false;
        }

        var visitor = context.RequestServices.GetRequiredService<IOptions<CounterOptions>>().Value.CookieName + "=";
        return cookies.Any(c => c is null || !c.StartsWith(visitor, StringComparison.Ordinal));
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || SetsOwnCookie(context.HttpContext))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
