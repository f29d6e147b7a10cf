using Microsoft.Extensions.DependencyInjection;

namespace Q11Portal.Core.Sidebar;

public static class SidebarServiceCollectionExtensions
{
    /// <summary>The sidebar blocks readers see (links, banners, video, photo reportage) and editors' management of them.</summary>
    public static IServiceCollection AddPortalSidebar(this IServiceCollection services)
    {
        services.AddScoped<SidebarService>();
        services.AddScoped<SidebarAdminService>();
        return services;
    }
}
