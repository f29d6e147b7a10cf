using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Q11Portal.Core.Articles;

public static class ArticlesServiceCollectionExtensions
{
    /// <summary>What every article path shares: the reading service, unique slugs and the one HTML sanitizer (editor,
    /// importer, generator and seeder all store bodies through it) and the renderer that readers' copies go through. The newsroom's writes are AddPortalNewsroom.</summary>
    public static IServiceCollection AddPortalArticles(this IServiceCollection services)
    {
        services.AddOptions<ArticleBodyOptions>().BindConfiguration(ArticleBodyOptions.SectionName)
            .Configure<IConfiguration>((o, configuration) => o.SiteBaseUrl ??= configuration["PublicSite:BaseUrl"]).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ArticleHtmlSanitizer>();
        services.AddScoped<ArticleService>();
        services.AddScoped<Rendering.ArticleBodyRenderer>();
        services.AddScoped<Rendering.IArticleBodyTransform, Rendering.ArticleBodyImages>();
        services.AddScoped<ArticleSlugs>();
        return services;
    }
}
