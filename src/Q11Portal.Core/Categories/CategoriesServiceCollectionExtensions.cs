using Microsoft.Extensions.DependencyInjection;

namespace Q11Portal.Core.Categories;

public static class CategoriesServiceCollectionExtensions
{
    /// <summary>The category menu and pages, and editors' management of categories.</summary>
    public static IServiceCollection AddPortalCategories(this IServiceCollection services)
    {
        services.AddScoped<CategoryService>();
        services.AddScoped<CategoryAdminService>();
        return services;
    }
}
