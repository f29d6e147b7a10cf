using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Common;

namespace Q11Portal.Core.Articles;

public static class NewsroomServiceCollectionExtensions
{
    /// <summary>The newsroom's Core services (dashboard, list, editor, workflow steps, revisions).</summary>
    public static IServiceCollection AddPortalNewsroom(this IServiceCollection services)
    {
        services.AddOptions<NewsroomOptions>().BindConfiguration(NewsroomOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<NewsroomDashboard>();
        services.AddScoped<ArticleEditQuery>();
        services.AddScoped<ArticleListQuery>();
        services.AddScoped<TagSuggestions>();
        services.AddScoped<ArticleDraftValidator>();
        services.AddScoped<ArticleDraftApplier>();
        services.AddScoped<ArticleChangeNotifier>();
        services.AddScoped<ArticleCommits>();
        services.AddScoped<ArticleWriter>();
        services.AddScoped<NewsroomWorkflow>();
        services.AddScoped<ArticleRevisions>();
        services.AddScoped<ScheduledPublishing>();
        services.AddScoped<ArticleExpiry>();
        services.AddScoped<ArticleTrash>();
        services.AddScoped<IArticleChangeHandler, SearchIndexChangeHandler>();
        return services;
    }

    /// <summary>The newsroom's clocks: the scheduler that publishes Hẹn giờ articles on time, the expiry job and the
    /// trash's 30-day purge; web host only (the CLI does not run them).</summary>
    public static IServiceCollection AddScheduledPublishing(this IServiceCollection services)
    {
        JobLease.AddJobLease(services);
        services.AddHostedService<ScheduledPublisherService>();
        services.AddHostedService<ArticleExpiryService>();
        services.AddHostedService<ArticleTrashPurgeService>();
        return services;
    }
}
