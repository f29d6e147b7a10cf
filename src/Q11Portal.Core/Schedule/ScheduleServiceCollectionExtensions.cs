using Microsoft.Extensions.DependencyInjection;

namespace Q11Portal.Core.Schedule;

public static class ScheduleServiceCollectionExtensions
{
    /// <summary>The Standing Committee's weekly work schedule: reading it and editing it.</summary>
    public static IServiceCollection AddPortalSchedule(this IServiceCollection services)
    {
        services.AddScoped<ScheduleService>();
        services.AddScoped<ScheduleEditor>();
        return services;
    }
}
