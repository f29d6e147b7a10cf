using Q11Portal.Core.Letters;

namespace Q11Portal.Web.Infrastructure;

public static class SectionsWebExtensions
{
    /// <summary>Web side of the schedule and the site pages: the letter box (its guard needs the comment services of
    /// <see cref="CommentsWebServiceCollectionExtensions.AddPortalCommentsWeb"/>) and its rate limit.</summary>
    public static IServiceCollection AddPortalSectionsWeb(this IServiceCollection services)
    {
        services.AddPortalLetters();
        services.AddLetterRateLimiting();
        return services;
    }
}
