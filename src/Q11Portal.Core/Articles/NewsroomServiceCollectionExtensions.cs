using Microsoft.Extensions.DependencyInjection;

namespace Q11Portal.Core.Articles;

public static class NewsroomServiceCollectionExtensions
{
    /// <summary>The newsroom's Core services (dashboard, editor, workflow, revisions).</summary>
    public static IServiceCollection AddPortalNewsroom(this IServiceCollection services)
    {
        services.AddScoped<NewsroomDashboard>();
        return services;
    }
}
