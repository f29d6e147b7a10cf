using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Q11Portal.Web.Infrastructure;

/// <summary>Compressed answers and long-lived static files.
/// <list type="bullet">
/// <item>Files of wwwroot (the build's static web assets, wwwroot/lib included) go out through <c>MapStaticAssets</c>:
/// fingerprinted at build time, precompressed (Brotli and gzip, see the project file), with ETags. The versioned URL
/// that <c>asp-append-version</c> writes is kept for a year (<c>immutable</c>); the plain URL only briefly.</item>
/// <item>Pages, feeds and JSON are compressed per response (Brotli, else gzip) at the fastest level: a 30 KB page costs
/// a fraction of a millisecond, and the cached pages are compressed on the way out.</item>
/// <item>Over HTTPS nothing that may carry a secret beside reflected text is compressed (BREACH): no answer to a
/// signed-in user, none that the antiforgery system marked uncacheable (a form token), nothing but GET/HEAD.</item>
/// </list></summary>
public static class StaticAssetsAndCompression
{
    /// <summary>Lifetime of a static file asked for without its version (favicon, a worker script a library loads by a
    /// relative path): short, so a deployment reaches every reader within the hour.</summary>
    public static readonly TimeSpan UnversionedLifetime = TimeSpan.FromHours(1);

    private static readonly string[] CompressedTypes =
    [
        "text/html", "text/css", "text/plain", "text/xml", "text/javascript", "application/javascript",
        "application/json", "application/xml", "application/rss+xml", "application/atom+xml", "application/ld+json",
        "application/manifest+json", "image/svg+xml",
    ];

    public static IServiceCollection AddPortalCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = CompressedTypes;
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.AddSingleton<IResponseCompressionProvider, PortalCompressionProvider>();
        return services;
    }

    /// <summary>Response compression; call early, before anything that writes a body.</summary>
    public static IApplicationBuilder UsePortalCompression(this IApplicationBuilder app) => app.UseResponseCompression();

    /// <summary>The build's static web assets as endpoints (call after <c>UseRouting</c>). A file in wwwroot that the
    /// build did not see (written at run time) is still served by the plain static file middleware.</summary>
    public static IEndpointRouteBuilder MapPortalStaticAssets(this IEndpointRouteBuilder endpoints)
    {
        var assets = endpoints.MapStaticAssets();
        assets.Add(builder =>
        {
            if (builder is not RouteEndpointBuilder route || route.Metadata.OfType<StaticAssetDescriptor>().FirstOrDefault() is not { } descriptor
                || builder.RequestDelegate is not { } inner)
            {
                return;
            }

            // Said here rather than left to the manifest: a build's manifest (a Release build run in place, the tests)
            // marks every route "no-cache", a publish's only the plain ones.
            var cacheControl = IsFingerprinted(descriptor) ? VersionedCacheControl : UnversionedCacheControl;
            builder.RequestDelegate = context =>
            {
                context.Response.OnStarting(() =>
                {
                    if (context.Response.StatusCode is StatusCodes.Status200OK or StatusCodes.Status304NotModified)
                    {
                        context.Response.Headers.CacheControl = cacheControl;
                    }

                    return Task.CompletedTask;
                });
                return inner(context);
            };
        });
        return endpoints;
    }

    private const string VersionedCacheControl = "public, max-age=31536000, immutable";

    private static readonly string UnversionedCacheControl = $"public, max-age={(int)UnversionedLifetime.TotalSeconds}";

    /// <summary>"css/site.{fingerprint}.css": the route differs from the file's own path, which the framework keeps as
    /// the endpoint's "label".</summary>
    private static bool IsFingerprinted(StaticAssetDescriptor descriptor) =>
        descriptor.Properties.FirstOrDefault(p => p.Name == "label") is { } label
        && !string.Equals(label.Value, descriptor.Route, StringComparison.Ordinal);
}

/// <summary>The framework's choice of what to compress, minus what could leak a secret over HTTPS (BREACH): answers to
/// signed-in users, answers carrying a form token (the antiforgery system marks them <c>no-store</c>), and anything
/// but GET/HEAD.</summary>
public sealed class PortalCompressionProvider(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
    : ResponseCompressionProvider(services, options)
{
    public override bool ShouldCompressResponse(HttpContext context)
    {
        if (context.Request.IsHttps
            && (context.User.Identity?.IsAuthenticated == true
                || !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                || context.Response.Headers[HeaderNames.CacheControl].ToString().Contains("no-store", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        return base.ShouldCompressResponse(context);
    }
}
