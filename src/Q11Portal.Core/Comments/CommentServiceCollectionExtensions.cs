using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Common;

namespace Q11Portal.Core.Comments;

public static class CommentServiceCollectionExtensions
{
    /// <summary>Comment services that do not depend on HTTP: options, text rules, tokens, ALTCHA, the submission
    /// guard, moderation, and the privacy job.</summary>
    public static IServiceCollection AddPortalComments(this IServiceCollection services)
    {
        services.AddOptions<CommentOptions>()
            .BindConfiguration(CommentOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddDataProtection();
        services.AddSingleton<CommentSecrets>();
        services.AddSingleton<ClientAddressHasher>();
        services.AddSingleton<AltchaService>();
        services.AddSingleton<CommentFormToken>();
        services.AddScoped<SpentTokenStore>();
        services.AddScoped<CommentService>();
        services.AddScoped<CommentSubmissionGuard>();
        services.AddScoped<CommentModeration>();
        JobLease.AddJobLease(services);
        services.AddSingleton<CommentPrivacyJob>();
        services.AddHostedService(sp => sp.GetRequiredService<CommentPrivacyJob>());
        return services;
    }
}
