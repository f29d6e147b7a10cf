using System.Diagnostics;
using Microsoft.AspNetCore.OutputCaching;

namespace Q11Portal.Web.Infrastructure.Metrics;

/// <summary>Times search pages and tells output-cache hits from misses without reaching into the cache: this runs just
/// before the output cache and <see cref="MarkRendered"/> just after it, so a cacheable page whose request never got
/// past the cache was served from it.</summary>
internal sealed class PortalMetricsMiddleware(RequestDelegate next, PortalMetrics metrics)
{
    private static readonly object RenderedKey = new();

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        await next(context);
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return;
        }

        if (context.GetEndpoint()?.Metadata.GetMetadata<OutputCacheAttribute>() is not null)
        {
            metrics.PageCacheLookup(hit: !context.Items.ContainsKey(RenderedKey));
        }

        // Answered searches only: a refused one (rate limit, bad request) says nothing about how fast search is.
        if (request.Path.StartsWithSegments("/tim-kiem") && context.Response.StatusCode < 400)
        {
            metrics.SearchAnswered(Stopwatch.GetElapsedTime(started));
        }
    }

    public static Task MarkRendered(HttpContext context, RequestDelegate next)
    {
        context.Items[RenderedKey] = true;
        return next(context);
    }
}
