using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using Q11Portal.Web.Infrastructure.Reach;

namespace Q11Portal.Web.Infrastructure;

/// <summary>The proxies in front of the nodes (nginx, ARR, a load balancer) whose X-Forwarded-For and
/// X-Forwarded-Proto the portal believes. Empty (the default): no forwarded header is believed at all.</summary>
public sealed class ReverseProxyOptions : IValidatableObject
{
    public const string SectionName = "ReverseProxy";

    /// <summary>Addresses of the proxies, e.g. ["10.0.0.5", "::1"].</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of the proxies in CIDR form, e.g. ["10.0.0.0/24"].</summary>
    public string[] KnownNetworks { get; set; } = [];

    public bool Enabled => KnownProxies.Length > 0 || KnownNetworks.Length > 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult($"ReverseProxy:KnownProxies: '{proxy}' is not an IP address.", [nameof(KnownProxies)]);
        }

        foreach (var network in KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult($"ReverseProxy:KnownNetworks: '{network}' is not a network in CIDR form (10.0.0.0/24).", [nameof(KnownNetworks)]);
        }
    }
}

/// <summary>Running behind a TLS-ending proxy: the client's address and scheme from the forwarded headers of known
/// proxies only, and, when the public site (<c>PublicSite:BaseUrl</c>) is HTTPS, plain HTTP redirected to it, HSTS for a
/// year and every cookie Secure. X-Forwarded-Host is never read: absolute links come from <c>PublicSite:BaseUrl</c>.</summary>
public static class ReverseProxy
{
    public static readonly TimeSpan HstsMaxAge = TimeSpan.FromDays(365);

    public static IServiceCollection AddPortalReverseProxy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReverseProxyOptions>()
            .BindConfiguration(ReverseProxyOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ReverseProxyOptions>>((o, proxy) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback; only what is configured is trusted here.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var address in proxy.Value.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(address));
            }

            foreach (var network in proxy.Value.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }

            // Walk back through X-Forwarded-For while each hop is a known proxy: the first unknown one is the client.
            o.ForwardLimit = null;
        });
        services.AddHsts(o => o.MaxAge = HstsMaxAge);
        if (IsHttpsSite(configuration))
        {
            services.Configure<CookiePolicyOptions>(o => o.Secure = CookieSecurePolicy.Always);
        }

        return services;
    }

    /// <summary>First in the pipeline, so that everything after it (security headers, logging, rate limits, audit,
    /// cookies) sees the client's address and scheme.</summary>
    public static WebApplication UsePortalReverseProxy(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ReverseProxyOptions>>().Value.Enabled)
        {
            app.UseForwardedHeaders();
        }

        var site = app.Services.GetRequiredService<IOptions<PublicSiteOptions>>().Value;
        if (IsHttps(site.BaseUrl))
        {
            var origin = site.BaseUrl!.TrimEnd('/');
            app.Use((context, next) => RedirectToHttps(context, next, origin));
            app.UseCookiePolicy();
            if (app.Environment.IsDevelopment())
            {
                // Elsewhere the pipeline already sends HSTS on HTTPS responses.
                app.UseHsts();
            }
        }

        return app;
    }

    public static bool IsHttpsSite(IConfiguration configuration) => IsHttps(configuration[PublicSiteOptions.SectionName + ":BaseUrl"]);

    private static bool IsHttps(string? baseUrl) => baseUrl?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>To the public address, never to the request's Host header; health probes and metrics scrapes of a node are
    /// answered on plain HTTP, since a load balancer or Prometheus asks the node directly.</summary>
    private static Task RedirectToHttps(HttpContext context, RequestDelegate next, string origin)
    {
        var request = context.Request;
        if (request.IsHttps || request.Path.StartsWithSegments("/health") || request.Path.StartsWithSegments("/metrics"))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status308PermanentRedirect;
        context.Response.Headers.Location = origin + request.Path.ToUriComponent() + request.QueryString.ToUriComponent();
        return Task.CompletedTask;
    }
}
