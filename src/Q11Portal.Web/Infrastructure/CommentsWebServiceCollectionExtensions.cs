using Q11Portal.Core.Comments;
using Q11Portal.Web.Areas.Admin.Controllers;

namespace Q11Portal.Web.Infrastructure;

public static class CommentsWebServiceCollectionExtensions
{
    /// <summary>Registers comments for the web host: Core's comment services, the "Bình luận chờ duyệt" dashboard tile
    /// and the per-client rate limit on posting (<see cref="CommentRateLimiting"/>).</summary>
    public static IServiceCollection AddPortalCommentsWeb(this IServiceCollection services)
    {
        services.AddPortalComments();
        services.AddScoped<IDashboardTileSource, PendingCommentsTile>();
        return services.AddCommentRateLimiting();
    }
}
