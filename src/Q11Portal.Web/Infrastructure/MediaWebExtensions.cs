using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;
using Q11Portal.Core.Data;
using Q11Portal.Core.Media;

namespace Q11Portal.Web.Infrastructure;

/// <summary>Media files (image renditions) served from the uploads directory.</summary>
public static class MediaWebExtensions
{
    /// <summary>Serves <c>PortalPaths.UploadsDirectory</c> at <c>/media/…</c>. Renditions never change once written
    /// (a new upload gets a new stored name), so browsers may keep them for a year.</summary>
    public static WebApplication UsePortalMedia(this WebApplication app)
    {
        var paths = app.Services.GetRequiredService<PortalPaths>();
        paths.EnsureCreated();
        // A WebP rendition not on disk yet (media from before WebP, the thumbnail width) is made from its JPEG now.
        var webp = app.Services.GetRequiredService<WebpRenditions>();
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                && request.Path.StartsWithSegments(MediaPaths.UrlPrefix.TrimEnd('/'), out var rest)
                && rest.Value is { } relative && relative.EndsWith(".webp", StringComparison.Ordinal))
            {
                await webp.EnsureAsync(relative.TrimStart('/'), context.RequestAborted);
            }

            await next(context);
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(paths.UploadsDirectory),
            RequestPath = MediaPaths.UrlPrefix.TrimEnd('/'),
            OnPrepareResponse = ctx =>
            {
                var headers = ctx.Context.Response.Headers;
                headers[HeaderNames.CacheControl] = "public,max-age=31536000,immutable";
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
            },
        });
        return app;
    }
}
