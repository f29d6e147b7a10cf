using Microsoft.Extensions.DependencyInjection;

namespace Q11Portal.Core.Media;

public static class MediaServiceCollectionExtensions
{
    /// <summary>Image uploads, the media library and document attachments.</summary>
    public static IServiceCollection AddPortalMedia(this IServiceCollection services)
    {
        services.AddOptions<MediaOptions>()
            .BindConfiguration(MediaOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ImageProcessor>();
        services.AddSingleton<WebpRenditions>();
        services.AddSingleton<ClamAvScanner>();
        services.AddScoped<MediaService>();
        services.AddScoped<AttachmentService>();
        return services;
    }
}
