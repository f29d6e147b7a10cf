using Microsoft.Extensions.DependencyInjection;

namespace Q11Portal.Core.Import;

public static class ImportServiceCollectionExtensions
{
    /// <summary>Importing articles from a JSON file (the CLI's <c>import</c>).</summary>
    public static IServiceCollection AddPortalImport(this IServiceCollection services)
    {
        services.AddScoped<ArticleImporter>();
        return services;
    }
}
