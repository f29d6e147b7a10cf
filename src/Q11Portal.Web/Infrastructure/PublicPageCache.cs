using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.OutputCaching;
using Q11Portal.Core.Articles;

namespace Q11Portal.Web.Infrastructure;

/// <summary>The built-in output cache for the pages every resident reads and no one reads differently: home, category,
/// tag, day and topic pages, feeds and sitemaps (<c>[OutputCache(PolicyName = PublicPageCache.Policy)]</c>). Article
/// pages are not cached (their comment form carries a single-use token), nor is search.
/// <list type="bullet">
/// <item>ASP.NET Core's default rules apply: only anonymous GET/HEAD answered 200 without a cookie being set are
/// stored or served, so signed-in staff always see live pages, and the query string is part of the key.</item>
/// <item>A page lives <see cref="Duration"/> at most. Sooner, it is dropped whenever this node's search index takes in
/// changed articles (<see cref="IArticleChangeObserver"/>: this node's edits at once, other nodes' within the index
/// sync's poll, scheduled publications and imports alike) and after any change made in the admin area here
/// (categories, sidebar blocks, tags, topics).</item>
/// <item>The counters are counted before the cache (<c>UsePortalCounters</c>) and refreshed on the page by
/// <c>counters.js</c>, so a cached page neither loses views nor shows stale numbers for long.</item>
/// </list></summary>
public static class PublicPageCache
{
    public const string Policy = "PublicPages";
    public const string Tag = "public-pages";
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(60);

    public static IServiceCollection AddPublicPageCache(this IServiceCollection services)
    {
        services.AddOutputCache(o => o.AddPolicy(Policy, b => b.Expire(Duration).Tag(Tag)));
        services.AddSingleton<IArticleChangeObserver, PublicPageCacheInvalidator>();
        return services;
    }
}

/// <summary>Drops every cached public page when articles changed.</summary>
public sealed class PublicPageCacheInvalidator(IOutputCacheStore store) : IArticleChangeObserver
{
    public Task ArticlesChangedAsync(CancellationToken ct) => store.EvictByTagAsync(PublicPageCache.Tag, ct).AsTask();
}

/// <summary>After a change in the admin area (any method but GET and HEAD) drops the cached public pages, which show
/// categories, sidebar blocks, tags and topics.</summary>
public sealed class EvictPublicPagesAfterAdminChange(IOutputCacheStore store) : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        await next();
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)
            && string.Equals(context.RouteData.Values["area"] as string, "Admin", StringComparison.OrdinalIgnoreCase))
        {
            await store.EvictByTagAsync(PublicPageCache.Tag, CancellationToken.None);
        }
    }
}
