using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace Q11Portal.Web.Infrastructure.Metrics;

/// <summary>Metrics through OpenTelemetry's Prometheus exporter, off unless <c>Metrics:Enabled</c>: the portal's meter
/// (<see cref="PortalMetrics"/>) and ASP.NET Core's built-in ones (requests, their durations, connections, rate
/// limiting, routing, errors), scraped at <c>Metrics:Path</c> from <c>Metrics:AllowedNetworks</c> only.</summary>
public static class MetricsWebExtensions
{
    private static readonly string[] FrameworkMeters =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.RateLimiting",
        "Microsoft.AspNetCore.Authentication",
        "System.Runtime",
    ];

    public static IServiceCollection AddPortalMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MetricsOptions>()
            .BindConfiguration(MetricsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (!IsEnabled(configuration))
        {
            return services;
        }

        services.AddSingleton<PortalMetrics>();
        services.AddOpenTelemetry().WithMetrics(m => m
            .AddMeter(PortalMetrics.MeterName)
            .AddMeter(FrameworkMeters)
            .AddPrometheusExporter());
        return services;
    }

    /// <summary>Right after the forwarded headers, so the allowed networks are compared with the client's address.
    /// Anyone else asking for the path falls through to the ordinary 404.</summary>
    public static WebApplication UsePortalMetricsEndpoint(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value;
        if (!options.Enabled)
        {
            return app;
        }

        var networks = options.Networks();
        var path = new PathString(options.Path);
        app.UseOpenTelemetryPrometheusScrapingEndpoint(
            meterProvider: null,
            predicate: http => http.Request.Path == path
                && http.Connection.RemoteIpAddress is { } client
                && networks.Any(n => n.Contains(client.IsIPv4MappedToIPv6 ? client.MapToIPv4() : client)),
            path: null,
            configureBranchedPipeline: null,
            optionsName: null);
        return app;
    }

    /// <summary>Around the output cache: <paramref name="useOutputCache"/> is wrapped so hits and misses can be told
    /// apart (see <see cref="PortalMetricsMiddleware"/>).</summary>
    public static WebApplication UseOutputCacheWithMetrics(this WebApplication app, Action<WebApplication> useOutputCache)
    {
        var enabled = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value.Enabled;
        if (enabled)
        {
            app.UseMiddleware<PortalMetricsMiddleware>();
        }

        useOutputCache(app);
        if (enabled)
        {
            app.Use(PortalMetricsMiddleware.MarkRendered);
        }

        return app;
    }

    public static bool IsEnabled(IConfiguration configuration) =>
        configuration.GetValue<bool>(MetricsOptions.SectionName + ":" + nameof(MetricsOptions.Enabled));
}
