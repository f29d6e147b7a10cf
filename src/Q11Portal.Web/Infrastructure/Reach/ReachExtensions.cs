using Microsoft.Extensions.Options;
using Q11Portal.Core.Syndication;

namespace Q11Portal.Web.Infrastructure.Reach;

/// <summary>Feeds, sitemaps, share previews and the security headers.</summary>
public static class ReachExtensions
{
    public static IServiceCollection AddPortalReach(this IServiceCollection services)
    {
        services.AddOptions<PublicSiteOptions>()
            .BindConfiguration(PublicSiteOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<SecurityHeaderOptions>().BindConfiguration(SecurityHeaderOptions.SectionName)
            .Configure<IOptions<PublicSiteOptions>>((o, site) => o.SiteOrigin ??= Uri.TryCreate(site.Value.BaseUrl, UriKind.Absolute, out var uri)
                ? uri.GetLeftPart(UriPartial.Authority) : null);
        services.AddSingleton<PublicUrls>();
        services.AddScoped<SyndicationService>();
        return services;
    }

    /// <summary>First in the pipeline, so every response carries the headers (see <see cref="SecurityHeadersMiddleware"/>).</summary>
    public static IApplicationBuilder UsePortalSecurityHeaders(this IApplicationBuilder app) =>
        app.UseMiddleware<SecurityHeadersMiddleware>();
}
