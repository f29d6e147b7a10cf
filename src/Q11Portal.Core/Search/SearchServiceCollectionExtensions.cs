using Microsoft.Extensions.DependencyInjection;

namespace Q11Portal.Core.Search;

public static class SearchServiceCollectionExtensions
{
    /// <summary>The search index, search, related news and (unless <c>Search:BackgroundSync</c> is false) the sync loop.</summary>
    public static IServiceCollection AddPortalSearch(this IServiceCollection services)
    {
        services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SearchIndex>();
        services.AddSingleton<SearchIndexer>();
        services.AddSingleton<RelatedNewsEngine>();
        services.AddSingleton<SearchService>();
        services.AddSingleton<TitleSuggestions>();
        services.AddScoped<RelatedArticleService>();
        services.AddScoped<ArticleIndexingService>();
        services.AddHostedService<SearchIndexSyncService>();
        return services;
    }
}
