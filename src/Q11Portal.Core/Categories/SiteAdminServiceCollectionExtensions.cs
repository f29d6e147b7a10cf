using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Sidebar;
using Q11Portal.Core.Tags;

namespace Q11Portal.Core.Categories;

public static class SiteAdminServiceCollectionExtensions
{
    /// <summary>Editors' management of categories, tags and sidebar blocks.</summary>
    public static IServiceCollection AddPortalSiteAdministration(this IServiceCollection services)
    {
        services.AddScoped<CategoryAdminService>();
        services.AddScoped<TagAdminService>();
        services.AddScoped<TagService>();
        services.AddScoped<SidebarAdminService>();
        return services;
    }
}
