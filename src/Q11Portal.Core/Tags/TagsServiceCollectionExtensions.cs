using Microsoft.Extensions.DependencyInjection;

namespace Q11Portal.Core.Tags;

public static class TagsServiceCollectionExtensions
{
    /// <summary>Tag pages and suggestions, and editors' management of tags (rename, merge, delete).</summary>
    public static IServiceCollection AddPortalTags(this IServiceCollection services)
    {
        services.AddScoped<TagService>();
        services.AddScoped<TagAdminService>();
        return services;
    }
}
