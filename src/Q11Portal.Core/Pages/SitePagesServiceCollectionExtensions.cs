using Microsoft.Extensions.DependencyInjection;

namespace Q11Portal.Core.Pages;

public static class SitePagesServiceCollectionExtensions
{
    /// <summary>Site pages (Giới thiệu, Liên hệ, the privacy notice, admins' own pages): reading and editing.</summary>
    public static IServiceCollection AddPortalSitePages(this IServiceCollection services)
    {
        services.AddScoped<SitePageService>();
        services.AddScoped<SitePageEditor>();
        return services;
    }
}
