using Microsoft.Extensions.DependencyInjection;

namespace Q11Portal.Core.Reports;

public static class ReportsServiceCollectionExtensions
{
    /// <summary>Report fields, key figures and topic pages.</summary>
    public static IServiceCollection AddPortalReports(this IServiceCollection services)
    {
        services.AddScoped<ReportService>();
        services.AddScoped<TopicService>();
        return services;
    }
}
