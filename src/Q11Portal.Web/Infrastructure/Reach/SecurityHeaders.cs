using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Q11Portal.Web.Infrastructure.Reach;

/// <summary>The security headers every response carries, pages, errors, static files, feeds and health checks alike.</summary>
public sealed class SecurityHeaderOptions
{
    public const string SectionName = "SecurityHeaders";

    /// <summary>Hosts whose video players article bodies may embed (the sanitizer keeps the same list of iframes).</summary>
    public string[] FrameSources { get; set; } = ["https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"];

    /// <summary>Where images may come from besides the site. Article bodies keep only the portal's own media (the
    /// sanitizer removes other images), so no reader's browser is sent to another server.</summary>
    public string[] ImageSources { get; set; } = ["data:"];

    /// <summary>The public origin (from PublicSite:BaseUrl), allowed for images and media when pages are served from
    /// another address (a node's own host name); null when not configured.</summary>
    public string? SiteOrigin { get; set; }

    /// <summary>Extra script origins (none by default: every script is a same-origin file, including the ALTCHA worker).</summary>
    public string[] ScriptSources { get; set; } = [];
}

/// <summary>Adds the headers on <c>OnStarting</c>, so they survive the exception handler and status-code re-execution,
/// which clear the response. A header an endpoint set itself is left alone.</summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<SecurityHeaderOptions> options)
{
    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), browsing-topics=()";

    private readonly string policy = BuildPolicy(options.Value, https: false);
    private readonly string httpsPolicy = BuildPolicy(options.Value, https: true);

    /// <summary>Scripts only from the site's own files (no inline code, no eval); styles from the site's files, with
    /// <c>style</c> attributes allowed because sanitized article bodies keep alignment and table widths; the site may be
    /// framed only by itself.</summary>
    public static string BuildPolicy(SecurityHeaderOptions o, bool https)
    {
        static string Join(IEnumerable<string> parts) => string.Join(' ', parts.Where(p => p.Length > 0));
        var directives = new List<string>
        {
            "default-src 'self'",
            "script-src " + Join(["'self'", .. o.ScriptSources]),
            "style-src 'self'",
            "style-src-attr 'unsafe-inline'",
            "img-src " + Join(["'self'", .. o.ImageSources, o.SiteOrigin ?? string.Empty]),
            "font-src 'self'",
            "connect-src 'self'",
            "media-src " + Join(["'self'", o.SiteOrigin ?? string.Empty]),
            "worker-src 'self'",
            "frame-src " + (o.FrameSources.Length == 0 ? "'none'" : Join(o.FrameSources)),
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'self'",
            "manifest-src 'self'",
        };
        if (https)
        {
            directives.Add("upgrade-insecure-requests");
        }

        return string.Join("; ", directives);
    }

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var (ctx, self) = ((HttpContext, SecurityHeadersMiddleware))state;
            var headers = ctx.Response.Headers;
            SetIfMissing(headers, HeaderNames.ContentSecurityPolicy, ctx.Request.IsHttps ? self.httpsPolicy : self.policy);
            SetIfMissing(headers, HeaderNames.XContentTypeOptions, "nosniff");
            SetIfMissing(headers, "Referrer-Policy", "strict-origin-when-cross-origin");
            SetIfMissing(headers, HeaderNames.XFrameOptions, "SAMEORIGIN");
            SetIfMissing(headers, "Permissions-Policy", PermissionsPolicy);
            SetIfMissing(headers, "Cross-Origin-Opener-Policy", "same-origin");
            return Task.CompletedTask;
        }, (context, this));
        return next(context);
    }

    private static void SetIfMissing(IHeaderDictionary headers, string name, string value)
    {
        if (!headers.ContainsKey(name))
        {
            headers[name] = value;
        }
    }
}
