using Microsoft.AspNetCore.Http.HttpResults;
using Q11Portal.Core.Statistics;

namespace Q11Portal.Web.Infrastructure.Counters;

public static class CounterWebExtensions
{
    /// <summary>The tiny JSON the page script reads to show fresh numbers on a cached page.</summary>
    public const string CountsPath = "/api/luot-truy-cap";

    public static IServiceCollection AddPortalCounters(this IServiceCollection services, IConfiguration configuration) =>
        services.AddStatistics(configuration);

    /// <summary>Call after authentication (staff are not counted) and before <c>UseOutputCache</c> (cached pages
    /// are counted too).</summary>
    public static IApplicationBuilder UsePortalCounters(this IApplicationBuilder app) =>
        app.UseMiddleware<CounterMiddleware>();

    public static IEndpointRouteBuilder MapPortalCounters(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(CountsPath, GetCountsAsync).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<Ok<CountsResponse>> GetCountsAsync(int? bai, ViewCounter counter, HttpContext context, CancellationToken ct)
    {
        // Fresh on every request: this is what keeps cached pages' numbers current.
        context.Response.Headers.CacheControl = "no-store";
        var site = counter.SiteCounts;
        ArticleCount? article = null;
        if (bai is int id && id > 0 && await counter.GetArticleViewsAsync(id, ct) is { } views)
        {
            article = new ArticleCount(id, views);
        }

        return TypedResults.Ok(new CountsResponse(site.Total, site.Today, site.ThisMonth, site.Online, article));
    }

    public sealed record CountsResponse(long Total, long Today, long Month, long Online, ArticleCount? Article);

    public sealed record ArticleCount(int Id, long Views);
}
