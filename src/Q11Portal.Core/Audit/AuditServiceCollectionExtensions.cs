using Microsoft.Extensions.DependencyInjection;

namespace Q11Portal.Core.Audit;

public static class AuditServiceCollectionExtensions
{
    /// <summary>The audit log staff actions are written to, and its query for the admin page.</summary>
    public static IServiceCollection AddPortalAudit(this IServiceCollection services)
    {
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditQuery>();
        return services;
    }
}
