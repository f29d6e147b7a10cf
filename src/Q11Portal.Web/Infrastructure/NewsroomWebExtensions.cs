using Q11Portal.Core.Articles;

namespace Q11Portal.Web.Infrastructure;

public static class NewsroomWebExtensions
{
    /// <summary>The newsroom in the web host: the scheduler that publishes Hẹn giờ articles on time.</summary>
    public static IServiceCollection AddNewsroom(this IServiceCollection services)
    {
        services.AddScheduledPublishing();
        return services;
    }
}
