using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Common;

namespace Q11Portal.Web.Infrastructure;

/// <summary>The output cache of every page a reader opens: articles, home, category, tag, day and topic pages, feeds and
/// sitemaps (<c>[OutputCache(PolicyName = PublicPageCache.Policy)]</c>); search is not cached.
/// <list type="bullet">
/// <item>Rules in <see cref="PublicPageCachePolicy"/>: one copy for readers with and without cookies, none for staff,
/// only the page's own query parameters in the key (<see cref="PageQuery"/>).</item>
/// <item>A page lives <see cref="Duration"/> at most. Sooner, every cached public page is dropped when public content
/// changes: at once for this node's own writes (admin changes, this node's search index taking in changed articles)
/// and within <see cref="ContentChangeEvictionService"/>'s poll of the shared <c>ContentChanges</c> log for changes
/// made on other nodes, of any content kind.</item>
/// <item>The counters are counted before the cache (<c>UsePortalCounters</c>, which also adds the visitor cookie to a
/// cached answer) and refreshed on the page by <c>counters.js</c>; the comment form fetches its token when used.</item>
/// <item>A last good copy of each page outlives the cache for database outages (<see cref="PublicPageStaleCopies"/>).</item>
/// </list></summary>
public static class PublicPageCache
{
    public const string Policy = "PublicPages";
    public const string Tag = "public-pages";
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(60);

    /// <summary>True for an action rendering a public page (its output is cached with <see cref="Policy"/>).</summary>
    public static bool IsPublicPage(Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor action) =>
        action.EndpointMetadata.OfType<OutputCacheAttribute>().Any(a => a.PolicyName == Policy);

    public static IServiceCollection AddPublicPageCache(this IServiceCollection services)
    {
        services.AddOptions<PublicPageCacheOptions>().BindConfiguration(PublicPageCacheOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOutputCache(o => o.AddPolicy(Policy, new PublicPageCachePolicy()));
        services.AddOptions<OutputCacheOptions>().Configure<IOptions<PublicPageCacheOptions>>(
            (output, pages) => output.SizeLimit = pages.Value.OutputCacheMegabytes * 1024L * 1024L);
        services.AddSingleton<PublicPageCacheInvalidator>();
        services.AddSingleton<IArticleChangeObserver>(sp => sp.GetRequiredService<PublicPageCacheInvalidator>());
        services.AddHostedService<ContentChangeEvictionService>();
        services.AddPublicPageStaleCopies();
        return services;
    }
}

/// <summary>Drops every cached public page, and what pages read from memory (<see cref="IPublicContentCache"/>: the menu
/// and sidebar, the documents bodies link to), when public content changed.</summary>
public sealed class PublicPageCacheInvalidator(IOutputCacheStore store, IEnumerable<IPublicContentCache> memory) : IArticleChangeObserver
{
    private readonly IPublicContentCache[] caches = [.. memory];

    public Task ArticlesChangedAsync(CancellationToken ct) => EvictAllAsync(ct);

    public async Task EvictAllAsync(CancellationToken ct)
    {
        foreach (var cache in caches)
        {
            cache.Evict();
        }

        await store.EvictByTagAsync(PublicPageCache.Tag, ct);
    }
}

/// <summary>After a change in the admin area (any method but GET and HEAD) drops the cached public pages, which show
/// categories, sidebar blocks, tags and topics.</summary>
public sealed class EvictPublicPagesAfterAdminChange(PublicPageCacheInvalidator invalidator) : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        await next();
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)
            && string.Equals(context.RouteData.Values["area"] as string, "Admin", StringComparison.OrdinalIgnoreCase))
        {
            await invalidator.EvictAllAsync(CancellationToken.None);
        }
    }
}
