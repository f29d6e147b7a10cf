using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.Extensions.Options;
using Q11Portal.Core.Statistics;
using Q11Portal.Core.Users;

namespace Q11Portal.Web.Infrastructure.Counters;

/// <summary>Turns public page requests into <see cref="CounterHit"/>s. It sits before the output cache, so a page
/// served from the cache counts like a rendered one. Counts nothing for HEAD, prefetches, crawlers, staff,
/// admin pages, non-HTML answers and anything but 200. The request path only queues the hit.</summary>
public sealed class CounterMiddleware(
    RequestDelegate next,
    ViewCounter counter,
    CrawlerDetector crawlers,
    IOptions<CounterOptions> options)
{
    private readonly CounterOptions options = options.Value;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!options.Enabled
            || !HttpMethods.IsGet(request.Method)
            || context.GetEndpoint() is not { } endpoint
            || !IsPublicPage(endpoint)
            || IsPrefetch(request)
            || crawlers.IsCrawler(request.Headers.UserAgent.ToString())
            || IsStaff(context))
        {
            await next(context);
            return;
        }

        var cookie = request.Cookies[options.CookieName];
        var cookieId = VisitorKeys.IsValidCookieId(cookie) ? cookie : null;
        string? issued = null;
        if (cookieId is null)
        {
            issued = VisitorKeys.NewCookieId();
            context.Response.OnStarting(() =>
            {
                if (IsCountable(context.Response))
                {
                    context.Response.Cookies.Append(options.CookieName, issued, new CookieOptions
                    {
                        HttpOnly = true,
                        Secure = request.IsHttps,
                        SameSite = SameSiteMode.Lax,
                        IsEssential = true,
                        Path = "/",
                        MaxAge = TimeSpan.FromDays(options.CookieDays),
                    });
                }

                return Task.CompletedTask;
            });
        }

        await next(context);

        if (!IsCountable(context.Response))
        {
            return;
        }

        var visitorKey = cookieId ?? VisitorKeys.Fingerprint(
            await counter.GetDailySaltAsync(context.RequestAborted),
            context.Connection.RemoteIpAddress,
            request.Headers.UserAgent.ToString());

        int? articleId = null;
        string? slug = null;
        if (endpoint.Metadata.GetMetadata<CountArticleViewAttribute>() is { } article)
        {
            if (context.Items.TryGetValue(CounterHttpContextExtensions.ArticleIdItem, out var id) && id is int known)
            {
                articleId = known;
            }
            else
            {
                slug = context.GetRouteValue(article.SlugRouteValue) as string;
            }
        }

        counter.Record(new CounterHit(visitorKey, issued, articleId, slug, counter.UtcNow));
    }

    private static bool IsCountable(HttpResponse response) =>
        response.StatusCode == StatusCodes.Status200OK
        && response.ContentType is { } type
        && type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase);

    private static bool IsPublicPage(Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<ControllerActionDescriptor>() is not { } action
            || endpoint.Metadata.GetMetadata<NotCountedAttribute>() is not null)
        {
            return false;
        }

        return !action.RouteValues.TryGetValue("area", out var area) || string.IsNullOrEmpty(area);
    }

    /// <summary>Speculative loads the reader may never look at: link prefetch, Chrome/Firefox/Safari previews,
    /// and sub-resource fetches of a page (Sec-Fetch-Dest other than document).</summary>
    internal static bool IsPrefetch(HttpRequest request)
    {
        var headers = request.Headers;
        return headers["Sec-Purpose"].ToString().Contains("prefetch", StringComparison.OrdinalIgnoreCase)
            || headers["Purpose"].ToString().Contains("prefetch", StringComparison.OrdinalIgnoreCase)
            || headers["X-Moz"].ToString().Contains("prefetch", StringComparison.OrdinalIgnoreCase)
            || headers["X-Purpose"].ToString().Contains("preview", StringComparison.OrdinalIgnoreCase)
            || (headers["Sec-Fetch-Dest"].ToString() is { Length: > 0 } dest && !dest.Equals("document", StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsStaff(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true && Roles.All.Any(context.User.IsInRole);
}
